import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeReferenceJson, encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { PyTuple, pyRepr } from '../../../src/core/config-reader/values.js';
import { pythonFloatRepr } from '../../../src/core/python-float.js';

const official = fileURLToPath(new URL('../../../fixtures/check-official/', import.meta.url));

describe('pythonFloatRepr', () => {
  it.each([
    [114, '114.0'], [0.0002, '0.0002'], [1e-5, '1e-05'], [1.5e-5, '1.5e-05'], [1 - 0.9, '0.09999999999999998'],
    [1e16, '1e+16'], [123456789012345.6, '123456789012345.6'], [-0.5, '-0.5'], [0, '0.0'], [0.0001, '0.0001'],
  ])('%s -> %s', (x, text) => {
    expect(pythonFloatRepr(x)).toBe(text);
  });
});

describe('reference JSON codec', () => {
  it('decodes ints, floats and tuples losslessly', () => {
    const v = decodeReferenceJson('{"a": 114, "b": 114.0, "c": {"__tuple__": [1, "x"]}, "d": {"__float__": "inf"}}', 'x.json');
    expect(v).toEqual(new Map<string, unknown>([['a', 114n], ['b', 114], ['c', new PyTuple([1n, 'x'])], ['d', Infinity]]));
    expect(pyRepr(new PyTuple(['head']))).toBe("('head',)");
  });

  it('re-encodes every official resolved config byte for byte', async () => {
    for (const dir of ['finetune_coco', 'prompt_tuning_coco']) {
      for (const file of (await readdir(join(official, dir))).filter((f) => f.endsWith('.json'))) {
        const text = await readFile(join(official, dir, file), 'utf8');
        expect(encodeReferenceJson(decodeReferenceJson(text, file)), file).toBe(text);
      }
    }
  });

  it('names the line of a syntax error', () => {
    expect(() => decodeReferenceJson('{\n  "a": ,\n}', 'bad.json')).toThrow('bad.json:2: unexpected character');
  });
});
