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

/** Counts per code, sorted by code, for summaries. */
export function countByCode(findings: Iterable<Finding>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function countBySeverity(findings: Iterable<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
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
