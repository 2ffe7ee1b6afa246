import { describe, expect, it } from 'vitest';
import { scanPlainLine } from '../../../src/core/dataset/yolo-labels-scan.js';
import { parseYoloLabels } from '../../../src/core/dataset/yolo-labels.js';

/** A deterministic stream of decimal tokens of every length up to 17 digits, signs included. */
function* tokens(count: number): Generator<string> {
  let state = 12345;
  const rand = (n: number) => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) % n);
  for (let i = 0; i < count; i++) {
    const whole = String(rand(10 ** (1 + rand(6))));
    const frac = Array.from({ length: rand(10) }, () => rand(10)).join(''); // at most 15 digits in all
    const sign = ['', '', '-', '+'][rand(4)]!;
    yield `${sign}${whole}${rand(5) === 0 ? '' : `.${frac}`}`;
  }
}

describe('scanPlainLine', () => {
  it('gives exactly the values Number() gives for plain decimals (200,000 random tokens, -0 included)', () => {
    const all = [...tokens(200_000), '-0', '+0', '-0.000', '0.', '1.', '007.50', '999999999999999', '0.99999999999999', '123456789.123456'];
    for (let i = 0; i < all.length; i += 5) {
      const line = all.slice(i, i + 5);
      const values = scanPlainLine(line.join(' '));
      const expected = line.map(Number);
      if (!values || values.some((v, k) => !Object.is(v, expected[k]))) expect(values).toEqual(expected);
    }
  });

  it('leaves everything else to Number() and its findings', () => {
    for (const line of ['1e5 0.5', '0x10 1', 'inf 0', 'nan', '.5 1', '- 1', '1 -', '1,5 2', '0.5.5', '1 2 ', ' 1', '1  2', '1\t2', '1234567890123456', '0.1234567890123456', '١ 2']) {
      expect(scanPlainLine(line), line).toBeUndefined();
    }
  });
});

describe('parseYoloLabels: scanned lines and token lines agree', () => {
  it('same shapes and findings whether a file is spaced plainly (scanned) or with tabs (tokens)', () => {
    const classIds = new Set([0, 1, 2]);
    const lines = [
      '0 0.5 0.5 0.2 0.2', '1 0.1 0.1 0.3 0.3', '0 0.5 0.5 0.2 0.2', '3 0.5 0.5 0.1 0.1', '1.5 0.5 0.5 0.1 0.1',
      '-0 0.5 0.5 0.1 0.1', '2 0.955 0.5 0.1 0.1', '2 0.5 0.5 0 0.1', '2 1.5 0.5 0.1 0.1', '0 0.5 0.5 0.1', '0 0.5 0.5 0.1 0.1 0.2',
      '1 0.1 0.1 0.9 0.1 0.5 0.8', '1 0.1 0.1 0.9 0.1 0.5', '0 1e-1 0.5 0.1 0.1', '0 0.50000000000000001 0.5 0.1 0.1',
    ];
    const plain = parseYoloLabels(lines.join('\n'), 'a.txt', classIds);
    const tabbed = parseYoloLabels(lines.map((l) => l.replaceAll(' ', '\t')).join('\n'), 'a.txt', classIds);
    expect(plain).toEqual(tabbed);
    expect(plain.shapes.length).toBeGreaterThan(3);
    expect(new Set(plain.findings.map((f) => f.code))).toEqual(new Set(['LABEL_DUPLICATE', 'LABEL_UNKNOWN_CLASS', 'LABEL_CLIPPED', 'LABEL_ZERO_SIZE', 'LABEL_OUT_OF_BOUNDS', 'LABEL_COLUMNS', 'LABEL_CONFIDENCE_IGNORED']));
  });
});
