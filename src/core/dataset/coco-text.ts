import { COCO_MIDDLE, COCO_TAIL, cocoHeadText, cocoImageRecord, type CocoHead } from './coco.js';
import type { ImageSize } from './model.js';

/**
 * Produces one COCO file as a sequence of text chunks (head, image records, annotation records,
 * tail) with the separators in the right places, so a writer can stream it without knowing JSON.
 */
export class CocoTextBuilder {
  private images = 0;
  private annotations = 0;

  constructor(private readonly head: CocoHead) {}

  start(): string {
    return cocoHeadText(this.head);
  }

  image(id: number, fileName: string, size: ImageSize): string {
    return `${this.images++ === 0 ? '' : ',\n'}${cocoImageRecord(id, fileName, size)}`;
  }

  beginAnnotations(): string {
    return COCO_MIDDLE;
  }

  /** Records already joined by ",\n" (as convertImageLabels returns them); '' adds nothing. */
  annotationRecords(records: string): string {
    if (records === '') return '';
    return `${this.annotations++ === 0 ? '' : ',\n'}${records}`;
  }

  end(): string {
    return COCO_TAIL;
  }
}
