export interface Scale {
  min: number;
  max: number;
  ticks: number[];
  /** Decimals that print every tick distinctly. */
  decimals: number;
}

/** "Nice" axis bounds and ticks (steps of 1, 2 or 5 × 10^k) covering [lo, hi] with about `count` ticks. */
export function niceScale(lo: number, hi: number, count = 5): Scale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return niceScale(0, 1, count);
  if (hi - lo < 1e-12) return niceScale(lo - (Math.abs(lo) * 0.1 || 0.5), hi + (Math.abs(hi) * 0.1 || 0.5), count);
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const min = Number((Math.floor(lo / step + 1e-9) * step).toFixed(decimals));
  const max = Number((Math.ceil(hi / step - 1e-9) * step).toFixed(decimals));
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Number(t.toFixed(decimals)));
  return { min, max, ticks, decimals };
}
