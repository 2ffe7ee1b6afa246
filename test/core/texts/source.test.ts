import { describe, expect, it } from 'vitest';
import { classesFromRoot, type RootInput } from '../../../src/core/texts/root-source.js';
import { classLineNumbers, datasetNameFor, fileKindOf } from '../../../src/core/texts/source.js';
import { errorOf } from '../../helpers/errors.js';

function coco(path: string, names: string[]) {
  return { path, categories: names.map((name, i) => ({ id: i + 1, name })) };
}

describe('datasetNameFor', () => {
  it('names a root by its folder and a classes file or data.yaml by the folder holding it', () => {
    expect(datasetNameFor('dataset-root', '/data/helmet')).toBe('helmet');
    expect(datasetNameFor('classes-file', '/data/helmet/classes.txt')).toBe('helmet');
    expect(datasetNameFor('classes-file', '/data/helmet/train/obj.names')).toBe('helmet');
    expect(datasetNameFor('data-yaml', '/data/ppe/data.yaml')).toBe('ppe');
    // Every split name yw convert reads (valid, Validation ...) is a split folder here too.
    expect(datasetNameFor('classes-file', '/data/ppe/valid/classes.txt')).toBe('ppe');
    expect(datasetNameFor('coco-json', '/data/ppe/Validation/_annotations.coco.json')).toBe('ppe');
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

/** A root `ds` as io reads it: its files (relative) with the class files' contents. */
function root(files: Record<string, string>, annotations: ReturnType<typeof coco>[] = []): RootInput {
  const rels = Object.keys(files).sort();
  return {
    root: 'ds',
    rootAbs: '/work/ds',
    annotations,
    files: rels,
    texts: new Map(Object.entries(files)),
    shown: new Map(rels.map((rel) => [rel, `ds/${rel}`])),
  };
}

describe('classesFromRoot', () => {
  it('takes the order from annotations/train.json and the synonyms from an agreeing classes file', () => {
    const source = classesFromRoot(
      root({ 'classes.txt': 'b|bee\na\n' }, [coco('ds/annotations/test.json', ['b', 'a']), coco('ds/annotations/train.json', ['b', 'a'])]),
    );
    expect(source.orderFrom).toBe('ds/annotations/train.json');
    expect(source.classes.map((c) => [c.name, c.synonyms])).toEqual([['b', ['bee']], ['a', []]]);
    expect([source.classesFile, source.classLines]).toEqual(['ds/classes.txt', [1, 2]]);
  });

  it('refuses splits whose categories disagree, naming both files', () => {
    const error = errorOf(() => classesFromRoot(root({}, [coco('ds/annotations/train.json', ['a', 'b']), coco('ds/annotations/val.json', ['a'])])));
    expect(error.code).toBe('TEXTS_SPLITS_DISAGREE');
    expect(error.message).toBe('ds/annotations/train.json and ds/annotations/val.json list different classes (entry 1: "b" vs nothing)');
  });

  it('takes classes files in path order before data.yaml, as yw convert does', () => {
    const source = classesFromRoot(
      root({ 'data.yaml': 'names: [a, b]\n', 'val/labels/classes.txt': 'a\nb\n', 'train/labels/classes.txt': 'a|ant\n\nb\n', 'images/a.jpg': '' }),
    );
    expect([source.orderFrom, source.orderNote, source.classes[0]?.synonyms, source.classLines]).toEqual([
      'ds/train/labels/classes.txt', 'classes file order, the order yw convert writes', ['ant'], [1, 3],
    ]);
  });

  it('reads data.yaml names when it is the only source, and ignores a data.yaml without names next to a classes file', () => {
    const yaml = classesFromRoot(root({ 'data.yaml': 'names: {0: a, 2: b}\n' }));
    expect([yaml.orderFrom, yaml.orderNote, yaml.classes.map((c) => [c.id, c.name]), yaml.classLines]).toEqual([
      'ds/data.yaml', 'data.yaml names, ascending class id, the order yw convert writes', [[0, 'a'], [2, 'b']], undefined,
    ]);
    const noNames = classesFromRoot(root({ 'data.yaml': 'train: images\n', 'classes.txt': 'a\n' }));
    expect(noNames.orderFrom).toBe('ds/classes.txt');
  });

  it('refuses classes files that disagree as yw convert does, naming the files under the root', () => {
    const error = errorOf(() => classesFromRoot(root({ 'classes.txt': 'a\nb\n', 'data.yaml': 'names: [b, a]\n' })));
    expect([error.code, error.message, error.file]).toEqual(['CLASSES_DIFFER', 'data.yaml and classes.txt list different classes', 'ds/data.yaml']);
    expect(error.hint).toBe('make the classes files agree, or pass the one that is right as the source');
  });

  it('refuses a sparse data.yaml next to a dense classes file with the same names (convert compares ids too)', () => {
    const error = errorOf(() => classesFromRoot(root({ 'classes.txt': 'a\nb\n', 'data.yaml': 'names: {0: a, 2: b}\n' })));
    expect([error.code, error.file]).toEqual(['CLASSES_DIFFER', 'ds/data.yaml']);
  });

  it('names a broken classes file by its path under the root, with the line', () => {
    const error = errorOf(() => classesFromRoot(root({ 'train/classes.txt': 'a\nb\na\n' })));
    expect([error.code, error.file, error.line]).toEqual(['CLASSES_DUPLICATE', 'ds/train/classes.txt', 3]);
  });

  it('reports an unreadable classes file as a warning when annotations decide the order', () => {
    const source = classesFromRoot(root({ 'data.yaml': 'names: [a\n', 'obj.names': '' }, [coco('ds/annotations/train.json', ['a'])]));
    expect(source.findings.map((f) => [f.code, f.file])).toEqual([['TEXTS_CLASSES_UNREADABLE', 'ds/obj.names'], ['TEXTS_CLASSES_UNREADABLE', 'ds/data.yaml']]);
  });

  it('does not take a YAML without names, another YAML or an obj.data for a stale class list', () => {
    const files = { 'data.yaml': 'train: images\n', 'obj.data': 'classes = 1\nnames = obj.names\n' };
    expect(classesFromRoot(root(files, [coco('ds/annotations/train.json', ['a'])])).findings).toEqual([]);
  });

  it('reads a root\'s only dataset YAML whatever its name, and asks for the YAML itself among several', () => {
    expect(classesFromRoot(root({ 'coco8.yaml': 'names: {0: person, 2: car}\n' })).classes.map((c) => [c.id, c.name])).toEqual([[0, 'person'], [2, 'car']]);
    const error = errorOf(() => classesFromRoot(root({ 'a.yaml': 'names: [x]\n', 'b.yaml': 'names: [y]\n' })));
    expect([error.code, error.hint]).toEqual(['DATA_YAML_AMBIGUOUS', 'pass the dataset YAML itself as the source (yw texts DIR/NAME.yaml)']);
  });

  it('lists what it looked for when a root has no classes', () => {
    const error = errorOf(() => classesFromRoot(root({ 'images/a.jpg': '' })));
    expect(error.code).toBe('TEXTS_NO_CLASSES');
    expect(error.hint).toBe(
      'looked for annotations/*.json, else **/classes.txt, **/obj.names (any depth, sorted), the names file obj.data names, ' +
        'then the dataset YAML at the root (data.yaml, data.yml, dataset.yaml or the only *.yaml); ' +
        'pass a classes file, data.yaml or COCO JSON instead',
    );
  });
});
