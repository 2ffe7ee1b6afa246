import { YwError } from '../../errors.js';
import type { JsonKind, JsonScalar, ValueNode } from '../json/schema.js';
import { StreamingJsonParser } from '../json/stream-parser.js';

/**
 * What yw reads back from a COCO detection JSON (its own output or anyone's): categories in file
 * order (= the label order mmdet trains with), counts, polygon presence, boxes per category, the first
 * image names, and the `info.yw` block that `yw convert` writes so other commands know the split and
 * image folder. Built while streaming, so its size depends on the categories, not on the file.
 */
export interface CocoSummary {
  categories: { id: number; name: string }[];
  images: number;
  annotations: number;
  /** Annotations whose `segmentation` is a non-empty polygon list (what mask-refine needs). */
  withPolygon: number;
  /** Annotations per `category_id` as written (ids that are not numbers are not counted). */
  perCategory: Map<number, number>;
  /** The first SAMPLE_SIZE `images[].file_name`s, in file order. */
  sample: string[];
  /** The split and image folder (relative to the dataset root, trailing slash) yw convert recorded. */
  yw?: { split: string; dataPrefix: string };
}

export const SAMPLE_SIZE = 20;

/** A reader to feed chunk by chunk; `finish` validates what it saw, as pycocotools and mmdet need it. */
export interface CocoSummaryReader {
  parser: StreamingJsonParser;
  finish(): CocoSummary;
}

const article = (kind: JsonKind) => (kind === 'object' || kind === 'array' ? `an ${kind}` : kind === 'null' ? 'null' : `a ${kind}`);

/** `categories`: only the categories are read and checked (what `yw texts` needs); the rest is only parsed. */
export function cocoSummaryReader(file: string, only?: 'categories'): CocoSummaryReader {
  const problems: string[] = [];
  const problem = (text: string) => void (problems.length < 3 && problems.push(text));
  const state = new CocoState(problem, only === 'categories');
  const top: Record<string, ValueNode> = only === 'categories' ? { categories: state.categoriesNode() } : {
    info: { object: { keys: { yw: state.ywNode() }, start: () => state.resetYw() }, other: () => state.resetYw() },
    images: state.imagesNode(),
    annotations: state.annotationsNode(),
    categories: state.categoriesNode(),
  };
  const parser = new StreamingJsonParser({
    object: { keys: top },
    other: (kind) => problem(`the top level is ${article(kind)}, expected an object`),
  });
  return {
    parser,
    finish() {
      parser.end();
      const summary = state.summary();
      if (problems.length > 0) {
        throw new YwError('COCO_INVALID', `${file} is not a COCO detection file: ${problems.join('; ')}`, {
          file,
          hint: 'expected "images", "annotations" and a non-empty "categories" list, as pycocotools reads them',
        });
      }
      return summary;
    },
  };
}

/** Reads a whole COCO text at once (tests and small in-memory files). */
export function summarizeCocoText(text: string, file: string): CocoSummary {
  const reader = cocoSummaryReader(file);
  reader.parser.push(new TextEncoder().encode(text));
  return reader.finish();
}

type Seen = JsonScalar | { kind: JsonKind };
const seen = (kind: JsonKind): Seen => ({ kind });

/** The accumulators, reset whenever a key starts again (Python's json: the last value of a key wins). */
class CocoState {
  private images: number | JsonKind | undefined;
  private annotations: number | JsonKind | undefined;
  private withPolygon = 0;
  private perCategory = new Map<number, number>();
  private categories: { id: number; name: string }[] | JsonKind | undefined;
  private sample: string[] = [];
  private yw: { split?: JsonScalar; dataPrefix?: JsonScalar } | undefined;
  // the list item being read, and its index (for messages)
  private index = 0;
  private fileName: JsonScalar = null;
  private category: JsonScalar = null;
  private polygon = false;
  private id: Seen = null;
  private name: Seen = null;

  constructor(
    private readonly problem: (text: string) => void,
    private readonly categoriesOnly: boolean,
  ) {}

  resetYw(): void {
    this.yw = undefined;
  }

  ywNode(): ValueNode {
    const set = (key: 'split' | 'dataPrefix') => (v: JsonScalar) => void (this.yw![key] = v);
    return {
      object: { keys: { split: { scalar: set('split') }, data_prefix: { scalar: set('dataPrefix') } }, start: () => void (this.yw = {}) },
      other: () => this.resetYw(),
    };
  }

  imagesNode(): ValueNode {
    const image: ValueNode = {
      object: { keys: { file_name: { scalar: (v) => void (this.fileName = v) } }, start: () => void (this.fileName = null), end: () => this.keepSample() },
    };
    return {
      array: { item: image, start: () => void (this.sample = []), end: (n) => void (this.images = n) },
      other: (kind) => void (this.images = kind),
    };
  }

  annotationsNode(): ValueNode {
    // a ring of >= 3 points is a polygon mmyolo's mask loading keeps; RLE dicts and short rings are not
    const ring: ValueNode = { array: { item: {}, end: (n) => void (this.polygon ||= n >= 6 && n % 2 === 0) } };
    const segmentation: ValueNode = { array: { item: ring, start: () => void (this.polygon = false) }, other: () => void (this.polygon = false) };
    const annotation: ValueNode = {
      object: {
        keys: { category_id: { scalar: (v) => void (this.category = v), other: () => void (this.category = null) }, segmentation },
        start: () => {
          this.category = null;
          this.polygon = false;
        },
        end: () => this.countAnnotation(),
      },
      other: (kind) => this.problem(`annotations[${this.index++}]: expected an object, got ${article(kind)}`),
    };
    const reset = () => void ([this.withPolygon, this.perCategory, this.index] = [0, new Map(), 0]);
    return {
      array: { item: annotation, start: reset, end: (n) => void (this.annotations = n) },
      other: (kind) => void (this.annotations = kind),
    };
  }

  categoriesNode(): ValueNode {
    const field = (set: (v: Seen) => void): ValueNode => ({ scalar: set, other: (kind) => set(seen(kind)) });
    const category: ValueNode = {
      object: {
        keys: { id: field((v) => void (this.id = v)), name: field((v) => void (this.name = v)) },
        start: () => void ([this.id, this.name] = [null, null]),
        end: () => this.keepCategory(),
      },
      other: (kind) => this.problem(`categories[${this.index++}]: expected an object, got ${article(kind)}`),
    };
    return {
      array: { item: category, start: () => void ([this.categories, this.index] = [[], 0]) },
      other: (kind) => void (this.categories = kind),
    };
  }

  summary(): CocoSummary {
    const sections = [['images', this.images], ['annotations', this.annotations], ['categories', this.categories]] as const;
    for (const [key, v] of this.categoriesOnly ? sections.slice(2) : sections) {
      if (v === undefined) this.problem(`${key}: missing`);
      else if (typeof v === 'string') this.problem(`${key}: expected an array, got ${article(v)}`);
    }
    const categories = Array.isArray(this.categories) ? this.categories : [];
    if (Array.isArray(this.categories) && categories.length === 0 && this.index === 0) this.problem('categories: the list is empty');
    const out: CocoSummary = {
      categories,
      images: typeof this.images === 'number' ? this.images : 0,
      annotations: typeof this.annotations === 'number' ? this.annotations : 0,
      withPolygon: this.withPolygon,
      perCategory: this.perCategory,
      sample: this.sample,
    };
    const yw = this.yw;
    if (yw && (yw.split !== undefined || yw.dataPrefix !== undefined)) {
      if (typeof yw.split === 'string' && typeof yw.dataPrefix === 'string') out.yw = { split: yw.split, dataPrefix: yw.dataPrefix };
      else this.problem('info.yw: expected "split" and "data_prefix" strings');
    }
    return out;
  }

  private keepSample(): void {
    if (typeof this.fileName === 'string' && this.sample.length < SAMPLE_SIZE) this.sample.push(this.fileName);
  }

  private countAnnotation(): void {
    this.index += 1;
    if (this.polygon) this.withPolygon += 1;
    if (typeof this.category === 'number') this.perCategory.set(this.category, (this.perCategory.get(this.category) ?? 0) + 1);
  }

  private keepCategory(): void {
    const at = `categories[${this.index++}]`;
    if (!Array.isArray(this.categories)) return;
    if (typeof this.id !== 'number' || !Number.isInteger(this.id)) this.problem(`${at}.id: expected an integer, got ${describe(this.id)}`);
    else if (typeof this.name !== 'string') this.problem(`${at}.name: expected a string, got ${describe(this.name)}`);
    else this.categories.push({ id: this.id, name: this.name });
  }
}

function describe(v: Seen): string {
  if (v === null) return 'nothing';
  if (typeof v === 'object') return article(v.kind);
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}
