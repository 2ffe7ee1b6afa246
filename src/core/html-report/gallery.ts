import type { ReportImage, ReportShape } from './collect.js';
import { classColour, esc, plural, type Thumbnail } from './model.js';

/** Number text for SVG attributes: shapes are already rounded to 1/100 px. */
const num = (n: number): string => String(n);

/**
 * One CSS rule per thumbnail: an image shown in several places (a sample of two classes, a finding card)
 * is embedded once and referenced by class name.
 */
export function thumbnailRules(thumbnails: ReadonlyMap<string, Thumbnail>): string {
  const rules: string[] = [];
  for (const [id, thumb] of thumbnails) {
    if ('dataUri' in thumb) rules.push(`.t-${id}{background-image:url("${thumb.dataUri}")}`);
  }
  return rules.join('\n');
}

/**
 * An image with its boxes and polygons drawn over it. The SVG's viewBox is the display frame in pixels
 * (the frame the labels and the trainer use), stretched over the thumbnail of the same aspect.
 */
export function imageCard(image: ReportImage, names: ReadonlyMap<number, string>, thumb: Thumbnail | undefined, options: { anchor?: boolean; notes?: readonly string[] } = {}): string {
  const missing = thumb === undefined || 'missing' in thumb;
  const why = thumb && 'missing' in thumb ? thumb.missing : 'not generated';
  const shapes = image.shapes.map((s) => shapeSvg(s, names.get(s.classId) ?? `class ${s.classId}`)).join('');
  const svg = `<svg viewBox="0 0 ${image.width} ${image.height}" preserveAspectRatio="none" role="img" aria-label="${image.shapes.length} annotations">${shapes}</svg>`;
  const frame = `<div class="thumb${missing ? ' missing' : ` t-${image.id}`}" style="${displaySize(image)}">${missing ? `<span>no preview: ${esc(why)}</span>` : ''}${svg}</div>`;
  const count = plural(image.shapes.length, 'box', 'boxes');
  const notes = options.notes?.length ? `<ul class="notes">${options.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  const id = options.anchor ? ` id="${image.id}"` : '';
  return `<figure class="card"${id}>${frame}<figcaption><span class="path">${esc(image.path)}</span><span class="meta">${esc(image.split)} · ${image.width}×${image.height} · ${count}</span>${notes}</figcaption></figure>`;
}

/** Cards fit their image in CARD_BOX px (small images scaled up, so a 24 px image is still visible). */
export const CARD_BOX = { width: 220, height: 180 } as const;

function displaySize(image: ReportImage): string {
  const scale = Math.min(CARD_BOX.width / image.width, CARD_BOX.height / image.height);
  return `width:${Math.max(1, Math.round(image.width * scale))}px;height:${Math.max(1, Math.round(image.height * scale))}px`;
}

function shapeSvg(shape: ReportShape, name: string): string {
  const colour = classColour(shape.classId);
  const title = `<title>${esc(name)} (line ${shape.line})</title>`;
  if (shape.kind === 'polygon' && shape.polygon) {
    const points = [];
    for (let i = 0; i + 1 < shape.polygon.length; i += 2) points.push(`${num(shape.polygon[i]!)},${num(shape.polygon[i + 1]!)}`);
    return `<polygon points="${points.join(' ')}" stroke="${colour}" fill="${colour}">${title}</polygon>`;
  }
  const [x, y, w, h] = shape.bbox as [number, number, number, number];
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" stroke="${colour}">${title}</rect>`;
}

/** The sample grid of one class: its heading, then its sample images (or why there are none). */
export function classSamples(cls: { id: number; name: string; boxes: number; images: number }, cards: readonly string[]): string {
  const colour = classColour(cls.id);
  const head = `<h3><span class="swatch" style="border-color:${colour}"></span>${esc(`${cls.id} ${cls.name}`)} <small>${plural(cls.boxes, 'box', 'boxes')} in ${plural(cls.images, 'image', 'images')}</small></h3>`;
  const body = cards.length ? `<div class="grid">${cards.join('')}</div>` : '<p class="empty">no boxes of this class in any split</p>';
  return `<section class="class">${head}${body}</section>`;
}
