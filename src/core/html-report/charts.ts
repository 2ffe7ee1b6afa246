import type { DatasetProfile } from '../dataset/profile-summary.js';
import { BOX_SIDE_BUCKETS } from './collect.js';
import { esc, splitColour } from './model.js';

export interface BarRow {
  label: string;
  /** One value per series, in series order. */
  values: readonly number[];
}

/**
 * Horizontal bars as plain HTML (no script, no canvas): one row per label, one bar per series, all
 * scaled to the largest value in the table so rows compare at a glance.
 */
export function barTable(head: string, series: readonly string[], rows: readonly BarRow[]): string {
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const body = rows.map((row) => {
    const bars = row.values.map((value, i) => {
      const width = value === 0 ? 0 : Math.max(0.5, (value / max) * 100);
      return `<div class="bar-line"><span class="bar" style="width:${width.toFixed(1)}%;background:${splitColour(i)}"></span><span class="n">${value}</span></div>`;
    });
    return `<tr><th scope="row">${esc(row.label)}</th><td>${bars.join('')}</td></tr>`;
  });
  return `${legend(series)}<table class="bars"><thead><tr><th>${esc(head)}</th><th></th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function legend(series: readonly string[]): string {
  const items = series.map((name, i) => `<span class="key"><span class="chip" style="background:${splitColour(i)}"></span>${esc(name)}</span>`);
  return `<p class="legend">${items.join('')}</p>`;
}

/** Boxes per class, one bar per split. */
export function classChart(profile: DatasetProfile): string {
  const names = profile.splits.map((s) => s.name);
  const rows = profile.classes.map((c) => ({ label: `${c.id} ${c.name}`, values: names.map((n) => c.boxes[n] ?? 0) }));
  return barTable('class', names, rows);
}

/** Box side (√ of the COCO area) per split, in BOX_SIDE_BUCKETS. */
export function boxSideChart(profile: DatasetProfile, boxSides: ReadonlyMap<string, readonly number[]>): string {
  const names = profile.splits.map((s) => s.name);
  const rows = BOX_SIDE_BUCKETS.map((from, i) => {
    const to = BOX_SIDE_BUCKETS[i + 1];
    return { label: to === undefined ? `≥ ${from} px` : `${from}–${to} px`, values: names.map((n) => boxSides.get(n)?.[i] ?? 0) };
  });
  return barTable('√area', names, rows);
}

/** Images per boxes-per-image bucket, per split (the profile's histogram, trailing empty buckets cut). */
export function boxesPerImageChart(profile: DatasetProfile): string {
  const names = profile.splits.map((s) => s.name);
  const buckets = profile.total.boxesPerImage.histogram;
  const last = Math.max(0, buckets.findLastIndex((b) => b.images > 0));
  const rows = buckets.slice(0, last + 1).map((b, i) => ({
    label: b.to === undefined ? `${b.from}+` : b.to === b.from ? `${b.from}` : `${b.from}–${b.to}`,
    values: profile.splits.map((s) => s.boxesPerImage.histogram[i]?.images ?? 0),
  }));
  return barTable('boxes in an image', names, rows);
}

/** The COCO small / medium / large counts the text report prints, as a compact table. */
export function areaTable(profile: DatasetProfile): string {
  const rows = [...profile.splits, profile.total].map((s) => `<tr><th scope="row">${esc(s.name)}</th><td>${s.areas.small}</td><td>${s.areas.medium}</td><td>${s.areas.large}</td></tr>`);
  return `<table class="plain"><thead><tr><th>split</th><th>small &lt; 32²</th><th>medium</th><th>large ≥ 96²</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
