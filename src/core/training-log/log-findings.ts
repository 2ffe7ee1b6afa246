import { finding, type Finding } from '../findings.js';

/** Findings of one code kept per file; the rest are counted in one closing finding. */
export const FINDINGS_PER_CODE = 50;

/**
 * The findings of one log file. A damaged log can have a million bad lines: each code is listed at
 * most FINDINGS_PER_CODE times, and NaN/Infinity values become one summary finding.
 */
export class LogFindings {
  private readonly list: Finding[] = [];
  private readonly perCode = new Map<string, number>();
  private readonly overflow = new Map<string, number>();
  private readonly nonFinite = { lines: 0, first: 0, keys: new Set<string>() };

  constructor(private readonly file: string) {}

  /** `line` 0 = the file as a whole. */
  add(code: string, severity: Exclude<Finding['severity'], 'error'>, message: string, line: number, extra: Partial<Finding> = {}): void {
    const seen = this.perCode.get(code) ?? 0;
    if (seen >= FINDINGS_PER_CODE) {
      this.overflow.set(code, (this.overflow.get(code) ?? 0) + 1);
      return;
    }
    this.perCode.set(code, seen + 1);
    this.list.push(finding(code, severity, message, { file: this.file, ...(line > 0 ? { line } : {}), ...extra }));
  }

  /** Keys of a parsed line whose value was NaN (read back as null) or ±Infinity. */
  noteNonFinite(value: unknown, line: number): void {
    if (value === null || typeof value !== 'object') return;
    const keys = Object.entries(value).filter(([, v]) => v === null || v === Infinity || v === -Infinity);
    if (keys.length === 0) return;
    if (this.nonFinite.lines === 0) this.nonFinite.first = line;
    this.nonFinite.lines += 1;
    for (const [key] of keys) this.nonFinite.keys.add(key);
  }

  close(): Finding[] {
    const nf = this.nonFinite;
    if (nf.lines > 0) {
      const keys = [...nf.keys].sort();
      this.list.push(finding('LOG_NON_FINITE', 'info', `${nf.lines} line(s) hold NaN/Infinity (${keys.join(', ')}); read as NaN/±Infinity`, {
        file: this.file, line: nf.first, data: { lines: nf.lines, keys },
      }));
    }
    for (const [code, count] of [...this.overflow].sort()) {
      this.list.push(finding(code, 'info', `${count} more ${code} line(s) not listed`, { file: this.file, data: { count } }));
    }
    return this.list;
  }
}
