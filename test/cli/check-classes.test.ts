import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyFixture } from '../helpers/tmp.js';
import { check, clean, editConfig, only, TRAIN, VAL } from '../helpers/check-config.js';

const TEST = 'test_dataloader.dataset.dataset';
const TEXTS = 'train_dataloader.dataset.class_text_path';
const NO_METAINFO = (t: string) => t.replaceAll('metainfo=dict(classes=class_names),', '');

/**
 * Renames the 3 categories of the fixture's real COCO files (ids and boxes unchanged: helmet=1 with 1
 * box, head=2 with 1 box, person=3 with 2 boxes in train), and the config's class names and the texts with them.
 */
async function renameClasses(dir: string, names: [string, string, string]): Promise<void> {
  for (const split of ['train', 'val']) {
    const file = join(dir, `data/helmet/annotations/${split}.json`);
    const coco = JSON.parse(await readFile(file, 'utf8')) as { categories: { id: number; name: string }[] };
    coco.categories.forEach((c, i) => (c.name = names[i]!));
    await writeFile(file, `${JSON.stringify(coco, null, 2)}\n`);
  }
  await editConfig(dir, (t) => t.replace("class_names = ('helmet', 'head', 'person')", `class_names = (${names.map((n) => `'${n}'`).join(', ')})`));
  await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), `${JSON.stringify(names.map((n) => [n]))}\n`);
}

describe('yw check --config without metainfo.classes says what mmdet 3.0.0 really does', () => {
  it('no class is a COCO name: loss_bbox 0 in training, IndexError in CocoMetric at the first validation and in tools/test.py', async () => {
    const dir = await copyFixture(clean);
    await renameClasses(dir, ['helmet', 'head', 'safety vest']);
    await editConfig(dir, NO_METAINFO);
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    const train = only(findings, 'CLASSES_MISSING', `${TRAIN}.metainfo.classes`);
    expect([train.severity, train.message]).toEqual(['error',
      `${TRAIN}.metainfo.classes: not set, and none of the 3 categories of data/helmet/annotations/train.json is one of mmdet's 80 COCO class names: every box is dropped (4 of 4 boxes) and training runs with loss_bbox 0 (YOLO-World issue #337)`]);
    expect(train.hint).toBe(`add metainfo=dict(classes=('helmet', 'head', 'safety vest')) to ${TRAIN}, in the annotation file's category order (yw config writes it)`);
    expect(only(findings, 'CLASSES_MISSING', `${VAL}.metainfo.classes`).message).toBe(
      `${VAL}.metainfo.classes: not set, and none of the 3 categories of data/helmet/annotations/val.json is one of mmdet's 80 COCO class names: CocoMetric finds no category id but the model predicts 3 classes, so the first validation (after epoch 5 of 80: train_cfg.val_interval=5) crashes with IndexError in CocoMetric.results2json (self.cat_ids[label], cat_ids empty)`);
    expect(only(findings, 'CLASSES_MISSING', `${TEST}.metainfo.classes`).message).toBe(
      `${TEST}.metainfo.classes: not set, and none of the 3 categories of data/helmet/annotations/val.json is one of mmdet's 80 COCO class names: CocoMetric finds no category id but the model predicts 3 classes, so tools/test.py crashes with IndexError in CocoMetric.results2json (self.cat_ids[label], cat_ids empty)`);
  });

  it('some classes are COCO names: their boxes are relabelled by position, the others dropped, then the validation crash', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, NO_METAINFO);
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    expect(only(findings, 'CLASSES_MISSING', `${TRAIN}.metainfo.classes`).message).toBe(
      `${TRAIN}.metainfo.classes: not set, and only 1 of the 3 categories of data/helmet/annotations/train.json is a COCO class name ('person'): the boxes of 'helmet', 'head' are dropped (2 of 4 boxes) and the kept ones are relabelled by position ('person' becomes label 0, the class text of 'helmet'); loss_bbox is not 0, so nothing looks wrong while it trains on the wrong classes`);
    expect(only(findings, 'CLASSES_MISSING', `${VAL}.metainfo.classes`).message).toBe(
      `${VAL}.metainfo.classes: not set, and only 1 of the 3 categories of data/helmet/annotations/val.json is a COCO class name ('person'): CocoMetric finds 1 category id but the model predicts 3 classes, so the first validation (after epoch 5 of 80: train_cfg.val_interval=5) crashes with IndexError in CocoMetric.results2json (self.cat_ids[label] for a label of 1 or more)`);
    expect(findings.filter((f) => f.code === 'CLASSES_MISSING').map((f) => f.severity)).toEqual(['error', 'error', 'error']);
  });

  it('every class is a COCO name: a warning that says why it trains and how to make it explicit', async () => {
    const dir = await copyFixture(clean);
    await renameClasses(dir, ['car', 'dog', 'person']);
    await editConfig(dir, NO_METAINFO);
    const { code, findings, stdout } = await check(dir);
    expect(code).toBe(0);
    expect(findings.map((f) => [f.code, f.severity, f.data?.key])).toEqual([
      ['CLASSES_MISSING', 'warning', `${TEST}.metainfo.classes`],
      ['CLASSES_MISSING', 'warning', `${TRAIN}.metainfo.classes`],
      ['CLASSES_MISSING', 'warning', `${VAL}.metainfo.classes`],
    ]);
    const train = only(findings, 'CLASSES_MISSING', `${TRAIN}.metainfo.classes`);
    expect(train.message).toBe(`${TRAIN}.metainfo.classes: not set, so mmdet uses its 80 COCO class names; all 3 categories of data/helmet/annotations/train.json are among them, so the labels follow the file's category order and training works as intended`);
    expect(train.hint).toBe(`make it explicit: add metainfo=dict(classes=('car', 'dog', 'person')) to ${TRAIN}, in the annotation file's category order (yw config writes it)`);
    expect(JSON.parse(stdout).classes).toEqual({ count: 3, source: "data/helmet/annotations/train.json (no metainfo.classes: every category is one of mmdet's 80 COCO names, kept in file order)" });
  });

  it('checks a test_dataloader of its own like train and val (tools/test.py crashes the same way)', async () => {
    const dir = await copyFixture(clean);
    await renameClasses(dir, ['helmet', 'head', 'safety vest']);
    await editConfig(dir, (t) => t.replace('test_dataloader = val_dataloader', `test_dataloader = dict(dataset=dict(_delete_=True, type='MultiModalDataset',
    dataset=dict(type='YOLOv5CocoDataset', data_root=data_root, ann_file='annotations/val.json', data_prefix=dict(img='images/val/')),
    class_text_path=class_text_path, pipeline=test_pipeline))`));
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => [f.code, f.data?.key])).toEqual([['CLASSES_MISSING', `${TEST}.metainfo.classes`]]);
    expect(findings[0]!.message).toContain('so tools/test.py crashes with IndexError in CocoMetric.results2json');
  });

  it('says after which epoch the first validation runs, as mmengine 0.10.3 decides it (a milestone applies from the epoch before it)', async () => {
    const dir = await copyFixture(clean);
    await renameClasses(dir, ['helmet', 'head', 'safety vest']);
    await editConfig(dir, NO_METAINFO);
    await editConfig(dir, (t) => t.replace('max_epochs = 80', 'max_epochs = 12').replace('close_mosaic_epochs = 10', 'close_mosaic_epochs = 4').replace('val_interval=5,', 'val_interval=10,'));
    expect(only((await check(dir)).findings, 'CLASSES_MISSING', `${VAL}.metainfo.classes`).message).toContain(
      'so the first validation (after epoch 7 of 12: train_cfg.dynamic_intervals (8, 1)) crashes');
    await editConfig(dir, (t) => t.replace('val_interval=10,', 'val_interval=3, val_begin=4,'));
    expect(only((await check(dir)).findings, 'CLASSES_MISSING', `${VAL}.metainfo.classes`).message).toContain(
      'so the first validation (after epoch 6 of 12: train_cfg.val_interval=3) crashes');
  });
});

describe('yw check --config: the order mmdet labels in', () => {
  it('metainfo in another order than the file: labels still follow the file (a warning), texts are checked against the file order', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace("('helmet', 'head', 'person')", "('head', 'helmet', 'person')"));
    const { code, findings } = await check(dir);
    expect(code).toBe(0);
    const f = only(findings, 'CLASSES_COCO_MISMATCH', `${TRAIN}.metainfo.classes`);
    expect([f.severity, f.message]).toEqual(['warning',
      `${TRAIN}.metainfo.classes: lists the categories of data/helmet/annotations/train.json in another order (position 0: 'head' vs 'helmet'); mmdet labels boxes in the file's category order whatever this order is (CocoDataset: get_cat_ids keeps file order), so training and CocoMetric are unaffected, but the visualizer calls label 0 'head'`]);
    expect(findings.filter((x) => x.code.startsWith('TEXTS_'))).toEqual([]);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '[["head"], ["helmet"], ["person"]]\n');
    expect(only((await check(dir)).findings, 'TEXTS_ORDER_MISMATCH', TEXTS).message).toBe(
      `${TEXTS}: data/texts/helmet_class_texts.json lists the classes in another order (entry 0 is 'head', class 0 is 'helmet'): the model learns the wrong text for each label`);
  });
});

describe('yw check --config: TEXTS_COUNT_MISMATCH names the transform that fails', () => {
  it('fewer entries with mosaic on: IndexError in MultiModalMosaic._update_label_text at the first iteration', async () => {
    const dir = await copyFixture(clean);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '[["helmet"], ["head"]]\n');
    expect(only((await check(dir)).findings, 'TEXTS_COUNT_MISMATCH', TEXTS).message).toBe(
      `${TEXTS}: data/texts/helmet_class_texts.json has 2 entries but there are 3 classes: IndexError in MultiModalMosaic._update_label_text (res['texts'][label], train_dataloader.dataset.pipeline[2]) at the first training iteration that loads one of the 2 train boxes of label 2 or above`);
  });

  it('fewer entries without mosaic: RandomLoadText fails; no box beyond the texts: it trains on fewer classes', async () => {
    const dir = await copyFixture(clean);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '[["helmet"], ["head"]]\n');
    await editConfig(dir, (t) => t.replace("dict(type='MultiModalMosaic', img_scale", "dict(type='MultiModalMosaic', prob=0.0, img_scale"));
    expect(only((await check(dir)).findings, 'TEXTS_COUNT_MISMATCH', TEXTS).message).toBe(
      `${TEXTS}: data/texts/helmet_class_texts.json has 2 entries but there are 3 classes: IndexError in RandomLoadText (class_texts[label], train_dataloader.dataset.pipeline[10]) at the first training iteration that loads one of the 2 train boxes of label 2 or above`);
    const train = join(dir, 'data/helmet/annotations/train.json');
    await writeFile(train, (await readFile(train, 'utf8')).replace(/"category_id": 3/g, '"category_id": 1'));
    expect(only((await check(dir)).findings, 'TEXTS_COUNT_MISMATCH', TEXTS).message).toBe(
      `${TEXTS}: data/texts/helmet_class_texts.json has 2 entries but there are 3 classes: no train box has label 2 or above, so training runs, but the model only ever predicts 2 classes`);
  });

  it('more entries: the model predicts a class per entry and CocoMetric indexes past its category ids', async () => {
    const dir = await copyFixture(clean);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '[["helmet"], ["head"], ["person"], ["vest"]]\n');
    expect(only((await check(dir)).findings, 'TEXTS_COUNT_MISMATCH', TEXTS).message).toBe(
      `${TEXTS}: data/texts/helmet_class_texts.json has 4 entries but there are 3 classes: training samples the extra entry as negative texts, and at validation the model predicts 4 classes for 3 categories: IndexError in CocoMetric.results2json (self.cat_ids[label]) as soon as a box gets label 3 or above`);
  });
});
