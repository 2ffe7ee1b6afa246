import type { CocoSummary } from '../dataset/coco-summary.js';
import type { Finding } from '../findings.js';
import { isSeq, seqItems, type PyValue } from '../config-reader/values.js';
import { COCO80 } from './coco80.js';
import { classesMissing, cocoDefaultLabels, isCoco80 } from './classes-missing.js';
import { findDatasets, isCocoDataset, type DatasetRef } from './datasets.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue, quoteList } from './issue.js';
import { child } from './walk.js';

const ORDER_HINT = 'metainfo.classes, the COCO categories and the class-text JSON must list the same names in the same order (yw config writes them from the annotation file)';

/** The classes a dataset trains with, and where they came from. */
export interface DatasetClasses {
  ds: DatasetRef;
  /** From metainfo, or the COCO-80 default when metainfo has none. */
  names?: string[];
  categories?: string[];
}

export function checkDatasetClasses(input: CheckInput): { findings: Finding[]; classes: DatasetClasses[] } {
  const findings: Finding[] = [];
  const classes: DatasetClasses[] = [];
  for (const ds of findDatasets(input.config).filter(isCocoDataset)) {
    const read = ds.annFile ? input.coco.get(ds.annFile) : undefined;
    const coco = read && !isUnreadable(read) ? read.summary : undefined;
    const categories = coco?.categories.map((c) => c.name);
    const names = metainfoClasses(input, ds, coco, findings);
    // mmdet labels boxes in the file's category order whatever order metainfo lists the names in
    const labels = names && categories && sameNames(names, categories) ? categories : names;
    classes.push({ ds, ...(labels ? { names: labels } : {}), ...(categories ? { categories } : {}) });
    if (names && categories) findings.push(...compareWithCategories(input, ds, names, categories));
  }
  const train = classes.find((c) => c.ds.split === 'train' && c.names);
  for (const other of classes.filter((c) => c.ds.split !== 'train' && c.names && train)) {
    if (other.names!.join('\n') !== train!.names!.join('\n')) {
      findings.push(issue(input.configFile, 'CLASSES_SPLIT_MISMATCH', 'error', child(other.ds.path, 'metainfo.classes'),
        `differs from ${child(train!.ds.path, 'metainfo.classes')} (${describeDiff(other.names!, train!.names!, 'the train classes')})`,
        'use one classes tuple for train, val and test'));
    }
  }
  return { findings, classes };
}

function metainfoClasses(input: CheckInput, ds: DatasetRef, coco: CocoSummary | undefined, out: Finding[]): string[] | undefined {
  const metainfo = ds.cfg.get('metainfo');
  const key = child(ds.path, 'metainfo.classes');
  if (metainfo instanceof Map) {
    for (const k of metainfo.keys()) {
      if (k !== k.toLowerCase()) {
        out.push(issue(input.configFile, 'METAINFO_KEY_CASE', 'error', child(child(ds.path, 'metainfo'), k),
          'metainfo keys must be lower-case: YOLO-World tools/train.py asserts it', `rename '${k}' to '${k.toLowerCase()}'`));
      }
    }
  }
  const value: PyValue | undefined = metainfo instanceof Map ? metainfo.get('classes') : undefined;
  if (value === undefined) {
    const categories = coco?.categories.map((c) => c.name);
    if (categories && isCoco80(categories)) return [...COCO80];
    out.push(classesMissing(input, ds, coco));
    // every category a COCO name: mmdet keeps them all, labels in file order
    return coco && cocoDefaultLabels(coco.categories).dropped.length === 0 ? categories : undefined;
  }
  if (typeof value === 'string') {
    out.push(issue(input.configFile, 'CLASSES_NOT_TUPLE', 'error', key,
      `is the string '${value}', not a tuple: mmdet reads it as ${[...value].length} one-letter classes and every box is dropped (YOLO-World issue #582)`,
      `write classes=('${value}',) with a trailing comma`));
    return undefined;
  }
  if (!isSeq(value) || !seqItems(value).every((n) => typeof n === 'string')) {
    out.push(issue(input.configFile, 'CLASSES_INVALID', 'error', key, 'must be a tuple of strings', "write classes=('a', 'b')"));
    return undefined;
  }
  return seqItems(value) as string[];
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function compareWithCategories(input: CheckInput, ds: DatasetRef, names: string[], categories: string[]): Finding[] {
  if (names.join('\n') === categories.join('\n')) return [];
  if (sameNames(names, categories)) {
    const i = names.findIndex((n, j) => n !== categories[j]);
    return [issue(input.configFile, 'CLASSES_COCO_MISMATCH', 'warning', child(ds.path, 'metainfo.classes'),
      `lists the categories of ${ds.annFile} in another order (position ${i}: '${names[i]}' vs '${categories[i]}'); mmdet labels boxes in the file's category order whatever this order is (CocoDataset: get_cat_ids keeps file order), so training and CocoMetric are unaffected, but the visualizer calls label ${i} '${names[i]}'`,
      "list the names in the annotation file's category order, the order the class texts must follow too (yw config writes it)",
      { classes: names, categories })];
  }
  return [issue(input.configFile, 'CLASSES_COCO_MISMATCH', 'error', child(ds.path, 'metainfo.classes'),
    `does not match the categories of ${ds.annFile}: ${describeDiff(names, categories, 'the categories')}`, ORDER_HINT,
    { classes: names, categories })];
}

/** One readable line: case-only differences, missing and extra names, or a different order. */
export function describeDiff(names: readonly string[], reference: readonly string[], refLabel: string): string {
  const parts: string[] = [];
  const ref = new Set(reference);
  const lower = new Map(reference.map((n) => [n.toLowerCase(), n]));
  const caseOnly = names.filter((n) => !ref.has(n) && lower.has(n.toLowerCase()));
  const missing = names.filter((n) => !ref.has(n) && !lower.has(n.toLowerCase()));
  const own = new Set(names.map((n) => n.toLowerCase()));
  const extra = reference.filter((n) => !own.has(n.toLowerCase()));
  if (caseOnly.length) parts.push(`case differs for ${caseOnly.map((n) => `'${n}' vs '${lower.get(n.toLowerCase())}'`).slice(0, 3).join(', ')} (names are case-sensitive)`);
  if (missing.length) parts.push(`${quoteList(missing)} not in ${refLabel}`);
  if (extra.length) parts.push(`${quoteList(extra)} of ${refLabel} missing`);
  if (parts.length === 0 && names.length === reference.length) {
    const i = names.findIndex((n, j) => n !== reference[j]);
    parts.push(`same names in a different order (position ${i}: '${names[i]}' vs '${reference[i]}')`);
  }
  if (parts.length === 0) parts.push(`${names.length} names vs ${reference.length}`);
  return parts.join('; ');
}
