import { YwError } from '../../errors.js';
import { parseClassesText, type ClassEntry } from './classes.js';
import type { DataYaml } from './data-yaml.js';
import { basename, CLASSES_FILE_NAMES } from './paths.js';

export interface ClassesInput {
  /** Sorted dataset files (relative paths). */
  files: readonly string[];
  /** Contents of the classes files found in the tree, by relative path. */
  texts: ReadonlyMap<string, string>;
  /** The root data.yaml, parsed, with the path it came from. */
  dataYaml?: { file: string; data: DataYaml };
  /** `--classes FILE`: replaces every other source. */
  override?: { file: string; text: string };
}

/** Every classes file of the tree (`classes.txt`, `obj.names`, at any depth), sorted. */
export function classesFiles(files: readonly string[]): string[] {
  return files.filter((f) => (CLASSES_FILE_NAMES as readonly string[]).includes(basename(f)));
}

/**
 * The dataset's classes. `--classes` wins; otherwise every classes file in the tree and data.yaml
 * `names` must agree (ids and names), since one dataset has one class list.
 */
export function resolveClasses(input: ClassesInput): { classes: ClassEntry[]; source: string } {
  if (input.override) return { classes: parseClassesText(input.override.text, input.override.file), source: input.override.file };
  const sources: { file: string; classes: ClassEntry[] }[] = classesFiles(input.files).map((file) => ({
    file,
    classes: parseClassesText(input.texts.get(file) ?? '', file),
  }));
  if (input.dataYaml) sources.push({ file: input.dataYaml.file, classes: input.dataYaml.data.classes });
  const first = sources[0];
  if (!first) {
    throw new YwError('NO_CLASSES', `no class names found: looked for ${CLASSES_FILE_NAMES.join(', ')} anywhere in the dataset and data.yaml names at its root`, {
      hint: 'write a classes.txt (one name per line) or pass --classes FILE',
    });
  }
  const key = (list: ClassEntry[]): string => list.map((c) => `${c.id}\u0000${c.name}`).join('\u0001');
  for (const other of sources.slice(1)) {
    if (key(other.classes) === key(first.classes)) continue;
    throw new YwError('CLASSES_DIFFER', `${other.file} and ${first.file} list different classes`, {
      file: other.file,
      hint: 'make the classes files agree, or pass the right one with --classes FILE',
    });
  }
  return { classes: first.classes, source: first.file };
}
