import type { LabelCarry } from './yolo-labels.js';

/**
 * Label texts longer than this are parsed block by block, each block whole lines of about this many
 * characters. A label file of 10^6 lines held 10^6 shapes, records and findings at once (1.4-2.2 GB
 * peak); block by block, only the text and the lines kept (for LABEL_DUPLICATE) stay. Nearly every
 * label file is far smaller and takes the one-block path unchanged.
 */
export const LABEL_BLOCK_CHARS = 1 << 16;

export interface LabelBlock {
  text: string;
  /** What this block needs from the ones before (its own object; the `seen` set is shared by all). */
  carry: LabelCarry;
}

/** `text` cut after a newline every LABEL_BLOCK_CHARS or so, with the carry each block needs. */
export function* labelBlocks(text: string, blockChars = LABEL_BLOCK_CHARS): Generator<LabelBlock> {
  const seen = new Set<string>();
  let linesBefore = 0;
  let start = 0;
  while (start < text.length) {
    const cut = text.indexOf('\n', Math.min(text.length, start + blockChars) - 1);
    const end = cut === -1 ? text.length : cut + 1;
    const block = text.slice(start, end);
    yield { text: block, carry: { linesBefore, seen } };
    linesBefore += countLines(block);
    start = end;
  }
}

/** Lines a block ends (it ends after a newline, except the text's last block). */
function countLines(block: string): number {
  let n = 0;
  for (let at = block.indexOf('\n'); at !== -1; at = block.indexOf('\n', at + 1)) n += 1;
  return n;
}
