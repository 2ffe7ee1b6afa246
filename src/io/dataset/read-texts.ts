import { join } from 'node:path';
import { readText } from '../fs/read-text.js';

/** Reads small text files under `root` (relative paths) into a map keyed by those paths. */
export async function readTexts(root: string, paths: readonly string[], into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const path of paths) {
    if (!into.has(path)) into.set(path, await readText(join(root, path)));
  }
  return into;
}
