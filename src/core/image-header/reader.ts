import type { ByteWindow } from './types.js';

/** Thrown when a parser needs bytes that are not in the window yet. */
export class NeedBytes {
  constructor(
    readonly offset: number,
    readonly length: number,
  ) {}
}

/** Thrown when a parser needs the file size (to read its end) and the window does not say. */
export class NeedSize {}

/** Thrown when a parser needs bytes past the end of the file. */
export class Truncated {
  constructor(
    readonly end: number,
    readonly fileSize: number,
  ) {}
}

/** Thrown by parsers for a file that claims a format but breaks its rules. */
export class BadImage {
  constructor(readonly message: string) {}
}

const EMPTY = new Uint8Array(0);

/** Bounds-checked reads over a window of file bytes; missing bytes become NeedBytes/Truncated. */
export class ByteReader {
  private readonly first: Uint8Array;

  constructor(private readonly window: ByteWindow) {
    const head = window.segments[0];
    this.first = head && head.offset === 0 ? head.bytes : EMPTY;
  }

  get fileSize(): number | undefined {
    return this.window.fileSize;
  }

  /** True when [offset, offset+length) lies inside the file (false only when the size is known). */
  fits(offset: number, length: number): boolean {
    const size = this.window.fileSize;
    return size === undefined || offset + length <= size;
  }

  /** The segment holding the range was found: its bytes; `at` returns the index within them. */
  private current: Uint8Array = EMPTY;

  /** Index of `offset` in the segment holding [offset, offset+length), kept in `current`. Hot path: no allocation. */
  private at(offset: number, length: number): number {
    if (offset >= 0 && offset + length <= this.first.length) {
      this.current = this.first; // nearly every read hits the first chunk: skip the search
      return offset;
    }
    const segments = this.window.segments;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const start = offset - seg.offset;
      if (start >= 0 && start + length <= seg.bytes.length) {
        this.current = seg.bytes;
        return start;
      }
    }
    const size = this.window.fileSize;
    if (size !== undefined && offset + length > size) throw new Truncated(offset + length, size);
    throw new NeedBytes(offset, length);
  }

  bytes(offset: number, length: number): Uint8Array {
    const i = this.at(offset, length);
    return this.current.subarray(i, i + length);
  }

  u8(offset: number): number {
    const i = this.at(offset, 1);
    return this.current[i]!;
  }

  u16(offset: number, littleEndian: boolean): number {
    const i = this.at(offset, 2);
    const b = this.current;
    return littleEndian ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
  }

  u24le(offset: number): number {
    const i = this.at(offset, 3);
    const b = this.current;
    return b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
  }

  u32(offset: number, littleEndian: boolean): number {
    const i = this.at(offset, 4);
    const b = this.current;
    const v = littleEndian
      ? b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)
      : (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;
    return v >>> 0;
  }

  i32le(offset: number): number {
    return this.u32(offset, true) | 0;
  }

  /** True when the `expected` bytes are at `offset` (false when the file ends first). */
  matches(offset: number, expected: ArrayLike<number>): boolean {
    if (!this.fits(offset, expected.length)) return false;
    const i = this.at(offset, expected.length);
    for (let k = 0; k < expected.length; k++) if (this.current[i + k] !== expected[k]) return false;
    return true;
  }

  ascii(offset: number, length: number): string {
    const i = this.at(offset, length);
    let out = '';
    for (let k = 0; k < length; k++) out += String.fromCharCode(this.current[i + k]!);
    return out;
  }
}
