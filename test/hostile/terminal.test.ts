import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { terminalSafe } from '../../src/cli/terminal-safe.js';

// Issue 11, class 7: what a terminal shows is safe. cli/output.ts escapes control and bidi
// characters in every line it prints; --json stays valid JSON of the same value.

const ESC = '\u001b';
const EVIL = `evil${ESC}[2J${ESC}]0;owned\u0007\r\u202egpj.exe`;

/** Any character a terminal acts on, except our own colour sequences (ESC [ digits m). */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

function withoutOurColours(text: string): string {
  return text.replace(/\u001b\[\d+m/g, '');
}

/** A dataset with a crafted image name (not an image inside) and a label line holding control bytes. */
async function craftedDataset(): Promise<string> {
  const dir = await tempDir();
  const ds = join(dir, 'ds');
  await mkdir(join(ds, 'images'), { recursive: true });
  await mkdir(join(ds, 'labels'), { recursive: true });
  await writeFile(join(ds, 'classes.txt'), 'cat\n');
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).jpeg().toFile(join(ds, 'images', 'ok.jpg'));
  await writeFile(join(ds, 'labels', 'ok.txt'), `0 0.5 0.5 0.1 0.1\n0 ${ESC}[31mred\u0000 0.5 0.1 0.1\n`);
  await writeFile(join(ds, 'images', `${EVIL}.jpg`), 'not an image');
  await writeFile(join(ds, 'labels', `${EVIL}.txt`), '0 0.5 0.5 0.1 0.1\n');
  return dir;
}

describe('terminalSafe', () => {
  it('escapes ESC, CR, NUL, BEL, DEL, C1 and bidi controls; keeps tabs, and newlines in multi-line text', () => {
    expect(terminalSafe(`a${ESC}[2Jb\rc\u0000d\u0007e\u007ff\u009bg\u202eh\ti\nj`)).toBe('a\\e[2Jb\\rc\\0d\\x07e\\x7ff\\x9bg\\u202eh\ti\nj');
    expect(terminalSafe('one\ntwo', false)).toBe('one\\ntwo');
    expect(terminalSafe('plain ünïcödé 猫')).toBe('plain ünïcödé 猫');
  });
});

describe('crafted file names and label bytes reach the terminal escaped', () => {
  for (const colour of [false, true]) {
    it(`convert findings on stderr (${colour ? 'colour on a TTY' : 'NO_COLOR'})`, async () => {
      const dir = await craftedDataset();
      const run = await runCli(['convert', 'ds'], { cwd: dir, isTTY: colour, env: colour ? {} : { NO_COLOR: '1' } });
      expect(run.code, run.stderr).toBe(1); // the text file named .jpg is an error finding: written, then exit 1
      expect(withoutOurColours(run.stderr)).not.toMatch(RAW_CONTROL);
      expect(run.stdout).not.toMatch(RAW_CONTROL);
      expect(run.stderr).toContain('evil\\e[2J\\e]0;owned\\x07\\r\\u202egpj.exe.jpg');
      expect(run.stderr).toContain('value "\\e[31mred\\0" is not a number');
    });
  }

  it('yw check prints its report and findings escaped; --json stays valid JSON with the same names', async () => {
    const dir = await craftedDataset();
    const text = await runCli(['check', 'ds'], { cwd: dir });
    expect(text.stdout).toContain('evil\\e[2J');
    expect(`${text.stdout}${text.stderr}`).not.toMatch(RAW_CONTROL);
    const json = await runCli(['check', 'ds', '--json'], { cwd: dir });
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    const parsed = JSON.parse(json.stdout) as { findings: { file?: string }[] };
    expect(parsed.findings.map((f) => f.file)).toContain(`ds/images/${EVIL}.jpg`);
  });

  it('an error naming a crafted class, and a crafted unknown option', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'c.txt'), `cat${ESC}[2J\ncat${ESC}[2J\n`);
    const dup = await runCli(['texts', 'c.txt'], { cwd: dir });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('cat\\e[2J');
    expect(dup.stderr).not.toMatch(RAW_CONTROL);
    const option = await runCli(['texts', 'c.txt', `--x${ESC}]0;t\u0007`], { cwd: dir });
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("unknown option '--x\\e]0;t\\x07'");
    expect(option.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe('every printed line goes through cli/output.ts', () => {
  it('no other module writes to stdout or stderr itself (new commands get the escaping for free)', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const allowed = new Set(['cli/output.ts', 'cli/process-guards.ts', 'cli/context.ts']);
    const offenders: string[] = [];
    for (const file of await readdir(src, { recursive: true })) {
      if (!file.endsWith('.ts') || allowed.has(file.split('\\').join('/'))) continue;
      const text = await readFile(join(src, file), 'utf8');
      // Python source inside a template string (mmengine-config.ts) prints to its own stdout: not ours.
      if (/(ctx|process)\.(stdout|stderr)\.write\(|console\.(log|error|warn)\(/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
