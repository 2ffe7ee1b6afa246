import { resolve } from 'node:path';
import type { Finding } from '../../core/findings.js';
import { buildClassTexts } from '../../core/texts/build.js';
import type { ClassTexts } from '../../core/texts/format.js';
import { resolveClassSource } from '../../core/texts/resolve.js';
import type { ClassSource } from '../../core/texts/source.js';
import { parseSynonyms } from '../../core/texts/synonyms.js';
import { displayPath } from '../../io/fs/display-path.js';
import { readText } from '../../io/fs/read-text.js';
import { readTextsSource, type PlannedCoco } from '../../io/texts/texts-source.js';

/** Where YOLO-World's configs look for class texts, relative to the folder training runs in. */
export const DEFAULT_TEXTS_DIR = 'data/texts';

/** What the class-text JSON is to a run (an output that may not share its path with another). */
export const TEXTS_ROLE = 'class-text JSON';

export interface BuiltTexts {
  src: ClassSource;
  texts: ClassTexts;
  findings: Finding[];
  /** What `--json` and `--report` say of the source. */
  base: { source: string; order_from: string; classes: ClassTexts };
}

/**
 * `yw texts`' read and build (io → core): the source's classes in label order, the synonyms file
 * (relative to `cwd`), the class-text list and its findings. `planned`: COCO files about to be
 * written that a dataset root is read with (yw prepare).
 */
export async function buildTexts(cwd: string, source: string, synonymsArg: string | undefined, planned?: PlannedCoco): Promise<BuiltTexts> {
  const src = resolveClassSource(await readTextsSource(cwd, source, planned));
  const synonyms = synonymsArg
    ? parseSynonyms(await readText(resolve(cwd, synonymsArg), 'synonyms file'), displayPath(cwd, resolve(cwd, synonymsArg)))
    : [];
  const built = buildClassTexts({ ...src, synonyms });
  const base = { source: displayPath(cwd, resolve(cwd, source)), order_from: src.orderFrom, classes: built.texts };
  return { src, texts: built.texts, findings: [...src.findings, ...built.findings], base };
}

/** `<base>/data/texts/<dataset>_class_texts.json`: the default output, `base` the folder training runs in. */
export function defaultTextsTarget(base: string, datasetName: string): string {
  return resolve(base, `${DEFAULT_TEXTS_DIR}/${datasetName}_class_texts.json`);
}
