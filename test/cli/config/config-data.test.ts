import { describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../helpers/run-cli.js';
import { copyFixture, tempDir } from '../../helpers/tmp.js';

const ROBOFLOW = fileURLToPath(new URL('../../../fixtures/config-roboflow-coco', import.meta.url));
const COCO2017 = fileURLToPath(new URL('../../../fixtures/config-coco2017', import.meta.url));
const SPLIT_ARGS = ['--train-ann', 'train/_annotations.coco.json', '--val-ann', 'valid/_annotations.coco.json'];

/** The data_prefix of each dataset in a written config, in file order. */
async function prefixes(file: string): Promise<string[]> {
  return [...(await readFile(file, 'utf8')).matchAll(/data_prefix=dict\(img='([^']*)'\)/g)].map((m) => m[1]!);
}

/** A dataset root in a temp folder holding the Roboflow fixture's train/valid COCO files laid out as `layout` says. */
async function layout(files: Record<'train' | 'val', { ann: string; images: string[] }>): Promise<string> {
  const cwd = await tempDir();
  for (const [split, from] of [['train', 'train'], ['val', 'valid']] as const) {
    const ann = join(cwd, 'data', files[split].ann);
    await mkdir(join(ann, '..'), { recursive: true });
    await cp(join(ROBOFLOW, from, '_annotations.coco.json'), ann);
    const coco = JSON.parse(await readFile(ann, 'utf8')) as { images: { file_name: string }[] };
    for (const folder of files[split].images) {
      await mkdir(join(cwd, 'data', folder), { recursive: true });
      for (const image of coco.images) await cp(join(ROBOFLOW, from, image.file_name), join(cwd, 'data', folder, image.file_name));
    }
  }
  return cwd;
}

describe('yw config on COCO datasets not made by yw: the image folder comes from the file_names', () => {
  it("Roboflow's COCO export: the images beside <split>/_annotations.coco.json; says so, and warns about the project category", async () => {
    const cwd = await copyFixture(ROBOFLOW);
    const run = await runCli(['config', '--data', '.', ...SPLIT_ARGS, '--test-ann', 'test/_annotations.coco.json', '--out', 'c.py', '--style', 'standalone'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(await prefixes(join(cwd, 'c.py'))).toEqual(['train/', 'valid/', 'test/']);
    expect(run.stderr).toContain('train images: train/ (all of its first 2 file_names are there; --train-images to choose another)\n');
    expect(run.stderr).toContain('val images: valid/ (its first file_name is there; --val-images to choose another)\n');
    expect(run.stderr).toContain(`warning ${join(cwd, 'train/_annotations.coco.json')}: no box of 'hardhat-workers' (id 0); it becomes a class the model never sees a box of (a Roboflow COCO export lists its project name as category 0 like this)\n`);
  });

  it('COCO 2017: annotations/instances_<split>2017.json with <split>2017/', async () => {
    const cwd = await copyFixture(COCO2017);
    const run = await runCli(['config', '--data', '.', '--train-ann', 'annotations/instances_train2017.json', '--val-ann', 'annotations/instances_val2017.json', '--out', 'c.py', '--style', 'standalone'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(await prefixes(join(cwd, 'c.py'))).toEqual(['train2017/', 'val2017/', 'val2017/']);
    expect(run.stderr).toContain('train images: train2017/ (all of its first 2 file_names are there');
  });

  it('annotations/{train,val}.json with {train,val}/images/ needs no flag at all (the hardhat layout), nor valid/images/', async () => {
    const cwd = await layout({ train: { ann: 'annotations/train.json', images: ['train/images'] }, val: { ann: 'annotations/val.json', images: ['val/images'] } });
    const run = await runCli(['config', '--data', 'data', '--out', 'c.py', '--style', 'standalone'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(await prefixes(join(cwd, 'c.py'))).toEqual(['train/images/', 'val/images/', 'val/images/']);
    const valid = await layout({ train: { ann: 'annotations/train.json', images: ['train/images'] }, val: { ann: 'annotations/val.json', images: ['valid/images'] } });
    expect((await runCli(['config', '--data', 'data', '--out', 'c.py', '--style', 'standalone'], { cwd: valid })).code).toBe(0);
    expect(await prefixes(join(valid, 'c.py'))).toEqual(['train/images/', 'valid/images/', 'valid/images/']);
  });

  it('two folders that both hold the images are ambiguous: an error listing them', async () => {
    const cwd = await layout({ train: { ann: 'annotations/train.json', images: ['train/images', 'images/train'] }, val: { ann: 'annotations/val.json', images: ['val/images'] } });
    const run = await runCli(['config', '--data', 'data', '--out', 'c.py'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(cwd, 'data/annotations/train.json')}: the images could be in train/images/ or images/train/ (2 of 2 sampled file_names in each) [IMAGES_AMBIGUOUS]`);
    expect(run.stderr).toContain('pass --train-images with the right one');
  });

  it('no folder with the images: IMAGES_UNKNOWN lists where it looked', async () => {
    const cwd = await layout({ train: { ann: 'annotations/train.json', images: [] }, val: { ann: 'annotations/val.json', images: ['val/images'] } });
    const run = await runCli(['config', '--data', 'data', '--out', 'c.py'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(cwd, 'data/annotations/train.json')} does not say where its images are (no info.yw.data_prefix), and none of its first 2 file_names is in train/images/, images/train/, training/images/, images/training/, train2017/, train/, training2017/, training/, images/, annotations/, . (the dataset root) [IMAGES_UNKNOWN]`);
  });
});

describe('yw config reads COCO as the trainer does', () => {
  it('two "categories" keys: the classes are the last list, as Python json.load keeps it', async () => {
    const cwd = await copyFixture(COCO2017);
    const train = join(cwd, 'annotations/instances_train2017.json');
    const text = await readFile(train, 'utf8');
    await writeFile(train, text.replace('{"info"', '{"categories": [{"id": 1, "name": "stale"}], "info"'));
    const run = await runCli(['config', '--data', '.', '--train-ann', 'annotations/instances_train2017.json', '--val-ann', 'annotations/instances_val2017.json', '--out', 'c.py', '--json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).classes).toEqual(['person', 'bicycle', 'car', 'dog', 'traffic light']);
  });
});

describe('yw config on annotation files without annotations', () => {
  it('a train file without annotations is its own clear error; a 0-byte one says it is empty', async () => {
    const cwd = await copyFixture(COCO2017);
    const train = join(cwd, 'annotations/instances_train2017.json');
    const coco = JSON.parse(await readFile(train, 'utf8')) as { annotations: unknown[] };
    await writeFile(train, JSON.stringify({ ...coco, annotations: [] }));
    const args = ['config', '--data', '.', '--train-ann', 'annotations/instances_train2017.json', '--val-ann', 'annotations/instances_val2017.json', '--train-images', 'train2017', '--out', 'c.py'];
    const run = await runCli(args, { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${train} has 2 images but no annotations: every image trains as background and loss_bbox stays 0 [ANNOTATIONS_EMPTY]`);
    expect(run.stderr).not.toContain('polygon');
    await writeFile(train, '');
    const zero = await runCli(args, { cwd });
    expect(zero.code).toBe(1);
    expect(zero.stderr).toContain(`${train} is empty (0 bytes) [COCO_EMPTY]`);
  });

  it('a val file without annotations is a warning: every mAP would be -1', async () => {
    const cwd = await copyFixture(COCO2017);
    const val = join(cwd, 'annotations/instances_val2017.json');
    const coco = JSON.parse(await readFile(val, 'utf8')) as { annotations: unknown[] };
    await writeFile(val, JSON.stringify({ ...coco, annotations: [] }));
    const run = await runCli(['config', '--data', '.', '--train-ann', 'annotations/instances_train2017.json', '--val-ann', 'annotations/instances_val2017.json', '--out', 'c.py'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning ${val} has 1 image but no annotations: with no ground truth every COCO mAP is -1, so save_best keeps the first checkpoint it scores`);
    await rm(join(cwd, 'c.py'));
  });
});
