import { describe, expect, it } from 'vitest';
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { copyFixture } from '../helpers/tmp.js';
import type { Finding } from '../../src/core/findings.js';
import { readConfig } from '../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../src/core/config-reader/reference-json.js';
import { readConfigText } from '../../src/io/config/check-inputs.js';
import { check, clean, CONFIG, edit, editConfig, only, TRAIN, VAL } from '../helpers/check-config.js';


describe('yw check --config on a clean tree', () => {
  it('finds nothing and says how it read the config', async () => {
    const dir = await copyFixture(clean);
    const run = await runCli(['check', '--config', CONFIG, '--reader', 'builtin'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      `yw check ${CONFIG}`,
      '  read with built-in reader (no Python): 6 file(s)',
      `  classes: 3 (from ${TRAIN}.metainfo.classes)`,
      '',
      'no problems found',
      '',
    ].join('\n'));
    expect((await check(dir)).findings).toEqual([]);
  });

  it('resolves paths against --yolo-world when run from elsewhere', async () => {
    const dir = await copyFixture(clean);
    const run = await runCli(['check', '-c', join(dir, CONFIG), '--yolo-world', dir, '--reader', 'builtin', '--json'], { cwd: '/' });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });
});

describe('yw check --config classes', () => {
  it('reports a single class written as a string', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace("class_names = ('helmet', 'head', 'person')", "class_names = ('helmet')"));
    const f = only((await check(dir)).findings, 'CLASSES_NOT_TUPLE', `${TRAIN}.metainfo.classes`);
    expect(f.message).toBe(`${TRAIN}.metainfo.classes: is the string 'helmet', not a tuple: mmdet reads it as 6 one-letter classes and every box is dropped (YOLO-World issue #582)`);
    expect(f.hint).toBe("write classes=('helmet',) with a trailing comma");
  });

  it('reports a case difference', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace("('helmet', 'head', 'person')", "('Helmet', 'head', 'person')"));
    const { findings } = await check(dir);
    expect(only(findings, 'CLASSES_COCO_MISMATCH', `${TRAIN}.metainfo.classes`).message).toBe(
      `${TRAIN}.metainfo.classes: does not match the categories of data/helmet/annotations/train.json: case differs for 'Helmet' vs 'helmet' (names are case-sensitive)`);
    expect(only(findings, 'TEXTS_NAME_MISMATCH', 'train_dataloader.dataset.class_text_path').severity).toBe('warning');
  });

  it('reports val classes that differ from train', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace(/(val_dataloader = [\s\S]*?)metainfo=dict\(classes=class_names\)/, "$1metainfo=dict(classes=('helmet', 'head'))"));
    const { findings } = await check(dir);
    expect(only(findings, 'CLASSES_SPLIT_MISMATCH', `${VAL}.metainfo.classes`).message).toBe(
      `${VAL}.metainfo.classes: differs from ${TRAIN}.metainfo.classes ('person' of the train classes missing)`);
  });

  it('reports upper-case metainfo keys', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replaceAll('metainfo=dict(classes=', 'metainfo=dict(CLASSES='));
    const f = only((await check(dir)).findings, 'METAINFO_KEY_CASE', `${TRAIN}.metainfo.CLASSES`);
    expect(f.message).toBe(`${TRAIN}.metainfo.CLASSES: metainfo keys must be lower-case: YOLO-World tools/train.py asserts it`);
  });
});

describe('yw check --config texts, counts and embeddings', () => {
  it('reports a class-text JSON that is not a list of lists', async () => {
    const dir = await copyFixture(clean);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '["helmet", "head", "person"]\n');
    expect(only((await check(dir)).findings, 'TEXTS_INVALID', 'train_dataloader.dataset.class_text_path').message).toBe(
      'train_dataloader.dataset.class_text_path: data/texts/helmet_class_texts.json is not a JSON list of non-empty lists of strings');
  });

  it('reports a missing class-text JSON', async () => {
    const dir = await copyFixture(clean);
    await rm(join(dir, 'data/texts/helmet_class_texts.json'));
    expect(only((await check(dir)).findings, 'TEXTS_NOT_FOUND', 'train_dataloader.dataset.class_text_path').message).toBe(
      'train_dataloader.dataset.class_text_path: data/texts/helmet_class_texts.json not found');
  });

  it('reports every num_classes-like field that disagrees with the classes', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace('num_classes = 3', 'num_classes = 80').replace('num_training_classes = 3', 'num_training_classes = 2'));
    const findings = (await check(dir)).findings.filter((f) => f.code === 'NUM_CLASSES_MISMATCH');
    expect(findings.map((f) => [f.data?.key, f.severity])).toEqual([
      ['custom_hooks[1].switch_pipeline[9].max_num_samples', 'warning'],
      ['custom_hooks[1].switch_pipeline[9].num_neg_samples[0]', 'error'],
      ['custom_hooks[1].switch_pipeline[9].num_neg_samples[1]', 'error'],
      ['model.bbox_head.head_module.num_classes', 'warning'],
      ['model.num_test_classes', 'error'],
      ['model.num_train_classes', 'warning'],
      ['model.train_cfg.assigner.num_classes', 'warning'],
      ['num_classes', 'warning'],
      ['num_training_classes', 'warning'],
      ['train_dataloader.dataset.pipeline[10].max_num_samples', 'warning'],
      ['train_dataloader.dataset.pipeline[10].num_neg_samples[0]', 'error'],
      ['train_dataloader.dataset.pipeline[10].num_neg_samples[1]', 'error'],
    ]);
    expect(only(findings, 'NUM_CLASSES_MISMATCH', 'model.num_test_classes').message).toBe('model.num_test_classes: is 80 but there are 3 classes');
    expect(only(findings, 'NUM_CLASSES_MISMATCH', 'model.num_train_classes').message).toBe(
      'model.num_train_classes: is 2 but there are 3 classes: each image then trains on only 2 class texts');
  });

  it('checks the embeddings .npy shape from its header', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => `${t}model.update(type='SimpleYOLOWorldDetector', embedding_path='embeddings/helmet_3_clip_vit_l14.npy', prompt_dim=512, num_prompts=3)\n`);
    expect(only((await check(dir)).findings, 'EMBEDDINGS_SHAPE', 'model.embedding_path').message).toBe(
      'model.embedding_path: embeddings/helmet_3_clip_vit_l14.npy has shape (3, 768) but the config needs (3, 512)');
    await editConfig(dir, (t) => t.replace('helmet_3_clip_vit_l14', 'helmet_2_clip_vit_b32'));
    expect(only((await check(dir)).findings, 'EMBEDDINGS_SHAPE', 'model.embedding_path').message).toBe(
      'model.embedding_path: embeddings/helmet_2_clip_vit_b32.npy has shape (2, 512) but the config needs (3, 512)');
    await editConfig(dir, (t) => t.replace('helmet_2_clip_vit_b32', 'helmet_3_clip_vit_b32'));
    expect((await check(dir)).findings).toEqual([]);
    await editConfig(dir, (t) => t.replace('helmet_3_clip_vit_b32', 'missing'));
    expect(only((await check(dir)).findings, 'EMBEDDINGS_NOT_FOUND', 'model.embedding_path').message).toBe(
      'model.embedding_path: embeddings/missing.npy not found');
  });
});

describe('yw check --config data, evaluators, weights and schedule', () => {
  it('reports a mask-refine pipeline on annotations without polygons', async () => {
    const dir = await copyFixture(clean);
    await edit(dir, 'data/helmet/annotations/train.json', (t) => t.replace(/"segmentation": \[[\s\S]*?\]\s*\]/g, '"segmentation": []'));
    const f = only((await check(dir)).findings, 'MASK_REFINE_WITHOUT_POLYGONS', 'train_dataloader.dataset.pipeline[1].with_mask');
    expect(f.severity).toBe('error');
    expect(f.message).toBe('train_dataloader.dataset.pipeline[1].with_mask: the train pipeline loads masks (mask-refine) but no annotation of data/helmet/annotations/train.json has a polygon: every box is dropped and training runs with loss_bbox 0 (YOLO-World issue #185)');
  });

  it('reports use_mask_refine without a mask-loading pipeline', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace("custom_imports =", "_base_.pre_transform[1]['with_mask'] = False\ncustom_imports ="));
    const { findings } = await check(dir);
    const f = only(findings, 'MASK_REFINE_WITHOUT_MASKS', 'train_dataloader.dataset.pipeline[4].use_mask_refine');
    expect(f.message).toBe('train_dataloader.dataset.pipeline[4].use_mask_refine: is True but no LoadAnnotations in the train pipeline sets with_mask=True: the transform has no masks to refine with');
    expect(findings.filter((x) => x.code.startsWith('MASK_REFINE'))).toHaveLength(1);
  });

  it('reports a missing annotation file', async () => {
    const dir = await copyFixture(clean);
    await rm(join(dir, 'data/helmet/annotations/val.json'));
    const { findings } = await check(dir);
    expect(only(findings, 'ANN_FILE_NOT_FOUND', `${VAL}.ann_file`).message).toBe(`${VAL}.ann_file: data/helmet/annotations/val.json not found`);
    expect(findings.map((f) => f.code)).toEqual(['ANN_FILE_NOT_FOUND']);
  });

  it('reports a train annotation file without annotations (and says nothing about polygons then)', async () => {
    const dir = await copyFixture(clean);
    await edit(dir, 'data/helmet/annotations/train.json', (t) => JSON.stringify({ ...JSON.parse(t), annotations: [] }));
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    expect(findings.map((f) => f.code)).toEqual(['ANN_FILE_EMPTY']);
    expect(only(findings, 'ANN_FILE_EMPTY', `${TRAIN}.ann_file`).message).toBe(
      `${TRAIN}.ann_file: data/helmet/annotations/train.json has 2 images but no annotations: every image trains as background and loss_bbox stays 0`);
  });

  it('reports images that do not resolve', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace("data_prefix=dict(img='images/train/')", "data_prefix=dict(img='train/images/')"));
    const f = only((await check(dir)).findings, 'IMAGES_NOT_FOUND', `${TRAIN}.data_prefix.img`);
    expect(f.message).toBe(`${TRAIN}.data_prefix.img: 2 of 2 sampled images of data/helmet/annotations/train.json not found (first: data/helmet/train/images/a.jpg)`);
  });

  it('reports a test_evaluator still pointing at COCO', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace('test_evaluator = val_evaluator\n', ''));
    const f = only((await check(dir)).findings, 'EVALUATOR_ANN_MISMATCH', 'test_evaluator.ann_file');
    expect(f.message).toBe('test_evaluator.ann_file: evaluates against data/coco/annotations/instances_val2017.json but test_dataloader.dataset.dataset reads data/helmet/annotations/val.json');
  });

  it('reports a missing _base_ with the submodule hint and stops', async () => {
    const dir = await copyFixture(clean);
    await rm(join(dir, 'third_party'), { recursive: true });
    const { code, findings } = await check(dir);
    expect(code).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.code).toBe('BASE_NOT_FOUND');
    expect(findings[0]!.line).toBe(3);
    expect(findings[0]!.hint).toContain('git submodule update --init');
  });

  it('reports a missing load_from', async () => {
    const dir = await copyFixture(clean);
    await rm(join(dir, 'pretrained_models/yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth'));
    expect(only((await check(dir)).findings, 'LOAD_FROM_NOT_FOUND', 'load_from').message).toBe(
      'load_from: pretrained_models/yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth not found');
  });

  it('reports dynamic_intervals entries that are not tuples', async () => {
    const dir = await copyFixture(clean);
    await editConfig(dir, (t) => t.replace('[(max_epochs - close_mosaic_epochs, 1)]', '[[max_epochs - close_mosaic_epochs, 1]]'));
    const f = only((await check(dir)).findings, 'DYNAMIC_INTERVALS_NOT_TUPLE', 'train_cfg.dynamic_intervals[0]');
    expect(f.message).toBe('train_cfg.dynamic_intervals[0]: is not a tuple: mmengine asserts a list of (epoch, interval) tuples and training stops at startup');
  });
});

describe('yw check exit codes and errors', () => {
  it('exits 0 on warnings and 1 with --strict', async () => {
    const dir = await copyFixture(clean);
    await writeFile(join(dir, 'data/texts/helmet_class_texts.json'), '[["hard hat"], ["head"], ["person"]]\n');
    const plain = await check(dir);
    expect(plain.code).toBe(0);
    expect(plain.findings.map((f) => [f.code, f.severity])).toEqual([['TEXTS_NAME_MISMATCH', 'warning']]);
    expect((await check(dir, '--strict')).code).toBe(1);
  });

  it('names the file and line of a construct it cannot read', async () => {
    const dir = await copyFixture(clean);
    let line = 0;
    await editConfig(dir, (t) => {
      line = t.split('\n').length; // the appended line
      return `${t}extra = [f'{c}' for c in class_names]\n`;
    });
    const run = await runCli(['check', '--config', CONFIG, '--reader', 'builtin'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot read an f-string at ${join(dir, CONFIG)}:${line} [CONFIG_UNREADABLE]`);
  });

  it('takes a dataset root or --config, not both; a missing root is named', async () => {
    const both = await runCli(['check', 'datasets/helmet', '-c', CONFIG]);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('yw check takes a dataset root or --config, not both [CHECK_ONE_TARGET]');
    const dir = await copyFixture(clean);
    const missing = await runCli(['check', 'datasets/helmet'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`dataset folder not found: ${join(dir, 'datasets/helmet')} [ROOT_NOT_FOUND]`);
  });

  it('falls back to the built-in reader when mmengine is not importable, and refuses --reader mmengine', async () => {
    const dir = await copyFixture(clean);
    const auto = await runCli(['check', '-c', CONFIG, '--python', join(dir, 'no-python')], { cwd: dir });
    expect(auto.code).toBe(0);
    expect(auto.stdout).toContain('read with built-in reader (no Python)');
    const forced = await runCli(['check', '-c', CONFIG, '--reader', 'mmengine', '--python', join(dir, 'no-python')], { cwd: dir });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain(`${join(dir, 'no-python')} cannot import mmengine [MMENGINE_MISSING]`);
  });

  it('writes every finding to --report and prints JSON with --json', async () => {
    const dir = await copyFixture(clean);
    await rm(join(dir, 'data/helmet/annotations/val.json'));
    const run = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--json', '--report', 'out/check.json'], { cwd: dir });
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout) as { reader: string; files: number; findings: Finding[] };
    expect([printed.reader, printed.files, printed.findings.length]).toEqual(['builtin', 6, 1]);
    const report = JSON.parse(await readFile(join(dir, 'out/check.json'), 'utf8')) as { command: string; counts: unknown; findings: Finding[] };
    expect(report.command).toBe('check');
    expect(report.counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(report.findings).toEqual(printed.findings);
  });

  it('shows examples in --help', async () => {
    const run = await runCli(['check', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('yw check --config configs/custom/yolo_world_v2_l_helmet.py');
    expect(run.stdout).toContain('choices: "auto", "builtin", "mmengine"');
  });

  it('uses mmengine through --python when it imports, and says so (stand-in interpreter)', async () => {
    // mmengine is not installed here: a shell stand-in answers `import mmengine` and prints the resolved
    // config in the bridge's encoding, which exercises yw's side of the bridge (detection, decoding, report).
    const dir = await copyFixture(clean);
    const resolved = await readConfig(join(dir, CONFIG), readConfigText);
    await writeFile(join(dir, 'resolved.json'), encodeReferenceJson(resolved.value));
    const fake = join(dir, 'fake-python');
    await writeFile(fake, `#!/bin/sh\n[ "$2" = "import mmengine" ] && exit 0\ncat "${join(dir, 'resolved.json')}"\n`);
    await chmod(fake, 0o755);
    const run = await runCli(['check', '-c', CONFIG, '--python', fake], { cwd: dir });
    expect(run.stdout).toContain('read with mmengine (exact)');
    expect(run.stdout).toContain('no problems found');
    expect(run.code).toBe(0);
    await writeFile(fake, '#!/bin/sh\n[ "$2" = "import mmengine" ] && exit 0\necho "FileNotFoundError: third_party/mmyolo/configs/yolov8/y.py" >&2\nexit 1\n');
    const missing = await runCli(['check', '-c', CONFIG, '--python', fake, '--json'], { cwd: dir });
    expect(missing.code).toBe(1);
    const findings = (JSON.parse(missing.stdout) as { findings: Finding[] }).findings;
    expect(findings.map((f) => f.code)).toEqual(['BASE_NOT_FOUND']);
    expect(findings[0]!.hint).toContain('git submodule update --init');
  });
});
