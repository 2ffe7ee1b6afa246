import { basename, join, relative, resolve, sep } from 'node:path';
import { YwError } from '../../errors.js';
import { summarizeCoco, type CocoSummary } from '../../core/dataset/coco-summary.js';
import type { ConfigData } from '../../core/config/spec.js';
import type { SplitPaths } from '../../core/config/options.js';
import { isDirectory } from '../fs/file-head.js';
import { regularFileExists } from '../fs/regular-file.js';
import { readJson } from '../fs/read-text.js';

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

/** POSIX path from `from` to `to` (what Python on the training machine resolves). */
export function rel(from: string, to: string): string {
  return relative(from, to).split(sep).join('/') || '.';
}

/**
 * Reads the dataset root: `<data>/annotations/<split>.json` (what yw convert writes, with
 * `info.yw.data_prefix`) unless --<split>-ann/--<split>-images say otherwise. Paths given for a split
 * are relative to the data root, like mmdet's ann_file and data_prefix.
 */
export async function readSplits(p: InputPaths): Promise<{ dataDir: string; splits: Partial<Record<Split, SplitData>> }> {
  const dataDir = resolve(p.cwd, p.data);
  if (!(await isDirectory(dataDir))) {
    throw new YwError('DATA_NOT_FOUND', `dataset root not found: ${dataDir}`, { file: dataDir, hint: 'pass the folder yw convert wrote (it holds annotations/<split>.json)' });
  }
  const splits: Partial<Record<Split, SplitData>> = {};
  for (const split of SPLITS) {
    const given = p.ann[split];
    const file = given !== undefined ? resolve(dataDir, given) : join(dataDir, 'annotations', `${split}.json`);
    const planned = p.planned?.get(file);
    if (given === undefined && planned === undefined && !(await regularFileExists(file, 'COCO annotation file'))) continue;
    const summary = planned ?? summarizeCoco(await readJson(file, 'COCO annotation file'), file);
    const images = p.images[split] ?? summary.yw?.dataPrefix;
    if (images === undefined) {
      throw new YwError('IMAGES_UNKNOWN', `${file} does not say where its images are (no info.yw.data_prefix)`, { file, hint: `pass --${split}-images FOLDER (relative to ${p.data})` });
    }
    splits[split] = { file, summary, ann: rel(dataDir, file), images: withSlash(images), annFromRoot: rel(p.root, file) };
  }
  for (const split of ['train', 'val'] as const) {
    if (!splits[split]) {
      const trainOnly = splits.train !== undefined && splits.test === undefined;
      throw new YwError('SPLIT_MISSING', `no ${split} annotations: ${join(dataDir, 'annotations', `${split}.json`)} does not exist`, { hint: missingHint(split, p.data, trainOnly) });
    }
  }
  return { dataDir, splits };
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
