import { YwError, isYwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from '../dataset/classes.js';
import { classesFromCoco, classesFromText, fileKindOf, type ClassSource, type JsonFile, type TextFile } from './source.js';

/** Classes files looked for anywhere under a dataset root (as `yw convert` does). */
export const CLASS_FILE_NAMES = ['classes.txt', 'obj.names'] as const;
/** Ultralytics dataset descriptions looked for at the root, after the classes files. */
export const DATA_YAML_NAMES = ['data.yaml', 'data.yml', 'dataset.yaml'] as const;
/** Where a dataset root's classes come from, for messages and --help. */
export const ROOT_CLASS_SOURCES = `annotations/*.json, else ${CLASS_FILE_NAMES.map((n) => `**/${n}`).join(', ')} (any depth, sorted), then ${DATA_YAML_NAMES.join(', ')}`;

export interface RootInput {
  /** Display path of the root. */
  root: string;
  /** `<root>/annotations/*.json`, sorted by path. */
  annotations: readonly JsonFile[];
  /** The classes files (any depth) and root data.yaml files that exist, in any order. */
  classFiles: readonly TextFile[];
}

type Resolved = Omit<ClassSource, 'datasetName'>;

const HINTS: Record<string, string> = {
  TEXTS_SPLITS_DISAGREE: 'every split must use one class list in one order; run `yw convert --force` again',
  TEXTS_CLASS_FILES_DISAGREE: 'make the classes files agree, or pass the one that is right as the source',
};

/**
 * A dataset root's classes. COCO files written by `yw convert` are what training reads, so their
 * category order wins (all splits must agree); a classes file that agrees lends its inline synonyms,
 * one that disagrees is reported as stale. Without annotations, the classes file convert would use.
 */
export function classesFromRoot(input: RootInput): Resolved {
  const classFiles = [...input.classFiles].sort(byConvertPriority);
  if (input.annotations.length > 0) return fromAnnotations(input.annotations, classFiles);
  if (classFiles.length === 0) {
    throw new YwError('TEXTS_NO_CLASSES', `no classes found in ${input.root}`, {
      file: input.root,
      hint: `looked for ${ROOT_CLASS_SOURCES}; pass a classes file, data.yaml or COCO JSON instead`,
    });
  }
  const [first, ...others] = classFiles.map((file) => classesFromText(file));
  for (const other of others) assertSameNames(first!.orderFrom, first!.classes, other.orderFrom, other.classes, 'TEXTS_CLASS_FILES_DISAGREE');
  return { ...first!, kind: 'dataset-root', orderNote: `${first!.orderNote}, the order yw convert writes`, findings: [] };
}

/** Classes files sorted by path, then data.yaml: the order `yw convert` takes its classes in. */
function byConvertPriority(a: TextFile, b: TextFile): number {
  const yaml = (f: TextFile): number => (fileKindOf(f.path) === 'data-yaml' ? 1 : 0);
  return yaml(a) - yaml(b) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function fromAnnotations(annotations: readonly JsonFile[], classFiles: readonly TextFile[]): Resolved {
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
    hint: HINTS[code],
  });
}
