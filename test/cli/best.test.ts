import { describe, expect, it } from 'vitest';
import { lstat, readFile, readlink, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { runCli } from '../helpers/run-cli.js';
import { copyFixture } from '../helpers/tmp.js';

const fixtures = new URL('../../fixtures/', import.meta.url).pathname;

/** Copies fixture `name` to <tmp>/<name> and returns the temp root (the cwd for the run). */
async function workspace(name: string): Promise<string> {
  const root = await copyFixture(join(fixtures, name));
  return root;
}

async function json(args: string[], cwd: string): Promise<Record<string, unknown>> {
  const run = await runCli([...args, '--json'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('yw best', () => {
  it('80-epoch run: best epoch 75, its own checkpoint (golden table)', async () => {
    const cwd = await workspace('best-80e');
    const run = await runCli(['best', '.'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/best-80e.txt');
    const out = await json(['best', '.'], cwd);
    expect(out).toMatchObject({ metric: 'coco/bbox_mAP', rule: 'greater', epoch: 75, value: 0.448, checkpoint: 'epoch_75.pth', checkpoint_epoch: 75, exact: true, validations: 25, train_lines: 160 });
  });

  it('--metric coco/bbox_mAP_50: best epoch 72 is not saved, epoch 75 chosen with a warning', async () => {
    const cwd = await workspace('best-80e');
    const run = await runCli(['best', '.', '--metric', 'coco/bbox_mAP_50'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('checkpoint: epoch_75.pth (epoch 75, NOT the best epoch 72: it was not saved)');
    expect(run.stderr).toContain('CHECKPOINT_NOT_EXACT best epoch 72 (coco/bbox_mAP_50 0.655) was not saved; using epoch_75.pth (epoch 75, coco/bbox_mAP_50 0.637)');
  });

  it('best epoch not saved: the saved epoch with the best own value (80), exact false', async () => {
    const cwd = await workspace('best-unsaved');
    const out = await json(['best', '.'], cwd);
    expect(out).toMatchObject({ epoch: 72, value: 0.451, checkpoint: 'epoch_80.pth', checkpoint_epoch: 80, exact: false });
    expect((out.findings as Record<string, number>).warning).toBe(1);
    const strict = await runCli(['best', '.', '--strict'], { cwd });
    expect(strict.code).toBe(1);
    const run = await runCli(['best', '.', '--json', '--top', '3'], { cwd });
    await expect(run.stdout).toMatchFileSnapshot('__snapshots__/best-unsaved.json');
    await expect(run.stderr).toMatchFileSnapshot('__snapshots__/best-unsaved.stderr.txt');
  });

  it('save_best file: best_coco_bbox_mAP_epoch_71.pth', async () => {
    const out = await json(['best', '.'], await workspace('best-saved-best'));
    expect(out).toMatchObject({ epoch: 71, value: 0.452, checkpoint: 'best_coco_bbox_mAP_epoch_71.pth', checkpoint_epoch: 71, exact: true });
  });

  it('resumed training: runs merged in time order, the later run wins epoch 30', async () => {
    const cwd = await workspace('best-resumed');
    const out = await json(['best', '.', '--top', '25'], cwd);
    expect(out).toMatchObject({ epoch: 77, value: 0.452, runs: ['20240620_090000', '20240620_150000'], checkpoint: 'epoch_75.pth', exact: false });
    const top = out.top as { epoch: number; value: number; run: string }[];
    expect(top.find((t) => t.epoch === 30)).toMatchObject({ value: 0.401, run: '20240620_150000' });
    const first = await json(['best', '.', '--run', '20240620_090000'], cwd);
    expect(first).toMatchObject({ epoch: 30, value: 0.46, runs: ['20240620_090000'], checkpoint: 'epoch_30.pth', exact: true });
    const bad = await runCli(['best', '.', '--run', 'nope'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('runs: 20240620_090000, 20240620_150000');
  });

  it('accepts a run folder or a scalars.json file as the path', async () => {
    const cwd = await workspace('best-80e');
    for (const path of ['20240618_101010', '20240618_101010/vis_data/scalars.json']) {
      expect(await json(['best', path], cwd)).toMatchObject({ epoch: 75, checkpoint: 'epoch_75.pth' });
    }
  });

  it('NaN/Infinity, bad and truncated lines are findings, not a crash', async () => {
    const cwd = await workspace('best-nan');
    const run = await runCli(['best', '.'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('best epoch 15: coco/bbox_mAP = 0.312');
    expect(run.stderr).toContain('LOG_TRUNCATED_LINE 20240621_070000/vis_data/scalars.json:48');
    expect(run.stderr).toContain('LOG_BAD_LINE 20240621_070000/vis_data/scalars.json:22');
  });

  it('no predictions: says so and exits 1', async () => {
    const run = await runCli(['best', '.'], { cwd: await workspace('best-no-preds') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no validation metrics in . (2 validation(s) logged no metrics) [NO_METRICS]');
    expect(run.stderr).toContain('hint: the model made no predictions');
  });

  it('LVIS: lvis/bbox_AP by default, rule assumed with a warning unless --rule', async () => {
    const cwd = await workspace('best-lvis');
    const run = await runCli(['best', '.'], { cwd });
    expect(run.stdout).toContain('best epoch 8: lvis/bbox_AP = 0.284');
    expect(run.stderr).toContain('RULE_ASSUMED');
    const given = await runCli(['best', '.', '--rule', 'greater'], { cwd });
    expect(given.stderr).toBe('');
    const less = await json(['best', '.', '--rule', 'less'], cwd);
    expect(less).toMatchObject({ epoch: 4, value: 0.251, rule: 'less' });
  });

  it('an absent metric lists the metrics that exist', async () => {
    const run = await runCli(['best', '.', '--metric', 'coco/segm_mAP'], { cwd: await workspace('best-80e') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('it has: coco/bbox_mAP, coco/bbox_mAP_50, coco/bbox_mAP_75, coco/bbox_mAP_s, coco/bbox_mAP_m, coco/bbox_mAP_l');
  });

  it('--write: best_epoch.txt beside scalars.json in the seed format; refuses to overwrite without --force', async () => {
    const cwd = await workspace('best-80e');
    const run = await runCli(['best', '.', '--write'], { cwd });
    expect(run.code).toBe(0);
    const text = await readFile(join(cwd, '20240618_101010/vis_data/best_epoch.txt'), 'utf8');
    expect(text.split('\n').slice(0, 6)).toEqual(['coco/bbox_mAP: 0.448', 'coco/bbox_mAP_50: 0.637', 'coco/bbox_mAP_75: 0.485', 'coco/bbox_mAP_s: -1.0', 'coco/bbox_mAP_m: 0.359', 'coco/bbox_mAP_l: 0.502']);
    expect(text).toMatch(/\nstep: 75\n$/);
    const again = await runCli(['best', '.', '--write'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[OUTPUT_EXISTS]');
    expect((await runCli(['best', '.', '--write', '--force'], { cwd })).code).toBe(0);
  });

  it('--link: relative symlink best.pth -> chosen checkpoint; refuses an existing file without --force', async () => {
    const cwd = await workspace('best-unsaved');
    const run = await runCli(['best', '.', '--link'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('linked best.pth -> epoch_80.pth');
    expect((await lstat(join(cwd, 'best.pth'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(cwd, 'best.pth'))).toBe('epoch_80.pth');
    await writeFile(join(cwd, 'best.pth'), 'mine');
    const refused = await runCli(['best', '.', '--link'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('best.pth already exists [OUTPUT_EXISTS]');
    expect(await readFile(join(cwd, 'best.pth'), 'utf8')).toBe('mine');
    expect((await runCli(['best', '.', '--link', '--force'], { cwd })).code).toBe(0);
    expect(await readlink(join(cwd, 'best.pth'))).toBe('epoch_80.pth');
    expect((await readdir(cwd)).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('--plot: SVG and PNG files', async () => {
    const cwd = await workspace('best-80e');
    const run = await runCli(['best', '.', '--plot', 'plot.svg', '--plot-metrics', 'coco/bbox_mAP_50'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    const svg = await readFile(join(cwd, 'plot.svg'), 'utf8');
    expect(svg).toContain('>coco/bbox_mAP_50</text>');
    expect(svg).toContain('best 0.448 @ epoch 75');
    expect((await runCli(['best', '.', '--plot', 'plot.png'], { cwd })).code).toBe(0);
    const meta = await sharp(join(cwd, 'plot.png')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1720, 960]);
    const bad = await runCli(['best', '.', '--plot', 'plot.jpg'], { cwd });
    expect(bad.stderr).toContain('[PLOT_FORMAT]');
    expect((await runCli(['best', '.', '--plot', 'plot.svg'], { cwd })).stderr).toContain('[OUTPUT_EXISTS]');
  });

  it('--plot marks the substitute checkpoint when the best epoch was not saved', async () => {
    const cwd = await workspace('best-unsaved');
    expect((await runCli(['best', '.', '--plot', 'p.svg'], { cwd })).code).toBe(0);
    const svg = await readFile(join(cwd, 'p.svg'), 'utf8');
    expect(svg).toContain('>using epoch_80.pth (best epoch not saved)</text>');
    expect(svg).toContain('best 0.451 @ epoch 72');
  });

  it('help shows the examples and the rule choices', async () => {
    const run = await runCli(['best', '--help']);
    expect(run.stdout).toContain('yw best work_dirs/yolo_world_v2_l_custom --write --link');
    expect(run.stdout).toContain('choices: "greater", "less"');
  });
});
