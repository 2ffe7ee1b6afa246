import { describe, expect, it } from 'vitest';
import { parseClassesText } from '../../../src/core/dataset/classes.js';
import { buildClassTexts, promptKey } from '../../../src/core/texts/build.js';
import { classLineNumbers } from '../../../src/core/texts/source.js';
import { parseSynonyms } from '../../../src/core/texts/synonyms.js';
import { errorOf } from '../../helpers/errors.js';

function fromClasses(text: string, synonyms?: string, synonymsFile = 'syn.txt') {
  const classes = parseClassesText(text, 'classes.txt');
  return buildClassTexts({
    classes,
    classesFile: 'classes.txt',
    classLines: classLineNumbers(text, classes.length),
    ...(synonyms === undefined ? {} : { synonyms: parseSynonyms(synonyms, synonymsFile) }),
  });
}

describe('buildClassTexts', () => {
  it('puts the primary first, then inline synonyms, then the synonyms file, without repeats', () => {
    const built = fromClasses('person|human\nhelmet\n', 'person: human, man, Person,  MAN \nhelmet: hard hat, , hard hat\n');
    expect(built.texts).toEqual([['person', 'human', 'man'], ['helmet', 'hard hat']]);
    expect(built.findings).toEqual([]);
  });

  it('rejects an inline synonym that names another class, with the file and line', () => {
    const error = errorOf(() => fromClasses('person\n\nworker|laborer|Person\n'));
    expect(error.code).toBe('SYNONYM_NAMES_OTHER_CLASS');
    expect(error.message).toBe('synonym "Person" given for class "worker" names another class, "person"');
    expect([error.file, error.line]).toEqual(['classes.txt', 3]);
  });

  it('rejects a synonyms-file entry that names another class, with its line', () => {
    const error = errorOf(() => fromClasses('person\nworker\n', 'worker: builder\n\nperson: human, worker\n'));
    expect(error.code).toBe('SYNONYM_NAMES_OTHER_CLASS');
    expect([error.file, error.line]).toEqual(['syn.txt', 3]);
  });

  it('rejects synonyms for a class the source does not have, suggesting a near name', () => {
    const error = errorOf(() => fromClasses('person\nforklift\n', '{\n  "Forklift": ["lift truck"]\n}', 'syn.json'));
    expect(error.code).toBe('SYNONYM_UNKNOWN_CLASS');
    expect([error.file, error.line]).toEqual(['syn.json', 2]);
    expect(error.hint).toBe('did you mean "forklift"? class names must match exactly');
  });

  it('warns when two classes give the same prompt, or share a synonym', () => {
    const built = fromClasses('Car\ncar\ntruck|lorry\nvan|lorry\n');
    expect(built.findings.map((f) => [f.code, f.message])).toEqual([
      ['TEXTS_SAME_PROMPT', 'classes "Car" and "car" give the same text prompt'],
      ['SYNONYM_SHARED', 'synonym "lorry" is given for entry 2 and entry 3'],
    ]);
  });
});

describe('promptKey', () => {
  it('ignores case and repeated whitespace like the CLIP tokenizer', () => {
    expect(promptKey('  Hard\t Hat ')).toBe('hard hat');
    expect(promptKey('Café')).toBe(promptKey('café'));
  });
});
