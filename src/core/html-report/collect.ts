import type { Finding } from '../findings.js';
import type { ImageShape, SizedImage } from '../dataset/convert-images.js';

/**
 * What the HTML report of `yw check <dataset-root>` needs beyond the profile, gathered during the same
 * label loop: a few sample images per class and the images findings name (each with its shapes, to draw
 * on a thumbnail), and a finer box-size histogram. Memory stays bounded by the limits, not by the dataset.
 */
export const SAMPLES_PER_CLASS = 6;
/** Images kept for findings; findings on further images link to the file instead of a drawn card. */
export const MAX_FINDING_IMAGES = 120;
/** Lower bounds of the box-side buckets (√area in display-frame px); 32 and 96 are COCO's small/medium/large limits. */
export const BOX_SIDE_BUCKETS = [0, 8, 16, 32, 64, 96, 128, 256, 512] as const;

export interface ImageVisit {
  split: string;
  image: SizedImage;
  shapes: readonly ImageShape[];
  /** Findings produced while reading this image's labels (and its size). */
  findings: readonly Finding[];
}

export interface ReportShape {
  classId: number;
  line: number;
  kind: 'box' | 'polygon';
  /** [x, y, w, h] in display-frame px. */
  bbox: number[];
  /** Polygon vertices (flat x, y list) for polygon lines. */
  polygon?: number[];
}

export interface ReportImage {
  /** Anchor id in the page (`img-3`). */
  id: string;
  split: string;
  path: string;
  labelPath?: string;
  width: number;
  height: number;
  shapes: ReportShape[];
  /** Kept because findings name it (it gets a card findings link to), not only as a class sample. */
  named: boolean;
}

export interface CollectedReport {
  images: ReportImage[];
  /** Class id → ids of its sample images, in dataset order. */
  samples: Map<number, string[]>;
  /** Split → boxes per BOX_SIDE_BUCKETS bucket. */
  boxSides: Map<string, number[]>;
}

export class ReportCollector {
  private readonly images = new Map<string, ReportImage>();
  private readonly samples = new Map<number, string[]>();
  private readonly boxSides = new Map<string, number[]>();
  private findingImages = 0;

  /** `namedFiles`: files named by findings made before the label loop (plan and image headers), root-relative. */
  constructor(
    splitNames: readonly string[],
    private readonly namedFiles: ReadonlySet<string>,
    private readonly limits = { samplesPerClass: SAMPLES_PER_CLASS, findingImages: MAX_FINDING_IMAGES },
  ) {
    for (const name of splitNames) this.boxSides.set(name, BOX_SIDE_BUCKETS.map(() => 0));
  }

  add(visit: ImageVisit): void {
    const sides = this.boxSides.get(visit.split);
    for (const shape of visit.shapes) {
      const side = Math.sqrt(shape.geometry.area);
      if (sides) sides[BOX_SIDE_BUCKETS.findLastIndex((from) => side >= from)]! += 1;
    }
    const wantedBy = new Set(visit.shapes.map((s) => s.classId).filter((id) => (this.samples.get(id)?.length ?? 0) < this.limits.samplesPerClass));
    const named = visit.findings.length > 0 || this.namedFiles.has(visit.image.path) ||
      (visit.image.labelPath !== undefined && this.namedFiles.has(visit.image.labelPath));
    const forFinding = named && this.findingImages < this.limits.findingImages;
    if (wantedBy.size === 0 && !forFinding) return;
    if (forFinding) this.findingImages += 1;
    const kept = this.keep(visit);
    if (forFinding) kept.named = true;
    for (const id of wantedBy) this.samples.set(id, [...(this.samples.get(id) ?? []), kept.id]);
  }

  result(): CollectedReport {
    return { images: [...this.images.values()], samples: this.samples, boxSides: this.boxSides };
  }

  private keep({ split, image, shapes }: ImageVisit): ReportImage {
    const key = `${split}\u0000${image.path}`;
    const existing = this.images.get(key);
    if (existing) return existing;
    const kept: ReportImage = {
      id: `img-${this.images.size + 1}`, split, path: image.path, width: image.width, height: image.height, named: false,
      shapes: shapes.map((s) => ({
        classId: s.classId, line: s.line, kind: s.kind, bbox: s.geometry.bbox,
        ...(s.kind === 'polygon' && s.geometry.segmentation[0] ? { polygon: s.geometry.segmentation[0] } : {}),
      })),
    };
    if (image.labelPath !== undefined) kept.labelPath = image.labelPath;
    this.images.set(key, kept);
    return kept;
  }
}

/** Files (root-relative) named by findings, for ReportCollector's `namedFiles`. */
export function namedFiles(findings: readonly Finding[]): Set<string> {
  const files = new Set<string>();
  for (const f of findings) if (f.file !== undefined) files.add(f.file);
  return files;
}
