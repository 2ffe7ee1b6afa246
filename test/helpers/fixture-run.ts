import { cp, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Copies `fixtures/<name>/input` into a fresh folder (the cwd of a run), keeping folder names. */
export async function stageFixture(name: string): Promise<string> {
  const dir = await tempDir();
  await cp(join(FIXTURES, name, 'input'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}
