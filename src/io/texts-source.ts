import fg from 'fast-glob';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { YwError } from '../errors.js';
import { TopLevelValueScanner } from '../core/texts/json-scan.js';
import { categoriesOnlyCoco, fileKindOf, type JsonFile, type TextFile } from '../core/texts/source.js';
import { CLASS_FILE_NAMES, DATA_YAML_NAMES } from '../core/texts/root-source.js';
import type { SourceRead } from '../core/texts/resolve.js';
import { displayPath } from './display-path.js';
import { readJson, readText } from './read-text.js';

/** Reads what `yw texts` needs from a source path: one file, or a dataset root's candidate files. */
export async function readTextsSource(cwd: string, source: string): Promise<SourceRead> {
  const absolute = resolve(cwd, source);
  const shown = displayPath(cwd, absolute);
  const info = await stat(absolute).catch(() => undefined);
  if (info === undefined) {
    throw new YwError('FILE_NOT_FOUND', `source not found: ${shown}`, {
      file: shown,
      hint: 'pass a classes file, data.yaml, COCO JSON or dataset folder',
    });
  }
  if (info.isDirectory()) {
    const annotations = await readAnnotations(cwd, absolute);
    const classFiles = await readClassFiles(cwd, absolute);
    return { kind: 'dataset-root', absolute, root: { root: shown, annotations, classFiles } };
  }
  if (fileKindOf(absolute) === 'coco-json') {
    return { kind: 'coco-json', absolute, file: await readCoco(absolute, shown) };
  }
  return { kind: 'text', absolute, file: { path: shown, text: await readText(absolute, 'classes file') } };
}

async function readAnnotations(cwd: string, root: string): Promise<JsonFile[]> {
  const folder = join(root, 'annotations');
  const names = await readdir(folder).catch(() => [] as string[]);
  const files = names.filter((name) => name.toLowerCase().endsWith('.json')).sort();
  const read: JsonFile[] = [];
  for (const name of files) {
    const path = join(folder, name);
    if (!(await stat(path)).isFile()) continue;
    read.push(await readCoco(path, displayPath(cwd, path)));
  }
  return read;
}

/** Every classes.txt / obj.names under the root, and the root's data.yaml files. */
async function readClassFiles(cwd: string, root: string): Promise<TextFile[]> {
  const patterns = [`**/{${CLASS_FILE_NAMES.join(',')}}`, `{${DATA_YAML_NAMES.join(',')}}`];
  const found = await fg(patterns, { cwd: root, onlyFiles: true, followSymbolicLinks: false, suppressErrors: true });
  const read: TextFile[] = [];
  for (const rel of found.sort()) {
    const path = join(root, rel);
    read.push({ path: displayPath(cwd, path), text: await readText(path) });
  }
  return read;
}

/**
 * Reads only the `categories` of a COCO file, streaming it (annotation files can exceed what one
 * string may hold). When they cannot be cut out, the whole file is parsed for a precise error.
 */
async function readCoco(path: string, shown: string): Promise<JsonFile> {
  const scanner = new TopLevelValueScanner('categories');
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const raw = await (async () => {
    for await (const chunk of stream) if (scanner.push(chunk as Buffer)) break;
    return scanner.result();
  })()
    .catch(() => undefined)
    .finally(() => stream.destroy());
  const categories = raw === undefined ? undefined : parseOrUndefined(raw);
  if (categories !== undefined) return { path: shown, json: categoriesOnlyCoco(categories) };
  return { path: shown, json: await readJson(path, 'COCO JSON') };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
