export const SPARK_BARS = '▁▂▃▄▅▆▇█';

/** One bar per value, scaled between the finite min and max; NaN/±Infinity print as a space. */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return ' '.repeat(values.length);
  const min = Math.min(...finite);
  const span = Math.max(...finite) - min;
  const top = SPARK_BARS.length - 1;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return ' ';
      const level = span === 0 ? top : Math.round(((v - min) / span) * top);
      return SPARK_BARS[level] ?? ' ';
    })
    .join('');
}
