import { posix } from 'node:path';
import { YwError } from '../../errors.js';
import { SPLIT_ALIASES, type Split } from '../splits.js';

/** A folder (relative to the dataset root, '' for the root) and how many sampled file_names it holds. */
export interface FolderHits {
  folder: string;
  found: number;
}

/**
 * Where the images of a COCO file not made by yw may be, relative to the dataset root: the layouts
 * exporters write (`<split>/images`, `images/<split>`, COCO-2017's `<split>2017`, `<split>`, `images`,
 * with the split's other names too: `valid/images`), the annotation file's own folder (Roboflow's COCO
 * export: `train/_annotations.coco.json` beside the images) and the root itself (file_names that
 * carry their folder).
 */
export function imageFolderCandidates(split: Split, annFromRoot: string): string[] {
  const own = posix.dirname(annFromRoot.split('\\').join('/'));
  const names = SPLIT_ALIASES[split];
  const all = [...names.flatMap((n) => [`${n}/images`, `images/${n}`]), ...names.flatMap((n) => [`${n}2017`, n]), 'images', own === '.' ? '' : own, ''];
  return [...new Set(all)];
}

/**
 * The one folder that holds every sampled file_name; failing that, the one that holds the most. Two
 * equally good folders are ambiguous: an error listing them, as guessing would train on the wrong images.
 */
export function chooseImageFolder(file: string, split: string, hits: readonly FolderHits[], sampled: number): FolderHits {
  const shown = (f: string) => (f === '' ? '. (the dataset root)' : `${f}/`);
  const best = Math.max(0, ...hits.map((h) => h.found));
  const top = hits.filter((h) => h.found === best);
  if (best === 0) {
    throw new YwError('IMAGES_UNKNOWN', `${file} does not say where its images are (no info.yw.data_prefix), and none of its first ${sampled} file_names is in ${hits.map((h) => shown(h.folder)).join(', ')}`, {
      file,
      hint: `pass --${split}-images FOLDER (relative to the dataset root)`,
    });
  }
  if (top.length > 1) {
    throw new YwError('IMAGES_AMBIGUOUS', `${file}: the images could be in ${top.map((h) => shown(h.folder)).join(' or ')} (${best} of ${sampled} sampled file_names in each)`, {
      file,
      hint: `pass --${split}-images with the right one`,
    });
  }
  return top[0]!;
}
