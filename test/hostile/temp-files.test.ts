import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { runCli } from '../helpers/run-cli.js';
import { BIN, IS_ROOT, skipBecause } from '../helpers/run-bin.js';
import { tempDir } from '../helpers/tmp.js';
import { liveTemps } from '../../src/io/fs/temp-files.js';

// Issue 11, class 2: no temporary file survives a signal or a full disk (io/fs/temp-files.ts,
// cli/process-guards.ts).

const SIGNALS = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const;

/** A dataset whose COCO output takes a while to write: many tiny images, 100 distinct boxes each. */
async function bigDataset(dir: string, images: number): Promise<void> {
  await mkdir(join(dir, 'images'), { recursive: true });
  await mkdir(join(dir, 'labels'), { recursive: true });
  await writeFile(join(dir, 'classes.txt'), 'a\nb\n');
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toBuffer();
  const boxes = Array.from({ length: 100 }, (_, i) => `${i % 2} ${(0.1 + i * 0.008).toFixed(4)} 0.5 0.05 0.2`).join('\n');
  for (let start = 0; start < images; start += 200) {
    const batch = [];
    for (let i = start; i < Math.min(images, start + 200); i++) {
      const stem = `img_${String(i).padStart(5, '0')}`;
      batch.push(writeFile(join(dir, 'images', `${stem}.jpg`), jpeg), writeFile(join(dir, 'labels', `${stem}.txt`), boxes));
    }
    await Promise.all(batch);
  }
}

/** One dataset for all signal cases (made once: it is the slow part). */
let shared: Promise<string> | undefined;
function sharedDataset(): Promise<string> {
  shared ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yw-signals-'));
    await bigDataset(join(dir, 'ds'), 3000);
    return dir;
  })();
  return shared;
}
afterAll(async () => {
  if (shared) await rm(await shared, { recursive: true, force: true });
});

async function hiddenTemps(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.tmp'));
}

describe('a signal during a write removes the temporary file and ends the run by that signal', () => {
  for (const [signal, status] of SIGNALS) {
    it(`${signal}: $? is ${status} in a shell, no temp file, no output`, async () => {
      const dir = await sharedDataset();
      const out = join(dir, `out-${signal}`);
      // The shell prints the pid of yw, then the status it sees when yw ends.
      const shell = spawn('sh', ['-c', `'${process.execPath}' '${BIN}' convert ds --out out-${signal} --quiet & echo $!; wait $!; echo "status=$?"`], { cwd: dir });
      let stdout = '';
      shell.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const ended = new Promise<void>((resolve) => shell.on('close', () => resolve()));
      while (!stdout.includes('\n')) await new Promise((r) => setTimeout(r, 5));
      const pid = Number(stdout.split('\n')[0]);
      // Wait until the temporary output exists, freeze yw, queue the signal, let it go on: the
      // signal is handled mid-write whatever the machine's speed.
      let seen: string[] = [];
      while (seen.length === 0 && !stdout.includes('status=')) {
        seen = await hiddenTemps(out);
        if (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
      }
      expect(seen, 'the run ended before its temporary file was seen').toHaveLength(1);
      process.kill(pid, 'SIGSTOP');
      process.kill(pid, signal);
      process.kill(pid, 'SIGCONT');
      await ended;
      expect(stdout).toContain(`status=${status}\n`);
      expect(await readdir(out)).toEqual([]);
    }, 60_000);
  }
});

describe('a full disk (ENOSPC) is a clear error, exit 1, and leaves no temporary file', () => {
  it('convert --out on a 64 KB tmpfs', async (context) => {
    if (!IS_ROOT) return skipBecause(context, 'mounting a small tmpfs needs root');
    const dir = await tempDir();
    await bigDataset(join(dir, 'ds'), 50);
    const mount = join(dir, 'small');
    await mkdir(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status !== 0) return skipBecause(context, 'mount -t tmpfs is not allowed here');
    try {
      const run = await runCli(['convert', 'ds', '--out', 'small/ann'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`could not write ${join(mount, 'ann', 'train.json')}: no space left on the device [FS_ENOSPC]`);
      expect(run.stderr).toContain('hint: free some space');
      expect(await readdir(join(mount, 'ann'))).toEqual([]);
      expect(liveTemps()).toEqual([]);
      // a small file on the full disk fails the same way
      await writeFile(join(mount, 'filler'), Buffer.alloc(60 * 1024)).catch(() => undefined);
      await writeFile(join(dir, 'classes.txt'), Array.from({ length: 4000 }, (_, i) => `class ${i}`).join('\n'));
      const texts = await runCli(['texts', 'classes.txt', '-o', 'small/t.json'], { cwd: dir });
      expect(texts.code).toBe(1);
      expect(texts.stderr).toContain('[FS_ENOSPC]');
      expect((await readdir(mount)).sort()).toEqual(['ann', 'filler']);
    } finally {
      spawnSync('umount', [mount]);
    }
  });
});
