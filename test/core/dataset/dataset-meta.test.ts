import { describe, expect, it } from 'vitest';
import { planConversion } from '../../../src/core/dataset/convert.js';
import { parseDarknetData } from '../../../src/core/dataset/darknet-data.js';
import { datasetMeta } from '../../../src/core/dataset/dataset-meta.js';
import { dotaToYolo } from '../../../src/core/dataset/dota-labels.js';
import { labelFor } from '../../../src/core/dataset/label-files.js';
import { errorOf } from '../../helpers/errors.js';

const options = { seed: '0', categoryIdStart: 1, boxPolygons: false, obbPolygons: false };
/** planConversion of a root `/data/ds` from a listing and the texts of its metadata files. */
const plan = (texts: Record<string, string>, images: string[], extra: Partial<Parameters<typeof planConversion>[0]> = {}) => {
  const labels = images.map((i) => i.replace(/(^|\/)images\//, '$1labels/').replace(/\.jpg$/, '.txt'));
  const files = [...new Set([...Object.keys(texts), ...images, ...labels])].sort();
  return planConversion({ root: 'ds', rootAbs: '/data/ds', files, texts: new Map(Object.entries(texts)), ...extra }, options);
};
const splits = (p: ReturnType<typeof plan>) => p.splits.map((s) => [s.name, s.dataPrefix, s.images.map((i) => i.path)]);
const codes = (p: ReturnType<typeof plan>) => p.findings.map((f) => f.code);

describe('the dataset YAML', () => {
  const meta = (files: Record<string, string>, rootName = 'ds') =>
    datasetMeta({ files: Object.keys(files).sort(), texts: new Map(Object.entries(files)), rootName });

  it('is the only YAML at the root that describes a dataset, whatever its name; other YAMLs are not', () => {
    expect(meta({ 'coco8.yaml': 'names: [a]\n', 'config.yml': 'epochs: 3\n', 'sub/data.yaml': 'names: [b]\n' }).yaml?.file).toBe('coco8.yaml');
    expect(meta({ 'notes.yaml': '- a list\n' }).yaml).toBeUndefined();
  });

  it('is data.yaml among several, else the one named after the root, else an error asking for --data-yaml', () => {
    expect(meta({ 'a.yaml': 'names: [a]\n', 'data.yaml': 'names: [a]\n' }).yaml?.file).toBe('data.yaml');
    expect(meta({ 'a.yaml': 'names: [a]\n', 'helmet.yml': 'names: [a]\n' }, 'helmet').yaml?.file).toBe('helmet.yml');
    const error = errorOf(() => meta({ 'a.yaml': 'names: [a]\n', 'b.yaml': 'train: x\n' }));
    expect([error.code, error.hint]).toEqual(['DATA_YAML_AMBIGUOUS', 'name the one to read with --data-yaml FILE']);
  });

  it('decides the splits it names, relative to path: (relative to the YAML), with Roboflow\'s ../ retried without it', () => {
    const roboflow = plan({ 'data.yaml': 'train: ../train/images\nval: ../valid/images\nnames: [a]\n' }, ['train/images/1.jpg', 'valid/images/2.jpg', 'test/images/3.jpg']);
    expect(splits(roboflow)).toEqual([['train', 'train/images/', ['train/images/1.jpg']], ['val', 'valid/images/', ['valid/images/2.jpg']]]);
    expect(codes(roboflow)).toEqual(['IMAGE_NOT_IN_SPLIT']); // test/ is not in the YAML
    const nested = plan({ 'data.yaml': 'path: ./sub\ntrain: images/train\nval: images/train\nnames: [a]\n' }, ['sub/images/train/1.jpg']);
    expect(splits(nested)).toEqual([['train', 'sub/images/train/', ['sub/images/train/1.jpg']], ['val', 'sub/images/train/', ['sub/images/train/1.jpg']]]);
  });

  it('reads a path: that names the root itself (Ultralytics datasets dir) or another machine', () => {
    const own = plan({ 'data.yaml': 'path: ../datasets/ds\ntrain: images\nval: images\nnames: [a]\n' }, ['images/1.jpg']);
    expect(own.findings.map((f) => f.code)).toEqual(['SPLIT_OVERLAP']);
    const foreign = plan({ 'data.yaml': 'path: /home/x/elsewhere\ntrain: images\nval: images\nnames: [a]\n' }, ['images/1.jpg']);
    expect(codes(foreign)).toEqual(['DATA_YAML_PATH_IGNORED', 'SPLIT_OVERLAP']);
  });

  it('matches entries written on another machine by their trailing folders, never by one folder name alone', () => {
    const p = plan({ 'data.yaml': 'train: /content/ds/train/images\nval: /content/ds/images\nnames: [a]\n' }, ['train/images/1.jpg', 'images/2.jpg']);
    expect(splits(p)).toEqual([['train', 'train/images/', ['train/images/1.jpg']]]);
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([
      ['DATA_YAML_PATH_REBASED', 'info'],
      ['DATA_YAML_SPLIT_MISSING', 'error'],
      ['SPLIT_EMPTY', 'error'],
      ['SPLIT_NO_VAL', 'warning'],
    ]);
  });

  it('takes lists kept anywhere and YAML lists of image files; a label file named as a list is an error', () => {
    const texts = { 'data.yaml': 'train: meta/train.txt\nval: [images/2.jpg]\ntest: labels/3.txt\nnames: [a]\n', 'meta/train.txt': 'images/1.jpg\n' };
    const p = plan(texts, ['images/1.jpg', 'images/2.jpg', 'images/3.jpg']);
    expect(splits(p)).toEqual([['train', 'images/', ['images/1.jpg']], ['val', 'images/', ['images/2.jpg']]]);
    expect(p.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([
      'test: "labels/3.txt" is the label file of an image, not an image list; skipped',
      'split test has no images; no file written for it',
    ]);
  });

  it('says NO_IMAGES with the entries that resolved to nothing', () => {
    const error = errorOf(() => plan({ 'data.yaml': 'train: nowhere\nnames: [a]\n' }, ['pics/1.jpg']));
    expect(error.code).toBe('NO_IMAGES');
    expect((error as unknown as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(['DATA_YAML_SPLIT_MISSING']);
  });

  it('--data-yaml outside the root reads its entries through their trailing folders', () => {
    const p = plan({}, ['images/train/1.jpg', 'images/val/2.jpg'], {
      dataYaml: { file: '../conf/mine.yaml', dir: '../conf', text: 'train: ../ds/images/train\nval: images/val\nnames: [a]\n' },
    });
    expect(splits(p).map(([name, prefix]) => [name, prefix])).toEqual([['train', 'images/train/'], ['val', 'images/val/']]);
    expect(p.findings.map((f) => [f.code, f.file, f.message.startsWith('../conf/mine.yaml: ')])).toEqual([['DATA_YAML_PATH_REBASED', undefined, true]]);
  });
});

describe('darknet obj.data', () => {
  it('reads key = value lines in any case, comments and CR line ends; other keys are not splits', () => {
    expect(parseDarknetData('classes= 2\r# a comment\rTrain = data/train.txt\rvalid=data/test.txt # held out\rnames = data/obj.names\rbackup = backup/\reval=coco\r')).toEqual({
      classes: 2,
      names: 'data/obj.names',
      splits: { train: 'data/train.txt', val: 'data/test.txt' },
    });
    expect(parseDarknetData('\u0000\u0001binary')).toBeUndefined();
  });

  it('decides the splits with its lists (valid is val) and names the classes file, whose count must match', () => {
    const texts = { 'obj.data': 'classes = 1\ntrain = data/train.txt\nvalid = data/test.txt\nnames = data/custom.names\n', 'train.txt': 'data/obj/1.jpg\n', 'test.txt': 'data/obj/2.jpg\n', 'custom.names': 'sign\n' };
    const files = ['obj/1.jpg', 'obj/1.txt', 'obj/2.jpg', 'obj/2.txt', ...Object.keys(texts)].sort();
    const p = planConversion({ root: 'ds', rootAbs: '/d/ds', files, texts: new Map(Object.entries(texts)) }, options);
    expect([p.splitsFrom, p.classesSource, p.splits.map((s) => [s.name, s.images.map((i) => i.path)])]).toEqual(['obj.data', 'custom.names', [['train', ['obj/1.jpg']], ['val', ['obj/2.jpg']]]]);
    const wrong = new Map(Object.entries({ ...texts, 'obj.data': texts['obj.data'].replace('classes = 1', 'classes = 3') }));
    expect(errorOf(() => planConversion({ root: 'ds', rootAbs: '/d/ds', files, texts: wrong }, options)).code).toBe('DARKNET_DATA_CLASSES_MISMATCH');
  });
});

describe('Roboflow YOLOv5-OBB labelTxt/ (DOTA lines)', () => {
  it('is where an image\'s label is when labels/ has none', () => {
    const files = new Set(['train/labelTxt/a.txt', 'train/labels/b.txt']);
    expect(labelFor('train/images/a.jpg', files)).toEqual({ path: 'train/labelTxt/a.txt', exists: true, format: 'dota' });
    expect(labelFor('train/images/b.jpg', files)).toEqual({ path: 'train/labels/b.txt', exists: true });
    expect(labelFor('train/images/c.jpg', files)).toEqual({ path: 'train/labels/c.txt', exists: false });
  });

  it('becomes YOLO quadrilateral lines line for line: headers blank, names with spaces, no difficulty, unknown names reported', () => {
    const text = 'imagesource:GoogleEarth\ngsd:0.146\n10 8 40 12 37 30 7 26 small vehicle 0\n0 0 20 0 20 24 0 24 plane\n1 1 2 1 2 2 1 2 boat 1\n';
    const out = dotaToYolo(text, 'l.txt', new Map([['small vehicle', 1], ['plane', 0]]), { width: 40, height: 24 });
    expect(out.text.split('\n')).toEqual(['', '', '1 0.25 0.3333333333333333 1 0.5 0.925 1.25 0.175 1.0833333333333333', '0 0 0 0.5 0 0.5 1 0 1', '', '']);
    expect(out.findings.map((f) => [f.code, f.line, f.message])).toEqual([['LABEL_UNKNOWN_CLASS', 5, 'class "boat" is not in the class list']]);
  });
});
