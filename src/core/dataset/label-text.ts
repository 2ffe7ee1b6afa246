import type { AnnotationOptions } from './coco.js';
import type { SizedImage } from './convert-images.js';
import { dotaToYolo } from './dota-labels.js';
import { parseYoloLabels, type LabelKinds, type ParsedLabels } from './yolo-labels.js';

/** How the label loop reads an image's label file: its class ids, and what other tools write in it. */
export interface LabelContext extends AnnotationOptions, LabelKinds {
  classIds: ReadonlySet<number>;
  /** Class ids by name, for label files that name classes (DOTA `labelTxt/`). */
  classIdByName?: ReadonlyMap<string, number>;
}

/** An image's label text parsed by the reader its format needs (DOTA lines become YOLO lines first). */
export function parseLabels(labelText: string, image: SizedImage & { labelPath: string }, context: Pick<LabelContext, 'classIds' | 'classIdByName' | 'poseValues' | 'obbPolygons'>): ParsedLabels {
  if (image.labelFormat !== 'dota') return parseYoloLabels(labelText, image.labelPath, context.classIds, context);
  const dota = dotaToYolo(labelText, image.labelPath, context.classIdByName ?? new Map(), image);
  const parsed = parseYoloLabels(dota.text, image.labelPath, context.classIds, context);
  return { shapes: parsed.shapes, findings: [...dota.findings, ...parsed.findings] };
}
