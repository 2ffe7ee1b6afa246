import type { DatasetProfile } from '../dataset/profile-summary.js';
import type { Finding } from '../findings.js';
import type { CollectedReport, ReportImage } from './collect.js';

/** A thumbnail as the page embeds it, or why there is none (the boxes are still drawn). */
export type Thumbnail = { dataUri: string } | { missing: string };

/** A finding as the page lists it: the file as the user typed it, and where its link goes. */
export interface PageFinding {
  finding: Finding;
  /** `#img-3` (a drawn card in the page) or a relative link to the file itself. */
  href?: string;
}

/** Everything `renderReportPage` draws; built by the CLI from `yw check`'s own results. */
export interface ReportInput {
  root: string;
  layout: string;
  classesSource: string;
  classes: readonly { id: number; name: string }[];
  profile: DatasetProfile;
  collected: CollectedReport;
  /** Image id → its thumbnail. */
  thumbnails: ReadonlyMap<string, Thumbnail>;
  findings: readonly PageFinding[];
  /** Shown in the footer ("yw 0.1.0"); no date, so the same input gives the same bytes. */
  generator: string;
}

/** Twenty colours that stay apart on photos (Sasha Trubetskoy's list); class id N takes colour N mod 20. */
export const CLASS_COLOURS = [
  '#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe',
  '#008080', '#e6beff', '#9a6324', '#fffac8', '#800000', '#aaffc3', '#808000', '#ffd8b1', '#000075', '#808080',
] as const;

/** Split bars are blue-greys, apart from the saturated class colours that boxes are drawn in. */
export const SPLIT_COLOURS = ['#37474f', '#78909c', '#b0bec5', '#546e7a', '#90a4ae'] as const;

export function classColour(id: number): string {
  return CLASS_COLOURS[((id % CLASS_COLOURS.length) + CLASS_COLOURS.length) % CLASS_COLOURS.length]!;
}

export function splitColour(index: number): string {
  return SPLIT_COLOURS[index % SPLIT_COLOURS.length]!;
}

/**
 * Where a finding's file is drawn: the card of the image it names (its image file or its label file),
 * when that image was kept for findings. Files are root-relative, as findings carry them before the
 * CLI prefixes the root.
 */
export function cardIndex(collected: CollectedReport): Map<string, ReportImage> {
  const index = new Map<string, ReportImage>();
  for (const image of collected.images) {
    if (!image.named) continue;
    if (!index.has(image.path)) index.set(image.path, image);
    if (image.labelPath !== undefined && !index.has(image.labelPath)) index.set(image.labelPath, image);
  }
  return index;
}

/** `1 box`, `2 boxes`. */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value for HTML/SVG: every character that could end a tag or an attribute is escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
