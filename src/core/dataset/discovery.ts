import { classesFiles } from './classes-source.js';
import { DATA_YAML_NAMES, extname, isImagePath, labelPathFor, LIST_FILE_NAMES } from './paths.js';

/**
 * Every file of a listing that planning may read as metadata, named from the listing alone: io reads
 * them all in one pass and planning is then one pure call (no second round of reads for the lists a
 * data.yaml names). They are the classes files anywhere, the dataset YAMLs at the root, the root image
 * lists, and every other `.txt` that is no image's label file: an image list may be kept anywhere
 * (`split/train.txt`, `autosplit_val.txt`), and only the YAML says which. Sorted, each once.
 */
export function metaFiles(files: readonly string[]): string[] {
  const labels = new Set<string>();
  for (const f of files) if (isImagePath(f)) labels.add(labelPathFor(f));
  const wanted = new Set(classMetaFiles(files));
  const set = new Set(files);
  for (const list of LIST_FILE_NAMES) if (set.has(list)) wanted.add(list);
  for (const f of files) if (extname(f) === '.txt' && !labels.has(f)) wanted.add(f);
  return [...wanted].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files a root's classes can come from: every classes file of the tree, then the root data.yaml files. */
export function classMetaFiles(files: readonly string[]): string[] {
  const set = new Set(files);
  return [...classesFiles(files), ...DATA_YAML_NAMES.filter((f) => set.has(f))];
}
