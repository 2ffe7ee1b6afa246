import sharp from 'sharp';
import type { Thumbnail } from '../../core/html-report/model.js';
import { ORIENTATION_STEPS } from '../../core/image-header/orientation.js';
import { probeImage } from './image-probe.js';

/** Longest side of a thumbnail in px (cards are 220 CSS px wide). */
export const THUMBNAIL_SIDE = 240;

/**
 * A small JPEG of the image as mmcv decodes it, as a data: URI. The orientation is the one yw's header
 * reader says OpenCV applies (JPEG/PNG EXIF yes, WebP/TIFF no), applied by hand: sharp's `.rotate()`
 * would auto-orient every format. The alpha channel is dropped, as OpenCV's IMREAD_COLOR drops it.
 * A file sharp cannot decode (BMP, a broken scan) gets no thumbnail, with the reason.
 */
export async function makeThumbnail(path: string, maxSide = THUMBNAIL_SIDE): Promise<Thumbnail> {
  const probe = await probeImage(path);
  if (!probe.ok) return { missing: probe.message };
  try {
    const steps = ORIENTATION_STEPS[probe.orientation] ?? ORIENTATION_STEPS[1]!;
    let image = sharp(path, { failOn: 'none', animated: false });
    if (steps.mirror) image = image.flop();
    if (steps.rotate) image = image.rotate(steps.rotate);
    const jpeg = await image
      .removeAlpha()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer();
    return { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { missing: `${probe.format.toUpperCase()} not decodable here (${reason})` };
  }
}

/** Thumbnails for many images, a few at a time (sharp decodes on libuv's thread pool). */
export async function makeThumbnails(paths: ReadonlyMap<string, string>, onDone?: () => void): Promise<Map<string, Thumbnail>> {
  const entries = [...paths];
  const out = new Map<string, Thumbnail>();
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const [id, path] = entries[next++]!;
      out.set(id, await makeThumbnail(path));
      onDone?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, entries.length) }, worker));
  // Insertion order follows completion; the page must not depend on timing.
  return new Map(entries.filter(([id]) => out.has(id)).map(([id]) => [id, out.get(id)!]));
}
