/** Path helpers over dataset-relative paths with `/` separators (pure string work, no fs). */

/** Image extensions yw reads (lower case). Other files in image folders are reported, not read. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.bmp', '.tif', '.tiff', '.gif'] as const;
import { SPLIT_NAMES } from '../splits.js';

/** Files that hold class names, wherever they are in the tree. */
export const CLASSES_FILE_NAMES = ['classes.txt', 'obj.names'] as const;
/**
 * Dataset YAML names preferred when a root holds several YAML files (any other single `*.yaml` at the
 * root is the dataset YAML too: Ultralytics users name it after the dataset, `coco8.yaml`).
 */
export const DATA_YAML_NAMES = ['data.yaml', 'data.yml', 'dataset.yaml'] as const;
/** darknet's dataset description (AlexeyAB darknet, CVAT YOLO 1.1), preferred among root `.data` files. */
export const DARKNET_DATA_NAME = 'obj.data';
/** Image lists looked for at the root (single-folder and side-by-side layouts): one per split name. */
export const LIST_FILE_NAMES: readonly string[] = SPLIT_NAMES.map((name) => `${name}.txt`);

export function extname(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? path.slice(dot).toLowerCase() : '';
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Folder of a path, '' for a file at the root. */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function isImagePath(path: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extname(path));
}

export function withoutExtension(path: string): string {
  const ext = extname(path);
  return ext ? path.slice(0, -ext.length) : path;
}

/**
 * The label file of an image, as Ultralytics maps it: the last `/images/` segment becomes
 * `/labels/` and the extension `.txt`; without an `images` segment the label sits beside the image.
 */
export function labelPathFor(imagePath: string): string {
  const padded = `/${imagePath}`;
  const at = padded.lastIndexOf('/images/');
  const mapped = at < 0 ? padded : `${padded.slice(0, at)}/labels/${padded.slice(at + '/images/'.length)}`;
  return `${withoutExtension(mapped.slice(1))}.txt`;
}

/** Longest common folder of the paths, with a trailing slash ('' when they share none). */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let parts = dirname(paths[0]!).split('/').filter(Boolean);
  for (const path of paths) {
    const other = dirname(path).split('/');
    let n = 0;
    while (n < parts.length && parts[n] === other[n]) n++;
    parts = parts.slice(0, n);
  }
  return parts.length ? `${parts.join('/')}/` : '';
}

export function isYamlPath(path: string): boolean {
  const ext = extname(path);
  return ext === '.yaml' || ext === '.yml';
}

/** A root-relative path from a written one: relative to `base`, or absolute inside `rootAbs`; undefined outside. */
export function resolvePath(written: string, base: string, rootAbs: string): string | undefined {
  const posix = written.trim().replace(/\\/g, '/');
  const root = rootAbs.replace(/\\/g, '/').replace(/\/$/, '');
  if (posix === root) return '';
  if (posix.startsWith(`${root}/`)) return normalize(posix.slice(root.length + 1));
  if (posix.startsWith('/') || /^[A-Za-z]:\//.test(posix)) return undefined;
  return normalize(base === '' ? posix : `${base}/${posix}`);
}

/** Normalises `a/./b/../c` to `a/c`; returns undefined for paths that leave the root. */
export function normalize(path: string): string | undefined {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** The files under a folder prefix (with its trailing slash). */
export function under(files: readonly string[], prefix: string): string[] {
  return files.filter((f) => f.startsWith(prefix));
}
