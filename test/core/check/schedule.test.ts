import { describe, expect, it } from 'vitest';
import { firstValidation } from '../../../src/core/check/schedule.js';
import { PyTuple, type PyDict, type PyValue } from '../../../src/core/config-reader/values.js';

const config = (train: Record<string, PyValue>): PyDict => new Map([['train_cfg', new Map(Object.entries(train))]]);
const tuples = (...pairs: [number, number][]) => pairs.map(([a, b]) => new PyTuple([BigInt(a), BigInt(b)]));

describe('firstValidation (mmengine 0.10.3 EpochBasedTrainLoop)', () => {
  it('validates after epoch val_interval, from val_begin on', () => {
    expect(firstValidation(config({ max_epochs: 80n, val_interval: 5n }))?.epoch).toBe(5);
    expect(firstValidation(config({ max_epochs: 80n, val_interval: 5n, val_begin: 7n }))?.epoch).toBe(10);
    expect(firstValidation(config({ max_epochs: 80n }))?.epoch).toBe(1);
  });

  it('switches to a dynamic interval one epoch before its milestone (bisect on epoch + 1)', () => {
    const first = firstValidation(config({ max_epochs: 12n, val_interval: 10n, dynamic_intervals: tuples([8, 1]) }));
    expect(first).toEqual({ epoch: 7, maxEpochs: 12, from: 'train_cfg.dynamic_intervals (8, 1)' });
  });

  it('says when no epoch validates, and gives up on what it cannot compute', () => {
    expect(firstValidation(config({ max_epochs: 4n, val_interval: 5n }))).toEqual({ epoch: undefined, maxEpochs: 4, from: 'train_cfg.val_interval=5' });
    expect(firstValidation(config({ type: 'IterBasedTrainLoop', max_iters: 100n }))).toBeUndefined();
    expect(firstValidation(config({ max_epochs: 80n, dynamic_intervals: [[70n, 1n]] }))).toBeUndefined();
    expect(firstValidation(new Map())).toBeUndefined();
  });
});
