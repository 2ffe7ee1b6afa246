import { join } from 'node:path';
import type { Finding } from '../../core/findings.js';
import type { CocoCategory } from '../../core/dataset/coco.js';
import { CocoTextBuilder } from '../../core/dataset/coco-text.js';
import { convertImageLabels, type LabelContext, type SizedSplit } from '../../core/dataset/convert-images.js';
import type { SplitSummary } from '../../core/dataset/convert-summary.js';
import { openBufferedStream, type BufferedStream } from '../fs/buffered-stream.js';
import { forEachLabel } from './split-labels.js';

const CHUNK = 1 << 16;

/** What a split's file is to the run (an output that may not share its path with another, e.g. --report). */
export function splitRole(split: string): string {
  return `${split} split JSON`;
}

export interface WriteSplitsInput {
  rootAbs: string;
  /** Absolute output folder; each split goes to `<outDir>/<split>.json`. */
  outDir: string;
  splits: readonly SizedSplit[];
  categories: readonly CocoCategory[];
  context: LabelContext;
  force: boolean;
  onImage?: () => void;
}

/**
 * Streams every split to its COCO file, one image at a time: label files are read a little ahead,
 * converted by core, written, and forgotten, so memory does not grow with the dataset. Files are
 * renamed into place only after every split was written.
 */
export async function writeCocoSplits(input: WriteSplitsInput): Promise<{ splits: SplitSummary[]; findings: Finding[] }> {
  const streams: BufferedStream[] = [];
  const findings: Finding[] = [];
  const summaries: SplitSummary[] = [];
  try {
    for (const split of input.splits) {
      const file = join(input.outDir, `${split.name}.json`);
      const stream = await openBufferedStream(file, { force: input.force, command: 'yw convert', role: splitRole(split.name) });
      streams.push(stream);
      summaries.push({ ...(await writeSplit(stream, split, input, findings)), file });
    }
    for (const stream of streams) await stream.commit();
  } catch (error) {
    await Promise.all(streams.map((s) => s.abort()));
    throw error;
  }
  return { splits: summaries, findings };
}

async function writeSplit(stream: BufferedStream, split: SizedSplit, input: WriteSplitsInput, findings: Finding[]): Promise<Omit<SplitSummary, 'file'>> {
  const coco = new CocoTextBuilder({ split: split.name, dataPrefix: split.dataPrefix, categories: input.categories });
  // Records gathered into ~64 KB chunks here: one awaited stream.write per record cost a promise each.
  let chunk = coco.start();
  for (let i = 0; i < split.images.length; i++) {
    const image = split.images[i]!;
    chunk += coco.image(i + 1, image.fileName, image);
    if (chunk.length >= CHUNK) {
      await stream.write(chunk);
      chunk = '';
    }
  }
  chunk += coco.beginAnnotations();
  let nextId = 1;
  let background = 0;
  let index = 0;
  await forEachLabel(input.rootAbs, split, findings, (image, text) => {
    index += 1;
    const result = convertImageLabels(text, image, index, nextId, input.context);
    if (result.count === 0) background += 1;
    nextId += result.count;
    for (const f of result.findings) findings.push(f); // not push(...): a garbage file can have 10^5 findings
    chunk += coco.annotationRecords(result.records);
    input.onImage?.();
    if (chunk.length < CHUNK) return undefined;
    const full = chunk;
    chunk = '';
    return stream.write(full);
  });
  await stream.write(chunk);
  await stream.write(coco.end());
  return { name: split.name, dataPrefix: split.dataPrefix, images: split.images.length, background, annotations: nextId - 1 };
}
