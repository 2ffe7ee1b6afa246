import { niceScale, type Scale } from './ticks.js';

export interface PlotSeries {
  name: string;
  points: { epoch: number; value: number }[];
}

export interface PlotInput {
  title: string;
  /** The first series is the ranked metric; the best marker sits on it. */
  metrics: PlotSeries[];
  loss: { epoch: number; loss: number }[];
  best: { epoch: number; value: number };
  /** The checkpoint used instead of the best epoch's own (drawn only when set). */
  checkpoint?: { epoch: number; label: string };
}

const W = 860;
const H = 480;
const BOX = { left: 70, right: W - 80, top: 78, bottom: H - 56 };
const COLORS = ['#1f5fbf', '#2a9d4b', '#8e44ad', '#c0392b', '#7f8c8d', '#b8860b'];
const LOSS_COLOR = '#e67e22';
const BEST_COLOR = '#d62728';
const FONT = 'font-family="sans-serif"';

const r1 = (n: number): string => String(Math.round(n * 10) / 10);
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A self-contained SVG (no scripts, no external fonts): the metric(s) per validated epoch on the left
 * axis, the mean train loss per epoch on the right axis, the best epoch marked. Deterministic text.
 * Values of -1 (COCO's "no ground truth in this area range") and NaN are left out of the lines.
 */
export function renderPlotSvg(input: PlotInput): string {
  const metrics = input.metrics.map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.value) && p.value !== -1) }));
  const loss = input.loss.filter((p) => Number.isFinite(p.loss));
  // Ranges by loops, not Math.max(...list): a log can hold a million validations (stack overflow).
  const epochs = extent([input.best.epoch, 1], ...metrics.map((s) => s.points.map((p) => p.epoch)), loss.map((p) => p.epoch));
  const xs = niceScale(0, epochs.max, 8);
  const values = extent([input.best.value], ...metrics.map((s) => s.points.map((p) => p.value)));
  const ys = niceScale(values.min, values.max, 5);
  const losses = extent([], loss.map((p) => p.loss));
  const ls = loss.length > 0 ? niceScale(losses.min, losses.max, 5) : undefined;
  const x = (e: number): number => BOX.left + ((e - xs.min) / (xs.max - xs.min)) * (BOX.right - BOX.left);
  const y = (v: number, s: Scale): number => BOX.bottom - ((v - s.min) / (s.max - s.min)) * (BOX.bottom - BOX.top);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${BOX.left}" y="28" ${FONT} font-size="17" font-weight="bold" fill="#222">${esc(input.title)}</text>`,
    ...grid(xs, ys, x, y),
    ...axes(xs, ys, ls, x, y),
  ];
  if (ls) parts.push(polyline(loss.map((p) => [x(p.epoch), y(p.loss, ls)]), LOSS_COLOR, '6 4', 1.8));
  metrics.forEach((s, i) => {
    for (const part of series(s, COLORS[i % COLORS.length] ?? '#000', x, (v) => y(v, ys))) parts.push(part);
  });
  const markers = [...(input.checkpoint ? checkpointMarker(input.checkpoint, x) : []), ...bestMarker(input.best, x, (v) => y(v, ys))];
  // labels after all marker lines, so that no line crosses a label
  const isLabel = (m: string): boolean => m.startsWith('<text') || m.startsWith('<rect');
  parts.push(...markers.filter((m) => !isLabel(m)), ...markers.filter(isLabel));
  parts.push(...legend(metrics.map((s) => s.name), ls !== undefined), '</svg>');
  return `${parts.join('\n')}\n`;
}

type Fx = (v: number) => number;

function grid(xs: Scale, ys: Scale, x: Fx, y: (v: number, s: Scale) => number): string[] {
  const lines = ys.ticks.map((t) => `<line x1="${BOX.left}" y1="${r1(y(t, ys))}" x2="${BOX.right}" y2="${r1(y(t, ys))}" stroke="#e4e4e4"/>`);
  const vlines = xs.ticks.map((t) => `<line x1="${r1(x(t))}" y1="${BOX.top}" x2="${r1(x(t))}" y2="${BOX.bottom}" stroke="#f0f0f0"/>`);
  return [...vlines, ...lines];
}

function axes(xs: Scale, ys: Scale, ls: Scale | undefined, x: Fx, y: (v: number, s: Scale) => number): string[] {
  const out = [`<rect x="${BOX.left}" y="${BOX.top}" width="${BOX.right - BOX.left}" height="${BOX.bottom - BOX.top}" fill="none" stroke="#444"/>`];
  for (const t of xs.ticks) {
    out.push(`<line x1="${r1(x(t))}" y1="${BOX.bottom}" x2="${r1(x(t))}" y2="${BOX.bottom + 5}" stroke="#444"/>`);
    out.push(`<text x="${r1(x(t))}" y="${BOX.bottom + 20}" ${FONT} font-size="12" text-anchor="middle" fill="#333">${t.toFixed(xs.decimals)}</text>`);
  }
  for (const t of ys.ticks) {
    out.push(`<line x1="${BOX.left - 5}" y1="${r1(y(t, ys))}" x2="${BOX.left}" y2="${r1(y(t, ys))}" stroke="#444"/>`);
    out.push(`<text x="${BOX.left - 8}" y="${r1(y(t, ys) + 4)}" ${FONT} font-size="12" text-anchor="end" fill="#333">${t.toFixed(ys.decimals)}</text>`);
  }
  for (const t of ls?.ticks ?? []) {
    if (!ls) break;
    out.push(`<line x1="${BOX.right}" y1="${r1(y(t, ls))}" x2="${BOX.right + 5}" y2="${r1(y(t, ls))}" stroke="${LOSS_COLOR}"/>`);
    out.push(`<text x="${BOX.right + 8}" y="${r1(y(t, ls) + 4)}" ${FONT} font-size="12" fill="${LOSS_COLOR}">${t.toFixed(ls.decimals)}</text>`);
  }
  const midY = (BOX.top + BOX.bottom) / 2;
  out.push(`<text x="${(BOX.left + BOX.right) / 2}" y="${H - 14}" ${FONT} font-size="13" text-anchor="middle" fill="#333">epoch</text>`);
  out.push(`<text x="18" y="${midY}" ${FONT} font-size="13" text-anchor="middle" fill="#333" transform="rotate(-90 18 ${midY})">metric</text>`);
  if (ls) out.push(`<text x="${W - 16}" y="${midY}" ${FONT} font-size="13" text-anchor="middle" fill="${LOSS_COLOR}" transform="rotate(90 ${W - 16} ${midY})">train loss (mean per epoch)</text>`);
  return out;
}

function polyline(points: [number, number][], color: string, dash: string, width: number): string {
  const d = points.map(([px, py]) => `${r1(px)},${r1(py)}`).join(' ');
  const dashAttr = dash ? ` stroke-dasharray="${dash}"` : '';
  return `<polyline points="${d}" fill="none" stroke="${color}" stroke-width="${width}"${dashAttr} stroke-linejoin="round"/>`;
}

/** Dots on a line up to this many points; more would merge into a smear 700 px wide (the line stays). */
const MAX_DOTS = 200;

function series(s: PlotSeries, color: string, x: Fx, y: Fx): string[] {
  const pts: [number, number][] = s.points.map((p) => [x(p.epoch), y(p.value)]);
  const dots = pts.length > MAX_DOTS ? [] : pts.map(([px, py]) => `<circle cx="${r1(px)}" cy="${r1(py)}" r="2.8" fill="${color}"/>`);
  return [polyline(pts, color, '', 2.2), ...dots];
}

/** Smallest and largest of all the lists. */
function extent(...lists: number[][]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const list of lists) {
    for (const v of list) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

function bestMarker(best: { epoch: number; value: number }, x: Fx, y: Fx): string[] {
  const bx = r1(x(best.epoch));
  const by = y(best.value);
  const anchor = x(best.epoch) > (BOX.left + BOX.right) / 2 ? 'end' : 'start';
  const dx = anchor === 'end' ? -8 : 8;
  return [
    `<line x1="${bx}" y1="${BOX.top}" x2="${bx}" y2="${BOX.bottom}" stroke="${BEST_COLOR}" stroke-dasharray="3 3"/>`,
    `<circle cx="${bx}" cy="${r1(by)}" r="6" fill="none" stroke="${BEST_COLOR}" stroke-width="2.2"/>`,
    `<text x="${r1(x(best.epoch) + dx)}" y="${r1(Math.max(BOX.top + 14, by - 10))}" ${FONT} font-size="13" font-weight="bold" text-anchor="${anchor}" fill="${BEST_COLOR}">best ${best.value} @ epoch ${best.epoch}</text>`,
  ];
}

function checkpointMarker(c: { epoch: number; label: string }, x: Fx): string[] {
  const cx = r1(x(c.epoch));
  const anchor = x(c.epoch) > (BOX.left + BOX.right) / 2 ? 'end' : 'start';
  const dx = anchor === 'end' ? -6 : 6;
  // an estimated text box, white, so that no line crosses the label (librsvg has no paint-order halo)
  const width = c.label.length * 6.6 + 6;
  const left = anchor === 'end' ? x(c.epoch) + dx - width + 3 : x(c.epoch) + dx - 3;
  return [
    `<line x1="${cx}" y1="${BOX.top}" x2="${cx}" y2="${BOX.bottom}" stroke="#555" stroke-dasharray="1 3" stroke-width="1.5"/>`,
    `<rect x="${r1(left)}" y="${BOX.bottom - 22}" width="${r1(width)}" height="18" fill="#ffffff" fill-opacity="0.9"/>`,
    `<text x="${r1(x(c.epoch) + dx)}" y="${BOX.bottom - 8}" ${FONT} font-size="12" text-anchor="${anchor}" fill="#555">${esc(c.label)}</text>`,
  ];
}

function legend(names: string[], withLoss: boolean): string[] {
  const items = [...names.map((n, i) => ({ name: n, color: COLORS[i % COLORS.length] ?? '#000', dash: '' })),
    ...(withLoss ? [{ name: 'train loss', color: LOSS_COLOR, dash: '6 4' }] : [])];
  const out: string[] = [];
  let at = BOX.left;
  for (const item of items) {
    out.push(polyline([[at, 52], [at + 24, 52]], item.color, item.dash, 2.5));
    out.push(`<text x="${at + 30}" y="56" ${FONT} font-size="12" fill="#333">${esc(item.name)}</text>`);
    at += 44 + item.name.length * 7;
  }
  return out;
}
