import { sortFindings, type Finding } from '../findings.js';
import { checkDatasetClasses } from './classes.js';
import { isCoco80 } from './classes-missing.js';
import { checkCounts, checkEmbeddings } from './counts.js';
import type { CheckInput } from './input.js';
import { isDict, type PyDict } from '../config-reader/values.js';
import { checkMaskRefine } from './mask-refine.js';
import { checkPaths } from './paths.js';
import { checkLoadFrom } from './load-from.js';
import { checkTexts } from './texts.js';
import { checkWarmup } from './warmup-check.js';

export interface CheckResult {
  findings: Finding[];
  /** The number of classes the checks compared against, and where it came from. */
  classes?: { count: number; source: string };
}

/** Every consistency check on a resolved config and the files it names. Pure: io gathered `input`. */
export function runChecks(input: CheckInput): CheckResult {
  const { findings: classFindings, classes } = checkDatasetClasses(input);
  const train = classes.find((c) => c.ds.split === 'train');
  const names = train?.names;
  const texts = checkTexts(input, names ?? train?.categories);
  const own = train && isDict(train.ds.cfg.get('metainfo')) && (train.ds.cfg.get('metainfo') as PyDict).has('classes');
  const source = names
    ? own ? `${train!.ds.path}.metainfo.classes` : defaultSource(train!.ds.annFile!, names)
    : train?.categories ? train.ds.annFile! : texts.counts.length ? 'class_text_path' : undefined;
  const count = names?.length ?? train?.categories?.length ?? texts.counts[0];
  const findings = [
    ...classFindings,
    ...texts.findings,
    ...(count === undefined ? [] : checkCounts(input, count)),
    ...checkEmbeddings(input, count),
    ...checkMaskRefine(input),
    ...checkPaths(input),
    ...checkLoadFrom(input, count),
    ...checkWarmup(input),
  ];
  const byKey = dropTestRepeats(findings).sort((a, b) => String(a.data?.key ?? '').localeCompare(String(b.data?.key ?? '')));
  return { findings: sortFindings(byKey), ...(count !== undefined && source ? { classes: { count, source } } : {}) };
}

/** Where the classes come from without metainfo.classes (only reached when mmdet keeps every category). */
function defaultSource(annFile: string, names: readonly string[]): string {
  return isCoco80(names)
    ? `mmdet's COCO-80 default (no metainfo.classes; ${annFile} has exactly those categories)`
    : `${annFile} (no metainfo.classes: every category is one of mmdet's 80 COCO names, kept in file order)`;
}

/**
 * `test_dataloader = val_dataloader` is the usual setup, so the test split repeats every val finding;
 * keep the val one only.
 */
function dropTestRepeats(findings: Finding[]): Finding[] {
  const tail = (f: Finding) => `${f.code}|${f.message.replace(/^val_|^test_/, '')}`;
  const val = new Set(findings.filter((f) => f.message.startsWith('val_')).map(tail));
  return findings.filter((f) => !f.message.startsWith('test_') || !val.has(tail(f)));
}
