export { displayPath } from '../io/fs/display-path.js';
import type { ConvertSummary } from '../core/dataset/convert-summary.js';

/** The human summary of `yw convert` (stdout); findings are printed separately on stderr. */
export function formatConvertSummary(summary: ConvertSummary): string {
  const lines = [
    `${summary.root}: ${summary.layout} layout${summary.splitsFrom ? ` (splits from ${summary.splitsFrom})` : ''}, ${count(summary.classes, 'class', 'classes')} from ${summary.classesSource}`,
  ];
  const width = Math.max(...summary.splits.map((s) => s.name.length));
  for (const split of summary.splits) {
    const bg = split.background ? ` (${split.background} without boxes)` : '';
    lines.push(`  ${split.name.padEnd(width)}  ${count(split.images, 'image')}${bg}, ${count(split.annotations, 'annotation')} -> ${split.file}`);
  }
  lines.push(`total: ${count(summary.images, 'image')}, ${count(summary.annotations, 'annotation')}`);
  const list = (counts: Record<string, number>): string => Object.entries(counts).map(([code, n]) => `${code} ${n}`).join(', ');
  if (Object.keys(summary.dropped).length) lines.push(`label lines dropped: ${list(summary.dropped)}`);
  if (Object.keys(summary.excludedImages).length) lines.push(`images not converted: ${list(summary.excludedImages)}`);
  const f = summary.findings;
  if (f.error + f.warning + f.info > 0) lines.push(`findings: ${count(f.error, 'error')}, ${count(f.warning, 'warning')}, ${f.info} info`);
  return lines.join('\n');
}

/** A path relative to cwd when it lies below it (stable in --json and tests), else absolute. */

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
