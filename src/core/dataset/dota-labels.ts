import { finding, type Finding } from '../findings.js';
import type { ImageSize } from './model.js';

/**
 * Rewrites a DOTA label file (Roboflow's YOLOv5-OBB `labelTxt/`: `x1 y1 x2 y2 x3 y3 x4 y4 class
 * difficult`, corners in pixels, the class by name) as YOLO quadrilateral lines (`id x1 y1 ... y4`,
 * normalised by the image size), line for line so the YOLO parser's findings keep their line numbers.
 * DOTA's header lines (`imagesource:...`, `gsd:...`) become blank lines; a class name the class list
 * lacks is a LABEL_UNKNOWN_CLASS finding here, and its line is left blank.
 */
export function dotaToYolo(text: string, file: string, classIdByName: ReadonlyMap<string, number>, size: ImageSize): { text: string; findings: Finding[] } {
  const findings: Finding[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || /^[a-z]+:/i.test(trimmed)) return '';
    const tokens = trimmed.split(/\s+/);
    if (tokens.length < 9) return trimmed; // the YOLO parser reports its column count
    const difficulty = tokens.length >= 10 && /^\d+$/.test(tokens.at(-1)!);
    const name = tokens.slice(8, difficulty ? -1 : undefined).join(' ');
    const id = classIdByName.get(name);
    if (id === undefined) {
      findings.push(finding('LABEL_UNKNOWN_CLASS', 'error', `class "${name}" is not in the class list`, {
        file,
        line: index + 1,
        hint: 'check the classes of data.yaml, or pass the right ones with --classes FILE',
        data: { dropped: true },
      }));
      return '';
    }
    const corners = tokens.slice(0, 8).map((t, i) => {
      const v = Number(t);
      return Number.isFinite(v) ? String(v / (i % 2 === 0 ? size.width : size.height)) : t;
    });
    return `${id} ${corners.join(' ')}`;
  });
  return { text: lines.join('\n'), findings };
}
