import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { readConfigText } from '../../../src/io/config/check-inputs.js';
import { YwError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/tmp.js';

/** Reads /v/x.py (plus any other files given) from memory and returns the error it stops with. */
async function failure(source: string, others: Record<string, string> = {}): Promise<YwError> {
  const tree = new Map(Object.entries({ 'x.py': source, ...others }).map(([k, v]) => [`/v/${k}`, v]));
  const error = await readConfig('/v/x.py', async (p) => tree.get(p)).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(YwError);
  return error as YwError;
}

describe('reader limits: hostile files end in "cannot read ... (reason) at FILE:LINE", never a crash', () => {
  it.each([
    ['deep brackets', 'a = 1\nb = ' + '['.repeat(500) + ']'.repeat(500), 'this line (brackets nested more than 100 levels deep) at /v/x.py:2'],
    ['a long unary chain', 'a = ' + '-'.repeat(5000) + '1', 'this expression (nested more than 100 levels deep) at /v/x.py:1'],
    ['a long + chain', 'a = ' + Array(5000).fill('1').join(' + '), 'this expression (more than 1000 operators in a row) at /v/x.py:1'],
    ['a long attribute chain', 'a = dict()\nb = a' + '.x'.repeat(5000), 'this expression (more than 1000 operators in a row) at /v/x.py:2'],
    ['a long call chain', 'a = dict' + '()'.repeat(5000), 'this expression (more than 1000 operators in a row) at /v/x.py:1'],
    ['many for clauses', 'a = [1 ' + 'for x in [1] '.repeat(200) + ']', 'a comprehension with more than 100 for clauses at /v/x.py:1'],
    ['a long power chain', 'a = ' + '2 ** '.repeat(3000) + '2', 'this expression (nested more than 100 levels deep) at /v/x.py:1'],
    ['a huge power', 'a = 2 ** 10 ** 10', '`a = 2 ** 10 ** 10` (an int of more than 100,000 bits) at /v/x.py:1'],
    ['a huge shift', 'a = 1 << 10 ** 9', '`a = 1 << 10 ** 9` (an int of more than 100,000 bits) at /v/x.py:1'],
    ['a huge list repeat', 'a = [0] * 10 ** 9', '`a = [0] * 10 ** 9` (a list, tuple or dict of more than 250,000 items) at /v/x.py:1'],
    ['a huge string repeat', "a = 'ab' * 10 ** 9", "`a = 'ab' * 10 ** 9` (a string of more than 10,000,000 characters) at /v/x.py:1"],
    ['a comprehension over range(10**9)', 'a = [x for x in range(10 ** 9)]', '`a = [x for x in range(10 ** 9)]` (a list, tuple or dict of more than 250,000 items) at /v/x.py:1'],
    ['a generator over range(10**9)', 'a = sum(x * x for x in range(10 ** 9))', '`a = sum(x * x for x in range(10 ** 9))` (a list, tuple or dict of more than 250,000 items) at /v/x.py:1'],
    ['deep copies that multiply', 'x = [[0] * 1000] * 1000\ny = [x] * 1000', '`y = [x] * 1000` (more than 5,000,000 evaluation steps) at /v/x.py:2'],
    ['a list inside itself', 'a = []\na.append(a)', '`a = []` (values nested more than 100 levels deep) at /v/x.py:1'],
    ['values nested by many statements', 'a = []\n' + 'a = [a]\n'.repeat(150), '`a = [a]` (values nested more than 100 levels deep) at /v/x.py:151'],
  ])('%s', async (_name, source, message) => {
    const error = await failure(source);
    expect([error.code, error.message]).toEqual(['CONFIG_UNREADABLE', `cannot read ${message}`]);
  });

  it('names a _base_ cycle instead of recursing', async () => {
    const error = await failure("_base_ = './y.py'\n", { 'y.py': "k = 1\n_base_ = ['./x.py']\n" });
    expect(error.message).toBe(
      "cannot read the _base_ './x.py' (the _base_ files include each other: /v/x.py -> /v/y.py -> /v/x.py) at /v/y.py:2");
  });

  it('bounds the number of files a diamond of bases loads', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i += 1) files[`b${i}.py`] = `_base_ = ['b${i + 1}.py', 'c${i + 1}.py']\n`;
    for (let i = 0; i < 13; i += 1) files[`c${i}.py`] = i === 12 ? '' : `_base_ = ['b${i + 1}.py', 'c${i + 1}.py']\n`;
    files['b12.py'] = '';
    const error = await failure("_base_ = ['b0.py', 'c0.py']\n", files);
    expect(error.message).toMatch(/^cannot read \/v\/[bc]\d+\.py \(more than 1000 config files loaded\) at /);
  });

  it.each([
    ['a = 09', 'the number 09 (leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers; Python rejects it too)'],
    ['a = 1_', 'the number 1_ (invalid literal; Python rejects it too)'],
    ['a = 1__0', 'the number 1__0 (invalid literal; Python rejects it too)'],
    ['a = 0x', 'the number 0x (invalid literal; Python rejects it too)'],
    ['a = 1e', 'the number 1e (invalid literal; Python rejects it too)'],
    ['a = 1.5j', 'a complex number'],
  ])('refuses the literal in %s as Python does', async (source, what) => {
    expect((await failure(source)).message).toBe(`cannot read ${what} at /v/x.py:1`);
  });

  it.each([
    ['a = 10.0 ** 400', "OverflowError: (34, 'Numerical result out of range')"],
    ['a = 10 ** 400 / 1', 'OverflowError: integer division result too large for a float'],
    ['a = 10 ** 400 + 0.5', 'OverflowError: int too large to convert to float'],
    ['a = 1 // 0', 'ZeroDivisionError: integer division or modulo by zero'],
    ['a = 0.0 ** -1', 'ZeroDivisionError: 0.0 cannot be raised to a negative power'],
  ])('raises what Python raises for %s', async (source, message) => {
    const error = await failure(source);
    expect([error.code, error.message]).toEqual(['CONFIG_ERROR', `/v/x.py:1: ${message}`]);
  });
});

describe('reader limits on the file system: non-regular files are never opened for reading', () => {
  it('refuses a directory, a FIFO and /dev/zero named as _base_ or as the config', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'folder.py'));
    execFileSync('mkfifo', [join(dir, 'pipe.py')]);
    await symlink('/dev/zero', join(dir, 'zero.py'));
    const expected = { 'folder.py': 'a directory', 'pipe.py': 'a FIFO', 'zero.py': 'a character device' };
    for (const [name, what] of Object.entries(expected)) {
      await writeFile(join(dir, 'x.py'), `_base_ = './${name}'\n`);
      const base = await readConfig(join(dir, 'x.py'), readConfigText).catch((e: unknown) => e as YwError);
      expect((base as YwError).message).toBe(`cannot read the _base_ './${name}' (${what}, not a regular file) at ${join(dir, 'x.py')}:1`);
      const top = await readConfig(join(dir, name), readConfigText).catch((e: unknown) => e as YwError);
      expect((top as YwError).message).toContain(`(${what}, not a regular file)`);
    }
  });

  it('refuses a file that is not UTF-8 and one over 4 MB', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'latin1.py'), Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x27, 0xe9, 0x27, 0x0a]));
    await writeFile(join(dir, 'big.py'), `a = 1\n${'#'.repeat(4_100_000)}\n`);
    const latin1 = await readConfig(join(dir, 'latin1.py'), readConfigText).catch((e: unknown) => e as YwError);
    expect((latin1 as YwError).message).toContain('(not valid UTF-8 text)');
    const big = await readConfig(join(dir, 'big.py'), readConfigText).catch((e: unknown) => e as YwError);
    expect((big as YwError).message).toContain('(4.1 MB, more than the 4 MB a config may have)');
  });
});
