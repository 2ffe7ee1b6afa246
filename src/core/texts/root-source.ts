import { YwError, isYwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from '../dataset/classes.js';
import { classMetaFiles, rootClasses } from '../dataset/convert.js';
import { CLASSES_FILE_NAMES, DATA_YAML_NAMES, extname, isYamlPath } from '../dataset/paths.js';
import { readDataYaml } from '../dataset/data-yaml.js';
import { classesFromCoco, classesFromText, classLineNumbers, fileKindOf, type ClassSource, type CocoFile, type TextFile } from './source.js';

/** Where a dataset root's classes come from, for messages and --help. */
export const ROOT_CLASS_SOURCES = `annotations/*.json, else ${CLASSES_FILE_NAMES.map((n) => `**/${n}`).join(', ')} (any depth, sorted), the names file obj.data names, then the dataset YAML at the root (${DATA_YAML_NAMES.join(', ')} or the only *.yaml)`;

export interface RootInput {
  /** Display path of the root. */
  root: string;
  /** `<root>/annotations/*.json`, sorted by path. */
  annotations: readonly CocoFile[];
  /** The root folder, absolute (its name picks among several dataset YAMLs, as in yw convert). */
  rootAbs: string;
  /** Every file of the root (relative, sorted), as `yw convert` lists it. */
  files: readonly string[];
  /** Contents of the root's `classMetaFiles`, by relative path. */
  texts: ReadonlyMap<string, string>;
  /** Display path of each of those files. */
  shown: ReadonlyMap<string, string>;
}

type Resolved = Omit<ClassSource, 'datasetName'>;

const HINTS: Record<string, string> = {
  TEXTS_SPLITS_DISAGREE: 'every split must use one class list in one order; run `yw convert --force` again',
  TEXTS_CLASS_FILES_DISAGREE: 'make the classes files agree, or pass the one that is right as the source',
  DATA_YAML_AMBIGUOUS: 'pass the dataset YAML itself as the source (yw texts DIR/NAME.yaml)',
};

/**
 * A dataset root's classes. COCO files written by `yw convert` are what training reads, so their
 * category order wins (all splits must agree); a classes file that agrees lends its inline synonyms,
 * one that disagrees is reported as stale. Without annotations, `yw convert`'s own class resolution.
 */
export function classesFromRoot(input: RootInput): Resolved {
  const shown = (rel: string): string => input.shown.get(rel) ?? rel;
  if (input.annotations.length > 0) {
    const classFiles = classMetaFiles(input.files)
      .filter((rel) => listsClasses(rel, input.texts.get(rel) ?? ''))
      .map((rel) => ({ path: shown(rel), text: input.texts.get(rel) ?? '' }));
    return fromAnnotations(input.annotations, classFiles);
  }
  const { classes, source } = convertClasses(input);
  const file = { path: shown(source), text: input.texts.get(source) ?? '' };
  const note = fileKindOf(source) === 'data-yaml' ? 'data.yaml names, ascending class id' : 'classes file order';
  return {
    kind: 'dataset-root',
    orderFrom: file.path,
    orderNote: `${note}, the order yw convert writes`,
    classes,
    classesFile: file.path,
    ...(fileKindOf(source) === 'data-yaml' ? {} : { classLines: classLineNumbers(file.text, classes.length) }),
    findings: [],
  };
}

/** `yw convert`'s own class resolution, its errors worded for `yw texts` (which has no --classes). */
function convertClasses(input: RootInput): ReturnType<typeof rootClasses> {
  try {
    return rootClasses(input);
  } catch (error) {
    if (!isYwError(error)) throw error;
    if (error.code === 'NO_CLASSES') {
      throw new YwError('TEXTS_NO_CLASSES', `no classes found in ${input.root}`, {
        file: input.root,
        hint: `looked for ${ROOT_CLASS_SOURCES}; pass a classes file, data.yaml or COCO JSON instead`,
      });
    }
    // convert names files relative to the root; texts names them as the user typed the root.
    const file = input.shown.get(error.file ?? '');
    const hint = (error.code === 'CLASSES_DIFFER' ? HINTS.TEXTS_CLASS_FILES_DISAGREE : HINTS[error.code]) ?? error.hint;
    if (file === undefined) {
      if (hint === error.hint) throw error;
      throw new YwError(error.code, error.message, { hint, cause: error });
    }
    throw new YwError(error.code, error.message, { file, ...(error.line ? { line: error.line } : {}), hint, cause: error });
  }
}

function fromAnnotations(annotations: readonly CocoFile[], classFiles: readonly TextFile[]): Resolved {
  const splits = annotations.map((file) => classesFromCoco(file));
  const main = splits.find((s) => /(^|[\\/])train\.json$/.test(s.orderFrom)) ?? splits[0]!;
  for (const other of splits) assertSameNames(main.orderFrom, main.classes, other.orderFrom, other.classes, 'TEXTS_SPLITS_DISAGREE');
  const findings: Finding[] = [];
  let synonymsFrom: ReturnType<typeof classesFromText> | undefined;
  for (const file of classFiles) {
    const parsed = tryParse(file, findings);
    if (!parsed) continue;
    if (!sameNames(parsed.classes, main.classes)) {
      findings.push(finding('TEXTS_CLASSES_STALE', 'warning', `lists other classes than ${main.orderFrom}, which training reads and the order was taken from`, {
        file: file.path,
        hint: 'run `yw convert --force` again if the classes changed after converting',
      }));
    } else if (!synonymsFrom && parsed.classes.some((c) => c.synonyms.length > 0)) synonymsFrom = parsed;
  }
  const classes = main.classes.map((c, i) => ({ ...c, synonyms: synonymsFrom?.classes[i]?.synonyms ?? [] }));
  return {
    ...main,
    kind: 'dataset-root',
    orderNote: 'COCO categories, file order',
    classes,
    classesFile: synonymsFrom?.classesFile ?? main.classesFile,
    ...(synonymsFrom?.classLines ? { classLines: synonymsFrom.classLines } : {}),
    findings,
  };
}

/** Whether a class metadata file holds a class list (obj.data only names one; a YAML may describe no dataset). */
function listsClasses(rel: string, text: string): boolean {
  if (extname(rel) === '.data') return false;
  if (!isYamlPath(rel)) return true;
  try {
    return readDataYaml(text, rel)?.classes !== undefined;
  } catch {
    return true; // reported as unreadable by tryParse
  }
}

/** With annotations present a broken classes file does not decide anything: report it and go on. */
function tryParse(file: TextFile, findings: Finding[]): ReturnType<typeof classesFromText> | undefined {
  try {
    return classesFromText(file);
  } catch (error) {
    if (!isYwError(error)) throw error;
    findings.push(finding('TEXTS_CLASSES_UNREADABLE', 'warning', `ignored: ${error.message}`, { file: file.path }));
    return undefined;
  }
}

function sameNames(a: readonly ClassEntry[], b: readonly ClassEntry[]): boolean {
  return a.length === b.length && a.every((c, i) => c.name === b[i]?.name);
}

function assertSameNames(fileA: string, a: readonly ClassEntry[], fileB: string, b: readonly ClassEntry[], code: string): void {
  if (sameNames(a, b)) return;
  const at = a.findIndex((c, i) => c.name !== b[i]?.name);
  const index = at < 0 ? a.length : at;
  const show = (list: readonly ClassEntry[]): string => (list[index] ? JSON.stringify(list[index].name) : 'nothing');
  throw new YwError(code, `${fileA} and ${fileB} list different classes (entry ${index}: ${show(a)} vs ${show(b)})`, {
    file: fileB,
    hint: HINTS[code] ?? 'make the two files list the same class names in the same order',
  });
}
