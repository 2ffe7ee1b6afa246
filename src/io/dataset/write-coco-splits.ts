import { join } from 'node:path';
import { capFindings, FindingCap, type Finding } from '../../core/findings.js';
import type { CocoCategory } from '../../core/dataset/coco.js';
import { CocoTextBuilder } from '../../core/dataset/coco-text.js';
import { convertImageLabels, type LabelContext, type SizedImage, type SizedSplit } from '../../core/dataset/convert-images.js';
import { LABEL_BLOCK_CHARS, labelBlocks } from '../../core/dataset/label-blocks.js';
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
  /** For the "already exists" hint (default `yw convert`). */
  command?: string;
  onImage?: () => void;
  /** Sees every piece of text written to a split's file, in order (yw prepare reads the files back from it). */
  onText?: (split: string, text: string) => void;
}

export interface WrittenSplits {
  splits: SplitSummary[];
  findings: Finding[];
}

/** Split files written to their temporary siblings, not in place yet: `commit` puts them there, `abort` removes them. */
export interface StagedSplits extends WrittenSplits {
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/**
 * Streams every split to its COCO file, one image at a time: label files are read a little ahead,
 * converted by core, written, and forgotten, so memory does not grow with the dataset. Files are
 * renamed into place only after every split was written.
 */
export async function writeCocoSplits(input: WriteSplitsInput): Promise<WrittenSplits> {
  const staged = await stageCocoSplits(input);
  await staged.commit();
  return { splits: staged.splits, findings: staged.findings };
}

/**
 * `writeCocoSplits` up to the renames: a caller that has more to plan first (yw prepare) commits the
 * files later, or aborts and leaves nothing behind. A failed commit removes what it had put in place.
 */
export async function stageCocoSplits(input: WriteSplitsInput): Promise<StagedSplits> {
  const streams: BufferedStream[] = [];
  const findings: Finding[] = [];
  const summaries: SplitSummary[] = [];
  const abort = async () => void (await Promise.all(streams.map((s) => s.abort())));
  try {
    for (const split of input.splits) {
      const file = join(input.outDir, `${split.name}.json`);
      const stream = await openBufferedStream(file, { force: input.force, command: input.command ?? 'yw convert', role: splitRole(split.name) });
      streams.push(stream);
      const tap = input.onText;
      const sink = tap ? { write: (text: string) => {
        tap(split.name, text);
        return stream.write(text);
      } } : stream;
      summaries.push({ ...(await writeSplit(sink, split, input, findings)), file });
    }
  } catch (error) {
    await abort();
    throw error;
  }
  const commit = async () => {
    try {
      for (const stream of streams) await stream.commit();
    } catch (error) {
      await abort();
      throw error;
    }
  };
  return { splits: summaries, findings, commit, abort };
}

async function writeSplit(stream: Pick<BufferedStream, 'write'>, split: SizedSplit, input: WriteSplitsInput, findings: Finding[]): Promise<Omit<SplitSummary, 'file'>> {
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
  /** A long YOLO label file, block by block: its records are written as they come, never all held. */
  const writeBlocks = async (image: SizedImage, text: string): Promise<void> => {
    const cap = new FindingCap(findings);
    const firstId = nextId;
    for (const block of labelBlocks(text, image.labelPath!, input.context.classIds, input.context)) {
      const result = convertImageLabels(block.text, image, index, nextId, input.context, block.carry);
      nextId += result.count;
      cap.addAll(result.findings);
      chunk += coco.annotationRecords(result.records);
      if (chunk.length >= CHUNK) {
        await stream.write(chunk);
        chunk = '';
      }
    }
    cap.close();
    if (nextId === firstId) background += 1;
    input.onImage?.();
  };
  await forEachLabel(input.rootAbs, split, findings, (image, text) => {
    index += 1;
    if (text !== undefined && text.length > LABEL_BLOCK_CHARS && image.labelFormat === undefined) return writeBlocks(image, text);
    const result = convertImageLabels(text, image, index, nextId, input.context);
    if (result.count === 0) background += 1;
    nextId += result.count;
    if (result.findings.length > 0) capFindings(result.findings, findings);
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
