import { YwError } from '../../errors.js';
import { parseClassesText, type ClassEntry } from './classes.js';
import { parseDataYaml, yamlClasses, type DataYaml } from './data-yaml.js';
import { basename, CLASSES_FILE_NAMES, isYamlPath } from './paths.js';

export interface ClassesInput {
  /** Sorted dataset files (relative paths). */
  files: readonly string[];
  /** Contents of the classes files found in the tree, by relative path. */
  texts: ReadonlyMap<string, string>;
  /** The dataset YAML, parsed, with the path it came from. */
  dataYaml?: { file: string; data: DataYaml };
  /** The classes file an obj.data names (`names = data/obj.names`), and its `classes` count. */
  darknetNames?: { file: string; from: string; count?: number };
  /** `--classes FILE` (a classes file or a dataset YAML): replaces every other source. */
  override?: { file: string; text: string };
}

/** Every classes file of the tree (`classes.txt`, `obj.names`, at any depth), sorted. */
export function classesFiles(files: readonly string[]): string[] {
  return files.filter((f) => (CLASSES_FILE_NAMES as readonly string[]).includes(basename(f)));
}

/**
 * The dataset's classes. `--classes` wins; otherwise every classes file in the tree, the classes file
 * obj.data names and the dataset YAML's `names` must agree (ids and names), since one dataset has one
 * class list.
 */
export function resolveClasses(input: ClassesInput): { classes: ClassEntry[]; source: string } {
  if (input.override) return { classes: overrideClasses(input.override), source: input.override.file };
  const files = classesFiles(input.files);
  const names = input.darknetNames;
  if (names && !files.includes(names.file)) files.push(names.file);
  const sources: { file: string; classes: ClassEntry[] }[] = files.map((file) => ({ file, classes: parseClassesText(input.texts.get(file) ?? '', file) }));
  const yaml = input.dataYaml;
  if (yaml?.data.classes) sources.push({ file: yaml.file, classes: yaml.data.classes });
  else if (yaml && sources.length === 0) yamlClasses(yaml.data, yaml.file); // throws DATA_YAML_NO_NAMES: the YAML was the place to look
  const first = sources[0];
  if (!first) {
    throw new YwError('NO_CLASSES', `no class names found: looked for ${CLASSES_FILE_NAMES.join(', ')} anywhere in the dataset, a dataset YAML (names) and obj.data (names) at its root`, {
      hint: 'write a classes.txt (one name per line) or pass --classes FILE',
    });
  }
  const counted = names?.count !== undefined ? sources.find((s) => s.file === names.file) : undefined;
  if (counted && names?.count !== counted.classes.length) {
    throw new YwError('DARKNET_DATA_CLASSES_MISMATCH', `${names!.from} says classes = ${names!.count} but ${names!.file} lists ${counted.classes.length} names`, {
      file: names!.from,
      hint: 'fix classes = N or the names file so that they agree',
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

/** `--classes FILE`: a YAML's `names` (a dataset YAML), else one name per line or one comma-separated line. */
function overrideClasses({ file, text }: { file: string; text: string }): ClassEntry[] {
  return isYamlPath(file) ? parseDataYaml(text, file).classes : parseClassesText(text, file);
}
