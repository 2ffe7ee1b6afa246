import { describe, expect, it } from 'vitest';
import { printPython } from '../../../src/core/config/python-literal.js';
import { dict, expr, float, spread, toTagged, tuple, type PyValue } from '../../../src/core/config/py-value.js';
import { pythonFloatRepr } from '../../../src/core/python-float.js';
import { pyString } from '../../../src/core/config/py-string.js';
import { runPyconfig } from '../../helpers/python.js';

const HOSTILE = [
  "it's",
  'say "hi"',
  'back\\slash',
  'trailing\\',
  'new\nline',
  'cr\rlf\r\n',
  'tab\tstop',
  '{{_base_.model}}',
  '{{ fileDirname }}',
  "{{$HOME:x}}",
  "'''",
  '"""',
  'nul\x00byte',
  'bell\x07\x1b[31m',
  'ünïcödé 猫 🐱',
  'lone \ud800 surrogate',
  'bidi \u202e evil',
  'line\u2028sep',
  "__import__('os').system('x')",
  "'); import os; os.system('x'); ('",
  '\\N{BULLET}',
  '\\x41',
  '',
];

describe('pythonFloatRepr', () => {
  it.each([
    [0.0002, '0.0002'],
    [1e-5, '1e-05'],
    [1 - 0.9, '0.09999999999999998'],
    [114, '114.0'],
    [100, '100.0'],
    [1.9, '1.9'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [123456789012345.6, '123456789012345.6'],
    [1e-9, '1e-09'],
    [-0.5, '-0.5'],
    [2.5e-7, '2.5e-07'],
  ])('%s -> %s', (x, repr) => {
    expect(pythonFloatRepr(x)).toBe(repr);
  });
});

describe('printPython', () => {
  it('keeps int and float apart and writes one-item tuples with a trailing comma', () => {
    const v = dict({ a: 114, b: float(114), c: tuple('head'), d: tuple(), e: null, f: true });
    expect(printPython(v, { exprs: 'value' })).toBe("dict(a=114, b=114.0, c=('head',), d=(), e=None, f=True)");
  });

  it('uses a {} literal when a key is not a keyword argument', () => {
    const v = dict({ custom_keys: dict({ 'backbone.text_model': dict({ lr_mult: float(0.01) }), class: 1 }) });
    expect(printPython(v, { exprs: 'value' })).toBe("dict(custom_keys={'backbone.text_model': dict(lr_mult=0.01), 'class': 1})");
  });

  it('prints expressions as code or as their value', () => {
    const v = [spread('_base_.pre_transform', [dict({ type: 'A' })]), expr('1 - affine_scale', float(0.5))];
    expect(printPython(v as PyValue, { exprs: 'code' })).toBe('[*_base_.pre_transform, 1 - affine_scale]');
    expect(printPython(v as PyValue, { exprs: 'value' })).toBe("[dict(type='A'), 0.5]");
  });

  it('breaks long values over lines and stays valid Python', () => {
    const names = Array.from({ length: 30 }, (_, i) => `class number ${i}`);
    const v = dict({ metainfo: dict({ classes: tuple(...names) }), pipeline: [dict({ type: 'X', scale: tuple(640, 640) })] });
    const text = printPython(v, { exprs: 'value' });
    expect(text.split('\n').length).toBeGreaterThan(30);
    const [back] = runPyconfig([{ kind: 'expr', text }]);
    expect(back).toEqual({ ok: true, value: toTagged(v) });
  });
});

describe('pyString', () => {
  it('round-trips hostile text exactly through ast.literal_eval and never writes braces or raw newlines', () => {
    const literals = HOSTILE.map(pyString);
    for (const lit of literals) {
      expect(lit).not.toMatch(/[{}\n\r\u2028\u2029\u202e\0]/);
    }
    const back = runPyconfig(literals.map((text) => ({ kind: 'literal', text })));
    expect(back).toEqual(HOSTILE.map((value) => ({ ok: true, value })));
  });

  it('keeps ordinary unicode readable', () => {
    expect(pyString('猫 café')).toBe("'猫 café'");
  });
});
