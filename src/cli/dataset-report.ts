import { countBySeverity, sortFindings, type Finding } from '../core/findings.js';
import type { DatasetProfile, SplitProfile } from '../core/dataset/profile-summary.js';
import { formatFindingGroups, type FindingGroups } from './check-report.js';
import { table } from './table.js';

/** Report sections for `yw check <dataset-root>`; a finding goes to the first whose code prefix matches. */
export const DATASET_GROUPS: FindingGroups = [
  { title: 'Layout and splits', prefixes: ['DATA_YAML_', 'DARKNET_DATA_', 'LIST_', 'SPLIT_', 'DUPLICATE_STEM', 'NOT_AN_IMAGE', 'FILE_NAME_'] },
  { title: 'Images', prefixes: ['IMAGE_'] },
  { title: 'Labels', prefixes: ['LABEL_'] },
  { title: 'Classes', prefixes: ['CLASS_'] },
  { title: 'Polygons and mask-refine', prefixes: ['POLYGONS_'] },
  { title: 'Other', prefixes: [''] },
];

/** Findings shown per group in the readable report; `--report FILE` has every one. */
export const FINDINGS_PER_GROUP = 10;

export interface DatasetCheckSummary {
  root: string;
  layout: string;
  classes: { source: string; names: string[] };
  splits: { name: string; dataPrefix: string; images: number }[];
  profile: DatasetProfile;
}

export function formatDatasetReport(summary: DatasetCheckSummary, findings: readonly Finding[]): string {
  const p = summary.profile;
  const lines = [
    `yw check ${summary.root}`,
    `  ${summary.layout} layout, ${summary.classes.names.length} classes from ${summary.classes.source}`,
    '',
    'Splits',
    ...splitTable(p),
    '',
    'Boxes per class',
    ...classTable(p),
    '',
    `Box sizes (COCO area: small < 32², medium < 96², large ≥ 96²)`,
    ...table(['split', 'small', 'medium', 'large'], [...p.splits, p.total].map((s) => [s.name, s.areas.small, s.areas.medium, s.areas.large])),
    '',
    'Boxes per image (all splits)',
    ...histogram(p.total),
    '',
    ...imageSizes(p),
    '',
    polygonLine(p.total),
  ];
  const where = (f: Finding) => ({ where: f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '', message: f.message });
  lines.push(...formatFindingGroups(DATASET_GROUPS, sortFindings(findings), where, FINDINGS_PER_GROUP));
  const c = countBySeverity(findings);
  lines.push('', findings.length === 0 ? 'no problems found' : `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`);
  return `${lines.join('\n')}\n`;
}

function splitTable(p: DatasetProfile): string[] {
  const head = ['split', 'images', 'with boxes', 'background', 'boxes', 'polygons', 'boxes/image min/med/p95/max', `under ${p.limits.minImageSide} px`];
  const row = (s: SplitProfile) => {
    const b = s.boxesPerImage;
    return [s.name, s.images, s.withBoxes, s.background, s.boxes, s.polygons, `${b.min} / ${b.median} / ${b.p95} / ${b.max}`, s.underMinSide];
  };
  return table(head, [...p.splits.map(row), row(p.total)]);
}

function classTable(p: DatasetProfile): string[] {
  const names = p.splits.map((s) => s.name);
  const rows = p.classes.map((c) => [
    `${c.id} ${c.name}`,
    ...names.map((n) => c.boxes[n] ?? 0),
    c.totalBoxes,
    names.reduce((sum, n) => sum + (c.images[n] ?? 0), 0),
  ]);
  return table(['class', ...names, 'total', 'images'], rows);
}

function histogram(total: SplitProfile): string[] {
  const buckets = total.boxesPerImage.histogram;
  const last = buckets.findLastIndex((b) => b.images > 0);
  const rows = buckets.slice(0, last + 1).map((b) => [b.to === undefined ? `${b.from}+` : b.to === b.from ? `${b.from}` : `${b.from}-${b.to}`, b.images]);
  return table(['boxes', 'images'], rows);
}

function imageSizes(p: DatasetProfile): string[] {
  const s = p.imageSizes;
  const other = s.other ? ` (+${s.other} images beyond the first ${s.distinct} sizes)` : '';
  const range = (lo: number, hi: number) => (lo === hi ? `${lo}` : `${lo}-${hi}`);
  const head = `Image sizes: ${s.distinct} distinct${other}; width ${range(s.min.width, s.max.width)} px, height ${range(s.min.height, s.max.height)} px`;
  return [head, ...table(['width x height', 'images'], s.top.map((t) => [`${t.width} x ${t.height}`, t.images]))];
}

function polygonLine(t: SplitProfile): string {
  if (t.boxes === 0) return 'Polygons: no annotations';
  const what = { all: `all ${t.boxes} annotations are polygons; mask-refine configs can use them`, some: `${t.polygons} of ${t.boxes} annotations are polygons; mask-refine would drop the other ${t.boxesOnly}`, none: `0 of ${t.boxes} annotations are polygons; mask-refine would drop them all, so train without it` };
  return `Polygons: ${t.polygonPresence} — ${what[t.polygonPresence]}`;
}
