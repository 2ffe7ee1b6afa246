import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { YwError } from '../../../src/errors.js';

/** Expressions evaluated by Python itself and by the reader; the encoded values must be identical. */
const CASES = [
  String.raw`'a' "b" '''c''' """d"""`,
  String.raw`'\x41\u00e9\U0001F600\101\0\a\b\f\v\t\r\n\'\"\\'`,
  String.raw`r'\d+\.\n' R"\x" r'a\'b' u'u'`,
  String.raw`'unknown \q escape'`,
  "'''multi\nline \\\ncontinued'''",
  '(1 - 0.9, 1 + 0.9, -640 // 2, 7 // -2, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1, 10 // 3.0, 1e-5, 1E5, .5, 5., 0o17, 0b11, 1_0)',
  '(1 // 0.1, -1 % 0.3, 5.5 % -2, -5.5 // 2, 1e308 * 10, -1e308 * 10, 2 ** 0.5, 9 ** 0.5, (-8) ** 2.0, 0.0 * -1)',
  '(10 ** 30 // 7, -(10 ** 30) % 7, 10 ** 30 / 7, (2 ** 64 + 1) / 3, 2 ** 100 * 1.0, 1 << 70, -1 >> 3, 0xff ^ 0x0f, ~0, True + True, -True, 7 & True)',
  '(0.1 + 0.2, 1 / 3, 2 / 3 * 3, 123456789.123456789, 1e16, 1e-4, 1e-5, 12345678901234567890.0, 5e-324, 1.7976931348623157e308)',
  '[*[1, 2], *(3,), *"ab"][1:-1:2] + [1][::-1] + list((4, 5)) + [1, 2, 3, 4, 5][-2::-2] + [1, 2][5:]',
  "dict(a=1, **{'b': (2,)}, c=[(), (1,), ((1, 2),)])",
  "('x' * 3, [0] * 2, 3 * (1,), len('héllo'), 'ab' * -1, [1] * True, 'héllo'[1], 'héllo'[::-1])",
  '[x * y for x in range(3) for y in range(x) if (x + y) % 2]',
  '{k: v for k, v in [("a", 1), ("b", 2)] if v > 1}',
  '[[c for c in w] for w in ("ab", "c")]',
  '(sum(x for x in range(5)), max([3, 1, 2]), min(3, 1.5, 2), sorted(["b", "A", "a"]), sorted([3, 1, 2], reverse=True))',
  "(list(zip('ab', range(5))), list(enumerate([7, 8], start=1)), dict(zip(['x'], [1])), list(reversed((1, 2))), any([]), all([]))",
  "(1 < 2 < 3, 1 < 2 > 3, 1 == 1.0, 1 == True, [1] == (1,), (1, 2) < (1, 3), [2] > [1, 5], 'b' > 'ab', None is None, 1 in [1.0], 'a' in 'cat', 'x' not in {'x': 1})",
  "(1 and 2, 0 and 2, 0 or '', [] or [1], not 0, not [0], 'y' if 0 else 'n', 'y' if [0] else 'n')",
  "({1: 'a', 1.0: 'b', True: 'c'}, {(1, 2): 'p', None: 0, 2.5: 'f'}, {'s': 1, 0: 2})",
  "(int(2.9), int(-2.9), int(' 1_0 '), int('-7'), float('1_0.5'), float(' -inf '), float('1e-3'), int(True), float(10), str(0.1), str([1, 'a', (2,)]), str({'k': None}), bool([]), abs(-2.5))",
  "(' a b '.split(), 'a,b,,c'.split(','), '-'.join(['x', 'y']), 'x.py'.replace('.py', ''), '  t '.strip(), 'abcba'.strip('a'), 'ABC'.lower(), 'abc'.startswith(('x', 'a')), 'abc'.endswith('bc'))",
  "[1, 2, 3].index(2), (1, 2, 2).count(2), [1, 2] + [3], (1,) + (2,)",
  "str(\"it's\"), str('say \"hi\"'), str('both \\' and \"'), str('\\x00\\t\\u200b\\U0001F600é')",
];

/** Python's value in the reference JSON encoding (sorted keys, tuples and non-string-key dicts marked, float repr). */
const EVALUATE = String.raw`
import json, math, sys
def enc(v):
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v): return {k: enc(x) for k, x in v.items()}
        return {'__dict__': [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, tuple): return {'__tuple__': [enc(x) for x in v]}
    if isinstance(v, list): return [enc(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v): return {'__float__': repr(v)}
    return v
out = []
for src in json.loads(sys.stdin.read()):
    ns = {}
    try:
        exec(src, {}, ns)
        out.append(json.dumps(enc(ns['value']), sort_keys=True, indent=2, ensure_ascii=False) + '\n')
    except Exception as e:
        out.append(type(e).__name__)
sys.stdout.write(json.dumps(out))
`;

/** Statements Python rejects at run time, with the exception it raises. */
const ERRORS: [string, string][] = [
  ['value = 1 / 0', 'ZeroDivisionError'],
  ['value = [1][2]', 'IndexError'],
  ["value = {'a': 1}['b']", 'KeyError'],
  ["value = 'a' + 1", 'TypeError'],
  ['value = undefined_name', 'NameError'],
  ['value = int("1.5")', 'ValueError'],
  ['value = dict(a=1).a', 'AttributeError'],
  ['a, b = [1, 2, 3]', 'ValueError'],
  ['value = [1, 2].index(3)', 'ValueError'],
  ["value = {}.pop('k')", 'KeyError'],
  ['value = {[1]: 2}', 'TypeError'],
  ['value = 2 < "a"', 'TypeError'],
];

function python(): string | undefined {
  for (const exe of ['python3', 'python']) {
    try {
      execFileSync(exe, ['-c', 'import sys; assert sys.version_info >= (3, 8)'], { stdio: 'ignore' });
      return exe;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

const py = python();
if (!py) console.warn('SKIPPED python parity tests: no python3 on PATH');

async function readerValue(source: string): Promise<string> {
  const { value } = await readConfig('/v/x.py', async () => source);
  return encodeReferenceJson(value.get('value')!);
}

describe.skipIf(!py)('reader values equal Python values (one python3 process for every case)', () => {
  let expected: string[] = [];
  beforeAll(() => {
    const sources = [...CASES.map((expr) => `value = ${expr}\n`), ...ERRORS.map(([source]) => `${source}\n`)];
    const run = spawnSync(py!, ['-c', EVALUATE], { input: JSON.stringify(sources), encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    expected = JSON.parse(run.stdout) as string[];
  });

  it.each(CASES.map((c, i) => [i, c] as const))('%i: %s', async (i, expr) => {
    expect(await readerValue(`value = ${expr}\n`)).toBe(expected[i]);
  });

  it.each(ERRORS.map(([source, exception], i) => [source, exception, CASES.length + i] as const))('raises like Python: %s', async (source, exception, i) => {
    expect(expected[i]).toBe(exception);
    const error = await readConfig('/v/x.py', async () => `${source}\n`).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(YwError);
    expect([(error as YwError).code, (error as YwError).message]).toEqual(['CONFIG_ERROR', expect.stringContaining(`${exception}:`)]);
  });
});
