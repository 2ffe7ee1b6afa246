import { capFindings, FindingCap, type Finding } from '../../core/findings.js';
import type { ClassEntry } from '../../core/dataset/classes.js';
import { imageShapes, type ImageShape, type SizedImage, type SizedSplit } from '../../core/dataset/convert-images.js';
import { LABEL_BLOCK_CHARS, labelBlocks } from '../../core/dataset/label-blocks.js';
import { ProfileBuilder } from '../../core/dataset/profile.js';
import { forEachLabel } from './split-labels.js';

export interface ProfileSplitsInput {
  rootAbs: string;
  splits: readonly SizedSplit[];
  classes: readonly ClassEntry[];
  onImage?: () => void;
}

/**
 * `yw convert`'s label loop without the writer: every label file is read and parsed by the same
 * step, its shapes go to the profile and are forgotten. Nothing is written.
 */
export async function profileSplits(input: ProfileSplitsInput): Promise<{ builder: ProfileBuilder; findings: Finding[] }> {
  const builder = new ProfileBuilder(input.classes, input.splits.map((s) => s.name));
  const findings: Finding[] = [];
  const context = { classIds: new Set(input.classes.map((c) => c.id)), boxPolygons: false };
  for (const split of input.splits) {
    await forEachLabel(input.rootAbs, split, findings, (image, text) => {
      let small: Finding | undefined;
      if (text !== undefined && text.length > LABEL_BLOCK_CHARS) {
        // A long label file, block by block: its shapes are tallied as they come, never all held.
        const cap = new FindingCap(findings);
        small = builder.addBlocks(split.name, image, shapeBlocks(text, image, context, cap));
        cap.close();
      } else {
        const result = imageShapes(text, image, context);
        if (result.findings.length > 0) capFindings(result.findings, findings);
        small = builder.add(split.name, image, result.shapes);
      }
      if (small) findings.push(small);
      input.onImage?.();
    });
  }
  return { builder, findings };
}

function* shapeBlocks(text: string, image: SizedImage, context: Parameters<typeof imageShapes>[2], cap: FindingCap): Generator<ImageShape[]> {
  for (const block of labelBlocks(text)) {
    const result = imageShapes(block.text, image, context, block.carry);
    cap.addAll(result.findings);
    yield result.shapes;
  }
}
