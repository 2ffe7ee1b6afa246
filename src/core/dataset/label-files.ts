import { finding, type Finding } from '../findings.js';
import type { PlannedSplit } from './model.js';
import { basename, CLASSES_FILE_NAMES, dirname, extname, labelPathFor, withoutExtension } from './paths.js';

/** How a label file is written: YOLO lines, or DOTA lines in a Roboflow YOLOv5-OBB `labelTxt/` folder. */
export type LabelFormat = 'yolo' | 'dota';

/**
 * An image's label file: the Ultralytics one (last `/images/` → `/labels/`, extension `.txt`), else,
 * when only that exists, the `labelTxt/` file Roboflow's YOLOv5-OBB export writes in its place.
 */
export function labelFor(imagePath: string, files: ReadonlySet<string>): { path: string; exists: boolean; format?: 'dota' } {
  const path = labelPathFor(imagePath);
  if (files.has(path)) return { path, exists: true };
  const dota = dotaPathFor(imagePath, files);
  return dota === undefined ? { path, exists: false } : { path: dota, exists: true, format: 'dota' };
}

/** The `labelTxt/` file of an image under an `images/` folder, when the listing has it. */
export function dotaPathFor(imagePath: string, files: ReadonlySet<string>): string | undefined {
  const padded = `/${imagePath}`;
  const at = padded.lastIndexOf('/images/');
  if (at < 0) return undefined;
  const dota = `${withoutExtension(`${padded.slice(0, at)}/labelTxt/${padded.slice(at + '/images/'.length)}`.slice(1))}.txt`;
  return files.has(dota) ? dota : undefined;
}

/**
 * A split with images and not one label file converts to nothing: an error naming where the labels
 * were looked for, and the folders whose .txt files yw did not read as labels.
 */
export function labelFindings(splits: readonly PlannedSplit[], files: readonly string[]): Finding[] {
  const out: Finding[] = [];
  let unread: string | undefined;
  for (const split of splits) {
    const first = split.images[0];
    if (!first || split.images.some((i) => i.labelPath !== undefined)) continue;
    unread ??= unreadTextFolders(splits, files);
    const n = split.images.length;
    out.push(finding('SPLIT_NO_LABELS', 'error', `${n === 1 ? 'the only image' : `none of the ${n} images`} of ${split.name} has ${n === 1 ? 'no' : 'a'} label file: looked for ${labelPathFor(first.path)} for ${first.path} (an image's last images/ folder becomes labels/, the extension .txt; or labelTxt/ for DOTA lines)`, {
      hint: unread ? `${unread}; move the label files to where yw looks, or convert them to YOLO .txt` : 'label the images, or check that the label files are named after them',
      data: { split: split.name, images: n },
    }));
  }
  return out;
}

/** The folders holding .txt files that no planned image reads, most first (e.g. a custom labels folder). */
function unreadTextFolders(splits: readonly PlannedSplit[], files: readonly string[]): string | undefined {
  const used = new Set(splits.flatMap((s) => s.images.map((i) => i.labelPath)));
  const counts = new Map<string, number>();
  for (const f of files) {
    if (extname(f) !== '.txt' || used.has(f) || (CLASSES_FILE_NAMES as readonly string[]).includes(basename(f)) || !f.includes('/')) continue;
    counts.set(dirname(f), (counts.get(dirname(f)) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
  return top.length ? `yw did not read ${top.map(([folder, n]) => `${n} .txt file${n === 1 ? '' : 's'} in ${folder}/`).join(', ')}` : undefined;
}
