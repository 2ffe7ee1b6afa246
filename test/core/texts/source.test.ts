import { describe, expect, it } from 'vitest';
import { classesFromRoot } from '../../../src/core/texts/root-source.js';
import { classLineNumbers, datasetNameFor, fileKindOf } from '../../../src/core/texts/source.js';
import { errorOf } from '../../helpers/errors.js';

function coco(path: string, names: string[]) {
  return { path, json: { images: [], annotations: [], categories: names.map((name, i) => ({ id: i + 1, name })) } };
}

describe('datasetNameFor', () => {
  it('names a root by its folder and a classes file or data.yaml by the folder holding it', () => {
    expect(datasetNameFor('dataset-root', '/data/helmet')).toBe('helmet');
    expect(datasetNameFor('classes-file', '/data/helmet/classes.txt')).toBe('helmet');
    expect(datasetNameFor('classes-file', '/data/helmet/train/obj.names')).toBe('helmet');
    expect(datasetNameFor('data-yaml', '/data/ppe/data.yaml')).toBe('ppe');
  });

  it('names a COCO JSON by the dataset above annotations/ or a split folder, else by its stem', () => {
    expect(datasetNameFor('coco-json', '/data/coco/annotations/instances_val2017.json')).toBe('coco');
    expect(datasetNameFor('coco-json', '/data/rf/train/_annotations.coco.json')).toBe('rf');
    expect(datasetNameFor('coco-json', '/exports/wildlife_v2.json')).toBe('wildlife_v2');
    expect(datasetNameFor('classes-file', '/classes.txt')).toBe('classes');
  });
});

describe('fileKindOf / classLineNumbers', () => {
  it('tells the kind from the extension', () => {
    expect([fileKindOf('a/b.JSON'), fileKindOf('data.yml'), fileKindOf('obj.names'), fileKindOf('names')]).toEqual([
      'coco-json', 'data-yaml', 'classes-file', 'classes-file',
    ]);
  });

  it('gives the line of each class for both classes-file forms', () => {
    expect(classLineNumbers('\uFEFFa\r\n\r\nb\nc\n', 3)).toEqual([1, 3, 4]);
    expect(classLineNumbers('\n a, b, c \n', 3)).toEqual([2, 2, 2]);
  });
});

describe('classesFromRoot', () => {
  it('takes the order from annotations/train.json and the synonyms from an agreeing classes file', () => {
    const source = classesFromRoot({
      root: 'ds',
      annotations: [coco('ds/annotations/test.json', ['b', 'a']), coco('ds/annotations/train.json', ['b', 'a'])],
      classFiles: [{ path: 'ds/classes.txt', text: 'b|bee\na\n' }],
    });
    expect(source.orderFrom).toBe('ds/annotations/train.json');
    expect(source.classes.map((c) => [c.name, c.synonyms])).toEqual([['b', ['bee']], ['a', []]]);
    expect([source.classesFile, source.classLines]).toEqual(['ds/classes.txt', [1, 2]]);
  });

  it('refuses splits whose categories disagree, naming both files', () => {
    const error = errorOf(() =>
      classesFromRoot({ root: 'ds', annotations: [coco('ds/annotations/train.json', ['a', 'b']), coco('ds/annotations/val.json', ['a'])], classFiles: [] }),
    );
    expect(error.code).toBe('TEXTS_SPLITS_DISAGREE');
    expect(error.message).toBe('ds/annotations/train.json and ds/annotations/val.json list different classes (entry 1: "b" vs nothing)');
  });

  it('takes classes files in path order before data.yaml, as yw convert does', () => {
    const source = classesFromRoot({
      root: 'ds',
      annotations: [],
      classFiles: [
        { path: 'ds/data.yaml', text: 'names: [a, b]\n' },
        { path: 'ds/val/labels/classes.txt', text: 'a\nb\n' },
        { path: 'ds/train/labels/classes.txt', text: 'a|ant\nb\n' },
      ],
    });
    expect([source.orderFrom, source.classes[0]?.synonyms]).toEqual(['ds/train/labels/classes.txt', ['ant']]);
  });

  it('refuses classes files that disagree when there are no annotations', () => {
    const error = errorOf(() =>
      classesFromRoot({
        root: 'ds',
        annotations: [],
        classFiles: [{ path: 'ds/classes.txt', text: 'a\nb\n' }, { path: 'ds/data.yaml', text: 'names: [b, a]\n' }],
      }),
    );
    expect(error.code).toBe('TEXTS_CLASS_FILES_DISAGREE');
    expect(error.message).toBe('ds/classes.txt and ds/data.yaml list different classes (entry 0: "a" vs "b")');
  });

  it('reports an unreadable classes file as a warning when annotations decide the order', () => {
    const source = classesFromRoot({
      root: 'ds',
      annotations: [coco('ds/annotations/train.json', ['a'])],
      classFiles: [{ path: 'ds/data.yaml', text: 'train: images\n' }],
    });
    expect(source.findings.map((f) => [f.code, f.file])).toEqual([['TEXTS_CLASSES_UNREADABLE', 'ds/data.yaml']]);
  });

  it('lists what it looked for when a root has no classes', () => {
    const error = errorOf(() => classesFromRoot({ root: 'ds', annotations: [], classFiles: [] }));
    expect(error.code).toBe('TEXTS_NO_CLASSES');
    expect(error.hint).toBe(
      'looked for annotations/*.json, else **/classes.txt, **/obj.names (any depth, sorted), then data.yaml, data.yml, dataset.yaml; ' +
        'pass a classes file, data.yaml or COCO JSON instead',
    );
  });
});
