import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_TEXT_BYTES, TextTooLarge } from '../fs/read-in-order.js';
import { readText } from '../fs/read-text.js';

/**
 * Reads small text files under `root` (relative paths) into a map keyed by those paths. Their size is
 * checked first: a dataset's classes file, data.yaml or image list over MAX_TEXT_BYTES is refused
 * unread, like a label file (a list of 10^6 image paths is ~50 MB).
 */
export async function readTexts(root: string, paths: readonly string[], into = new Map<string, string>()): Promise<Map<string, string>> {
  for (const path of paths) {
    if (into.has(path)) continue;
    const file = join(root, path);
    const size = (await stat(file).catch(() => undefined))?.size ?? 0;
    if (size > MAX_TEXT_BYTES) throw new TextTooLarge(file, size, MAX_TEXT_BYTES);
    into.set(path, await readText(file));
  }
  return into;
}
