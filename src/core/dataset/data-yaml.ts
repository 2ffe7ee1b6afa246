import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { YwError } from '../../errors.js';
import { checkClasses, type ClassEntry } from './classes.js';
import { SPLITS } from '../splits.js';

/** What yw uses of an Ultralytics `data.yaml`. Split entries are folders, txt lists or lists of them. */
export interface DataYaml {
  classes: ClassEntry[];
  path?: string;
  train?: string[];
  val?: string[];
  test?: string[];
  nc?: number;
}

/**
 * Parses an Ultralytics data.yaml. `names` may be a list, or a dict with (possibly sparse) integer
 * keys; `nc`, when present, must equal the number of names.
 */
export function parseDataYaml(text: string, file: string): DataYaml {
  // yaml is loaded on first use: most datasets have no data.yaml, and loading it costs ~30 ms of start-up.
  const { parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { uniqueKeys: true });
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
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new YwError('DATA_YAML_INVALID', `${file} must be a mapping with a "names" key`, {
      file,
      hint: 'data.yaml holds keys such as path, train, val and names: [class0, class1, ...]',
    });
  }
  const record = data as Record<string, unknown>;
  const classes = parseNames(record.names, file);
  const nc = record.nc;
  if (nc !== undefined && nc !== null && nc !== classes.length) {
    throw new YwError('DATA_YAML_NC_MISMATCH', `${file} says nc: ${String(nc)} but lists ${classes.length} names`, {
      file,
      hint: 'fix nc or the names list so that they agree',
    });
  }
  const result: DataYaml = { classes };
  if (typeof nc === 'number') result.nc = nc;
  if (typeof record.path === 'string') result.path = record.path;
  for (const split of SPLITS) {
    const entries = splitEntries(record[split], split, file);
    if (entries) result[split] = entries;
  }
  return result;
}

function parseNames(names: unknown, file: string): ClassEntry[] {
  if (Array.isArray(names)) {
    return checkClasses(names.map((name, id) => ({ id, name: nameText(name, id, file), synonyms: [] })), file);
  }
  if (names !== null && typeof names === 'object') {
    const entries = Object.entries(names as Record<string, unknown>).map(([key, name]) => {
      const id = Number(key);
      if (!Number.isInteger(id) || id < 0) {
        throw new YwError('DATA_YAML_INVALID', `${file}: names key "${key}" is not a class index`, {
          file,
          hint: 'names must be a list, or a mapping from integer class ids to names',
        });
      }
      return { id, name: nameText(name, id, file), synonyms: [] };
    });
    return checkClasses(entries.sort((a, b) => a.id - b.id), file);
  }
  throw new YwError('DATA_YAML_NO_NAMES', `${file} has no "names" list`, {
    file,
    hint: 'add names: [class0, class1, ...] or pass the classes with --classes FILE',
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

function splitEntries(value: unknown, split: string, file: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new YwError('DATA_YAML_INVALID', `${file}: "${split}" must be a path or a list of paths`, {
    file,
    hint: `write ${split}: images/${split} or ${split}: [images/a, images/b]`,
  });
}
