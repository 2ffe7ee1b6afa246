import { finding, type Finding } from '../findings.js';
import { promptKey } from './build.js';
import type { ClassTexts } from './format.js';

const FIX = 'regenerate the file from the source: yw texts SOURCE -o FILE --force (or fix the entry by hand)';

/** Outcome of `yw texts --check`: `ok` unless a finding is an error. Warnings are synonym differences. */
export interface CheckResult {
  ok: boolean;
  /** One finding per problem, `message` starting with `entry N:` (N = label index from 0). */
  findings: Finding[];
}

/**
 * Compares an existing class-text JSON with the texts built from the source. Count, order and primary
 * names must match (they decide which text trains against which label); every name must be a
 * non-empty string and appear under one entry only. Other synonyms may differ: a warning.
 */
export function checkClassTexts(expected: ClassTexts, actual: unknown, file: string): CheckResult {
  const findings: Finding[] = [];
  const report = (code: string, severity: Finding['severity'], message: string, entry?: number): void => {
    const extra = { file, ...(entry === undefined ? {} : { data: { entry } }) };
    findings.push(severity === 'error' ? finding(code, severity, message, { ...extra, hint: FIX }) : finding(code, severity, message, extra));
  };
  if (!Array.isArray(actual)) {
    report('TEXTS_NOT_A_LIST', 'error', `expected a JSON list with one list of names per class, found ${describe(actual)}`);
    return { ok: false, findings };
  }
  if (actual.length !== expected.length) {
    report('TEXTS_COUNT', 'error', `expected ${expected.length} entries (one per class), found ${actual.length}`);
  }
  const primaryAt = new Map(expected.map((names, index) => [promptKey(names[0] ?? ''), index] as const));
  const seen = new Map<string, number>();
  actual.forEach((entry: unknown, index) => {
    const want = expected[index];
    if (want === undefined) {
      report('TEXTS_EXTRA', 'error', `entry ${index}: extra entry ${preview(entry)}; the source has ${expected.length} classes`, index);
      return;
    }
    const before = findings.length;
    const names = checkEntryShape(entry, index, want, report);
    if (names === undefined) return;
    checkPrimary(names, index, want, primaryAt, report);
    checkRepeats(names, index, seen, report);
    const clean = findings.length === before;
    if (clean && !sameList(names.slice(1), want.slice(1))) {
      report('TEXTS_SYNONYMS_DIFFER', 'warning', `entry ${index}: synonyms differ from the source: expected ${preview(want.slice(1))}, found ${preview(names.slice(1))}`, index);
    }
  });
  for (let index = actual.length; index < expected.length; index += 1) {
    report('TEXTS_MISSING', 'error', `entry ${index}: missing, expected ${preview(expected[index])}`, index);
  }
  return { ok: !findings.some((f) => f.severity === 'error'), findings };
}

type Report = (code: string, severity: Finding['severity'], message: string, entry?: number) => void;

/**
 * The entry's names (null where a name is not a string), or undefined when it is not a non-empty list.
 * Reports non-strings and empty strings.
 */
function checkEntryShape(entry: unknown, index: number, want: string[], report: Report): (string | null)[] | undefined {
  if (!Array.isArray(entry)) {
    report('TEXTS_ENTRY_NOT_A_LIST', 'error', `entry ${index}: expected a list of names, found ${describe(entry)}`, index);
    return undefined;
  }
  if (entry.length === 0) {
    report('TEXTS_EMPTY_ENTRY', 'error', `entry ${index}: empty list, expected primary ${JSON.stringify(want[0])}`, index);
    return undefined;
  }
  entry.forEach((name: unknown, position) => {
    if (typeof name !== 'string') {
      report('TEXTS_NOT_A_STRING', 'error', `entry ${index}: name ${position} is not a string (found ${describe(name)})`, index);
    } else if (name.trim() === '') {
      report('TEXTS_EMPTY_STRING', 'error', `entry ${index}: name ${position} is an empty string`, index);
    }
  });
  return entry.map((name: unknown) => (typeof name === 'string' ? name : null));
}

/** A non-string or empty primary was reported already. */
function checkPrimary(names: (string | null)[], index: number, want: string[], primaryAt: Map<string, number>, report: Report): void {
  const found = names[0];
  if (found === want[0] || found === null || found === undefined || found.trim() === '') return;
  const other = primaryAt.get(promptKey(found));
  const why = other !== undefined && other !== index ? ` (the primary of entry ${other}: wrong order)` : '';
  report('TEXTS_PRIMARY', 'error', `entry ${index}: expected primary ${JSON.stringify(want[0])}, found ${JSON.stringify(found)}${why}`, index);
}

/** The same prompt twice: within one entry it is harmless (warning), across entries it is ambiguous. */
function checkRepeats(names: (string | null)[], index: number, seen: Map<string, number>, report: Report): void {
  const inEntry = new Set<string>();
  for (const name of names) {
    if (name === null) continue;
    const key = promptKey(name);
    if (key === '') continue;
    if (inEntry.has(key)) {
      report('TEXTS_DUPLICATE', 'warning', `entry ${index}: ${JSON.stringify(name)} appears twice`, index);
      continue;
    }
    inEntry.add(key);
    const first = seen.get(key);
    if (first !== undefined) {
      report('TEXTS_DUPLICATE', 'error', `entry ${index}: ${JSON.stringify(name)} also appears in entry ${first}`, index);
    } else seen.set(key, index);
  }
}

function sameList(a: readonly (string | null)[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list ${preview(value)}`;
  if (typeof value === 'object') return `an object ${preview(value)}`;
  return `${typeof value === 'string' ? 'a string' : `a ${typeof value}`} ${preview(value)}`;
}
