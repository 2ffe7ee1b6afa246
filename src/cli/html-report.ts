import { dirname, join, relative, sep } from 'node:path';
import type { DatasetScan } from './dataset-scan.js';
import type { Output } from './output.js';
import { underRoot } from './under-root.js';
import { version } from './version.js';
import type { ConversionPlan } from '../core/dataset/convert.js';
import { sortFindings } from '../core/findings.js';
import { cardIndex, type PageFinding } from '../core/html-report/model.js';
import { renderReportPage } from '../core/html-report/page.js';
import { writeFileAtomic } from '../io/fs/atomic-write.js';
import { makeThumbnails } from '../io/images/thumbnail.js';

/** What the page is to the run (an output that may not share its path with --report). */
export const HTML_ROLE = '--html page';

export interface HtmlReportOptions {
  /** Absolute path of the .html file. */
  path: string;
  force: boolean;
  /** For the "already exists" hint, e.g. `yw check`. */
  command: string;
}

/**
 * Writes the HTML report of a dataset scan made with `collect: true` (`yw check <root> --html`; any
 * command that scans a dataset can call it the same way): thumbnails with sharp, the page from core,
 * one atomic write.
 */
export async function writeHtmlReport(out: Output, scan: DatasetScan, options: HtmlReportOptions): Promise<void> {
  const collected = scan.collected;
  if (!collected) throw new Error('writeHtmlReport needs a scan made with collect: true');
  const base = scan.rootAbs.endsWith(sep) ? scan.rootAbs : `${scan.rootAbs}${sep}`;
  const bar = out.progress(collected.images.length, 'drawing thumbnails');
  const thumbnails = await makeThumbnails(new Map(collected.images.map((i) => [i.id, base + i.path])), () => bar.increment());
  bar.stop();
  const html = renderReportPage({
    root: scan.summary.root,
    layout: scan.summary.layout,
    classesSource: scan.summary.classes.source,
    classes: [...scan.plan.classes].sort((a, b) => a.id - b.id),
    profile: scan.summary.profile,
    collected,
    thumbnails,
    findings: pageFindings(scan, options.path),
    generator: `yw ${version}`,
  });
  await writeFileAtomic(options.path, html, { force: options.force, command: options.command, role: HTML_ROLE });
}

/**
 * Findings as the page lists them: the file as the user typed it, linked to the card of the image it
 * names (by image or label path), else to the image file itself relative to the report.
 */
function pageFindings(scan: DatasetScan, htmlPath: string): PageFinding[] {
  const cards = cardIndex(scan.collected!);
  const images = imageOfFile(scan.plan);
  const from = dirname(htmlPath);
  return sortFindings(scan.findings).map((raw) => {
    const finding = underRoot(raw, scan.summary.root);
    const card = raw.file === undefined ? undefined : cards.get(raw.file);
    if (card) return { finding, href: `#${card.id}` };
    const image = raw.file === undefined ? undefined : images.get(raw.file);
    if (image === undefined) return { finding };
    const rel = relative(from, join(scan.rootAbs, image)).split(sep).map(encodeURIComponent).join('/');
    return { finding, href: rel };
  });
}

/** Every planned image by its own path and by its label file's path. */
function imageOfFile(plan: ConversionPlan): Map<string, string> {
  const map = new Map<string, string>();
  for (const split of plan.splits) {
    for (const image of split.images) {
      map.set(image.path, image.path);
      if (image.labelPath !== undefined) map.set(image.labelPath, image.path);
    }
  }
  return map;
}
