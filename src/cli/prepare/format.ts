import { posix } from 'node:path';
import type { CheckSummary } from '../check-report.js';
import type { DatasetCheckSummary } from '../dataset-report.js';
import type { ConfigPlan } from '../config/run.js';
import type { CocoSummary } from '../../core/dataset/coco-summary.js';
import type { ConvertSummary } from '../../core/dataset/convert-summary.js';
import { stepLines, type NextStep } from '../../core/config/next-steps.js';
import { countBySeverity, type Finding } from '../../core/findings.js';

/** yw prepare's result: every step's own summary, and what the run as a whole says. */
export interface PrepareSummary {
  dataset: string;
  yolo_world: string;
  /** The val split held out of train, or null when the dataset had its splits. */
  held_out: { fraction: number; seed: string; train: number; val: number } | null;
  /** The separate commands that write the same files and report the same findings. */
  commands: string[];
  convert: ConvertSummary;
  /** yw check <dataset>'s summary (with the profile). */
  profile: DatasetCheckSummary;
  texts: { source: string; order_from: string; classes: string[][]; out: string };
  config: ConfigPlan['result'];
  /** The config as shown (relative to the cwd when inside it). */
  config_file: string;
  check: CheckSummary;
  /** The --html page as shown, or null. */
  html: string | null;
  mask_refine: { on: boolean; why: string };
  /** Every file written, as shown (relative to the cwd when inside it). */
  written: string[];
  /** As yw config --json gives them: the command and, for some, a note (GPU, AMP). */
  next_steps: NextStep[];
  /** Error findings about files that do not exist yet and that a next step makes. */
  pending: { code: string; file: string; step: string }[];
}

/** Why mask-refine is on or off, from the train split as yw config reads it. */
export function maskRefineWhy(on: boolean, requested: boolean | undefined, train: CocoSummary): string {
  const n = train.annotations;
  const p = train.withPolygon;
  if (requested === true) return `--mask-refine: all ${n} train annotations have a polygon`;
  if (requested === false) return `--no-mask-refine${p > 0 ? ` (${p} of ${n} train annotations have a polygon)` : ''}`;
  if (on) return `all ${n} train annotations have a polygon, which the mask-refine base trains with`;
  if (n === 0) return 'train has no annotations';
  return `${p} of ${n} train annotations have a polygon, and a mask-refine base drops every box without one (YOLO-World issue #185)`;
}

/** Findings of a file not there yet (weights, embeddings) that a next step makes: the step is named. */
export function pendingFindings(findings: readonly Finding[], steps: readonly NextStep[]): PrepareSummary['pending'] {
  const pending: PrepareSummary['pending'] = [];
  for (const f of findings) {
    const file = f.data?.file;
    if (f.severity !== 'error' || !f.code.endsWith('_NOT_FOUND') || typeof file !== 'string') continue;
    const step = steps.map((s) => s.command).find((s) => !/tools\/train\.py/.test(s) && s.includes(posix.basename(file)));
    if (step !== undefined) pending.push({ code: f.code, file, step });
  }
  return pending;
}

/** The one summary yw prepare ends with (stdout); the findings themselves go to stderr. */
export function formatPrepareSummary(s: PrepareSummary, findings: readonly Finding[], reportPath?: string): string {
  const c = s.convert;
  const lines = [
    `yw prepare ${s.dataset}: ${c.layout} layout${c.splitsFrom ? ` (splits from ${c.splitsFrom})` : ''}, ${count(c.classes, 'class', 'classes')} from ${c.classesSource}`,
    `  dataset: ${profileLine(s.profile)}`,
  ];
  if (s.held_out) {
    const h = s.held_out;
    lines.push(`  held-out val: ${h.val} of ${h.train + h.val} train images (--val-fraction ${h.fraction}, seed ${h.seed}: the same images every run)`);
  }
  lines.push('wrote', ...table(writtenRows(s)));
  lines.push(`mask-refine ${s.mask_refine.on ? 'on' : 'off'}: ${s.mask_refine.why}`);
  const n = countBySeverity(findings);
  const where = reportPath ? `all of them in ${reportPath}` : 'above; all of them: --report FILE.json';
  lines.push(findings.length === 0 ? 'findings: none' : `findings: ${count(n.error, 'error')}, ${count(n.warning, 'warning')}, ${n.info} info (${where})`);
  for (const p of s.pending) lines.push(`  ${p.code} ${p.file}: not there yet; a next step makes it`);
  lines.push(`next steps (from the YOLO-World root${s.yolo_world === '.' ? '' : ` ${s.yolo_world}`}):`, ...stepLines(s.next_steps));
  return lines.join('\n');
}

function profileLine(summary: DatasetCheckSummary): string {
  const p = summary.profile;
  const per = (key: 'images' | 'boxes') => p.splits.map((split) => `${split.name} ${split[key]}`).join(', ');
  const t = p.total;
  const background = t.background ? `, ${count(t.background, 'background image')}` : '';
  return `${count(t.images, 'image')} (${per('images')}), ${count(t.boxes, 'box', 'boxes')} (${per('boxes')}), ${count(t.polygons, 'polygon')}${background}; boxes/image median ${t.boxesPerImage.median}, max ${t.boxesPerImage.max}`;
}

function writtenRows(s: PrepareSummary): [string, string][] {
  const rows: [string, string][] = s.convert.splits.map((split) => [split.file, `${count(split.images, 'image')}, ${count(split.annotations, 'annotation')}`]);
  rows.push([s.texts.out, `${count(s.texts.classes.length, 'class', 'classes')}, order from ${s.texts.order_from}`]);
  rows.push([s.config_file, `mode ${s.config.mode}, size ${s.config.size}, ${s.config.base === null ? 'standalone' : 'inherit'}`]);
  if (s.html !== null) rows.push([s.html, 'dataset report page (--html)']);
  return rows;
}

function table(rows: readonly [string, string][]): string[] {
  const width = Math.max(...rows.map(([path]) => path.length));
  return rows.map(([path, what]) => `  ${path.padEnd(width)}  ${what}`);
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
