import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScalars, ScalarsParser, FINDINGS_PER_CODE } from '../../../src/core/training-log/parse.js';
import { replacePythonLiterals } from '../../../src/core/training-log/literals.js';
import { scanTrainLine, type TrainScan } from '../../../src/core/training-log/flat-scan.js';

const fixture = (name: string, run: string): string =>
  readFileSync(new URL(`../../../fixtures/${name}/${run}/vis_data/scalars.json`, import.meta.url), 'utf8');

describe('replacePythonLiterals', () => {
  it('rewrites NaN and ±Infinity outside strings only', () => {
    expect(replacePythonLiterals('{"a": NaN, "b": -Infinity, "c": Infinity, "s": "NaN Infinity \\" NaN"}')).toBe(
      '{"a": null, "b": -1e999, "c": 1e999, "s": "NaN Infinity \\" NaN"}',
    );
    expect(replacePythonLiterals('{"a": 1}')).toBeUndefined();
    expect(JSON.parse(replacePythonLiterals('[-Infinity]') ?? '')).toEqual([-Infinity]);
  });
});

describe('scanTrainLine (fast path)', () => {
  const out: TrainScan = { epoch: -1, loss: Number.NaN, nonFinite: false };
  it('reads epoch and loss from a valid flat train line, in any key order', () => {
    expect(scanTrainLine('{"step": 50, "loss": 47.75, "loss_cls": 1.5, "epoch": 3, "iter": 50}', out)).toBe(true);
    expect(out).toMatchObject({ epoch: 3, loss: 47.75, nonFinite: false });
    expect(scanTrainLine('{"lr": 1e-05, "grad_norm": NaN, "loss": 2.0, "epoch": 1}', out)).toBe(true);
    expect(out.nonFinite).toBe(true);
  });
  it('declines invalid or non-train lines so that JSON.parse judges them', () => {
    for (const line of ['{"loss": 1.0, "epoch": 1', '{"loss": 01, "epoch": 1}', '{"loss": 1.0,, "epoch": 1}', '{"coco/bbox_mAP": 0.5, "step": 5}', '{"loss": {"a": 1}}', '[1]']) {
      expect(scanTrainLine(line, out), line).toBe(false);
    }
  });
});

describe('parseScalars', () => {
  it('classifies train and validation lines and averages the loss per epoch', () => {
    const log = parseScalars(
      [
        '{"lr": 0.0002, "loss": 10.0, "epoch": 1, "iter": 50, "step": 50}',
        '{"lr": 0.0002, "loss": 20.0, "epoch": 1, "iter": 70, "step": 70}',
        '{"coco/bbox_mAP": 0.5, "coco/bbox_mAP_s": -1.0, "data_time": 0.001, "time": 0.02, "step": 1}',
        '',
      ].join('\n'),
      'a.json',
    );
    expect(log.train).toEqual([{ epoch: 1, lossSum: 30, lossCount: 2, lines: 2 }]);
    expect(log.validations).toHaveLength(1);
    expect(log.validations[0]).toMatchObject({ epoch: 1, metrics: { 'coco/bbox_mAP': 0.5, 'coco/bbox_mAP_s': -1 }, line: 3 });
    expect(log.findings).toEqual([]);
  });

  it('tolerates NaN/Infinity, CRLF, blank and bad lines and a truncated last line (fixture best-nan)', () => {
    const log = parseScalars(fixture('best-nan', '20240621_070000'), 'best-nan.json');
    expect(log.validations.map((v) => [v.epoch, v.metrics['coco/bbox_mAP']])).toEqual([[5, 0.25], [10, 0.301], [15, 0.312], [20, 0.309]]);
    expect(log.trainLines).toBe(40);
    expect(log.train.find((t) => t.epoch === 7)).toMatchObject({ lines: 2, lossCount: 1 });
    const codes = log.findings.map((f) => `${f.code}:${f.line ?? ''}`);
    expect(codes).toEqual(['LOG_BAD_LINE:22', 'LOG_TRUNCATED_LINE:48', 'LOG_NON_FINITE:5']);
    expect(log.findings[2]?.data).toEqual({ lines: 4, keys: ['grad_norm', 'loss'] });
  });

  it('gives the same result whatever the chunk size', () => {
    const text = fixture('best-nan', '20240621_070000');
    const whole = parseScalars(text, 'x');
    for (const size of [1, 7, 64, 1000]) {
      const parser = new ScalarsParser('x');
      for (let i = 0; i < text.length; i += size) parser.feed(text.slice(i, i + size));
      expect(parser.finish()).toEqual(whole);
    }
  });

  it('records a validation without metrics (no predictions) with a finding', () => {
    const log = parseScalars('{"data_time": 0.0004, "time": 0.021, "step": 5}\n', 'v.json');
    expect(log.validations).toEqual([expect.objectContaining({ epoch: 5, metrics: {} })]);
    expect(log.findings.map((f) => f.code)).toEqual(['VAL_NO_METRICS']);
  });

  it('keeps the later line when an epoch is validated twice in one file', () => {
    const log = parseScalars('{"coco/bbox_mAP": 0.1, "step": 5}\n{"coco/bbox_mAP": 0.2, "step": 5}\n', 'd.json');
    expect(log.validations.map((v) => v.metrics['coco/bbox_mAP'])).toEqual([0.2]);
    expect(log.findings.map((f) => f.code)).toEqual(['LOG_DUPLICATE_VALIDATION']);
  });

  it('caps findings per code and counts the rest', () => {
    const log = parseScalars('garbage\n'.repeat(FINDINGS_PER_CODE + 5), 'g.json');
    expect(log.findings.filter((f) => f.code === 'LOG_BAD_LINE')).toHaveLength(FINDINGS_PER_CODE + 1);
    expect(log.findings.at(-1)).toMatchObject({ code: 'LOG_BAD_LINE', severity: 'info', data: { count: 5 } });
  });

  it('counts train lines without an epoch (iteration-based training)', () => {
    const log = parseScalars('{"lr": 0.01, "loss": 2.0, "iter": 50, "step": 50}\n', 'i.json');
    expect(log.trainLinesWithoutEpoch).toBe(1);
    expect(log.train).toEqual([]);
    expect(log.findings).toEqual([expect.objectContaining({ code: 'LOG_TRAIN_NO_EPOCH', data: { lines: 1 } })]);
    expect(log.findings[0]?.line).toBeUndefined();
  });

  it('flags lines that are not objects, lack a step, or are unknown', () => {
    const log = parseScalars('[1, 2]\n{"coco/bbox_mAP": 0.3}\n{"foo": 1, "step": 3}\n', 'o.json');
    expect(log.findings.map((f) => `${f.code}:${f.line ?? ''}`)).toEqual(['LOG_BAD_LINE:1', 'LOG_BAD_STEP:2', 'LOG_UNKNOWN_LINE:3']);
    expect(log.validations).toEqual([]);
  });
});

describe('fast path agrees with JSON.parse', () => {
  const text = `${fixture('best-nan', '20240621_070000')}\n${fixture('best-80e', '20240618_101010')}`;
  const strictParse = (line: string): unknown => {
    try {
      return JSON.parse(replacePythonLiterals(line) ?? line);
    } catch {
      return undefined;
    }
  };
  it('reads the same epoch and loss as JSON.parse on every fixture line', () => {
    const out: TrainScan = { epoch: -1, loss: Number.NaN, nonFinite: false };
    let accepted = 0;
    for (const line of text.split('\n')) {
      if (!scanTrainLine(line, out)) continue;
      accepted += 1;
      const o = strictParse(line) as { epoch: number; loss: number | null };
      expect(out.epoch).toBe(o.epoch);
      expect(out.loss).toBe(o.loss === null ? Number.NaN : o.loss);
    }
    expect(accepted).toBe(40 + 160);
  });
  it('rejects every truncation and single-character corruption that JSON.parse rejects (both paths)', () => {
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    const withNaN = lines.find((l) => l.includes('NaN') && l.includes('"iter"')) ?? '';
    const clean = lines.find((l) => l.includes('"iter"') && !l.includes('NaN')) ?? '';
    for (const line of [withNaN, clean]) {
      const out: TrainScan = { epoch: -1, loss: Number.NaN, nonFinite: false };
      expect(scanTrainLine(clean, out)).toBe(true); // learns the line shape: variants meet the shape path first
      expect(out.shape).toBeDefined();
      for (let i = 0; i < line.length; i += 1) {
        const variants = [line.slice(0, i), line.slice(0, i) + line.slice(i + 1), `${line.slice(0, i)}x${line.slice(i + 1)}`, `${line.slice(0, i)},${line.slice(i)}`, `${line.slice(0, i)}\u00a0${line.slice(i)}`, `${line.slice(0, i)}\t${line.slice(i)}`, `${line.slice(0, i)}1${line.slice(i)}`];
        for (const v of variants) {
          const parsed = strictParse(v) as { epoch?: number; loss?: number } | undefined;
          if (parsed === undefined) expect(scanTrainLine(v, out), v).toBe(false);
          else if (scanTrainLine(v, out)) expect([out.epoch, out.loss], v).toEqual([parsed.epoch ?? -1, parsed.loss ?? Number.NaN]);
        }
      }
    }
  });
});
