import type { Finding } from '../../core/findings.js';
import type { ClassEntry } from '../../core/dataset/classes.js';
import { imageShapes, type LabelContext, type SizedSplit } from '../../core/dataset/convert-images.js';
import type { ImageVisit } from '../../core/html-report/collect.js';
import { ProfileBuilder } from '../../core/dataset/profile.js';
import { forEachLabel } from './split-labels.js';

export interface ProfileSplitsInput {
  rootAbs: string;
  splits: readonly SizedSplit[];
  classes: readonly ClassEntry[];
  /** How label files are read (yw convert's, without category ids). */
  context: Omit<LabelContext, 'categoryIdStart'>;
  /** Called after each image with what its labels gave (the HTML report collects from it). */
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
    // Findings pushed since the previous image are this image's (forEachLabel pushes LABEL_UNREADABLE just before the visit).
    let seen = findings.length;
    await forEachLabel(input.rootAbs, split, findings, (image, text) => {
      const result = imageShapes(text, image, context);
      for (const f of result.findings) findings.push(f); // not push(...): a garbage file can have 10^5 findings
      const small = builder.add(split.name, image, result.shapes);
      if (small) findings.push(small);
      const own = findings.length > seen ? findings.slice(seen) : NO_FINDINGS;
      seen = findings.length;
      input.onImage?.({ split: split.name, image, shapes: result.shapes, findings: own });
    });
  }
  return { builder, findings };
}
