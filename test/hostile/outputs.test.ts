import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { lstat, mkdir, readFile, readdir, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { IS_ROOT, mkfifo, runBin, skipBecause } from '../helpers/run-bin.js';
import { copyFixture, tempDir } from '../helpers/tmp.js';
import { beginRun, openAtomicStream, writeFileAtomic } from '../../src/io/fs/atomic-write.js';
import { linkOrCopy } from '../../src/io/fs/link-file.js';
import { publish } from '../../src/io/fs/output-path.js';

// Issue 11, class 1: never replace what is not ours. Every writer goes through io/fs/output-path.ts.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const KINDS = ['symlink', 'folder', 'fifo', 'device'] as const;
type Kind = (typeof KINDS)[number];

/** Puts a `kind` at `path` (a symlink points at a file holding "keep"); false when the machine cannot (mknod needs root). */
async function plant(path: string, kind: Kind): Promise<boolean> {
  if (kind === 'symlink') {
    await writeFile(`${path}.target`, 'keep');
    await symlink(`${path}.target`, path);
  } else if (kind === 'folder') {
    await mkdir(path);
    await writeFile(join(path, 'inside.txt'), 'keep');
  } else if (kind === 'fifo') mkfifo(path);
  else {
    if (!IS_ROOT) return false;
    // the null device's numbers: as root, a rename over it would replace the node (what /dev/null suffered)
    if (spawnSync('mknod', [path, 'c', '1', '3']).status !== 0) return false;
  }
  return true;
}

/** Asserts `path` is still what `plant` made. */
async function stillThere(path: string, kind: Kind): Promise<void> {
  const info = await lstat(path);
  if (kind === 'symlink') {
    expect(info.isSymbolicLink()).toBe(true);
    expect(await readFile(`${path}.target`, 'utf8')).toBe('keep');
  } else if (kind === 'folder') {
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('keep');
  } else if (kind === 'fifo') expect(info.isFIFO()).toBe(true);
  else expect(info.isCharacterDevice()).toBe(true);
}

async function noTempFiles(dir: string): Promise<void> {
  const all = await readdir(dir, { recursive: true });
  expect(all.filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

/** Each command's output option, with how to set up its workspace; `out` is relative to the cwd. */
const WRITERS: { name: string; fixture?: string; args: (out: string) => string[]; prepare?: (cwd: string) => Promise<void> }[] = [
  { name: 'texts -o', args: (out) => ['texts', 'classes.txt', '-o', out], prepare: (cwd) => writeFile(join(cwd, 'classes.txt'), 'cat\ndog\n') },
  { name: 'config --out', fixture: 'config-helmet', args: (out) => ['config', '--data', 'datasets/helmet', '--out', out] },
  { name: 'convert --report', fixture: 'convert-single', args: (out) => ['convert', 'input', '--report', out] },
  { name: 'best --plot', fixture: 'best-80e', args: (out) => ['best', '.', '--plot', `${out}.svg`] },
];

describe('with --force, a symlink, folder, FIFO or device at an output path is refused and left as it is', () => {
  for (const writer of WRITERS) {
    for (const kind of KINDS) {
      it(`${writer.name} naming a ${kind}`, async (context) => {
        const cwd = writer.fixture ? await copyFixture(join(FIXTURES, writer.fixture)) : await tempDir();
        await writer.prepare?.(cwd);
        const out = 'target';
        const planted = join(cwd, writer.name.startsWith('best') ? `${out}.svg` : out);
        if (!(await plant(planted, kind))) return skipBecause(context, `cannot make a ${kind} here (mknod needs root)`);
        const run = await runCli([...writer.args(out), '--force'], { cwd });
        expect(run.code, run.stderr).toBe(1);
        expect(run.stderr).toContain('[OUTPUT_NOT_A_FILE]');
        expect(run.stderr).toContain('hint: ');
        await stillThere(planted, kind);
        await noTempFiles(cwd);
      });
    }
  }

  it('best --write: best_epoch.txt as a symlink is refused', async () => {
    const cwd = await copyFixture(join(FIXTURES, 'best-80e'));
    const planted = join(cwd, '20240618_101010', 'vis_data', 'best_epoch.txt');
    await plant(planted, 'symlink');
    const run = await runCli(['best', '.', '--write', '--force'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[OUTPUT_NOT_A_FILE]');
    await stillThere(planted, 'symlink');
  });

  it('best --link: a folder or FIFO at best.pth is refused, a symlink (what --link makes) is replaced', async () => {
    const cwd = await copyFixture(join(FIXTURES, 'best-80e'));
    for (const kind of ['folder', 'fifo'] as const) {
      const planted = join(cwd, 'best.pth');
      await plant(planted, kind);
      const run = await runCli(['best', '.', '--link', '--force'], { cwd });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('[OUTPUT_NOT_A_FILE]');
      await stillThere(planted, kind);
      spawnSync('rm', ['-rf', planted]);
    }
    await symlink('epoch_5.pth', join(cwd, 'best.pth'));
    expect((await runCli(['best', '.', '--link'], { cwd })).stderr).toContain('[OUTPUT_EXISTS]');
    expect((await runCli(['best', '.', '--link', '--force'], { cwd })).code).toBe(0);
    expect(await readlink(join(cwd, 'best.pth'))).toBe('epoch_75.pth');
    await noTempFiles(cwd);
  });
});

describe('--report naming one of the run\'s own outputs is refused before any work', () => {
  it('convert --report annotations/train.json (and through a symlinked folder)', async () => {
    const cwd = await copyFixture(join(FIXTURES, 'convert-single'));
    expect((await runCli(['convert', 'input'], { cwd })).code).toBe(0);
    const before = await readFile(join(cwd, 'input/annotations/train.json'), 'utf8');
    await symlink('input/annotations', join(cwd, 'alias'));
    for (const report of ['input/annotations/train.json', 'alias/val.json']) {
      const run = await runCli(['convert', 'input', '--force', '--report', report], { cwd });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('[OUTPUT_CLASH]');
      expect(run.stderr).toMatch(/would be both the --report file and the (train|val) split JSON of this run/);
      expect(run.stdout).toBe('');
    }
    expect(await readFile(join(cwd, 'input/annotations/train.json'), 'utf8')).toBe(before);
  });

  it('texts -o x.json --report x.json writes neither', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'classes.txt'), 'cat\n');
    const run = await runCli(['texts', 'classes.txt', '-o', 'x.json', '--report', 'x.json', '--force'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[OUTPUT_CLASH]');
    expect(await readdir(cwd)).toEqual(['classes.txt']);
  });
});

describe('without --force, the final step never replaces (a second run fails instead of overwriting)', () => {
  it('a stream whose path appeared meanwhile does not replace it, and leaves no temp file', async () => {
    beginRun();
    const dir = await tempDir();
    const path = join(dir, 'train.json');
    const slow = await openAtomicStream(path, { force: false });
    await slow.write('{"from": "slow"}');
    await writeFileAtomic(path, '{"from": "fast"}', { force: false });
    await expect(slow.commit()).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readFile(path, 'utf8')).toBe('{"from": "fast"}');
    expect(await readdir(dir)).toEqual(['train.json']);
  });

  it('a run that fails on its second file removes the first one it created', async () => {
    beginRun();
    const dir = await tempDir();
    const first = await openAtomicStream(join(dir, 'train.json'), { force: false, role: 'train' });
    const second = await openAtomicStream(join(dir, 'val.json'), { force: false, role: 'val' });
    await first.write('mine');
    await second.write('mine');
    await writeFile(join(dir, 'val.json'), 'theirs');
    await first.commit();
    await expect(second.commit()).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    await first.abort();
    expect(await readdir(dir)).toEqual(['val.json']);
    expect(await readFile(join(dir, 'val.json'), 'utf8')).toBe('theirs');
  });

  it('two concurrent yw processes writing one output: exactly one wins, the file is its output whole', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'a.txt'), 'apple\n');
    await writeFile(join(cwd, 'b.txt'), 'banana\n');
    const runs = await Promise.all(['a.txt', 'b.txt'].map((source) => runBin(['texts', source, '-o', 'out.json'], { cwd })));
    expect(runs.map((r) => r.status).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.status === 1)!;
    expect(loser.stderr).toContain('[OUTPUT_EXISTS]');
    const winner = runs.indexOf(runs.find((r) => r.status === 0)!) === 0 ? 'apple' : 'banana';
    expect(JSON.parse(await readFile(join(cwd, 'out.json'), 'utf8'))).toEqual([[winner]]);
    await noTempFiles(cwd);
  });

  it('linkOrCopy without --force makes the link under its final name and refuses an existing one', async () => {
    beginRun();
    const dir = await tempDir();
    await writeFile(join(dir, 'epoch_5.pth'), 'weights');
    await writeFile(join(dir, 'best.pth'), 'someone else');
    await expect(linkOrCopy(join(dir, 'epoch_5.pth'), join(dir, 'best.pth'), { force: false, command: 'yw best' })).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readFile(join(dir, 'best.pth'), 'utf8')).toBe('someone else');
  });
});

describe('where hard links are impossible, an exclusive create still keeps the final step from replacing', () => {
  const noLinks = async (): Promise<void> => {
    throw Object.assign(new Error('operation not permitted'), { code: 'EPERM' });
  };

  it('publishes through a reserved name, and refuses when the name exists', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.json');
    await writeFile(join(dir, '.a.tmp'), 'first');
    expect(await publish(join(dir, '.a.tmp'), out, { force: false }, false, noLinks)).toBe(true);
    expect(await readFile(out, 'utf8')).toBe('first');
    await writeFile(join(dir, '.b.tmp'), 'second');
    await expect(publish(join(dir, '.b.tmp'), out, { force: false }, false, noLinks)).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readFile(out, 'utf8')).toBe('first');
  });
});
