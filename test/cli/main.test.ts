import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';

const bin = fileURLToPath(new URL('../../bin/yw.js', import.meta.url));

describe('yw (top level)', () => {
  it('lists every command in --help', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const name of ['convert', 'texts', 'config', 'best', 'check']) expect(run.stdout).toContain(name);
  });

  it('rejects an unknown command with exit 1', async () => {
    const run = await runCli(['bogus']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown command 'bogus'");
  });

  it('runs as a built binary and prints the package version', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [bin, '--version']);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
