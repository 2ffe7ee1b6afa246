import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from '../dataset/classes.js';
import { promptKey, samePromptFindings } from '../dataset/class-prompts.js';
import type { ClassTexts } from './format.js';
import type { SynonymSpec } from './synonyms.js';

export { promptKey } from '../dataset/class-prompts.js';

export interface BuildInput {
  /** Classes in label order. */
  classes: readonly ClassEntry[];
  /** Where the classes (and their inline `name|syn` synonyms) were read; `lines[i]` is class i's line. */
  classesFile: string;
  classLines?: readonly (number | undefined)[];
  synonyms?: readonly SynonymSpec[];
}

export interface BuildResult {
  texts: ClassTexts;
  findings: Finding[];
}

interface Origin {
  file: string;
  line?: number;
}

/**
 * Builds the class-text list: entry i = [primary name of class i, its synonyms...], inline synonyms
 * first, then those of the synonyms file. Repeats (same prompt) are dropped, the primary kept first.
 * A synonym that names another class, or synonyms for a class the source does not have, are errors.
 */
export function buildClassTexts(input: BuildInput): BuildResult {
  const { classes } = input;
  const findings: Finding[] = samePromptFindings(classes, input.classesFile, 'TEXTS_SAME_PROMPT');
  const owners = new Map(classes.map((c, index) => [promptKey(c.name), index] as const).reverse());
  const exact = new Map(classes.map((c, index) => [c.name, index] as const));
  const texts: ClassTexts = classes.map((c) => [c.name]);
  const add = (index: number, synonym: string, origin: Origin): void => {
    const name = synonym.trim();
    if (name === '') return;
    const owner = owners.get(promptKey(name));
    if (owner !== undefined && owner !== index) throw namesOtherClass(classes, index, owner, name, origin);
    const list = texts[index]!;
    if (!list.some((n) => promptKey(n) === promptKey(name))) list.push(name);
  };
  classes.forEach((c, index) => {
    const line = input.classLines?.[index];
    for (const s of c.synonyms) add(index, s, { file: input.classesFile, ...(line === undefined ? {} : { line }) });
  });
  for (const spec of input.synonyms ?? []) {
    const index = exact.get(spec.name) ?? throwUnknownClass(spec, classes);
    const origin = { file: spec.file, ...(spec.line === undefined ? {} : { line: spec.line }) };
    for (const s of spec.synonyms) add(index, s, origin);
  }
  findings.push(...sharedSynonymFindings(texts));
  return { texts, findings };
}

function namesOtherClass(classes: readonly ClassEntry[], index: number, owner: number, name: string, origin: Origin): YwError {
  const self = classes[index]!;
  const other = classes[owner]!;
  return new YwError(
    'SYNONYM_NAMES_OTHER_CLASS',
    `synonym "${name}" given for class "${self.name}" names another class, "${other.name}"`,
    { ...origin, hint: 'a synonym is another name for the same class; remove it, or merge the two classes' },
  );
}

function throwUnknownClass(spec: SynonymSpec, classes: readonly ClassEntry[]): never {
  const near = classes.find((c) => promptKey(c.name) === promptKey(spec.name));
  const hint = near
    ? `did you mean "${near.name}"? class names must match exactly`
    : `the classes are: ${classes.slice(0, 10).map((c) => `"${c.name}"`).join(', ')}${classes.length > 10 ? ', ...' : ''}`;
  throw new YwError('SYNONYM_UNKNOWN_CLASS', `synonyms given for "${spec.name}", which is not a class of the source`, {
    file: spec.file,
    ...(spec.line === undefined ? {} : { line: spec.line }),
    hint,
  });
}

/** The same synonym under two classes: training may give both labels the same text. */
function sharedSynonymFindings(texts: ClassTexts): Finding[] {
  const owner = new Map<string, number>();
  const findings: Finding[] = [];
  texts.forEach((names, index) => {
    for (const name of names.slice(1)) {
      const first = owner.get(promptKey(name));
      if (first !== undefined && first !== index) {
        findings.push(finding('SYNONYM_SHARED', 'warning', `synonym "${name}" is given for entry ${first} and entry ${index}`, {
          hint: 'training samples synonyms at random; a shared synonym teaches both classes the same text',
        }));
      } else owner.set(promptKey(name), index);
    }
  });
  return findings;
}
