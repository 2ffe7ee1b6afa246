import { basename, join, relative, resolve, sep } from 'node:path';
import { YwError } from '../../errors.js';
import type { CocoSummary } from '../../core/dataset/coco-summary.js';
import type { ConfigData } from '../../core/config/spec.js';
import type { SplitPaths } from '../../core/config/options.js';
import { isDirectory, isFile } from '../fs/path-kind.js';
import { regularFileExists } from '../fs/regular-file.js';
import { chooseImageFolder, imageFolderCandidates, type FolderHits } from '../../core/dataset/image-folder.js';
import { readCocoSummary } from '../dataset/read-coco.js';

import { SPLITS, type Split } from '../../core/splits.js';
import { shellCommand } from '../../core/config/shell-quote.js';

export interface InputPaths {
  cwd: string;
  /** YOLO-World root, absolute. */
  root: string;
  data: string;
  ann: Partial<Record<Split, string>>;
  images: Partial<Record<Split, string>>;
  /** COCO files about to be written (yw prepare), by absolute path: read as if they were in place. */
  planned?: ReadonlyMap<string, CocoSummary>;
}

export type SplitData = SplitPaths & { file: string; summary: CocoSummary };

/** An image folder yw found from the file_names (no --<split>-images, no info.yw), to say so. */
export interface FoundImages {
  split: Split;
  folder: string;
  found: number;
  sampled: number;
}

/** POSIX path from `from` to `to` (what Python on the training machine resolves). */
export function rel(from: string, to: string): string {
  return relative(from, to).split(sep).join('/') || '.';
}

/**
 * Reads the dataset root: `<data>/annotations/<split>.json` (what yw convert writes, with
 * `info.yw.data_prefix`) unless --<split>-ann/--<split>-images say otherwise. Paths given for a split
 * are relative to the data root, like mmdet's ann_file and data_prefix.
 */
export async function readSplits(p: InputPaths): Promise<{ dataDir: string; splits: Partial<Record<Split, SplitData>>; found: FoundImages[] }> {
  const dataDir = resolve(p.cwd, p.data);
  if (!(await isDirectory(dataDir))) {
    throw new YwError('DATA_NOT_FOUND', `dataset root not found: ${dataDir}`, { file: dataDir, hint: 'pass the folder yw convert wrote (it holds annotations/<split>.json)' });
  }
  const splits: Partial<Record<Split, SplitData>> = {};
  const found: FoundImages[] = [];
  for (const split of SPLITS) {
    const given = p.ann[split];
    const file = given !== undefined ? resolve(dataDir, given) : join(dataDir, 'annotations', `${split}.json`);
    const planned = p.planned?.get(file);
    if (given === undefined && planned === undefined && !(await regularFileExists(file, 'COCO annotation file'))) continue;
    const summary = planned ?? (await readCocoSummary(file));
    let images = p.images[split] ?? summary.yw?.dataPrefix;
    if (images === undefined) {
      const chosen = await findImages(dataDir, file, split, summary.sample);
      images = chosen.folder;
      if (summary.sample.length > 0) found.push({ split, ...chosen, sampled: summary.sample.length });
    }
    splits[split] = { file, summary, ann: rel(dataDir, file), images: withSlash(images), annFromRoot: rel(p.root, file) };
  }
  for (const split of ['train', 'val'] as const) {
    if (!splits[split]) {
      const trainOnly = splits.train !== undefined && splits.test === undefined;
      throw new YwError('SPLIT_MISSING', `no ${split} annotations: ${join(dataDir, 'annotations', `${split}.json`)} does not exist`, { hint: missingHint(split, p.data, trainOnly) });
    }
  }
  return { dataDir, splits, found };
}

/** Counts the sampled file_names in each candidate folder and lets core choose. No names: the root (the empty check then stops). */
async function findImages(dataDir: string, file: string, split: Split, sample: readonly string[]): Promise<FolderHits> {
  if (sample.length === 0) return { folder: '', found: 0 };
  const hits: FolderHits[] = [];
  for (const folder of imageFolderCandidates(split, rel(dataDir, file))) {
    let count = 0;
    for (const name of sample) if (await isFile(join(dataDir, folder, name))) count += 1;
    hits.push({ folder, found: count });
  }
  return chooseImageFolder(file, split, hits, sample.length);
}

/** What to run: a dataset converted with train only gets the exact command `yw convert` prints for it. */
function missingHint(split: Split, data: string, trainOnly: boolean): string {
  if (split === 'val' && trainOnly) {
    return `the dataset has no validation split; divide train into train and val: ${shellCommand(['yw', 'convert', data, '--val-fraction', '0.2', '--force'])} (or pass --val-ann FILE)`;
  }
  return `run yw convert with a ${split} split, or pass --${split}-ann FILE`;
}

function withSlash(prefix: string): string {
  const posix = prefix.split(sep).join('/');
  return posix === '' || posix.endsWith('/') ? posix : `${posix}/`;
}

export function datasetName(dataDir: string): string {
  return basename(dataDir) || 'dataset';
}

export type { ConfigData };
