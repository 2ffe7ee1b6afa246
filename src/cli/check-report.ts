import { countBySeverity, type Finding } from '../core/findings.js';

/** Report sections, in reading order; a finding goes to the first whose code prefix matches. */
export const CHECK_GROUPS: readonly { title: string; prefixes: readonly string[] }[] = [
  { title: 'Base files', prefixes: ['BASE_'] },
  { title: 'Classes', prefixes: ['CLASSES_', 'METAINFO_'] },
  { title: 'Class texts', prefixes: ['TEXTS_'] },
  { title: 'Class counts', prefixes: ['NUM_CLASSES_'] },
  { title: 'Embeddings', prefixes: ['EMBEDDINGS_'] },
  { title: 'Mask refine', prefixes: ['MASK_REFINE_'] },
  { title: 'Data paths', prefixes: ['ANN_FILE_', 'IMAGES_', 'EVALUATOR_'] },
  { title: 'Checkpoint', prefixes: ['LOAD_FROM_'] },
  { title: 'Schedule', prefixes: ['DYNAMIC_INTERVALS_', 'WARMUP_'] },
  { title: 'Other', prefixes: [''] },
];

export interface CheckSummary {
  config: string;
  reader: 'builtin' | 'mmengine';
  files: number;
  classes?: { count: number; source: string };
}

/** The readable report: how the config was read, then findings grouped with key path and fix. */
export function formatCheckReport(summary: CheckSummary, findings: readonly Finding[]): string {
  const how = summary.reader === 'mmengine' ? 'mmengine (exact)' : `built-in reader (no Python): ${summary.files} file(s)`;
  const lines = [`yw check ${summary.config}`, `  read with ${how}`];
  if (summary.classes) lines.push(`  classes: ${summary.classes.count} (from ${summary.classes.source})`);
  lines.push(...formatFindingGroups(CHECK_GROUPS, findings, (f) => {
    const key = typeof f.data?.key === 'string' ? f.data.key : '';
    const message = key && f.message.startsWith(`${key}: `) ? f.message.slice(key.length + 2) : f.message;
    return { where: key, message };
  }));
  const c = countBySeverity(findings);
  lines.push('', findings.length === 0 ? 'no problems found' : `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`);
  return `${lines.join('\n')}\n`;
}

export type FindingGroups = readonly { title: string; prefixes: readonly string[] }[];

/**
 * Findings grouped under titles (errors first within a group): severity, code and where, then the
 * message and the fix. `limit` caps the findings shown per group (the --report file has them all).
 */
export function formatFindingGroups(
  groups: FindingGroups,
  findings: readonly Finding[],
  label: (f: Finding) => { where: string; message: string },
  limit = Infinity,
): string[] {
  const lines: string[] = [];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const left = [...findings].sort((a, b) => rank[a.severity] - rank[b.severity]);
  for (const group of groups) {
    const mine = left.filter((f) => group.prefixes.some((p) => f.code.startsWith(p)));
    if (mine.length === 0) continue;
    const taken = new Set(mine);
    left.splice(0, left.length, ...left.filter((f) => !taken.has(f)));
    lines.push('', `${group.title} (${mine.length})`);
    for (const f of mine.slice(0, limit)) {
      const { where, message } = label(f);
      lines.push(`  ${f.severity.padEnd(7)} ${f.code}  ${where}`.trimEnd(), `          ${message}`);
      if (f.hint) lines.push(`          fix: ${f.hint}`);
    }
    if (mine.length > limit) lines.push(`  ... and ${mine.length - limit} more (all of them: --report FILE.json)`);
  }
  return lines;
}
