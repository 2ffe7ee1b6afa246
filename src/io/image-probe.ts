import sharp from 'sharp';

/**
 * Size of an image as mmcv/mmdet see it: the display frame, after the EXIF orientation is applied
 * (orientations 5-8 swap width and height).
 *
 * PLACEHOLDER implementation (sharp metadata, slow): to be replaced by a header reader that reads
 * only the first bytes of the file. The exported API stays.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'bmp' | 'tiff' | 'gif';

export type ImageProbe =
  | { ok: true; format: ImageFormat; width: number; height: number; orientation: number }
  | { ok: false; reason: 'unsupported' | 'corrupt' | 'unreadable'; message: string };

export async function probeImage(path: string): Promise<ImageProbe> {
  try {
    const meta = await sharp(path).metadata();
    const format = meta.format === 'heif' ? undefined : (meta.format as ImageFormat | undefined);
    if (!format || !['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'].includes(format) || !meta.width || !meta.height) {
      return { ok: false, reason: 'unsupported', message: `unsupported image format (${meta.format ?? 'unknown'})` };
    }
    const orientation = meta.orientation ?? 1;
    const swap = orientation >= 5 && orientation <= 8;
    return {
      ok: true,
      format,
      width: swap ? meta.height : meta.width,
      height: swap ? meta.width : meta.height,
      orientation,
    };
  } catch (error) {
    return { ok: false, reason: 'corrupt', message: error instanceof Error ? error.message : String(error) };
  }
}
