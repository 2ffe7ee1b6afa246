import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cp, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { FIXTURES } from '../helpers/convert-run.js';
import { tempDir } from '../helpers/tmp.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** What a clone holds that the package is built from (no dist/: npm pack must build it). */
const CLONE = ['package.json', 'package-lock.json', 'tsconfig.json', 'README.md', 'bin', 'scripts', 'src'];

/**
 * The environment without what `npm test` adds for its own script: npm_config_local_prefix would
 * send the inner npm to this repository, npm_config_global/prefix elsewhere.
 */
function npmEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(lifecycle|package|command|execpath|node_execpath)/i.test(key) || /^npm_config_(local_prefix|prefix|global|global_prefix)$/i.test(key)) delete env[key];
  }
  return env;
}

/** `npm install -g` from npm's cache only (filled by `npm ci`); from the registry if something is missing. */
async function installGlobal(prefix: string, tarball: string, env: NodeJS.ProcessEnv): Promise<void> {
  const args = ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball];
  try {
    await run('npm', [...args, '--offline'], { env });
  } catch (error) {
    if (!String((error as { stderr?: string }).stderr).includes('ENOTCACHED')) throw error;
    await run('npm', [...args, '--prefer-offline'], { env });
  }
}

describe('the packed package installs like any npm CLI', () => {
  it('npm pack builds it (prepack + prepare); npm install -g of the tarball gives a working yw', async () => {
    const tmp = await tempDir('yw-pack-');
    const clone = join(tmp, 'clone');
    for (const entry of CLONE) await cp(join(repo, entry), join(clone, entry), { recursive: true });
    await symlink(join(repo, 'node_modules'), join(clone, 'node_modules'));
    const env = npmEnv();
    const packed = JSON.parse((await run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: clone, env, maxBuffer: 1 << 24 })).stdout) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('bin/yw.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/io/images/thumbnail.js');
    expect(files.filter((f) => !/^(bin\/|dist\/.*\.js$|package\.json$|README\.md$)/.test(f)), 'only bin, compiled JS, package.json and README').toEqual([]);

    const prefix = join(tmp, 'prefix');
    await installGlobal(prefix, join(tmp, packed[0]!.filename), env);
    const yw = join(prefix, 'bin', 'yw');
    const { version } = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect((await run(yw, ['--version'], { env })).stdout).toBe(`${version}\n`);

    // A real command from there: the same COCO files as the golden ones, byte for byte.
    const work = join(tmp, 'work');
    await cp(join(FIXTURES, 'convert-split-folders', 'input'), join(work, 'input'), { recursive: true });
    // Exit 1 after writing: the fixture's broken.jpg is an error finding (one exit rule for every command).
    const converted = await run(yw, ['convert', 'input', '--quiet'], { cwd: work, env }).then(() => 0, (e: { code?: number }) => e.code);
    expect(converted).toBe(1);
    for (const split of ['train', 'val', 'test']) {
      const expected = await readFile(join(FIXTURES, 'convert-split-folders', 'expected', 'default', 'input', 'annotations', `${split}.json`), 'utf8');
      expect(await readFile(join(work, 'input', 'annotations', `${split}.json`), 'utf8'), split).toBe(expected);
    }
    // sharp from the installed dependencies draws the thumbnails (exit 1: the fixture holds an error finding).
    const check = await run(yw, ['check', 'input', '--html', 'r.html', '--quiet'], { cwd: work, env }).then(() => 0, (e: { code?: number }) => e.code);
    expect(check).toBe(1);
    expect(await readFile(join(work, 'r.html'), 'utf8')).toMatch(/^<!doctype html>[^]*data:image\/jpeg;base64,/);

    // yw prepare from the installed package: a train-only export (labelImg) to COCO files, class
    // texts and a config, in a folder that plays the YOLO-World root; exit 1: the weights are not there.
    const yoloWorld = join(tmp, 'yolo-world');
    await cp(join(FIXTURES, 'export-labelimg', 'input'), join(yoloWorld, 'data', 'parts'), { recursive: true });
    const prepared = await run(yw, ['prepare', 'data/parts', '--size', 's', '--style', 'standalone', '--reader', 'builtin', '--json'], { cwd: yoloWorld, env })
      .then(({ stdout }) => ({ code: 0, stdout }), (e: { code?: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }));
    expect(prepared.code).toBe(1);
    const summary = JSON.parse(prepared.stdout) as { held_out: { val: number }; written: string[]; findings: { code: string; severity: string }[] };
    expect(summary.held_out.val).toBe(1);
    expect(summary.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['LOAD_FROM_NOT_FOUND']);
    for (const file of summary.written) expect((await readFile(join(yoloWorld, file))).length, file).toBeGreaterThan(0);
    expect(summary.written).toContain('data/texts/parts_class_texts.json');
  }, 600_000);
});
