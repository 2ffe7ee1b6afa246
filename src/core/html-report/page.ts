import { countBySeverity } from '../findings.js';
import { areaTable, boxesPerImageChart, boxSideChart, classChart } from './charts.js';
import type { ReportImage } from './collect.js';
import { classSamples, imageCard, thumbnailRules } from './gallery.js';
import { esc, plural, type PageFinding, type ReportInput } from './model.js';
import { REPORT_CSS } from './styles.js';

/** Findings listed in the page; the `--report` JSON has them all. */
export const MAX_FINDING_ROWS = 1000;

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The whole report as one HTML document. Self-contained: CSS inline, thumbnails as data: URIs, no
 * script, and a Content-Security-Policy that forbids the page any network access.
 */
export function renderReportPage(input: ReportInput): string {
  const names = new Map(input.classes.map((c) => [c.id, c.name]));
  const p = input.profile;
  const findings = [...input.findings].sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity]);
  const sections = [
    section('findings', `Findings (${findings.length})`, findingsTable(findings)),
    section('classes', 'Boxes per class and split', classChart(p)),
    section('sizes', 'Box sizes (√ of the COCO area, display-frame px)', `${boxSideChart(p, input.collected.boxSides)}${areaTable(p)}`),
    section('per-image', 'Boxes per image', boxesPerImageChart(p)),
    section('samples', 'Samples per class', samples(input, names)),
    section('finding-images', 'Images named by findings', findingCards(input, findings, names)),
  ];
  const title = `yw check ${input.root}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${REPORT_CSS}${thumbnailRules(input.thumbnails)}
</style>
</head>
<body>
${header(input, title)}
<nav>${['findings', 'classes', 'sizes', 'per-image', 'samples', 'finding-images'].map((id, i) => `<a href="#${id}">${esc(NAV[i]!)}</a>`).join('')}</nav>
<main>
${sections.join('\n')}
</main>
<footer>${esc(`${input.generator} · every drawing is in the frame mmcv decodes (JPEG/PNG EXIF orientation applied, WebP/TIFF not)`)}</footer>
</body>
</html>
`;
}

const NAV = ['Findings', 'Classes', 'Box sizes', 'Boxes per image', 'Samples', 'Finding images'];

function section(id: string, title: string, body: string): string {
  return `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
}

function header(input: ReportInput, title: string): string {
  const t = input.profile.total;
  const c = countBySeverity(input.findings.map((f) => f.finding));
  const sizes = input.profile.imageSizes;
  return `<header><h1>${esc(title)}</h1>
<p>${esc(`${input.layout} layout · ${plural(input.classes.length, 'class', 'classes')} from ${input.classesSource} · splits: ${input.profile.splits.map((s) => `${s.name} (${s.images})`).join(', ')}`)}</p>
<p class="counts"><span>${plural(t.images, 'image', 'images')}</span><span>${plural(t.boxes, 'box', 'boxes')} (${plural(t.polygons, 'polygon', 'polygons')})</span><span>${t.background} background</span><span>${plural(sizes.distinct, 'image size', 'image sizes')}</span>
${badge('error', plural(c.error, 'error', 'errors'), c.error)} ${badge('warning', plural(c.warning, 'warning', 'warnings'), c.warning)} ${badge('info', `${c.info} info`, c.info)}</p></header>`;
}

/** A severity count; a zero is shown faded, so that "0 errors" does not look like an alarm. */
function badge(severity: string, text: string, count: number): string {
  return `<span class="sev ${severity}${count === 0 ? ' zero' : ''}">${text}</span>`;
}

function findingsTable(findings: readonly PageFinding[]): string {
  if (findings.length === 0) return '<p class="empty">no problems found</p>';
  const rows = findings.slice(0, MAX_FINDING_ROWS).map(({ finding: f, href }) => {
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';
    const file = href ? `<a href="${esc(href)}">${esc(where)}</a>` : esc(where);
    const hint = f.hint ? `<div class="hint">fix: ${esc(f.hint)}</div>` : '';
    return `<tr class="${f.severity}"><td><span class="sev ${f.severity}">${f.severity}</span></td><td><code>${esc(f.code)}</code></td><td>${file}</td><td>${esc(f.message)}${hint}</td></tr>`;
  });
  const more = findings.length > MAX_FINDING_ROWS ? `<p class="muted">… and ${findings.length - MAX_FINDING_ROWS} more: run with --report FILE.json to see them all</p>` : '';
  return `<table class="findings"><tbody>${rows.join('')}</tbody></table>${more}`;
}

function samples(input: ReportInput, names: ReadonlyMap<number, string>): string {
  const byId = new Map(input.collected.images.map((i) => [i.id, i]));
  return input.profile.classes.map((c) => {
    const ids = input.collected.samples.get(c.id) ?? [];
    const cards = ids.map((id) => byId.get(id)).filter((i): i is ReportImage => i !== undefined).map((i) => imageCard(i, names, input.thumbnails.get(i.id)));
    const images = Object.values(c.images).reduce((a, b) => a + b, 0);
    return classSamples({ id: c.id, name: c.name, boxes: c.totalBoxes, images }, cards);
  }).join('');
}

/** One card per image findings link to, with those findings listed under it. */
function findingCards(input: ReportInput, findings: readonly PageFinding[], names: ReadonlyMap<number, string>): string {
  const named = input.collected.images.filter((i) => i.named);
  if (named.length === 0) return '<p class="empty">no finding names an image</p>';
  const notes = new Map<string, string[]>();
  for (const { finding: f, href } of findings) {
    if (!href?.startsWith('#')) continue;
    const list = notes.get(href.slice(1)) ?? [];
    list.push(`${f.code}${f.line ? ` (line ${f.line})` : ''}`);
    notes.set(href.slice(1), list);
  }
  const cards = named.map((i) => imageCard(i, names, input.thumbnails.get(i.id), { anchor: true, notes: notes.get(i.id) ?? [] }));
  return `<div class="grid">${cards.join('')}</div>`;
}
