import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';

/** Literal and arithmetic edge cases, each evaluated by Python itself and by the reader. */
const CASES = [
  String.raw`'a' "b" '''c''' """d"""`,
  String.raw`'\x41\u00e9\U0001F600\101\0\a\b\f\v\t\r\n\'\"\\'`,
  String.raw`r'\d+\.\n' R"\x" r'a\'b' u'u'`,
  String.raw`'unknown \q escape'`,
  "'''multi\nline \\\ncontinued'''",
  '(1 - 0.9, 1 + 0.9, -640 // 2, 7 // -2, -7 % 3, 7 / 2, 2 ** 10, 2 ** -1, 10 // 3.0, 1e-5, 1E5, .5, 5., 0o17, 0b11, 1_0)',
  '[*[1, 2], *(3,), *"ab"][1:-1:2] + [1][::-1] + list((4, 5))',
  "dict(a=1, **{'b': (2,)}, c=[(), (1,), ((1, 2),)])",
  "('x' * 3, [0] * 2, 3 * (1,), len('héllo'))",
];

function python(): string | undefined {
  for (const exe of ['python3', 'python']) {
    try {
      execFileSync(exe, ['-c', 'import ast'], { stdio: 'ignore' });
      return exe;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

const py = python();

/** Python's own value in the reference JSON encoding (sorted keys, tuples marked, float repr). */
const ENCODE = String.raw`
import json, sys
def enc(v):
    if isinstance(v, dict): return {k: enc(x) for k, x in v.items()}
    if isinstance(v, tuple): return {'__tuple__': [enc(x) for x in v]}
    if isinstance(v, list): return [enc(x) for x in v]
    return v
src = sys.stdin.read()
ns = {}
exec(src, {}, ns)
sys.stdout.write(json.dumps(enc(ns['value']), sort_keys=True, indent=2, ensure_ascii=False) + '\n')
`;

describe.skipIf(!py)('reader values equal Python values', () => {
  it.each(CASES)('%s', async (expr) => {
    const source = `value = ${expr}\n`;
    const expected = execFileSync(py!, ['-c', ENCODE], { input: source, encoding: 'utf8' });
    const { value } = await readConfig('/v/x.py', async () => source);
    expect(encodeReferenceJson(value.get('value')!)).toBe(expected);
  });
});
