import { isUnreadable, type CheckInput } from './input.js';
import { findDatasets } from './datasets.js';
import { findByType } from './walk.js';

/**
 * What YOLO-World b1b09f2 does with a class-text JSON of `entries` entries for `classes` classes
 * (`yolo_world/datasets/transformers`): with fewer, the first transform that indexes the texts by a
 * box's label raises IndexError, MultiModalMosaic._update_label_text (`res['texts'][label]`) when
 * mosaic is on, else RandomLoadText (`class_texts[label]`); with more, the model predicts one class
 * per entry at validation and CocoMetric.results2json indexes its category ids out of range.
 */
export function textsCountOutcome(input: CheckInput, entries: number, classes: number): string {
  if (entries > classes) {
    const extra = entries - classes === 1 ? 'the extra entry' : `the ${entries - classes} extra entries`;
    return `training samples ${extra} as negative texts, and at validation the model predicts ${entries} classes for ${classes} categories: IndexError in CocoMetric.results2json (self.cat_ids[label]) as soon as a box gets label ${classes} or above`;
  }
  const beyond = boxesFrom(input, entries);
  const train = input.config.get('train_dataloader');
  const texts = train === undefined ? [] : findByType(train, 'train_dataloader', ['MultiModalMosaic', 'MultiModalMosaic9', 'RandomLoadText']);
  const mosaic = texts.find((t) => t.value.get('type') !== 'RandomLoadText' && !isZero(t.value.get('prob')));
  const random = texts.find((t) => t.value.get('type') === 'RandomLoadText');
  const loader = mosaic
    ? `MultiModalMosaic._update_label_text (res['texts'][label], ${mosaic.path})`
    : random ? `RandomLoadText (class_texts[label], ${random.path})` : undefined;
  if (beyond === 0) {
    return `no train box has label ${entries} or above, so training runs, but the model only ever predicts ${entries} classes`;
  }
  const when = beyond === undefined
    ? `as soon as a training image has a box of label ${entries} or above`
    : `at the first training iteration that loads one of the ${beyond} train ${beyond === 1 ? 'box' : 'boxes'} of label ${entries} or above`;
  return loader ? `IndexError in ${loader} ${when}` : `the model only ever predicts ${entries} classes`;
}

/** Boxes of the train annotation file whose label (category position) is `first` or above. */
function boxesFrom(input: CheckInput, first: number): number | undefined {
  const train = findDatasets(input.config).find((d) => d.split === 'train' && d.annFile);
  const read = train?.annFile ? input.coco.get(train.annFile) : undefined;
  if (!read || isUnreadable(read)) return undefined;
  return read.summary.categories.slice(first).reduce((n, c) => n + (read.summary.perCategory.get(c.id) ?? 0), 0);
}

function isZero(prob: unknown): boolean {
  return prob === 0 || prob === 0n;
}
