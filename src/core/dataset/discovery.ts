import { classesFiles } from './classes-source.js';
import { extname, isImagePath, isYamlPath, LIST_FILE_NAMES, withoutExtension } from './paths.js';

/**
 * Every file of a listing that planning may read as metadata, named from the listing alone: io reads
 * them all in one pass and planning is then one pure call (no second round of reads for the lists a
 * data.yaml or obj.data names). They are the class sources (`classMetaFiles`), the root image lists,
 * and every other `.txt` that is no label file (not in a labels/ or labelTxt/ folder, not beside an
 * image of its name): an image list may be kept anywhere (`split/train.txt`, `data/train.txt`,
 * `autosplit_val.txt`), and only the YAML says which. Sorted, each once.
 */
export function metaFiles(files: readonly string[]): string[] {
  const wanted = new Set(classMetaFiles(files));
  const set = new Set(files);
  for (const list of LIST_FILE_NAMES) if (set.has(list)) wanted.add(list);
  let images: Set<string> | undefined;
  for (const f of files) {
    // A .txt in a labels/ (or labelTxt/) folder is a label file, orphan or not: no lookup for those.
    if (extname(f) !== '.txt' || `/${f}`.includes('/labels/') || f.includes('labelTxt/')) continue;
    images ??= new Set(files.filter(isImagePath).map(withoutExtension));
    if (!images.has(withoutExtension(f))) wanted.add(f); // not the label beside an image
  }
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
