import { YwError } from '../../errors.js';
import type { NpyHeader } from '../npy-header.js';

/**
 * The class-text JSON must describe label i at entry i (facts §5.1): same count, and synonym 0 equal
 * to the class name (surrounding spaces ignored, as `yw texts` trims them).
 */
export function checkTextsAgainstClasses(json: unknown, classes: readonly string[], file: string): void {
  const hint = 'regenerate it with `yw texts <dataset root> --force`, or pass --texts FILE';
  if (!Array.isArray(json) || json.some((e) => !Array.isArray(e) || e.length === 0 || e.some((s) => typeof s !== 'string'))) {
    throw new YwError('TEXTS_INVALID', `${file} is not a class-text JSON (a list of non-empty lists of strings)`, { file, hint });
  }
  const texts = json as string[][];
  if (texts.length !== classes.length) {
    throw new YwError('TEXTS_MISMATCH', `${file} has ${texts.length} classes but the annotations have ${classes.length}`, { file, hint });
  }
  const bad = texts.findIndex((entry, i) => entry[0]!.trim() !== classes[i]!.trim());
  if (bad >= 0) {
    throw new YwError('TEXTS_MISMATCH', `${file} entry ${bad} is ${JSON.stringify(texts[bad]![0])} but class ${bad} is ${JSON.stringify(classes[bad])} (order must match the COCO categories)`, { file, line: bad + 2, hint });
  }
}

/** Prompt embeddings are one L2-normalised CLIP ViT-B/32 row per class: shape (classes, 512). */
export function checkEmbeddingsHeader(header: NpyHeader, classes: number, file: string): void {
  const [rows, dims] = header.shape;
  if (header.shape.length !== 2 || rows !== classes || dims !== 512) {
    throw new YwError('EMBEDDINGS_SHAPE', `${file} has shape (${header.shape.join(', ')}), expected (${classes}, 512)`, {
      file,
      hint: 'make it from the class-text JSON with `yw embed <class-text JSON> --model openai/clip-vit-base-patch32 -o <npy>` (yw config prints the command when the file is missing)',
    });
  }
}
