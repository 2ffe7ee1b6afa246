/**
 * yw's internal dataset model. Image sizes are in the display frame (EXIF orientation applied), the
 * frame YOLO labels and mmcv's loader use. Shapes are absolute pixels of that frame (PixelShape); the
 * YOLO edge validates lines in its own normalised form (YoloShape) and converts with `toPixels`.
 */

/** One image of a split, as planned from the file listing (paths relative to the dataset root, `/`). */
export interface PlannedImage {
  /** Path relative to the dataset root. */
  path: string;
  /** Path relative to the split's image folder (COCO `file_name`). */
  fileName: string;
  /** Label file (relative to the root) when it exists; absent = background image. */
  labelPath?: string;
  /** Set when the label file holds DOTA lines (Roboflow YOLOv5-OBB `labelTxt/`) instead of YOLO lines. */
  labelFormat?: 'dota';
}

/** One split to write: `<out>/<name>.json`, images under `<root>/<dataPrefix>`. */
export interface PlannedSplit {
  name: string;
  /** Image folder relative to the root with a trailing slash, or '' for the root itself. */
  dataPrefix: string;
  images: PlannedImage[];
}

/** A validated label line: normalised coordinates, clipped to [0, 1]. */
export interface YoloShape {
  classId: number;
  /** 1-based line in the label file. */
  line: number;
  kind: 'box' | 'polygon';
  /** box: [xc, yc, w, h]; polygon: [x1, y1, x2, y2, ...]. */
  coords: number[];
}

/**
 * A shape in the internal convention: absolute pixels of the display frame.
 * box: [x1, y1, x2, y2]; polygon: [x1, y1, x2, y2, ...] vertex for vertex.
 */
export interface PixelShape {
  classId: number;
  line: number;
  kind: 'box' | 'polygon';
  points: number[];
}

/** An image's size as mmcv sees it. */
export interface ImageSize {
  width: number;
  height: number;
}
