import type { Finding } from '../findings.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { child, normalizePath, str } from './walk.js';
import { findDatasets } from './datasets.js';
import { textsCountOutcome } from './texts-count.js';

const FIX = 'regenerate it with `yw texts` from the annotation file, so entry i describes class i';

/** Class-text JSON of each MultiModalDataset vs the classes: count, order, primary names. */
export function checkTexts(input: CheckInput, classes: string[] | undefined): { findings: Finding[]; counts: number[] } {
  const findings: Finding[] = [];
  const counts: number[] = [];
  const seen = new Set<string>();
  for (const ds of findDatasets(input.config)) {
    const owner = ds.wrapper?.cfg.has('class_text_path') ? ds.wrapper : ds;
    const raw = str(owner.cfg.get('class_text_path'));
    if (!raw) continue;
    const file = normalizePath(raw);
    const key = child(owner.path, 'class_text_path');
    // train and val usually share one file: report it once, at the first key naming it.
    if (seen.has(file)) continue;
    seen.add(file);
    const texts = input.texts.get(file);
    if (texts === undefined) continue;
    if (isUnreadable(texts)) {
      const code = /not found/.test(texts.error) ? 'TEXTS_NOT_FOUND' : 'TEXTS_INVALID';
      findings.push(issue(input.configFile, code, 'error', key, code === 'TEXTS_NOT_FOUND' ? `${file} not found` : texts.error, FIX, { file }));
      continue;
    }
    const ok = Array.isArray(texts) && texts.every((e) => Array.isArray(e) && e.length > 0 && e.every((s) => typeof s === 'string'));
    if (!ok) {
      findings.push(issue(input.configFile, 'TEXTS_INVALID', 'error', key,
        `${file} is not a JSON list of non-empty lists of strings`, FIX, { file }));
      continue;
    }
    const primary = (texts as string[][]).map((e) => e[0]!);
    counts.push(primary.length);
    if (classes) findings.push(...compare(input, key, file, primary, classes));
  }
  return { findings, counts };
}

function compare(input: CheckInput, key: string, file: string, primary: string[], classes: string[]): Finding[] {
  if (primary.length !== classes.length) {
    return [issue(input.configFile, 'TEXTS_COUNT_MISMATCH', 'error', key,
      `${file} has ${primary.length} entries but there are ${classes.length} classes: ${textsCountOutcome(input, primary.length, classes.length)}`,
      FIX, { file })];
  }
  const differs = primary.map((_, i) => i).filter((i) => primary[i] !== classes[i]);
  if (differs.length === 0) return [];
  const sameSet = [...primary].sort().join('\n') === [...classes].sort().join('\n');
  if (sameSet) {
    const i = differs[0]!;
    return [issue(input.configFile, 'TEXTS_ORDER_MISMATCH', 'error', key,
      `${file} lists the classes in another order (entry ${i} is '${primary[i]}', class ${i} is '${classes[i]}'): the model learns the wrong text for each label`,
      FIX, { file })];
  }
  const shown = differs.map((i) => `${i}: '${primary[i]}' for '${classes[i]}'`);
  return [issue(input.configFile, 'TEXTS_NAME_MISMATCH', 'warning', key,
    `the first synonym of ${differs.length} entries of ${file} differs from the class name (${shown.slice(0, 3).join(', ')}${differs.length > 3 ? ', ...' : ''})`,
    `fine if these are deliberate prompts; otherwise ${FIX}`, { file, entries: differs })];
}

