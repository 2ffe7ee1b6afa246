import { describe, expect, it } from 'vitest';
import { inferRule } from '../../../src/core/training-log/rule.js';
import { rankEpochs, selectMetric } from '../../../src/core/training-log/select.js';
import { chooseCheckpoint, savedEpochs } from '../../../src/core/training-log/checkpoint.js';
import type { RunValidation } from '../../../src/core/training-log/merge.js';
import { mergeRuns } from '../../../src/core/training-log/merge.js';
import { parseScalars } from '../../../src/core/training-log/parse.js';

const val = (epoch: number, metrics: Record<string, number>): RunValidation => ({ epoch, metrics, raw: '', file: 'f', line: epoch, run: 'r' });

describe('inferRule (mmengine CheckpointHook)', () => {
  it('infers greater for mAP/acc keys and less for loss keys', () => {
    expect(inferRule('coco/bbox_mAP').rule).toBe('greater');
    expect(inferRule('coco/bbox_mAP_50').rule).toBe('greater');
    expect(inferRule('accuracy/top1').rule).toBe('greater');
    expect(inferRule('val/loss').rule).toBe('less');
    expect(inferRule('coco/bbox_mAP', 'less').rule).toBe('less');
  });
  it('assumes greater for lvis/bbox_AP (mmengine would raise) and says so', () => {
    const r = inferRule('lvis/bbox_AP');
    expect(r.rule).toBe('greater');
    expect(r.findings.map((f) => f.code)).toEqual(['RULE_ASSUMED']);
    expect(inferRule('lvis/bbox_AP', 'greater').findings).toEqual([]);
  });
  it('refuses a key it cannot judge', () => {
    expect(() => inferRule('pascal_voc/thing')).toThrow(expect.objectContaining({ code: 'RULE_UNKNOWN', hint: expect.stringContaining('--rule greater') }));
  });
});

describe('selectMetric and rankEpochs', () => {
  const vals = [val(5, { 'coco/bbox_mAP': 0.3 }), val(10, { 'coco/bbox_mAP': 0.4 }), val(15, { 'coco/bbox_mAP': 0.4 }), val(20, { 'coco/bbox_mAP': Number.NaN })];
  it('ranks best first, ties to the earlier epoch, NaN never', () => {
    expect(rankEpochs(vals, 'coco/bbox_mAP', 'greater').map((r) => r.epoch)).toEqual([10, 15, 5]);
    expect(rankEpochs(vals, 'coco/bbox_mAP', 'less').map((r) => r.epoch)).toEqual([5, 10, 15]);
  });
  it('lists the metrics that exist when the asked one is absent', () => {
    expect(() => selectMetric(vals, 'coco/bbox_mAP_50', 'w')).toThrow('metric coco/bbox_mAP_50 is not in w; it has: coco/bbox_mAP');
    expect(selectMetric([val(4, { 'lvis/bbox_AP': 0.2, 'lvis/bbox_AP50': 0.3 })], undefined, 'w')).toBe('lvis/bbox_AP');
    expect(() => selectMetric([val(5, {})], undefined, 'w')).toThrow(/no validation metrics in w \(1 validation/);
  });
});

describe('chooseCheckpoint', () => {
  const ranked = rankEpochs([val(70, { m: 0.445 }), val(72, { m: 0.451 }), val(75, { m: 0.447 }), val(80, { m: 0.449 })], 'm', 'greater');
  const every5 = [5, 10, 70, 75, 80].map((e) => `epoch_${e}.pth`);
  it('uses the best epoch\'s own file, then its best_ file', () => {
    expect(chooseCheckpoint(ranked, [...every5, 'epoch_72.pth'], 'm', 'greater')).toEqual({ file: 'epoch_72.pth', epoch: 72, exact: true, findings: [] });
    expect(chooseCheckpoint(ranked, [...every5, 'best_coco_bbox_mAP_epoch_72.pth'], 'coco/bbox_mAP', 'greater')).toMatchObject({ file: 'best_coco_bbox_mAP_epoch_72.pth', exact: true });
  });
  it('takes another metric\'s best_ file of the same epoch as exact', () => {
    expect(chooseCheckpoint(ranked, [...every5, 'best_coco_bbox_mAP_epoch_72.pth'], 'coco/bbox_mAP_50', 'greater')).toMatchObject({ file: 'best_coco_bbox_mAP_epoch_72.pth', epoch: 72, exact: true, findings: [] });
  });
  it('else the saved epoch with the best own value, with a warning naming both', () => {
    const c = chooseCheckpoint(ranked, every5, 'm', 'greater');
    expect(c).toMatchObject({ file: 'epoch_80.pth', epoch: 80, exact: false });
    expect(c.findings[0]?.message).toBe('best epoch 72 (m 0.451) was not saved; using epoch_80.pth (epoch 80, m 0.449)');
  });
  it('else the nearest saved epoch (earlier on a tie) when no saved epoch was validated', () => {
    const c = chooseCheckpoint(ranked, ['epoch_71.pth', 'epoch_73.pth', 'epoch_60.pth'], 'm', 'greater');
    expect(c).toMatchObject({ file: 'epoch_71.pth', epoch: 71, exact: false });
    expect(c.findings[0]?.message).toContain('using epoch_71.pth (epoch 71, not validated)');
  });
  it('reports no checkpoints instead of inventing a path', () => {
    const c = chooseCheckpoint(ranked, [], 'm', 'greater');
    expect(c.file).toBeUndefined();
    expect(c.findings.map((f) => f.code)).toEqual(['NO_CHECKPOINTS']);
  });
  it('maps best_ files to their epoch when that epoch has no regular file', () => {
    expect([...savedEpochs(['best_coco_bbox_mAP_epoch_69.pth', 'epoch_70.pth', 'best_x_epoch_70.pth'])]).toEqual([[69, 'best_coco_bbox_mAP_epoch_69.pth'], [70, 'epoch_70.pth']]);
  });
});

describe('mergeRuns', () => {
  it('lets the later run win for an epoch both validated, and for the train loss', () => {
    const a = parseScalars('{"loss": 5.0, "epoch": 30, "iter": 1}\n{"coco/bbox_mAP": 0.46, "step": 30}\n', 'a');
    const b = parseScalars('{"loss": 3.0, "epoch": 30, "iter": 1}\n{"coco/bbox_mAP": 0.40, "step": 30}\n{"coco/bbox_mAP": 0.41, "step": 35}\n', 'b');
    const m = mergeRuns([{ name: 'r1', log: a }, { name: 'r2', log: b }]);
    expect(m.validations.map((v) => [v.epoch, v.metrics['coco/bbox_mAP'], v.run])).toEqual([[30, 0.4, 'r2'], [35, 0.41, 'r2']]);
    expect(m.trainLoss).toEqual([{ epoch: 30, loss: 3 }]);
    expect(m.findings.map((f) => f.code)).toEqual(['RUN_OVERLAP']);
  });
});
