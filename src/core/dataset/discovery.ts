import { classesFiles } from './classes-source.js';
import { extname, isImagePath, isYamlPath, labelPathFor, LIST_FILE_NAMES } from './paths.js';

/**
 * Every file of a listing that planning may read as metadata, named from the listing alone: io reads
 * them all in one pass and planning is then one pure call (no second round of reads for the lists a
 * data.yaml or obj.data names). They are the class sources (`classMetaFiles`), the root image lists,
 * and every other `.txt` that is no image's label file: an image list may be kept anywhere
 * (`split/train.txt`, `data/train.txt`, `autosplit_val.txt`), and only the YAML says which. Sorted, each once.
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

/**
 * The files a root's classes can come from: every classes file of the tree and `.names` file (an
 * obj.data may name one), and the YAML and darknet `.data` files at the root.
 */
export function classMetaFiles(files: readonly string[]): string[] {
  const root = files.filter((f) => !f.includes('/') && (isYamlPath(f) || extname(f) === '.data'));
  const names = files.filter((f) => extname(f) === '.names');
  return [...new Set([...classesFiles(files), ...names, ...root])];
}
