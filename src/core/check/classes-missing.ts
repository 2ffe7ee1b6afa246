import type { CocoSummary } from '../dataset/coco-summary.js';
import type { Finding } from '../findings.js';
import { isDict } from '../config-reader/values.js';
import { COCO80 } from './coco80.js';
import type { DatasetRef } from './datasets.js';
import type { CheckInput } from './input.js';
import { issue, quoteList } from './issue.js';
import { describeFirstValidation } from './schedule.js';
import { child, str } from './walk.js';

const COCO80_NAMES: ReadonlySet<string> = new Set(COCO80);

/**
 * mmdet 3.0.0's CocoDataset without `metainfo.classes` uses its 80 COCO names: `cat_ids` are the
 * file's categories whose name is one of them (file order), label i is the i-th of those, and boxes
 * of the other categories are dropped. CocoMetric looks its category ids up the same way.
 */
export function cocoDefaultLabels(categories: readonly { id: number; name: string }[]): { kept: string[]; dropped: string[] } {
  return {
    kept: categories.filter((c) => COCO80_NAMES.has(c.name)).map((c) => c.name),
    dropped: categories.filter((c) => !COCO80_NAMES.has(c.name)).map((c) => c.name),
  };
}

/** True when the file's categories are exactly COCO's 80, in COCO's order: the official setup. */
export function isCoco80(categories: readonly string[]): boolean {
  return categories.join('\n') === COCO80.join('\n');
}

const WHERE: Record<DatasetRef['split'], string> = {
  train: 'training',
  val: 'validation',
  test: 'tools/test.py',
};

/**
 * The CLASSES_MISSING finding for a dataset without `metainfo.classes`, saying what the pinned stack
 * really does with this file's categories (all COCO names: works; some: relabelled and then a crash
 * at validation; none: loss_bbox 0 and the crash).
 */
export function classesMissing(input: CheckInput, ds: DatasetRef, coco: CocoSummary | undefined): Finding {
  const key = child(ds.path, 'metainfo.classes');
  const file = ds.annFile ?? 'its annotation file';
  if (!coco) {
    return issue(input.configFile, 'CLASSES_MISSING', 'warning', key,
      `not set, so mmdet uses its 80 COCO class names: only the categories of ${file} named like one of them are kept (file order), and ${file} could not be read to tell which`,
      addHint(ds, undefined));
  }
  const categories = coco.categories.map((c) => c.name);
  const { kept, dropped } = cocoDefaultLabels(coco.categories);
  const data = { kept, dropped, file };
  if (dropped.length === 0) {
    return issue(input.configFile, 'CLASSES_MISSING', 'warning', key,
      `not set, so mmdet uses its 80 COCO class names; all ${categories.length} categories of ${file} are among them, so the labels follow the file's category order and ${WHERE[ds.split]} works as intended`,
      `make it explicit: ${addHint(ds, categories)}`, data);
  }
  const crash = ds.split === 'train' ? trainOutcome(coco, kept, dropped, categories) : evalOutcome(input, ds, kept.length, categories.length);
  const which = kept.length === 0
    ? `none of the ${categories.length} categories of ${file} is one of mmdet's 80 COCO class names`
    : `only ${kept.length} of the ${categories.length} categories of ${file} ${kept.length === 1 ? 'is a COCO class name' : 'are COCO class names'} (${quoteList(kept)})`;
  return issue(input.configFile, 'CLASSES_MISSING', 'error', key, `not set, and ${which}: ${crash}`, addHint(ds, categories), data);
}

function trainOutcome(coco: CocoSummary, kept: string[], dropped: string[], categories: string[]): string {
  const boxes = coco.categories.filter((c) => dropped.includes(c.name)).reduce((n, c) => n + (coco.perCategory.get(c.id) ?? 0), 0);
  const lost = `${boxes} of ${coco.annotations} boxes`;
  if (kept.length === 0) return `every box is dropped (${lost}) and training runs with loss_bbox 0 (YOLO-World issue #337)`;
  const moved = kept.findIndex((name, label) => categories[label] !== name);
  const relabel = moved < 0
    ? 'the kept ones keep their labels'
    : `the kept ones are relabelled by position ('${kept[moved]}' becomes label ${moved}, the class text of '${categories[moved]}')`;
  return `the boxes of ${quoteList(dropped)} are dropped (${lost}) and ${relabel}; loss_bbox is not 0, so nothing looks wrong while it trains on the wrong classes`;
}

function evalOutcome(input: CheckInput, ds: DatasetRef, known: number, total: number): string {
  const when = ds.split === 'test' ? 'tools/test.py' : describeFirstValidation(input.config);
  if (!usesCocoMetric(input, ds.split)) {
    return `${when} scores predictions of ${total} classes against labels of ${known} categories`;
  }
  const ids = known === 0 ? 'self.cat_ids[label], cat_ids empty' : `self.cat_ids[label] for a label of ${known} or more`;
  const found = known === 0 ? 'finds no category id' : `finds ${known} category ${known === 1 ? 'id' : 'ids'}`;
  return `CocoMetric ${found} but the model predicts ${total} classes, so ${when} crashes with IndexError in CocoMetric.results2json (${ids})`;
}

function usesCocoMetric(input: CheckInput, split: 'val' | 'test' | 'train'): boolean {
  const ev = input.config.get(`${split}_evaluator`);
  const metrics = Array.isArray(ev) ? ev : [ev];
  return metrics.some((m) => isDict(m) && /CocoMetric$/.test(str(m.get('type')) ?? ''));
}

function addHint(ds: DatasetRef, categories: string[] | undefined): string {
  const names = categories ? `(${categories.map((n) => `'${n}'`).join(', ')}${categories.length === 1 ? ',' : ''})` : '(...)';
  const shown = names.length > 120 ? `(...) listing the ${categories!.length} categories` : names;
  return `add metainfo=dict(classes=${shown}) to ${ds.path}, in the annotation file's category order (yw config writes it)`;
}
