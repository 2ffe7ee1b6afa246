import { capFindings, FindingCap, type Finding } from '../../core/findings.js';
import type { ClassEntry } from '../../core/dataset/classes.js';
import { imageShapes, type ImageShape, type LabelContext, type SizedImage, type SizedSplit } from '../../core/dataset/convert-images.js';
import { LABEL_BLOCK_CHARS, labelBlocks } from '../../core/dataset/label-blocks.js';
import type { ImageVisit } from '../../core/html-report/collect.js';
import { ProfileBuilder } from '../../core/dataset/profile.js';
import { forEachLabel } from './split-labels.js';

export interface ProfileSplitsInput {
  rootAbs: string;
  splits: readonly SizedSplit[];
  classes: readonly ClassEntry[];
  /** How label files are read (yw convert's, without category ids). */
  context: Omit<LabelContext, 'categoryIdStart'>;
  /**
   * Called after each image with what its labels gave (the HTML report collects from it); a long
   * label file (label-blocks.ts) gives one call per block of lines, all for the same image.
   */
  onImage?: (visit: ImageVisit) => void;
}

const NO_FINDINGS: readonly Finding[] = [];

/**
 * `yw convert`'s label loop without the writer: every label file is read and parsed by the same
 * step, its shapes go to the profile and are forgotten. Nothing is written.
 */
export async function profileSplits(input: ProfileSplitsInput): Promise<{ builder: ProfileBuilder; findings: Finding[] }> {
  const builder = new ProfileBuilder(input.classes, input.splits.map((s) => s.name));
  const findings: Finding[] = [];
  const context = input.context;
  for (const split of input.splits) {
    // Findings pushed since the previous visit are this image's (forEachLabel pushes LABEL_UNREADABLE just before the visit).
    let seen = findings.length;
    const visit = (image: SizedImage, shapes: readonly ImageShape[]): void => {
      const own = findings.length > seen ? findings.slice(seen) : NO_FINDINGS;
      seen = findings.length;
      input.onImage?.({ split: split.name, image, shapes, findings: own });
    };
    await forEachLabel(input.rootAbs, split, findings, (image, text) => {
      if (text !== undefined && text.length > LABEL_BLOCK_CHARS && image.labelFormat === undefined) {
        // A long YOLO label file, block by block: its shapes are tallied as they come, never all held.
        const cap = new FindingCap(findings);
        const small = builder.addBlocks(split.name, image, shapeBlocks(text, image, context, cap, visit));
        cap.close();
        if (small) findings.push(small);
        if (findings.length > seen) visit(image, []); // the cap's summaries and IMAGE_TOO_SMALL are this image's too
        return;
      }
      const result = imageShapes(text, image, context);
      if (result.findings.length > 0) capFindings(result.findings, findings);
      const small = builder.add(split.name, image, result.shapes);
      if (small) findings.push(small);
      visit(image, result.shapes);
    });
  }
  return { builder, findings };
}

function* shapeBlocks(
  text: string,
  image: SizedImage,
  context: ProfileSplitsInput['context'],
  cap: FindingCap,
  visit: (image: SizedImage, shapes: readonly ImageShape[]) => void,
): Generator<ImageShape[]> {
  for (const block of labelBlocks(text, image.labelPath!, context.classIds, context)) {
    const result = imageShapes(block.text, image, context, block.carry);
    cap.addAll(result.findings);
    yield result.shapes;
    visit(image, result.shapes);
  }
}
