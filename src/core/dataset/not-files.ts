import { finding, type Finding } from '../findings.js';
import type { RawPlan } from './layout-plans.js';
import { isImagePath } from './paths.js';

/**
 * Names in the dataset that are not regular files (io's listTree: folders, FIFOs, devices, broken
 * links) where a label or an image should be: each is an error finding, never a silent background
 * image or a missing image, and nothing opens it.
 */

/** The label path names something that is not a file: its boxes are unknown, which is not "no boxes". */
export function labelNotAFile(labelPath: string, what: string): Finding {
  return finding('LABEL_NOT_A_FILE', 'error', `label file is ${what}, not a regular file; image kept without boxes`, {
    file: labelPath,
    hint: 'put the YOLO label text file there, or remove this entry if the image has no objects',
  });
}

/** Image names in image folders that are broken links, FIFOs, devices: nothing to convert, but not silently. */
export function notFileImages(raw: RawPlan, notFiles: ReadonlyMap<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const [path, what] of notFiles) {
    if (what === 'a folder' || !isImagePath(path) || !raw.isInImageFolder(path)) continue;
    out.push(finding('IMAGE_UNREADABLE', 'error', `${what}, not an image file; image excluded`, {
      file: path,
      hint: 'put the image file there, or remove the entry',
      data: { excluded: true },
    }));
  }
  return out;
}
