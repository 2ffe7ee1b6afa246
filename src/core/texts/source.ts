import { basename, dirname, extname } from 'node:path';
import { checkClasses, parseClassesText, type ClassEntry } from '../dataset/classes.js';
import { parseDataYaml } from '../dataset/data-yaml.js';
import type { Finding } from '../findings.js';
import { splitOf } from '../splits.js';

/** What `yw texts` can read its classes from. */
export const SOURCE_KINDS = ['classes-file', 'data-yaml', 'coco-json', 'dataset-root'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type FileKind = Exclude<SourceKind, 'dataset-root'>;


export interface TextFile {
  /** Display path (relative to the current folder when inside it). */
  path: string;
  text: string;
}

/** A COCO file as `yw texts` needs it: its categories in file order (streamed: files can be huge). */
export interface CocoFile {
  path: string;
  categories: readonly { id: number; name: string }[];
}

/** The classes in label order and where that order came from. */
export interface ClassSource {
  kind: SourceKind;
  /** The file the label order was taken from. */
  orderFrom: string;
  /** How the order was read, e.g. "COCO categories, file order". */
  orderNote: string;
  /** Name for the default output `data/texts/<name>_class_texts.json`. */
  datasetName: string;
  classes: ClassEntry[];
  /** File and per-class lines of inline `name|syn` synonyms, for error messages. */
  classesFile: string;
  classLines?: (number | undefined)[];
  findings: Finding[];
}

/** Decides how a source file is read from its extension: .json is COCO, .yaml/.yml is data.yaml. */
export function fileKindOf(path: string): FileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'coco-json';
  if (ext === '.yaml' || ext === '.yml') return 'data-yaml';
  return 'classes-file';
}

/** Parsed classes of one file (classes file or data.yaml), in label order. */
export function classesFromText(file: TextFile): Omit<ClassSource, 'datasetName' | 'findings'> {
  if (fileKindOf(file.path) === 'data-yaml') {
    const { classes } = parseDataYaml(file.text, file.path);
    return { kind: 'data-yaml', orderFrom: file.path, orderNote: 'data.yaml names, ascending class id', classes, classesFile: file.path };
  }
  const classes = parseClassesText(file.text, file.path);
  return {
    kind: 'classes-file',
    orderFrom: file.path,
    orderNote: 'classes file order',
    classes,
    classesFile: file.path,
    classLines: classLineNumbers(file.text, classes.length),
  };
}

export function classesFromCoco(file: CocoFile): Omit<ClassSource, 'datasetName' | 'findings'> {
  const classes = checkClasses(file.categories.map((c, id) => ({ id, name: c.name.trim(), synonyms: [] })), file.path);
  return { kind: 'coco-json', orderFrom: file.path, orderNote: 'COCO categories, file order', classes, classesFile: file.path };
}

/**
 * Line of each class in a classes file, mirroring `parseClassesText`: the non-blank lines, or the one
 * line of a comma-separated list.
 */
export function classLineNumbers(text: string, count: number): number[] {
  const filled: number[] = [];
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (raw.trim() !== '') filled.push(index + 1);
  });
  const only = filled.length === 1 ? filled[0]! : undefined;
  return only === undefined ? filled : new Array<number>(count).fill(only);
}

/**
 * The dataset name for the default output file. A source file in `annotations/` or a split folder
 * names its parent's parent (`helmet/annotations/train.json` → helmet); another COCO JSON names itself
 * by its stem (`exports/helmet_v2.json` → helmet_v2); a classes file or data.yaml names its folder.
 */
export function datasetNameFor(kind: SourceKind, absolutePath: string): string {
  if (kind === 'dataset-root') return basename(absolutePath) || 'dataset';
  const folder = dirname(absolutePath);
  const folderName = basename(folder);
  const stem = basename(absolutePath, extname(absolutePath));
  // A split folder (train/, valid/, validation/ ...) says nothing about the dataset: its parent does.
  if (folderName === 'annotations' || splitOf(folderName) !== undefined) {
    return basename(dirname(folder)) || stem;
  }
  if (kind === 'coco-json') return stem;
  return folderName || stem;
}
