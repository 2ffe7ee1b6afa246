import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';
import { runPyconfig } from '../../helpers/python.js';
import { COMMON, REP_WEIGHTS, ROWS, RUNNER_KEYS } from './table.js';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const REF = join(FIXTURES, 'config-reference');
type Cfg = Record<string, unknown>;
type PyResult = { ok: boolean; value: Cfg; error?: string };

let dir = '';
const results = new Map<string, { standalone: PyResult; inherit: PyResult; official: PyResult; inheritText: string; base: string; classes: unknown }>();

/** Every row is generated in both styles, then one python3 process evaluates all files and references. */
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yw-config-table-'));
  await cp(join(FIXTURES, 'config-coco'), dir, { recursive: true });
  const jobs: unknown[] = [];
  const meta: { official: string; inheritText: string; base: string }[] = [];
  for (const row of ROWS) {
    const name = basename(row.official);
    for (const style of ['standalone', 'inherit']) {
      const run = await runCli(['config', ...COMMON, ...row.args, '--style', style, '--out', `configs/custom/${name}.${style}.py`], { cwd: dir });
      expect(run.stderr.replace(/^warning .*\n/gm, '')).toBe('');
      expect(run.code).toBe(0);
    }
    const inheritText = await readFile(join(dir, `configs/custom/${name}.inherit.py`), 'utf8');
    const base = /^_base_ = '(.*)'$/m.exec(inheritText)?.[1] ?? '';
    meta.push({ official: row.official, inheritText, base });
    jobs.push(
      { kind: 'eval', file: join(dir, `configs/custom/${name}.standalone.py`), base: null },
      { kind: 'eval', file: join(dir, `configs/custom/${name}.inherit.py`), base: join(REF, 'mmyolo', basename(base).replace(/\.py$/, '.json')) },
      { kind: 'ref', file: join(REF, 'official', `${name}.json`) },
    );
  }
  const classes = JSON.parse(await readFile(join(dir, 'data/texts/coco_class_texts.json'), 'utf8')).map((t: string[]) => t[0]);
  const out = runPyconfig<PyResult>(jobs);
  meta.forEach((m, i) => {
    results.set(m.official, { standalone: out[3 * i]!, inherit: out[3 * i + 1]!, official: out[3 * i + 2]!, inheritText: m.inheritText, base: m.base, classes });
  });
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The allowed differences: metainfo is added on every inner dataset, load_from uses published names. */
function withoutAllowedDiffs(cfg: Cfg, classes: string[]): Cfg {
  const runner = Object.fromEntries(RUNNER_KEYS.filter((k) => k in cfg).map((k) => [k, structuredClone(cfg[k])]));
  for (const loader of ['train_dataloader', 'val_dataloader', 'test_dataloader']) {
    const outer = (runner[loader] as Cfg).dataset as Cfg;
    const inner = outer.type === 'MultiModalDataset' ? (outer.dataset as Cfg) : outer;
    expect(inner.metainfo, `${loader} metainfo`).toEqual({ classes: { __tuple__: classes } });
    delete inner.metainfo;
  }
  delete runner.load_from;
  return runner;
}

const runnerOf = (cfg: Cfg) => Object.fromEntries(RUNNER_KEYS.filter((k) => k in cfg).map((k) => [k, cfg[k]]));

describe.each(ROWS)('$official', (row) => {
  const get = () => results.get(row.official)!;

  it('standalone: the emitted file, evaluated by Python without a base, equals the official resolved config', () => {
    const r = get();
    expect(r.standalone.error).toBeUndefined();
    expect(r.standalone.value.load_from).toBe(row.loadFrom);
    expect(withoutAllowedDiffs(r.standalone.value, r.classes as string[])).toEqual(withoutAllowedDiffs2(r.official.value));
  });

  it('inherit: Python parses it, and merged into the mmyolo base it equals the official resolved config', () => {
    const r = get();
    expect(r.inherit.error).toBeUndefined();
    const official = r.official.value;
    expect(r.base).toBe(`../../third_party/mmyolo/configs/yolov8/${basename(r.base)}`);
    expect(withoutAllowedDiffs(r.inherit.value, r.classes as string[])).toEqual(withoutAllowedDiffs2(official));
    expect(r.inheritText).not.toContain('{{');
  });

  it('load_from is the published file with the same hash as the official name', () => {
    const official = get().official.value.load_from as string | null;
    const hash = (s: string) => /-([0-9a-f]{8})(_rep_conv)?\.pth$/.exec(s)?.[1];
    // the rep rows load the user's reparameterized file; the official ones were never published
    if (official !== null && row.loadFrom !== REP_WEIGHTS) expect(hash(row.loadFrom)).toBe(hash(official));
    expect(runnerOf(get().standalone.value).load_from).toBe(row.loadFrom);
  });
});

function withoutAllowedDiffs2(official: Cfg): Cfg {
  const runner = Object.fromEntries(RUNNER_KEYS.filter((k) => k in official).map((k) => [k, structuredClone(official[k])]));
  delete runner.load_from;
  return runner;
}
