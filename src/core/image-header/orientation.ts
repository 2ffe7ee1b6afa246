/**
 * EXIF orientation 1-8 as "mirror left-right (if set), then rotate clockwise": the stored pixels turned
 * into the display frame. This order is sharp's (its docs: flip and flop always run before rotation);
 * checked against sharp's own auto-orientation for all eight tags in test/io/images/thumbnail.test.ts.
 */
export const ORIENTATION_STEPS: Readonly<Record<number, { mirror: boolean; rotate: 0 | 90 | 180 | 270 }>> = {
  1: { mirror: false, rotate: 0 },
  2: { mirror: true, rotate: 0 },
  3: { mirror: false, rotate: 180 },
  4: { mirror: true, rotate: 180 },
  5: { mirror: true, rotate: 270 },
  6: { mirror: false, rotate: 90 },
  7: { mirror: true, rotate: 90 },
  8: { mirror: false, rotate: 270 },
};
