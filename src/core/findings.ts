/**
 * Non-fatal problems found in user data. Core modules return them as data; the CLI counts them in the
 * summary, writes them in full to `--report`, and `--strict` turns them into exit code 1.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** SCREAMING_SNAKE code, stable across releases (documented in the README). */
  code: string;
  severity: Severity;
  /** One line, complete on its own: what is wrong. */
  message: string;
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** What to do about it. */
  hint?: string;
  /** Machine-readable details for `--report`/`--json`. */
  data?: Record<string, unknown>;
}

type FindingExtra = Omit<Finding, 'code' | 'severity' | 'message'>;

/** An error finding makes `yw check` (and --strict) exit 1, so it must say what to do: its hint is required. */
export function finding(code: string, severity: 'error', message: string, extra: FindingExtra & { hint: string }): Finding;
export function finding(code: string, severity: Exclude<Severity, 'error'>, message: string, extra?: FindingExtra): Finding;
export function finding(code: string, severity: Severity, message: string, extra: FindingExtra & { hint: string }): Finding;
export function finding(code: string, severity: Severity, message: string, extra: FindingExtra = {}): Finding {
  return { code, severity, message, ...extra };
}

/** How many problems a finding stands for: 1, or the count of a FindingCap summary. */
export function weight(f: Finding): number {
  const unlisted = f.data?.unlisted;
  return typeof unlisted === 'number' ? unlisted : 1;
}

/** Counts per code, sorted by code, for summaries (a FindingCap summary counts as what it stands for). */
export function countByCode(findings: Iterable<Finding>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + weight(f));
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function countBySeverity(findings: Iterable<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += weight(f);
  return counts;
}

/**
 * Findings of one code listed per file (label file) before the rest become one summary finding.
 * A label file with a million bad lines gave a million findings: 2.2 GB with --report and a report
 * no one reads. The first 50 show what is wrong; the summary says how many more, from which line.
 */
export const FINDINGS_PER_FILE = 50;

/**
 * Lists the first `limit` findings of each code passed to `add` and counts the rest; `close` adds one
 * summary per code (same code and severity, `data.unlisted` = the count, so summaries count right).
 * Use one per file.
 */
export class FindingCap {
  private readonly listed = new Map<string, number>();
  private readonly unlisted = new Map<string, { first: Finding; count: number }>();

  constructor(private readonly out: Finding[], private readonly limit = FINDINGS_PER_FILE) {}

  add(f: Finding): void {
    const listed = this.listed.get(f.code) ?? 0;
    if (listed < this.limit) {
      this.listed.set(f.code, listed + 1);
      this.out.push(f);
      return;
    }
    const more = this.unlisted.get(f.code);
    if (more) more.count += 1;
    else this.unlisted.set(f.code, { first: f, count: 1 });
  }

  addAll(findings: readonly Finding[]): void {
    for (const f of findings) this.add(f);
  }

  close(): void {
    for (const { first, count } of this.unlisted.values()) {
      const from = first.line === undefined ? '' : `, from line ${first.line}`;
      const summary: Finding = { code: first.code, severity: first.severity, message: `${count} more ${first.code} in this file not listed${from}` };
      if (first.file !== undefined) summary.file = first.file;
      if (first.line !== undefined) summary.line = first.line;
      if (first.hint !== undefined) summary.hint = first.hint; // an error's hint is required: it is copied
      summary.data = { ...first.data, unlisted: count };
      this.out.push(summary);
    }
    this.unlisted.clear();
  }
}

/** Deterministic order for reports: by file, then line, then code. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

/** `out` gets `findings` (those of one file) with FindingCap's limit applied. */
export function capFindings(findings: readonly Finding[], out: Finding[]): void {
  if (findings.length <= FINDINGS_PER_FILE) {
    for (const f of findings) out.push(f); // not push(...): no limit on how many a caller passes
    return;
  }
  const cap = new FindingCap(out);
  cap.addAll(findings);
  cap.close();
}

/**
 * The findings of several steps that read the same files (yw prepare: convert's and check's), each
 * once: a finding equal in code, severity, file, line and message to one kept already is left out.
 */
export function mergeFindings(...lists: readonly (readonly Finding[])[]): Finding[] {
  const seen = new Set<string>();
  const kept: Finding[] = [];
  for (const list of lists) {
    for (const f of list) {
      const key = JSON.stringify([f.code, f.severity, f.file ?? null, f.line ?? null, f.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(f);
    }
  }
  return kept;
}
