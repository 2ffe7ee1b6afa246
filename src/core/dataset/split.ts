import { YwError } from '../../errors.js';
import { compareText } from './image-lists.js';
import type { PlannedSplit } from './model.js';

/** 32-bit FNV-1a over the string's UTF-16 code units: tiny, fast, the same on every machine. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Divides one split into `<name>` and `val`: the round(F × n) images whose hash of (seed, path) is
 * lowest go to val (at least 1, and at least 1 image stays). An image's rank depends only on its own
 * path and the seed, so the same files go to val on every run and machine, and adding images moves
 * at most the few at the boundary.
 */
export function splitByFraction(split: PlannedSplit, fraction: number, seed: string): [PlannedSplit, PlannedSplit] {
  const n = split.images.length;
  if (split.name === 'val') {
    throw new YwError('VAL_FRACTION_CONFLICT', 'the only split is already named val; --val-fraction would create a second val', {
      hint: 'drop --val-fraction, or keep the images in a split named train',
    });
  }
  if (n < 2) {
    throw new YwError('VAL_FRACTION_TOO_FEW', `--val-fraction needs at least 2 images in ${split.name}, found ${n}`, {
      hint: 'add images, or make the val split yourself (a val/ folder or a val: entry in data.yaml)',
    });
  }
  const k = Math.min(n - 1, Math.max(1, Math.round(fraction * n)));
  const ranked = split.images
    .map((image) => ({ image, hash: fnv1a(`${seed}\u0000${image.path}`) }))
    .sort((a, b) => a.hash - b.hash || compareText(a.image.path, b.image.path));
  const val = new Set(ranked.slice(0, k).map((r) => r.image));
  return [
    { ...split, images: split.images.filter((i) => !val.has(i)) },
    { ...split, name: 'val', images: split.images.filter((i) => val.has(i)) },
  ];
}
