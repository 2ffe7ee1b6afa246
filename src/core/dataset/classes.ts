import { YwError } from '../../errors.js';

/**
 * One class of a dataset. `id` is the class index used in YOLO label files (dense 0..N-1 for
 * classes files and list-style data.yaml; possibly sparse for dict-style data.yaml `names`).
 */
export interface ClassEntry {
  id: number;
  name: string;
  /** Extra names for YOLO-World's class texts (`name|syn1|syn2` in a classes file). */
  synonyms: string[];
}

/**
 * Parses a classes file (`classes.txt`, `obj.names`): one name per line (names may contain spaces and
 * commas), or one single line of comma-separated names (`person, bicycle, car`). BOM, CRLF and blank
 * lines are tolerated. `name|syn1|syn2` adds synonyms. Duplicate or empty names are errors.
 */
export function parseClassesText(text: string, file: string): ClassEntry[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const filled = lines.map((raw, index) => ({ raw: raw.trim(), line: index + 1 })).filter((l) => l.raw !== '');
  const only = filled.length === 1 ? filled[0] : undefined;
  const items =
    only !== undefined && only.raw.includes(',')
      ? only.raw.split(',').map((part) => ({ raw: part.trim(), line: only.line }))
      : filled;
  if (items.length === 0) {
    throw new YwError('CLASSES_EMPTY', `no class names in ${file}`, {
      file,
      hint: 'write one class name per line, or one line of comma-separated names',
    });
  }
  return checkClasses(
    items.map((item, id) => ({ ...splitSynonyms(item.raw), id, line: item.line })),
    file,
  );
}

function splitSynonyms(raw: string): { name: string; synonyms: string[] } {
  const [name = '', ...rest] = raw.split('|').map((part) => part.trim());
  const synonyms = [...new Set(rest.filter((s) => s !== '' && s !== name))];
  return { name, synonyms };
}

/** Rejects empty and duplicate names, naming the line. Returns the entries without line numbers. */
export function checkClasses(
  entries: readonly (ClassEntry & { line?: number })[],
  file: string,
): ClassEntry[] {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const at = entry.line === undefined ? {} : { line: entry.line };
    if (entry.name === '') {
      throw new YwError('CLASSES_EMPTY_NAME', `class ${entry.id} has an empty name in ${file}`, {
        file,
        ...at,
        hint: 'remove the stray separator or give the class a name',
      });
    }
    const first = seen.get(entry.name);
    if (first !== undefined) {
      throw new YwError('CLASSES_DUPLICATE', `class name "${entry.name}" appears twice in ${file} (classes ${first} and ${entry.id})`, {
        file,
        ...at,
        hint: 'every class needs a distinct name; YOLO-World matches boxes to texts by name',
      });
    }
    seen.set(entry.name, entry.id);
  }
  return entries.map(({ id, name, synonyms }) => ({ id, name, synonyms }));
}
