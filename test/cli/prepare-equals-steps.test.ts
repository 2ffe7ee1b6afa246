import { describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, listAll } from '../helpers/convert-run.js';
import { runCli, type CliRun } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

interface Finding { code: string; severity: string; file?: string; line?: number; message: string }

/**
 * `yw prepare` on every layout fixture (convert-*) and every exporter's fixture (export-*) against
 * the four commands typed by hand in a second copy: the same files byte for byte, the same exit code,
 * the same findings, and the commands prepare says it stands for are the ones typed here.
 * `convert`/`config` are the flags each step gets (prepare gets all of them); `heldOut` marks a
 * dataset with train only, which prepare gives a val split as `yw convert --val-fraction 0.1` does;
 * `refuses` is the error code of a step that refuses (`refusedBy`, default convert): by hand the steps
 * before it have written their files, prepare has written nothing at all.
 */
interface Row { fixture: string; convert?: string[]; config?: string[]; heldOut?: boolean; refuses?: string; refusedBy?: 'convert' | 'config' }

const ROWS: Row[] = [
  { fixture: 'convert-classes-yaml' },
  { fixture: 'convert-dirty-labels', heldOut: true },
  { fixture: 'convert-exif', heldOut: true },
  { fixture: 'convert-images-subfolders' },
  { fixture: 'convert-labels-elsewhere', refuses: 'ANNOTATIONS_EMPTY', refusedBy: 'config' },
  { fixture: 'convert-line-ends-case' },
  { fixture: 'convert-non-utf8-names' },
  { fixture: 'convert-polygons', heldOut: true },
  { fixture: 'convert-polygons', convert: ['--val-fraction', '0.5', '--seed', '3', '--box-polygons'], config: ['--mask-refine'] },
  { fixture: 'convert-side-by-side', heldOut: true },
  { fixture: 'convert-single' },
  { fixture: 'convert-split-folders' },
  { fixture: 'convert-split-folders', config: ['--mode', 'reparam', '--size', 's', '--weights', 'pretrained_models/rep/s_rep_conv.pth', '--style', 'standalone'] },
  { fixture: 'convert-ultralytics' },
  { fixture: 'convert-yaml-big-ids', refuses: 'DATA_YAML_INVALID' },
  { fixture: 'convert-yaml-splits', refuses: 'DATA_YAML_AMBIGUOUS' },
  { fixture: 'convert-yaml-unresolved', refuses: 'NO_IMAGES' },
  { fixture: 'export-cvat-ultralytics' },
  { fixture: 'export-cvat-yolo11' },
  { fixture: 'export-darknet' },
  { fixture: 'export-fiftyone' },
  { fixture: 'export-label-studio', heldOut: true },
  { fixture: 'export-labelimg', heldOut: true },
  { fixture: 'export-labelimg', convert: ['--val-fraction', '0.4', '--seed', '7', '--category-id-start', '0'], config: ['--size', 's', '--epochs', '40', '--batch', '8'] },
  { fixture: 'export-roboflow' },
  { fixture: 'export-roboflow', config: ['--mode', 'prompt', '--size', 'm', '--lr', '1e-4', '--style', 'standalone'] },
  { fixture: 'export-roboflow-obb', convert: ['--obb-polygons'] },
  { fixture: 'export-supervision' },
  { fixture: 'export-ultralytics' },
  { fixture: 'export-ultralytics-obb' },
  { fixture: 'export-ultralytics-pose' },
  { fixture: 'export-ultralytics-predict' },
];

/** check <dataset> takes every flag of convert's but --category-id-start (which changes no finding). */
function checkArgs(convert: readonly string[]): string[] {
  const at = convert.indexOf('--category-id-start');
  return at < 0 ? [...convert] : [...convert.slice(0, at), ...convert.slice(at + 2)];
}

async function workspace(fixture: string, data: string): Promise<string> {
  const root = await tempDir('yw-prepare-');
  await cp(join(FIXTURES, fixture, 'input'), join(root, data), { recursive: true });
  return root;
}

/** The findings of a step's --report (none when it refused before writing one). */
async function reportFindings(path: string): Promise<Finding[]> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  return text === undefined ? [] : (JSON.parse(text) as { findings: Finding[] }).findings;
}

/** A finding as a comparable string, the workspace's absolute path (it differs between the two) left out. */
const keys = (root: string, findings: readonly Finding[]) =>
  [...new Set(findings.map((f) => JSON.stringify([f.code, f.severity, f.file ?? null, f.line ?? null, f.message]).split(root).join('<root>')))].sort();

async function sameFiles(a: string, b: string): Promise<string[]> {
  const files = await listAll(a);
  expect(files).toEqual(await listAll(b));
  for (const file of files) expect((await readFile(join(a, file))).equals(await readFile(join(b, file))), file).toBe(true);
  return files;
}

describe('yw prepare equals convert, check, texts, config and check --config typed by hand', () => {
  for (const row of ROWS) {
    const flags = [...(row.convert ?? []), ...(row.config ?? [])];
    it(`${row.fixture}${flags.length ? ` ${flags.join(' ')}` : ''}`, async () => {
      const data = `data/${row.fixture.replace(/^(convert|export)-/, '')}`;
      const convert = [...(row.heldOut ? ['--val-fraction', '0.1'] : []), ...(row.convert ?? [])];
      const reader = ['--reader', 'builtin'];

      const byHand = await workspace(row.fixture, data);
      const hand = (argv: string[]) => runCli(argv, { cwd: byHand });
      const steps = [
        ['convert', data, ...convert],
        ['check', data, ...checkArgs(convert)],
        ['texts', data],
        ['config', '--data', data, ...(row.config ?? [])],
      ];
      // yw config writes the command it was run with into the config: typed as prepare prints it (no --json).
      // Every finding of a step is in its --report (convert --json counts them), written outside the workspace.
      const reports = await tempDir('yw-prepare-reports-');
      const runs: CliRun[] = [];
      const findings: Finding[] = [];
      const step = async (argv: string[]) => {
        const report = join(reports, `${runs.length}.json`);
        runs.push(await hand(argv[0] === 'config' ? argv : [...argv, '--report', report]));
        if (argv[0] !== 'config') findings.push(...(await reportFindings(report)));
      };
      // By hand, one stops at a refusal (yw texts would still read data.yaml's names).
      const last = row.refuses === undefined ? steps.length : steps.findIndex((argv) => argv[0] === (row.refusedBy ?? 'convert')) + 1;
      for (const argv of steps.slice(0, last)) await step(argv);

      const prepared = await workspace(row.fixture, data);
      const run = await runCli(['prepare', data, ...flags, ...reader, '--json'], { cwd: prepared });
      const summary = run.code === 0 || run.stdout !== '' ? (JSON.parse(run.stdout) as { commands: string[]; findings: Finding[]; held_out: unknown; config_file: string }) : undefined;
      if (summary !== undefined) {
        steps.push(['check', '--config', summary.config_file, ...reader]);
        await step(steps[4]!);
      }

      expect(run.code).toBe(Math.max(...runs.map((r) => r.code)));
      if (row.refuses !== undefined) {
        expect(runs.at(-1)!.stderr).toContain(`[${row.refuses}]`);
        expect(run.stderr).toContain(`[${row.refuses}]`);
        expect(await listAll(prepared)).toEqual((await listAll(join(FIXTURES, row.fixture, 'input'))).map((f) => `${data}/${f}`));
        if (row.refusedBy === undefined) await sameFiles(prepared, byHand);
        return;
      }
      await sameFiles(prepared, byHand);
      expect(summary, run.stderr).toBeDefined();
      if (summary === undefined) return;
      expect(keys(prepared, summary.findings)).toEqual(keys(byHand, findings));
      expect(summary.commands).toEqual(steps.map((argv) => ['yw', ...argv].join(' ')));
      expect(summary.held_out === null).toBe(!row.heldOut && !convert.includes('--val-fraction'));
    });
  }
});
