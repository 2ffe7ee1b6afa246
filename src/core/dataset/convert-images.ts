import { finding, type Finding } from '../findings.js';
import { annotationGeometry, boxAnnotationText, cocoAnnotationText, px, type Geometry } from './coco.js';
import type { ImageSize, PlannedImage, PlannedSplit } from './model.js';
import { parseLabels, type LabelContext } from './label-text.js';
import { parseYoloLabels, toPixels } from './yolo-labels.js';
import { OPENCV_DECODES, type ImageFormat } from '../image-header/index.js';

const IMAGE_HINT = 'replace it with a readable image (re-export it) or remove it';

/** What an image header reader says about a file (io's ImageProbe fits this shape). */
export type SizeResult =
  | { ok: true; width: number; height: number; format?: ImageFormat; ignoredOrientation?: number }
  | { ok: false; reason: string; message: string };

export type SizedImage = PlannedImage & ImageSize;

export interface SizedSplit {
  name: string;
  dataPrefix: string;
  images: SizedImage[];
}

/**
 * Attaches display-frame sizes to the planned images. Images that cannot be read are excluded from
 * the output with an error finding (an image without a size cannot be a COCO image).
 */
export function applySizes(
  splits: readonly PlannedSplit[],
  sizes: ReadonlyMap<string, SizeResult>,
): { splits: SizedSplit[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  const sized = splits.map((split) => {
    const images: SizedImage[] = [];
    for (const image of split.images) {
      const size = sizes.get(image.path) ?? { ok: false, reason: 'unreadable', message: 'not read' };
      if (size.ok) {
        images.push(sizedImage(image, size.width, size.height));
        // Nearly every image needs no note: no array and no Set entry for those.
        const noted = (size.format !== undefined && !OPENCV_DECODES[size.format]) || size.ignoredOrientation !== undefined;
        if (noted && !reported.has(image.path)) findings.push(...decodeNotes(image.path, size));
        if (noted) reported.add(image.path);
      } else if (!reported.has(image.path)) {
        reported.add(image.path);
        const code = size.reason === 'unsupported' ? 'IMAGE_UNSUPPORTED' : 'IMAGE_UNREADABLE';
        findings.push(finding(code, 'error', `${size.message}; image excluded`, { file: image.path, hint: IMAGE_HINT, data: { excluded: true } }));
      }
    }
    return { name: split.name, dataPrefix: split.dataPrefix, images };
  });
  return { splits: sized, findings };
}

/** A fresh object literal (one hidden class for all images; spreading the planned image cost more). */
function sizedImage(image: PlannedImage, width: number, height: number): SizedImage {
  const sized: SizedImage = { path: image.path, fileName: image.fileName, width, height };
  if (image.labelPath !== undefined) sized.labelPath = image.labelPath;
  if (image.labelFormat !== undefined) sized.labelFormat = image.labelFormat;
  return sized;
}

/**
 * Images yw can size but mmcv's loader (OpenCV `imdecode`) will not read the way the header says:
 * kept in the output (never dropped silently), with a warning saying what training will do.
 */
function decodeNotes(path: string, size: Extract<SizeResult, { ok: true }>): Finding[] {
  const notes: Finding[] = [];
  if (size.format !== undefined && !OPENCV_DECODES[size.format]) {
    notes.push(finding('IMAGE_NOT_DECODABLE', 'warning', `${size.format.toUpperCase()} image: OpenCV builds used by mmcv cannot decode it, so training fails when it loads this file`, {
      file: path,
      hint: 'convert it to PNG or JPEG',
    }));
  }
  if (size.ignoredOrientation !== undefined) {
    notes.push(finding('EXIF_ORIENTATION_IGNORED', 'warning', `EXIF orientation ${size.ignoredOrientation} is ignored by OpenCV for ${size.format?.toUpperCase() ?? 'this format'}; sizes and boxes use the stored frame`, {
      file: path,
      hint: 'if the labels were drawn on the rotated view, rotate the pixels and clear the tag (e.g. save it as JPEG/PNG)',
    }));
  }
  return notes;
}

export interface ImageConversion {
  /** Annotation records, one per line, joined by ",\n" ('' when none). */
  records: string;
  count: number;
  findings: Finding[];
}

export type { LabelContext } from './label-text.js';

/** One kept label line in COCO terms: class id, pixel geometry (bbox, area, segmentation), line. */
export interface ImageShape {
  classId: number;
  line: number;
  kind: 'box' | 'polygon';
  geometry: Geometry;
}

/**
 * The structured step shared by `yw convert` (which formats the shapes) and `yw check` (which
 * profiles them): one image's label text → shapes, with every finding, LABEL_TINY included.
 */
export function imageShapes(
  labelText: string | undefined,
  image: SizedImage,
  context: Pick<LabelContext, 'classIds' | 'boxPolygons' | 'classIdByName' | 'poseValues' | 'obbPolygons'>,
): { shapes: ImageShape[]; findings: Finding[] } {
  if (labelText === undefined || image.labelPath === undefined) return { shapes: [], findings: [] };
  const parsed = parseLabels(labelText, { ...image, labelPath: image.labelPath }, context);
  const shapes = parsed.shapes.map((shape): ImageShape => {
    const geometry = annotationGeometry(toPixels(shape, image), context.boxPolygons);
    const [, , w, h] = geometry.bbox;
    if (w! < 1 || h! < 1) parsed.findings.push(tinyFinding(w!, h!, image.labelPath!, shape.line));
    return { classId: shape.classId, line: shape.line, kind: shape.kind, geometry };
  });
  return { shapes, findings: parsed.findings };
}

/**
 * One image's label text → COCO annotation records with ids from `firstId`. Same records and
 * findings as formatting imageShapes' result, but boxes (nearly every line) go from the parsed
 * shape straight to text, without the pixel shape, geometry and per-box arrays in between.
 */
export function convertImageLabels(
  labelText: string | undefined,
  image: SizedImage,
  imageId: number,
  firstId: number,
  context: LabelContext,
): ImageConversion {
  if (labelText === undefined || image.labelPath === undefined) return { records: '', count: 0, findings: [] };
  const { shapes, findings } = image.labelFormat === undefined
    ? parseYoloLabels(labelText, image.labelPath, context.classIds, context)
    : parseLabels(labelText, image as SizedImage & { labelPath: string }, context);
  const { width: W, height: H } = image;
  const records: string[] = [];
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i]!;
    const categoryId = shape.classId + context.categoryIdStart;
    let text: string;
    let w: number;
    let h: number;
    if (shape.kind === 'box') {
      const c = shape.coords;
      const xc = c[0]!, yc = c[1]!, bw = c[2]!, bh = c[3]!; // same arithmetic as toPixels + annotationGeometry
      const x1 = px((xc - bw / 2) * W), y1 = px((yc - bh / 2) * H), x2 = px((xc + bw / 2) * W), y2 = px((yc + bh / 2) * H);
      w = px(x2 - x1);
      h = px(y2 - y1);
      text = boxAnnotationText(firstId + i, imageId, categoryId, x1, y1, x2, y2, w, h, context.boxPolygons);
    } else {
      const geometry = annotationGeometry(toPixels(shape, image), context.boxPolygons);
      w = geometry.bbox[2]!;
      h = geometry.bbox[3]!;
      text = cocoAnnotationText(firstId + i, imageId, categoryId, geometry);
    }
    if (w < 1 || h < 1) findings.push(tinyFinding(w, h, image.labelPath, shape.line));
    records.push(text);
  }
  return { records: records.join(',\n'), count: shapes.length, findings };
}

function tinyFinding(w: number, h: number, file: string, line: number): Finding {
  return finding('LABEL_TINY', 'warning', `box is ${w} x ${h} px; mmdet ignores boxes under 1 px when training`, { file, line });
}
