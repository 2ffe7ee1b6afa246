/** A plain aligned text table: the first column left-aligned, the others right-aligned (numbers). */
export function table(head: readonly string[], rows: readonly (readonly (string | number)[])[], indent = '  '): string[] {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  return cells.map((row) => indent + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
}
