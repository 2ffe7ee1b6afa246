import { IMAGE_FORMATS } from '../../core/image-header/index.js';
import type { ImageProbe } from './image-probe.js';

/**
 * Probe results stored in a shared Int32Array, 7 slots per image, so worker threads write them in
 * place instead of cloning thousands of objects back; messages (failures, undecodable headers)
 * travel separately (they are few).
 */
export const SLOTS = 7;
const REASONS = ['unsupported', 'corrupt', 'unreadable'] as const;

/** Writes result `i` into `values`; returns the message to send back (a failure, an undecodable header). */
export function packProbe(values: Int32Array, i: number, r: ImageProbe): string | undefined {
  const at = i * SLOTS;
  if (!r.ok) {
    values[at] = 1 + REASONS.indexOf(r.reason);
    return r.message;
  }
  values[at] = 0;
  values[at + 1] = IMAGE_FORMATS.indexOf(r.format);
  values[at + 2] = r.width;
  values[at + 3] = r.height;
  values[at + 4] = r.orientation;
  values[at + 5] = r.ignoredOrientation ?? 0;
  values[at + 6] = r.undecodable === undefined ? 0 : 1;
  return r.undecodable;
}

export function unpackProbe(values: Int32Array, i: number, message: string | undefined): ImageProbe {
  const at = i * SLOTS;
  const status = values[at]!;
  if (status !== 0) return { ok: false, reason: REASONS[status - 1]!, message: message ?? '' };
  const [width, height, orientation, ignored] = [values[at + 2]!, values[at + 3]!, values[at + 4]!, values[at + 5]!];
  const swap = orientation >= 5;
  return {
    ok: true,
    format: IMAGE_FORMATS[values[at + 1]!]!,
    width,
    height,
    orientation,
    storedWidth: swap ? height : width,
    storedHeight: swap ? width : height,
    ...(ignored ? { ignoredOrientation: ignored } : {}),
    ...(values[at + 6] ? { undecodable: message ?? '' } : {}),
  };
}
