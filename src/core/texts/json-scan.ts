const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const isOpen = (b: number): boolean => b === 0x7b || b === 0x5b;
const isClose = (b: number): boolean => b === 0x7d || b === 0x5d;
const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
/** Longer keys cannot be the one we look for; do not buffer them. */
const MAX_KEY_BYTES = 256;

/**
 * Finds the raw text of one top-level object or array value (e.g. a COCO file's `"categories"`) in a
 * JSON document fed in chunks, without parsing the rest: a 1 GB annotation file costs one byte scan
 * and flat memory instead of a parse that V8 may refuse. It does not validate the document; when the
 * value is not found (`result()` undefined), read the file the slow way for a proper error.
 */
export class TopLevelValueScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private keyBytes: number[] | undefined;
  private lastString: string | undefined;
  private pending = false;
  private capturing = false;
  private finished = false;
  private readonly parts: Uint8Array[] = [];

  constructor(private readonly key: string) {}

  /** Feeds the next chunk; true once the value is complete (or can no longer be found). */
  push(chunk: Uint8Array): boolean {
    if (this.finished) return true;
    let from = this.capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      if (this.inString) {
        this.stringByte(byte);
        continue;
      }
      if (byte === QUOTE) {
        this.inString = true;
        this.lastString = undefined;
        this.keyBytes = this.depth === 1 ? [] : undefined;
      } else if (byte === COLON) {
        this.pending = this.depth === 1 && this.lastString === this.key;
        this.lastString = undefined;
      } else if (isOpen(byte)) {
        if (this.pending) [this.capturing, this.pending, from] = [true, false, i];
        this.depth += 1;
      } else if (isClose(byte)) {
        this.depth -= 1;
        if (this.capturing && this.depth === 1) return this.finish(chunk.slice(from, i + 1));
        if (this.depth <= 0) return this.finish(undefined);
      } else if (!isSpace(byte)) {
        if (this.pending) return this.finish(undefined);
        this.lastString = undefined;
      }
    }
    if (this.capturing) this.parts.push(chunk.slice(from));
    return false;
  }

  /** The value's JSON text, once `push` returned true; undefined if the key was not found. */
  result(): string | undefined {
    if (!this.finished || this.parts.length === 0) return undefined;
    const decoder = new TextDecoder();
    return this.parts.map((part) => decoder.decode(part, { stream: true })).join('') + decoder.decode();
  }

  private stringByte(byte: number): void {
    if (this.escaped) this.escaped = false;
    else if (byte === BACKSLASH) this.escaped = true;
    else if (byte === QUOTE) {
      this.inString = false;
      if (this.keyBytes) this.lastString = new TextDecoder().decode(Uint8Array.from(this.keyBytes));
      this.keyBytes = undefined;
    } else if (this.keyBytes) {
      if (this.keyBytes.length < MAX_KEY_BYTES) this.keyBytes.push(byte);
      else this.keyBytes = undefined;
    }
  }

  private finish(last: Uint8Array | undefined): boolean {
    if (last) this.parts.push(last);
    else this.parts.length = 0;
    this.finished = true;
    return true;
  }
}
