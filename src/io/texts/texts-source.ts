import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { YwError } from '../../errors.js';
import { classMetaFiles } from '../../core/dataset/convert.js';
import { fileKindOf, type CocoFile } from '../../core/texts/source.js';
import type { RootInput } from '../../core/texts/root-source.js';
import type { SourceRead } from '../../core/texts/resolve.js';
import { displayPath } from '../fs/display-path.js';
import { statIfExists } from '../fs/path-kind.js';
import { listFiles } from '../fs/list-files.js';
import { readText } from '../fs/read-text.js';
import { readCocoSummary } from '../dataset/read-coco.js';
import { readTexts } from '../dataset/read-texts.js';

/**
 * COCO files a run is about to write (yw prepare), by absolute path: a dataset root's
 * `annotations/*.json` is read as if they were in place already (those on disk, these replacing them).
 */
export type PlannedCoco = ReadonlyMap<string, CocoFile['categories']>;

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

async function readAnnotations(cwd: string, root: string, planned: PlannedCoco): Promise<CocoFile[]> {
  const folder = join(root, 'annotations');
  const names = await readdir(folder).catch(() => [] as string[]);
  const coming = [...planned.keys()].filter((path) => dirname(path) === folder).map((path) => basename(path));
  const files = [...new Set([...names.filter((name) => name.toLowerCase().endsWith('.json')), ...coming])].sort();
  const read: CocoFile[] = [];
  for (const name of files) {
    const path = join(folder, name);
    const categories = planned.get(path);
    if (categories !== undefined) read.push({ path: displayPath(cwd, path), categories });
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

/** The categories of a COCO file, streamed (annotation files can exceed what one string may hold). */
async function readCoco(path: string, shown: string): Promise<CocoFile> {
  const { categories } = await readCocoSummary(path, shown, 'categories');
  return { path: shown, categories };
}
