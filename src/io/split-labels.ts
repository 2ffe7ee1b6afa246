import { finding, type Finding } from '../core/findings.js';
import type { SizedImage, SizedSplit } from '../core/dataset/convert-images.js';
import { readTextsInOrder } from './read-in-order.js';

/**
 * Each image of a split with its label text, in order, read a little ahead and then forgotten: the
 * one label loop `yw convert` (writer) and `yw check` (profile) share. An unreadable label file is a
 * LABEL_UNREADABLE finding pushed to `findings`; the image is yielded without text (no boxes).
 */
export async function* splitLabels(rootAbs: string, split: SizedSplit, findings: Finding[]): AsyncGenerator<{ image: SizedImage; text?: string }> {
  // Plain concatenation: path.join normalises every path, which shows up in profiles at 10^5 images.
  const labels = readTextsInOrder(split.images.map((image) => (image.labelPath ? `${rootAbs}/${image.labelPath}` : undefined)));
  let index = 0;
  for await (const label of labels) {
    const image = split.images[index]!;
    index += 1;
    if (label.error !== undefined) {
      findings.push(finding('LABEL_UNREADABLE', 'error', `could not read the label file: ${label.error}; image kept without boxes`, { file: image.labelPath }));
    }
    yield label.text === undefined ? { image } : { image, text: label.text };
  }
}
