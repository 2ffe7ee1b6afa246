import { cp, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliRun } from './run-cli.js';
import { tempDir } from './tmp.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface ConvertRun extends CliRun {
  /** Temporary working folder; the dataset is at `<dir>/input`. */
  dir: string;
  /** Files the run created (relative to `dir`, sorted), i.e. everything not copied from the fixture. */
  produced: string[];
  read(path: string): Promise<string>;
}

/** Copies `fixtures/<fixture>/input` to `<tmp>/input` and runs `yw convert input ...args` in `<tmp>`. */
export async function convertFixture(
  fixture: string,
  args: string[] = [],
  prepare?: (dir: string) => Promise<void>,
): Promise<ConvertRun> {
  const dir = await tempDir('yw-convert-');
  await cp(join(FIXTURES, fixture, 'input'), join(dir, 'input'), { recursive: true });
  await prepare?.(dir);
  const before = new Set(await listAll(dir));
  const run = await runCli(['convert', 'input', ...args], { cwd: dir });
  const produced = (await listAll(dir)).filter((f) => !before.has(f));
  return { ...run, dir, produced, read: (path) => readFile(join(dir, path), 'utf8') };
}

/**
 * Every file under `dir` (relative, `/`, sorted), hidden ones too so a leftover temp file shows. A
 * folder whose name is not UTF-8 cannot be entered through its decoded name: its files are not listed.
 */
export async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const e of entries) {
      if (e.isDirectory()) await walk(join(folder, e.name));
      else if (e.isFile()) out.push(relative(dir, join(folder, e.name)).split(sep).join('/'));
    }
  };
  await walk(dir);
  return out.sort();
}
