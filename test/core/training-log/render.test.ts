import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { formatBestEpochTxt } from '../../../src/core/training-log/best-epoch-txt.js';
import { sparkline } from '../../../src/core/training-log/sparkline.js';
import { niceScale } from '../../../src/core/training-log/ticks.js';
import { renderPlotSvg } from '../../../src/core/training-log/svg-plot.js';
import { parseScalars } from '../../../src/core/training-log/parse.js';
import { mergeRuns } from '../../../src/core/training-log/merge.js';
import { findBest } from '../../../src/core/training-log/best.js';

describe('formatBestEpochTxt (seed §3.3.2 format)', () => {
  it('repeats the line as key: value with Python spelling', () => {
    const raw = '{"coco/bbox_mAP": 0.648, "coco/bbox_mAP_m": 0.5, "coco/bbox_mAP_s": -1.0, "x": NaN, "y": -Infinity, "n": "a\\"b", "data_time": 4.08e-05, "step": 80}';
    expect(formatBestEpochTxt(raw)).toBe('coco/bbox_mAP: 0.648\ncoco/bbox_mAP_m: 0.5\ncoco/bbox_mAP_s: -1.0\nx: nan\ny: -inf\nn: a"b\ndata_time: 4.08e-05\nstep: 80\n');
  });
});

describe('sparkline and ticks', () => {
  it('scales between min and max; non-finite values are blanks', () => {
    expect(sparkline([0, 0.5, 1, Number.NaN])).toBe('▁▅█ ');
    expect(sparkline([2, 2])).toBe('██');
  });
  it('picks 1/2/5 steps', () => {
    expect(niceScale(0.337, 0.655, 5)).toEqual({ min: 0.3, max: 0.7, ticks: [0.3, 0.4, 0.5, 0.6, 0.7], decimals: 1 });
    expect(niceScale(0, 80, 8).ticks).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });
});

describe('renderPlotSvg', () => {
  it('draws the 80-epoch fixture (golden)', async () => {
    const text = readFileSync(new URL('../../../fixtures/best-80e/20240618_101010/vis_data/scalars.json', import.meta.url), 'utf8');
    const log = mergeRuns([{ name: 'r', log: parseScalars(text, 'x') }]);
    const best = findBest(log, { top: 5, checkpoints: [], source: 'x' });
    const svg = renderPlotSvg({
      title: 'coco/bbox_mAP per epoch',
      metrics: ['coco/bbox_mAP', 'coco/bbox_mAP_50'].map((name) => ({
        name,
        points: log.validations.map((v) => ({ epoch: v.epoch, value: v.metrics[name] ?? Number.NaN })),
      })),
      loss: log.trainLoss,
      best: { epoch: best.best.epoch, value: best.best.value },
    });
    expect(svg).toContain('best 0.448 @ epoch 75');
    expect(svg).toContain('font-family="sans-serif"');
    await expect(svg).toMatchFileSnapshot('__snapshots__/best-80e.svg');
  });
});
