import { setImmediate as nextTurn } from 'node:timers/promises';
import { finding, type Finding } from '../../core/findings.js';
import type { SizedImage, SizedSplit } from '../../core/dataset/convert-images.js';
import { TextReader } from '../fs/read-in-order.js';

/** What the label loop does with one image; a returned promise is awaited before the next image. */
export type LabelVisitor = (image: SizedImage, text: string | undefined) => Promise<void> | void;

/**
 * Visits each image of a split with its label text, in order, each text read and then forgotten:
 * the one label loop `yw convert` (writer) and `yw check` (profile) share. A plain loop with a
 * callback, not an async generator: two generator hops per image showed up at 10^4-10^5 images.
 * Every 256 images the event loop gets a turn (progress bar, Ctrl-C). An unreadable label file is
 * a LABEL_UNREADABLE finding pushed to `findings`; the image is visited without text (no boxes).
 */
export async function forEachLabel(rootAbs: string, split: SizedSplit, findings: Finding[], visit: LabelVisitor): Promise<void> {
  const reader = new TextReader();
  const images = split.images;
  for (let i = 0; i < images.length; i++) {
    if (i % 256 === 255) await nextTurn();
    const image = images[i]!;
    let text: string | undefined;
    if (image.labelPath !== undefined) {
      try {
        // Plain concatenation: path.join normalises every path, which shows up in profiles at 10^5 images.
        text = reader.read(`${rootAbs}/${image.labelPath}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        findings.push(finding('LABEL_UNREADABLE', 'error', `could not read the label file: ${message}; image kept without boxes`, {
          file: image.labelPath,
          hint: 'make the label file readable (ls -l shows its permissions) and run again',
        }));
      }
    }
    const pending = visit(image, text);
    if (pending !== undefined) await pending;
  }
}
