export const SPARK_BARS = '▁▂▃▄▅▆▇█';
/** Bars at most: one line of a terminal. More values are averaged in equal groups, one bar each. */
export const MAX_SPARK_BARS = 100;

/**
 * One bar per value (per group of values beyond MAX_SPARK_BARS), scaled between the finite min and
 * max; NaN/±Infinity (a group without a finite value) print as a space. Plain loops, no spread: a
 * log can hold a million validations.
 */
export function sparkline(values: readonly number[]): string {
  const bars = values.length > MAX_SPARK_BARS ? groupMeans(values, MAX_SPARK_BARS) : values;
  let min = Infinity;
  let max = -Infinity;
  for (const v of bars) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return ' '.repeat(bars.length);
  const span = max - min;
  const top = SPARK_BARS.length - 1;
  let out = '';
  for (const v of bars) {
    const level = !Number.isFinite(v) ? -1 : span === 0 ? top : Math.round(((v - min) / span) * top);
    out += SPARK_BARS[level] ?? ' ';
  }
  return out;
}

/** `count` means of consecutive, nearly equal groups of `values` (finite values only; NaN for none). */
function groupMeans(values: readonly number[], count: number): number[] {
  const means: number[] = [];
  for (let g = 0; g < count; g++) {
    const from = Math.floor((g * values.length) / count);
    const to = Math.floor(((g + 1) * values.length) / count);
    let sum = 0;
    let n = 0;
    for (let i = from; i < to; i++) {
      const v = values[i]!;
      if (Number.isFinite(v)) {
        sum += v;
        n += 1;
      }
    }
    means.push(n === 0 ? Number.NaN : sum / n);
  }
  return means;
}
