import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { YwError } from '../../errors.js';
import { TopLevelValueScanner } from '../../core/texts/json-scan.js';
import { classMetaFiles } from '../../core/dataset/convert.js';
import { categoriesOnlyCoco, fileKindOf, type JsonFile } from '../../core/texts/source.js';
import type { RootInput } from '../../core/texts/root-source.js';
import type { SourceRead } from '../../core/texts/resolve.js';
import { displayPath } from '../fs/display-path.js';
import { statIfExists } from '../fs/file-head.js';
import { listFiles } from '../fs/list-files.js';
import { readJson, readText } from '../fs/read-text.js';
import { openRegular } from '../fs/regular-file.js';
import { readTexts } from '../dataset/read-texts.js';

/**
 * COCO files a run is about to write (yw prepare), by absolute path: a dataset root's
 * `annotations/*.json` is read as if they were in place already (those on disk, these replacing them).
 */
export type PlannedCoco = ReadonlyMap<string, JsonFile['json']>;

/** Reads what `yw texts` needs from a source path: one file, or a dataset root's candidate files. */
export async function readTextsSource(cwd: string, source: string, planned: PlannedCoco = new Map()): Promise<SourceRead> {
  const absolute = resolve(cwd, source);
  const shown = displayPath(cwd, absolute);
  const info = await statIfExists(absolute);
  if (info === undefined) {
    throw new YwError('FILE_NOT_FOUND', `source not found: ${shown}`, {
      file: shown,
      hint: 'pass a classes file, data.yaml, COCO JSON or dataset folder',
    });
  }
  if (info.isDirectory()) {
    return { kind: 'dataset-root', absolute, root: await readRoot(cwd, absolute, shown, planned) };
  }
  if (fileKindOf(absolute) === 'coco-json') {
    return { kind: 'coco-json', absolute, file: await readCoco(absolute, shown) };
  }
  return { kind: 'text', absolute, file: { path: shown, text: await readText(absolute, 'classes file') } };
}

async function readAnnotations(cwd: string, root: string, planned: PlannedCoco): Promise<JsonFile[]> {
  const folder = join(root, 'annotations');
  const names = await readdir(folder).catch(() => [] as string[]);
  const coming = [...planned.keys()].filter((path) => dirname(path) === folder).map((path) => basename(path));
  const files = [...new Set([...names.filter((name) => name.toLowerCase().endsWith('.json')), ...coming])].sort();
  const read: JsonFile[] = [];
  for (const name of files) {
    const path = join(folder, name);
    const json = planned.get(path);
    if (json !== undefined) read.push({ path: displayPath(cwd, path), json });
    else if ((await stat(path)).isFile()) read.push(await readCoco(path, displayPath(cwd, path)));
  }
  return read;
}

/** The root's COCO files, and its files listed and class files read as `yw convert` reads them. */
async function readRoot(cwd: string, absolute: string, shown: string, planned: PlannedCoco): Promise<RootInput> {
  const annotations = await readAnnotations(cwd, absolute, planned);
  const files = await listFiles(absolute);
  const meta = classMetaFiles(files);
  const texts = await readTexts(absolute, meta);
  return { root: shown, rootAbs: absolute, annotations, files, texts, shown: new Map(meta.map((rel) => [rel, displayPath(cwd, join(absolute, rel))])) };
}

/**
 * Reads only the `categories` of a COCO file, streaming it (annotation files can exceed what one
 * string may hold). When they cannot be cut out, the whole file is parsed for a precise error.
 */
async function readCoco(path: string, shown: string): Promise<JsonFile> {
  const scanner = new TopLevelValueScanner('categories');
  const handle = await openRegular(path, 'COCO JSON');
  const stream = handle.createReadStream({ highWaterMark: 1 << 20 });
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
