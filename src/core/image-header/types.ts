/** Formats whose size `parseImageHeader` reads. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** What a format parser finds: the stored (encoded) size and the orientation tag, if any. */
export interface RawHeader {
  format: ImageFormat;
  width: number;
  height: number;
  /** EXIF/TIFF Orientation tag as found (any value), absent when the file has none. */
  orientationTag?: number;
  /** Why OpenCV 4.6 (mmcv's loader) will not decode this header, when the size was read anyway. */
  undecodable?: string;
}

/** Bytes read so far: pieces of the file at known offsets, plus the file size when known. */
export interface ByteWindow {
  segments: ReadonlyArray<{ offset: number; bytes: Uint8Array }>;
  fileSize?: number;
}

export type HeaderResult =
  | {
      kind: 'ok';
      format: ImageFormat;
      /** Display frame, as OpenCV's `imdecode(IMREAD_COLOR)` returns it. */
      width: number;
      height: number;
      storedWidth: number;
      storedHeight: number;
      /** Orientation applied to get width/height (1 = none). */
      orientation: number;
      /** A tag 2-8 that the file carries but OpenCV does not apply for this format (WebP). */
      ignoredOrientation?: number;
      /** Why OpenCV 4.6's imdecode fails on this header although its size is known (one line). */
      undecodable?: string;
    }
  /**
   * Read `length` bytes at `offset` (and call again with them added to the window); `length` 0:
   * only the file size is missing (call again with `fileSize` set).
   */
  | { kind: 'need-more'; offset: number; length: number }
  | { kind: 'unsupported'; message: string }
  | { kind: 'corrupt'; message: string };
