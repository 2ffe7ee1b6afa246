import { splitOf, type Split } from '../splits.js';

/**
 * What yw uses of a darknet `obj.data` (AlexeyAB darknet, CVAT "YOLO 1.1", Datumaro `yolo`):
 * `key = value` lines; `train`/`valid` (any split name) are image lists, `names` the classes file,
 * `classes` their count. Paths are written for darknet's working folder, usually with a `data/` prefix.
 */
export interface DarknetData {
  classes?: number;
  names?: string;
  /** List file per split, as written. */
  splits: Partial<Record<Split, string>>;
}

/** Parses an obj.data text; undefined when it has no list or names key (not a darknet data file). */
export function parseDarknetData(text: string): DarknetData | undefined {
  const data: DarknetData = { splits: {} };
  let found = false;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const match = /^\s*([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(raw.replace(/#.*$/, ''));
    if (!match || match[2] === '') continue;
    const key = match[1]!.toLowerCase();
    const value = match[2]!;
    const split = splitOf(key);
    if (key === 'classes') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 0) data.classes = n;
    } else if (key === 'names') {
      data.names = value;
      found = true;
    } else if (split !== undefined && data.splits[split] === undefined) {
      data.splits[split] = value;
      found = true;
    }
  }
  return found ? data : undefined;
}
