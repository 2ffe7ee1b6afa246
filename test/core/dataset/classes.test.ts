import { describe, expect, it } from 'vitest';
import { parseClassesText } from '../../../src/core/dataset/classes.js';
import { parseDataYaml } from '../../../src/core/dataset/data-yaml.js';
import { errorOf } from '../../helpers/errors.js';

const names = (text: string) => parseClassesText(text, 'classes.txt').map((c) => c.name);

describe('parseClassesText', () => {
  it('reads one name per line, keeping spaces and commas inside names', () => {
    expect(names('person\ntraffic light\nhot dog, chili\n')).toEqual(['person', 'traffic light', 'hot dog, chili']);
  });

  it('reads the seed style single comma-separated line', () => {
    expect(names('person, bicycle, car')).toEqual(['person', 'bicycle', 'car']);
  });

  it('tolerates BOM, CRLF and blank lines', () => {
    expect(names('\uFEFFhelmet\r\n\r\nhead\r\n\r\n')).toEqual(['helmet', 'head']);
  });

  it('reads inline synonyms and drops repeats', () => {
    const [entry] = parseClassesText('person|human|person|human|man\n', 'c.txt');
    expect(entry).toEqual({ id: 0, name: 'person', synonyms: ['human', 'man'] });
  });

  it('rejects a duplicate name with its line', () => {
    const error = errorOf(() => parseClassesText('cat\ndog\n\ncat\n', 'classes.txt'));
    expect(error.code).toBe('CLASSES_DUPLICATE');
    expect(error.line).toBe(4);
  });

  it('rejects an empty name in a comma list and an empty file', () => {
    expect(errorOf(() => parseClassesText('a,,b', 'c.txt')).code).toBe('CLASSES_EMPTY_NAME');
    expect(errorOf(() => parseClassesText('\n \n', 'c.txt')).code).toBe('CLASSES_EMPTY');
  });
});

describe('parseDataYaml', () => {
  it('reads list names, splits and nc', () => {
    const data = parseDataYaml('path: ../ds\ntrain: images/train\nval: [images/val]\nnc: 2\nnames: [helmet, head]\n', 'data.yaml');
    expect(data.classes.map((c) => c.name)).toEqual(['helmet', 'head']);
    expect(data).toMatchObject({ path: '../ds', splits: { train: ['images/train'], val: ['images/val'] }, nc: 2 });
  });

  it('reads every split name (validation is val, as Ultralytics renames it; CVAT subset keys in any case) and CR-only lines', () => {
    const data = parseDataYaml('Train: a.txt\rvalidation: [b, c]\rTesting: d\rnames: [x]\r', 'data.yaml');
    expect(data.splits).toEqual({ train: ['a.txt'], val: ['b', 'c'], test: ['d'] });
    expect(parseDataYaml('val: v\nvalidation: w\nnames: [x]\n', 'd.yaml').splits).toEqual({ val: ['v'] });
  });

  it('refuses class ids that are not 32-bit COCO category ids (negative, 2^31 and above, fractions)', () => {
    for (const [key, shown] of [['-1', '-1'], ['2147483648', '2147483648'], ['1e30', '1e+30'], ['1.5', '1.5']]) {
      const error = errorOf(() => parseDataYaml(`names:\n  0: a\n  ${key}: b\n`, 'data.yaml'));
      expect([error.code, error.message]).toEqual(['DATA_YAML_INVALID', expect.stringContaining(`names key "${shown}" is not a class index`)]);
    }
    expect(parseDataYaml('names:\n  2147483647: b\n', 'data.yaml').classes.map((c) => c.id)).toEqual([2147483647]);
  });

  it('reads kpt_shape of a pose dataset and refuses a malformed one', () => {
    expect(parseDataYaml('kpt_shape: [17, 3]\nnames: [person]\n', 'p.yaml').kptShape).toEqual([17, 3]);
    expect(errorOf(() => parseDataYaml('kpt_shape: [17, 4]\nnames: [person]\n', 'p.yaml')).code).toBe('DATA_YAML_INVALID');
  });

  it('reads sparse dict keys in id order', () => {
    const data = parseDataYaml('names:\n  5: dog\n  0: cat\n', 'data.yaml');
    expect(data.classes).toEqual([
      { id: 0, name: 'cat', synonyms: [] },
      { id: 5, name: 'dog', synonyms: [] },
    ]);
  });

  it('rejects nc that disagrees with names', () => {
    expect(errorOf(() => parseDataYaml('nc: 3\nnames: [a, b]\n', 'data.yaml')).code).toBe('DATA_YAML_NC_MISMATCH');
  });

  it('reports a YAML syntax error with its line', () => {
    const error = errorOf(() => parseDataYaml('names: [a, b\nnc: 2\n', 'data.yaml'));
    expect(error.code).toBe('DATA_YAML_INVALID');
  });
});
