import { finding, type Finding, type Severity } from '../findings.js';

/** A check finding: the message starts with the key path, `data.key` holds it for --json/--report. */
export function issue(
  configFile: string,
  code: string,
  severity: Severity,
  key: string,
  message: string,
  hint: string,
  data: Record<string, unknown> = {},
): Finding {
  return finding(code, severity, `${key}: ${message}`, { file: configFile, hint, data: { key, ...data } });
}

export function quoteList(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `'${n}'`).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
