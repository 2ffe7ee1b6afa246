import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { YwError } from '../../errors.js';
import { checkClasses, type ClassEntry } from './classes.js';
import { SPLIT_ALIASES, SPLITS, type Split } from '../splits.js';

/** What yw uses of an Ultralytics dataset YAML. Split entries are folders, txt lists, images, or lists of them. */
export interface DataYaml {
  /** From `names`; absent when the YAML has none (a classes file may supply them). */
  classes?: ClassEntry[];
  path?: string;
  /** Entries per split; a `validation:` key is `val`, as Ultralytics reads it. */
  splits: Partial<Record<Split, string[]>>;
  /** `kpt_shape: [keypoints, 2 | 3]`: a pose dataset (each label line is a box, then the keypoints). */
  kptShape?: [number, number];
  nc?: number;
}

/** The largest class id yw accepts: mmdet and pycocotools keep category ids in 32-bit integers. */
export const MAX_CLASS_ID = 2 ** 31 - 1;

/** Keys that make a YAML mapping a dataset description (any one of them). */
const DATASET_KEYS = ['names', 'nc', 'path', 'kpt_shape', ...SPLITS.flatMap((s) => SPLIT_ALIASES[s])];

/**
 * Parses an Ultralytics dataset YAML. `names` may be a list, or a dict with (possibly sparse) integer
 * keys from 0 to 2^31 - 1; `nc`, when present, must equal the number of names. Throws
 * DATA_YAML_NO_NAMES without `names` (see `readDataYaml` for a YAML whose names may come elsewhere).
 */
export function parseDataYaml(text: string, file: string): DataYaml & { classes: ClassEntry[] } {
  const data = readDataYaml(text, file) ?? { splits: {} };
  return { ...data, classes: yamlClasses(data, file) };
}

/** The classes of a parsed YAML, or DATA_YAML_NO_NAMES. */
export function yamlClasses(data: DataYaml, file: string): ClassEntry[] {
  if (data.classes) return data.classes;
  throw new YwError('DATA_YAML_NO_NAMES', `${file} has no "names" list`, {
    file,
    hint: 'add names: [class0, class1, ...] or pass the classes with --classes FILE',
  });
}

/**
 * Parses a YAML that may describe a dataset: undefined when it is not a mapping with any dataset key
 * (names, nc, path, kpt_shape, a split), so other YAML files at a root are not mistaken for one.
 */
export function readDataYaml(text: string, file: string): DataYaml | undefined {
  const record = yamlMapping(text, file);
  // Split keys in any case: CVAT names them after the task's subsets (Train, Validation).
  const keys = new Map(record ? Object.keys(record).map((key) => [key.toLowerCase(), key] as const) : []);
  if (!record || !DATASET_KEYS.some((key) => keys.has(key))) return undefined;
  const result: DataYaml = { splits: {} };
  if (record.names !== undefined && record.names !== null) result.classes = parseNames(record.names, file);
  const nc = record.nc;
  if (nc !== undefined && nc !== null && result.classes && nc !== result.classes.length) {
    throw new YwError('DATA_YAML_NC_MISMATCH', `${file} says nc: ${String(nc)} but lists ${result.classes.length} names`, {
      file,
      hint: 'fix nc or the names list so that they agree',
    });
  }
  if (typeof nc === 'number') result.nc = nc;
  if (typeof record.path === 'string' && record.path.trim() !== '') result.path = record.path.trim();
  for (const split of SPLITS) {
    const key = SPLIT_ALIASES[split].map((alias) => keys.get(alias)).find((k) => k !== undefined && splitEntries(record[k], k, file) !== undefined);
    if (key !== undefined) result.splits[split] = splitEntries(record[key], key, file)!;
  }
  if (record.kpt_shape !== undefined && record.kpt_shape !== null) result.kptShape = kptShape(record.kpt_shape, file);
  return result;
}

function yamlMapping(text: string, file: string): Record<string, unknown> | undefined {
  // yaml is loaded on first use: most datasets have no data.yaml, and loading it costs ~30 ms of start-up.
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  // The yaml parser takes a lone CR for no line end; YAML 1.2 (and old Mac editors) make it one.
  const doc = parseDocument(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0]?.line;
    throw new YwError('DATA_YAML_INVALID', `${file} is not valid YAML: ${first.message.split('\n')[0]}`, {
      file,
      ...(line === undefined ? {} : { line }),
      hint: 'fix the YAML syntax at that line (indentation, quotes, a missing colon), or pass the classes with --classes FILE',
    });
  }
  const data: unknown = doc.toJS();
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

function parseNames(names: unknown, file: string): ClassEntry[] {
  if (Array.isArray(names)) {
    return checkClasses(names.map((name, id) => ({ id, name: nameText(name, id, file), synonyms: [] })), file);
  }
  if (typeof names === 'object' && names !== null) {
    const entries = Object.entries(names as Record<string, unknown>).map(([key, name]) => {
      const id = Number(key);
      if (!Number.isInteger(id) || id < 0 || id > MAX_CLASS_ID) {
        throw new YwError('DATA_YAML_INVALID', `${file}: names key "${key}" is not a class index (an integer from 0 to ${MAX_CLASS_ID})`, {
          file,
          hint: 'names must be a list, or a mapping from integer class ids to names',
        });
      }
      return { id, name: nameText(name, id, file), synonyms: [] };
    });
    return checkClasses(entries.sort((a, b) => a.id - b.id), file);
  }
  throw new YwError('DATA_YAML_INVALID', `${file}: "names" must be a list or a mapping from class ids to names`, {
    file,
    hint: 'write names: [class0, class1, ...] or names: {0: class0, 1: class1}',
  });
}

function nameText(name: unknown, id: number, file: string): string {
  if (typeof name === 'string') return name.trim();
  if (typeof name === 'number' || typeof name === 'boolean') return String(name);
  throw new YwError('DATA_YAML_INVALID', `${file}: the name of class ${id} is not a string`, {
    file,
    hint: 'write each class name as a string, e.g. names: [person, helmet] or names: {0: person}',
  });
}

function splitEntries(value: unknown, key: string, file: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new YwError('DATA_YAML_INVALID', `${file}: "${key}" must be a path or a list of paths`, {
    file,
    hint: `write ${key}: images/${key} or ${key}: [images/a, images/b]`,
  });
}

function kptShape(value: unknown, file: string): [number, number] {
  const ok = Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && value[0] > 0 && (value[1] === 2 || value[1] === 3);
  if (!ok) {
    throw new YwError('DATA_YAML_INVALID', `${file}: kpt_shape must be [keypoints, 2 or 3], found ${JSON.stringify(value)}`, {
      file,
      hint: 'write kpt_shape: [17, 3] (keypoints, then 2 for x y or 3 for x y visibility)',
    });
  }
  return [value[0] as number, value[1] as number];
}
