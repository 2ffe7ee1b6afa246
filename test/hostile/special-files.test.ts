import { describe, expect, it } from 'vitest';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkfifo, runBin, type BinRun } from '../helpers/run-bin.js';
import { copyFixture, tempDir } from '../helpers/tmp.js';
import { checkRegular, readRegular } from '../../src/io/fs/regular-file.js';

// Issue 11, class 4: nothing blocks on a special file. Every read of a user path goes through
// io/fs/regular-file.ts, which refuses FIFOs, devices, folders and /proc files before opening them.
// The runs are separate processes with a timeout: a regression is a reported hang, not a stuck worker.

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const TIMEOUT = 15_000;

/** The refusal, not a hang: exit 1, the refusal's code, a hint. */
function refused(run: BinRun, code = 'NOT_A_REGULAR_FILE'): void {
  expect(run.hung, 'yw hung on a special file').toBe(false);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).toContain('hint: ');
}

/** Special things a path can be, made at `path` (no extension games: each keeps the name given). */
const SPECIALS: Record<string, (path: string) => Promise<void>> = {
  'a FIFO': async (path) => mkfifo(path),
  '/dev/zero': (path) => symlink('/dev/zero', path),
  'a link into /proc': (path) => symlink('/proc/self/status', path),
};

describe('the regular-file gate', () => {
  it('refuses a FIFO, a device, a folder and a /proc file by stat, before opening them', async () => {
    const dir = await tempDir();
    mkfifo(join(dir, 'fifo'));
    await expect(readRegular(join(dir, 'fifo'), 'classes file')).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE' });
    await expect(checkRegular('/dev/zero')).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE', message: expect.stringContaining('character device') });
    await expect(checkRegular('/proc/self/status')).rejects.toMatchObject({ code: 'NOT_A_REGULAR_FILE', message: expect.stringContaining('/proc') });
    await expect(checkRegular(dir)).rejects.toMatchObject({ code: 'NOT_A_FILE' });
    await expect(checkRegular(join(dir, 'missing'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await writeFile(join(dir, 'ok.txt'), 'cat\n');
    expect((await readRegular(join(dir, 'ok.txt'))).toString()).toBe('cat\n');
  });
});

describe('yw texts and convert refuse special files as sources', () => {
  it('a FIFO as a texts source (classes file and COCO JSON), --synonyms, --check and convert --classes', async () => {
    const dir = await tempDir();
    mkfifo(join(dir, 'x.txt'));
    mkfifo(join(dir, 'x.json'));
    await writeFile(join(dir, 'classes.txt'), 'cat\n');
    refused(await runBin(['texts', 'x.txt', '-o', 'o.json'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin(['texts', 'x.json', '-o', 'o.json'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin(['texts', 'classes.txt', '--synonyms', 'x.txt', '-o', 'o.json'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin(['texts', 'classes.txt', '--check', 'x.json'], { cwd: dir, timeoutMs: TIMEOUT }));
    const ds = await copyFixture(join(FIXTURES, 'convert-single'));
    mkfifo(join(ds, 'x.txt'));
    refused(await runBin(['convert', 'input', '--classes', 'x.txt'], { cwd: ds, timeoutMs: TIMEOUT }));
  }, 90_000);

  for (const [kind, make] of Object.entries(SPECIALS)) {
    it(`${kind} as a texts source`, async () => {
      const dir = await tempDir();
      await make(join(dir, 'x.txt'));
      refused(await runBin(['texts', 'x.txt', '-o', 'o.json'], { cwd: dir, timeoutMs: TIMEOUT }));
    }, 30_000);
  }
});

describe('yw check --config refuses special files as the config and its _base_, and reports them as ann_file or class_text_path', () => {
  const CONFIG = 'configs/custom/yolo_world_v2_l_helmet.py';
  const BASE = "_base_ = '../../third_party/mmyolo/configs/yolov8/yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py'";

  it('the config itself as a FIFO', async () => {
    const dir = await copyFixture(join(FIXTURES, 'check-clean'));
    mkfifo(join(dir, 'fifo.py'));
    const run = await runBin(['check', '--config', 'fifo.py', '--reader', 'builtin'], { cwd: dir, timeoutMs: TIMEOUT });
    refused(run, 'CONFIG_UNREADABLE');
    expect(run.stderr).toContain('(a FIFO, not a regular file)');
  });

  it('the config as a FIFO with --reader mmengine: refused before Python would open it', async () => {
    const dir = await copyFixture(join(FIXTURES, 'check-clean'));
    mkfifo(join(dir, 'fifo.py'));
    // a python that "has" mmengine: yw asks it `import mmengine` first, then would hand it the config
    await writeFile(join(dir, 'python'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const run = await runBin(['check', '--config', 'fifo.py', '--reader', 'mmengine', '--python', join(dir, 'python')], { cwd: dir, timeoutMs: TIMEOUT });
    refused(run);
  });

  for (const [kind, make] of [...Object.entries(SPECIALS), ['a folder', (path: string) => mkdir(path)] as const]) {
    it(`a _base_ that is ${kind}`, async () => {
      const dir = await copyFixture(join(FIXTURES, 'check-clean'));
      await make(join(dir, 'configs', 'special.py'));
      const text = await readFile(join(dir, CONFIG), 'utf8');
      await writeFile(join(dir, CONFIG), text.replace(BASE, "_base_ = '../special.py'"));
      // the config reader words it (CONFIG_UNREADABLE); io/fs/regular-file.ts decided it without opening the file
      const run = await runBin(['check', '--config', CONFIG, '--reader', 'builtin'], { cwd: dir, timeoutMs: TIMEOUT });
      refused(run, 'CONFIG_UNREADABLE');
      expect(run.stderr).toMatch(/cannot read the _base_ '\.\.\/special\.py' \((a FIFO|a character device|on \/proc, a kernel file system|a directory), not a regular file\)/);
      expect(run.stderr).toContain('hint: name a regular UTF-8 .py file');
    }, 30_000);
  }

  it('a load_from that is a FIFO or a folder: LOAD_FROM_INVALID naming what it is, not "not found"', async () => {
    const dir = await copyFixture(join(FIXTURES, 'check-clean'));
    const weights = join(dir, 'pretrained_models', 'yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth');
    await rm(weights);
    mkfifo(weights);
    const fifo = await runBin(['check', '--config', CONFIG, '--reader', 'builtin', '--json'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(fifo.hung).toBe(false);
    expect(fifo.status).toBe(1);
    const found = (JSON.parse(fifo.stdout) as { findings: { code: string; message: string }[] }).findings.filter((f) => f.code.startsWith('LOAD_FROM'));
    expect(found.map((f) => f.code)).toEqual(['LOAD_FROM_INVALID']);
    expect(found[0]!.message).toContain('is a FIFO, not a regular file');
    await rm(weights);
    await mkdir(weights);
    const folder = await runBin(['check', '--config', CONFIG, '--reader', 'builtin', '--json'], { cwd: dir, timeoutMs: TIMEOUT });
    const codes = (JSON.parse(folder.stdout) as { findings: { code: string; message: string }[] }).findings.filter((f) => f.code.startsWith('LOAD_FROM'));
    expect(codes.map((f) => f.code)).toEqual(['LOAD_FROM_INVALID']);
    expect(codes[0]!.message).toContain('is a folder');
  }, 30_000);

  it('ann_file and class_text_path that are FIFOs: findings naming them, no hang', async () => {
    const dir = await copyFixture(join(FIXTURES, 'check-clean'));
    for (const file of ['data/helmet/annotations/train.json', 'data/texts/helmet_class_texts.json']) {
      await rm(join(dir, file));
      mkfifo(join(dir, file));
    }
    const run = await runBin(['check', '--config', CONFIG, '--reader', 'builtin', '--json'], { cwd: dir, timeoutMs: TIMEOUT });
    expect(run.hung).toBe(false);
    expect(run.status).toBe(1);
    const codes = (JSON.parse(run.stdout) as { findings: { code: string; message: string }[] }).findings;
    expect(codes.find((f) => f.code === 'ANN_FILE_INVALID')?.message).toContain('is a FIFO');
    expect(codes.find((f) => f.code === 'TEXTS_INVALID' || f.code === 'TEXTS_NOT_FOUND')?.message).toContain('is a FIFO');
  }, 30_000);
});

describe('yw config and yw best refuse special files', () => {
  it('config --embeddings, --weights and --texts as FIFOs', async () => {
    const dir = await copyFixture(join(FIXTURES, 'config-helmet'));
    mkfifo(join(dir, 'fifo.npy'));
    mkfifo(join(dir, 'fifo.pth'));
    mkfifo(join(dir, 'fifo.json'));
    const base = ['config', '--data', 'datasets/helmet', '--out', 'c.py'];
    refused(await runBin([...base, '--mode', 'prompt', '--embeddings', 'fifo.npy'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin([...base, '--weights', 'fifo.pth'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin([...base, '--texts', 'fifo.json'], { cwd: dir, timeoutMs: TIMEOUT }));
  }, 60_000);

  it('best on a scalars.json that is a FIFO, named directly or found in a run folder', async () => {
    const dir = await copyFixture(join(FIXTURES, 'best-80e'));
    const scalars = join(dir, '20240618_101010', 'vis_data', 'scalars.json');
    await rm(scalars);
    mkfifo(scalars);
    refused(await runBin(['best', scalars], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin(['best', '.'], { cwd: dir, timeoutMs: TIMEOUT }));
    refused(await runBin(['best', '/dev/zero'], { cwd: dir, timeoutMs: TIMEOUT }));
  }, 60_000);
});
