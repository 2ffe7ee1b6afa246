import { spawnSync } from 'node:child_process';
import { mkdir, open, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, ScalarsParser } from '../../src/core/training-log/parse.js';
import { mergeRuns } from '../../src/core/training-log/merge.js';
import { MAX_SPARK_BARS, sparkline } from '../../src/core/training-log/sparkline.js';
import { renderPlotSvg } from '../../src/core/training-log/svg-plot.js';
import { readScalars } from '../../src/io/logs/training-runs.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * Issue 11, point 5, for `yw best`: a log that ends in a power loss's NUL bytes or holds one endless
 * line is read in one pass with flat memory, and a million validations do not overflow the stack.
 */

const BIN_CHILD = new URL('../../scripts/bench-child.js', import.meta.url).pathname;
const VALIDATION = (epoch: number, map: number) => `{"coco/bbox_mAP": ${map}, "coco/bbox_mAP_50": 0.6, "data_time": 0.001, "time": 0.02, "step": ${epoch}}\n`;
const TRAIN = (epoch: number) => `{"lr": 0.0002, "loss": 12.5, "epoch": ${epoch}, "iter": ${epoch * 10}, "step": ${epoch * 10}}\n`;

/** Runs the built yw in a child and returns its exit code, output and peak RSS in MB. */
function runMeasured(args: string[]): { code: number | null; stdout: string; stderr: string; rssMB: number } {
  const child = spawnSync(process.execPath, [BIN_CHILD, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const rss = /maxRSS=(\d+)/.exec(child.stderr);
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, rssMB: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

describe('scalars.json lines without an end', () => {
  it('a gigabyte fed without a newline is counted, not kept: one LOG_LINE_TOO_LONG, the next lines still read', () => {
    const parser = new ScalarsParser('s.json');
    parser.feed(VALIDATION(1, 0.3));
    const piece = 'x'.repeat(1 << 16);
    for (let i = 0; i < (1 << 30) / piece.length; i++) parser.feed(piece); // 1 GiB: more than any string may hold
    parser.feed(`\n${VALIDATION(2, 0.4)}`);
    const log = parser.finish();
    expect(log.validations.map((v) => v.epoch)).toEqual([1, 2]);
    expect(log.lines).toBe(3);
    expect(log.findings).toEqual([expect.objectContaining({ code: 'LOG_LINE_TOO_LONG', line: 2, message: `line is ${2 ** 30} characters long (mmengine writes a few hundred); skipped unread` })]);
  }, 300_000);

  it('keeps a line up to the limit whole, whatever the pieces', () => {
    const parser = new ScalarsParser('s.json');
    const long = `{"coco/bbox_mAP": 0.5, "note": "${'y'.repeat(MAX_LINE_CHARS - 60)}", "step": 3}`;
    expect(long.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    for (let i = 0; i < long.length; i += 4093) parser.feed(long.slice(i, i + 4093));
    parser.feed('\n');
    const log = parser.finish();
    expect(log.findings).toEqual([]);
    expect(log.validations[0]?.raw).toBe(long);
  });

  it('names a short NUL tail as what a power loss leaves', () => {
    const parser = new ScalarsParser('s.json');
    parser.feed(`${VALIDATION(1, 0.3)}${'\0'.repeat(4096)}`);
    const log = parser.finish();
    expect(log.validations).toHaveLength(1);
    expect(log.findings).toEqual([expect.objectContaining({ code: 'LOG_TRUNCATED_LINE', line: 2, message: 'the last line is 4096 NUL bytes (the file was cut short by a crash or power loss); skipped' })]);
  });

  it('yw best reads a log that ends in 1 GB of NUL bytes (a sparse file) in flat memory, exit 0', async () => {
    const dir = await tempDir();
    const file = join(dir, '20240618_101010', 'vis_data', 'scalars.json');
    await mkdir(join(dir, '20240618_101010', 'vis_data'), { recursive: true });
    let text = '';
    for (let e = 1; e <= 10; e++) text += TRAIN(e) + VALIDATION(e, e / 100);
    await writeFile(file, text);
    await truncate(file, text.length + 2 ** 30); // the file system fills the rest with NUL bytes, no disk used
    await writeFile(join(dir, 'epoch_10.pth'), '');
    const run = runMeasured(['best', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('best epoch 10: coco/bbox_mAP = 0.1');
    expect(run.stderr).toContain(`scalars.json:21: the last line is ${2 ** 30} NUL bytes (the file was cut short by a crash or power loss); skipped`);
    expect(run.rssMB).toBeLessThan(300);
  }, 300_000);

  it('readScalars passes a 32 MB NUL tail read in 64 KB pieces through the same rule', async () => {
    const dir = await tempDir();
    const file = join(dir, 'scalars.json');
    await writeFile(file, VALIDATION(1, 0.25));
    const handle = await open(file, 'a');
    await handle.write(Buffer.alloc(32 << 20));
    await handle.close();
    const log = await readScalars(file);
    expect(log.validations).toHaveLength(1);
    expect(log.findings.map((f) => `${f.code}:${f.line}`)).toEqual(['LOG_TRUNCATED_LINE:2']);
  }, 300_000);
});

describe('a million validations', () => {
  const many = Array.from({ length: 1_000_000 }, (_, i) => (i % 1000) / 1000);

  it('sparkline draws at most MAX_SPARK_BARS group means (it spread a million values into Math.min)', () => {
    expect(sparkline(many)).toBe('█'.repeat(MAX_SPARK_BARS)); // every group of 10,000 has the same mean: no span
    const rising = sparkline(many.map((_, i) => i));
    expect(rising).toHaveLength(MAX_SPARK_BARS);
    expect([rising[0], rising[50], rising[99]]).toEqual(['▁', '▅', '█']);
    expect(sparkline([...Array(150).fill(0), ...Array(50).fill(1)])).toBe(`${'▁'.repeat(75)}${'█'.repeat(25)}`);
    expect(sparkline([Number.NaN, ...Array(199).fill(1)])).toBe('█'.repeat(100)); // a group keeps its finite values
  }, 300_000);

  it('renderPlotSvg draws a million points as one line without dots', () => {
    const points = many.map((value, i) => ({ epoch: i + 1, value }));
    const svg = renderPlotSvg({ title: 't', metrics: [{ name: 'coco/bbox_mAP', points }], loss: [{ epoch: 1, loss: 2 }], best: { epoch: 999, value: 0.999 } });
    expect(svg.match(/<polyline /g)).toHaveLength(4); // metric, loss, and their two legend samples
    expect(svg).not.toContain('r="2.8"');
  }, 300_000);

  it('mergeRuns passes on a million findings', () => {
    const findings = Array.from({ length: 1_000_000 }, () => ({ code: 'X', severity: 'info' as const, message: 'm' }));
    const log = { file: 'f', validations: [], train: [], trainLines: 0, trainLinesWithoutEpoch: 0, lines: 0, findings };
    expect(mergeRuns([{ name: 'r', log }]).findings).toHaveLength(1_000_000);
  }, 300_000);

  it('yw best ranks 200,000 validation lines (it overflowed the stack near 150,000)', async () => {
    const dir = await tempDir();
    const parts: string[] = [];
    for (let e = 1; e <= 200_000; e++) parts.push(VALIDATION(e, (e % 997) / 1000));
    await writeFile(join(dir, 'scalars.json'), parts.join(''));
    const run = await runCli(['best', join(dir, 'scalars.json'), '--plot', join(dir, 'plot.svg')]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('best epoch 996: coco/bbox_mAP = 0.996');
    expect(run.stdout).toMatch(/over 200000 validations \(epochs 1-200000\): [▁-█]{100} {2}max 0\.996 at epoch 996/);
  }, 300_000);
});
