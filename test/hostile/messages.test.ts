import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { BIN, runBin } from '../helpers/run-bin.js';
import { copyFixture, tempDir } from '../helpers/tmp.js';
import { YwError } from '../../src/errors.js';
import { finding } from '../../src/core/findings.js';

// Issue 11, class 6: every exit-1 message has a fix, and nothing prints a Node stack trace.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** One error line and its hint, nothing else: no stack trace, no "internal error". */
function oneErrorWithHint(stderr: string, code: string): void {
  const lines = stderr.trimEnd().split('\n').filter((l) => l.startsWith('error ') || l.startsWith('  hint: '));
  expect(lines.map((l) => (l.startsWith('error ') ? 'error' : 'hint')), stderr).toEqual(['error', 'hint']);
  expect(stderr).toContain(`[${code}]`);
  expect(stderr).not.toMatch(/\n\s+at |internal error|node:internal/);
}

describe('the types require a hint', () => {
  it('YwError and error findings cannot be made without one (npm run typecheck fails otherwise)', () => {
    // @ts-expect-error hint is required: every exit-1 message says what to do
    const error = new YwError('X', 'message', {});
    // @ts-expect-error an error finding makes yw check exit 1: its hint is required too
    const f = finding('X', 'error', 'message', {});
    expect([error.code, f.code]).toEqual(['X', 'X']);
    expect(finding('Y', 'warning', 'a warning needs none').hint).toBeUndefined();
  });
});

describe('option and usage errors say how to fix them', () => {
  const CASES: [string[], string][] = [
    [['texts', 'c.txt', '--bogus'], 'UNKNOWN_OPTION'],
    [['best'], 'MISSING_ARGUMENT'],
    [['convert', '.', '--layout', 'nope'], 'INVALID_ARGUMENT'],
    [['convert', '.', '--val-fraction', '2'], 'INVALID_ARGUMENT'],
    [['convert', '.', '--out'], 'OPTION_MISSING_ARGUMENT'],
    [['texts', 'a', 'b'], 'EXCESS_ARGUMENTS'],
    [['bogus'], 'UNKNOWN_COMMAND'],
    [['best', '.', '--top', '0'], 'INVALID_INPUT'],
    [['config', '--data', 'd', '--epochs', 'many'], 'INVALID_INPUT'],
  ];
  for (const [argv, code] of CASES) {
    it(`yw ${argv.join(' ')}`, async () => {
      const run = await runCli(argv, { cwd: await tempDir() });
      expect(run.code).toBe(1);
      oneErrorWithHint(run.stderr, code);
      const command = argv[0] === 'bogus' ? 'yw' : `yw ${argv[0]}`;
      expect(run.stderr).toContain(`hint: run \`${command} --help\``);
    });
  }

  it('names the option as typed (--epochs, not epochs)', async () => {
    const run = await runCli(['config', '--data', 'd', '--train-ann', 'x', '--close-mosaic', '-1'], { cwd: await tempDir() });
    expect(run.stderr).toContain('invalid option --close-mosaic: ');
  });
});

describe('input errors say how to fix them', () => {
  it('DATA_YAML_INVALID, INVALID_JSON, FILE_NOT_FOUND, OUTPUT_EXISTS', async () => {
    const ds = await copyFixture(join(FIXTURES, 'convert-ultralytics'));
    await writeFile(join(ds, 'input', 'data.yaml'), 'names: [a, b\ntrain: images/train\n');
    oneErrorWithHint((await runCli(['convert', 'input'], { cwd: ds })).stderr, 'DATA_YAML_INVALID');
    await writeFile(join(ds, 'input', 'data.yaml'), '- just\n- a list\n');
    oneErrorWithHint((await runCli(['convert', 'input'], { cwd: ds })).stderr, 'DATA_YAML_INVALID');
    const dir = await tempDir();
    await writeFile(join(dir, 'c.txt'), 'cat\n');
    await writeFile(join(dir, 'bad.json'), '[["cat"]');
    oneErrorWithHint((await runCli(['texts', 'c.txt', '--check', 'bad.json'], { cwd: dir })).stderr, 'INVALID_JSON');
    oneErrorWithHint((await runCli(['texts', 'missing.txt'], { cwd: dir })).stderr, 'FILE_NOT_FOUND');
    expect((await runCli(['texts', 'c.txt', '-o', 'o.json'], { cwd: dir })).code).toBe(0);
    oneErrorWithHint((await runCli(['texts', 'c.txt', '-o', 'o.json'], { cwd: dir })).stderr, 'OUTPUT_EXISTS');
  });

  it('texts --check that finds differences ends with a hint', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'c.txt'), 'cat\ndog\n');
    await writeFile(join(dir, 'old.json'), '[["dog"], ["cat"]]');
    const run = await runCli(['texts', 'c.txt', '--check', 'old.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('  hint: regenerate it with `yw texts c.txt -o old.json --force`, or fix the entries by hand');
  });
});

describe('a stdout that cannot be written, or a removed working folder: one line, not a stack trace', () => {
  it('stdout is /dev/full (ENOSPC): exit 1 and one error line with a hint', async () => {
    const help = await runBin(['--help'], { stdoutTo: '/dev/full' });
    expect(help.status).toBe(1);
    oneErrorWithHint(help.stderr, 'FS_ENOSPC');
    expect(help.stderr).toContain('could not write standard output: no space left on the device');
    const dir = await tempDir();
    await writeFile(join(dir, 'c.txt'), 'cat\n');
    const texts = await runBin(['texts', 'c.txt', '-o', 'o.json', '--json'], { cwd: dir, stdoutTo: '/dev/full' });
    expect(texts.status).toBe(1);
    oneErrorWithHint(texts.stderr, 'FS_ENOSPC');
  });

  it('stdout closed (>&-) or closed early by its reader (| head -c 1): no stack trace', () => {
    for (const redirect of ['>&-', '| head -c 1 >/dev/null']) {
      const run = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' --help ${redirect}`], { encoding: 'utf8' });
      expect(run.stderr, redirect).toBe('');
      expect(run.status, redirect).toBe(0);
    }
  });

  it('a removed working folder', async () => {
    const dir = await tempDir();
    const gone = join(dir, 'gone');
    await mkdir(gone);
    // the shell enters the folder, removes it, then starts yw there
    const run = spawnSync('sh', ['-c', `cd '${gone}' && rmdir '${gone}' && exec '${process.execPath}' '${BIN}' texts classes.txt`], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('error the current folder no longer exists (it was removed or renamed) [FS_ENOENT]\n  hint: cd to an existing folder and run again\n');
    await rm(dir, { recursive: true, force: true });
  });
});
