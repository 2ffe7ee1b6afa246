import { matchKey } from './schema.js';

/** A JSON syntax error at a byte offset, worded as Python's json module words it where it can. */
export class JsonTextError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number,
    /** Found when the input ended early (a file cut short), not at a bad byte. */
    readonly atEnd = false,
  ) {
    super(`${reason}: line ${line} column ${column} (byte ${offset})`);
    this.name = 'JsonTextError';
  }
}

/** skip: validate only; capture: decode the value; key: match against an object node's keys. */
export type StringRole = 'skip' | 'capture' | 'key' | 'skip-key';

export const NOT_UTF8 = 'not UTF-8 text (Python\'s read fails with UnicodeDecodeError)';

/** A captured value longer than this is no name or path; refuse it rather than hold it. */
export const MAX_CAPTURED_STRING_BYTES = 1 << 20;
/** No key we look for is longer; a longer key is skipped without buffering it. */
const MAX_KEY_BYTES = 256;
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const isHex = (b: number) => (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66);

type Fail = (reason: string, at: number) => never;

/**
 * The inside of one JSON string, possibly spread over chunks: checks escapes, control characters and
 * UTF-8 (Python reads the file as UTF-8 text and fails on anything else), and keeps the raw bytes when
 * the string is a key or a value someone asked for.
 */
export class StringScanner {
  role: StringRole = 'skip';
  /** Absolute offset of the opening quote. */
  start = 0;
  private from = 0;
  private escaped = false;
  /** 0 plain; 1 after a backslash; 2..5 hex digits of \uXXXX still to come (5 = four). */
  private escape = 0;
  /** Absolute offset of the `u` of a \\uXXXX escape (where Python reports a bad one). */
  private uAt = 0;
  private utf8Need = 0;
  /** Absolute offset of the lead byte of the UTF-8 sequence being read (where Python reports a bad one). */
  private utf8At = 0;
  private utf8Lo = 0x80;
  private utf8Hi = 0xbf;
  private buf = new Uint8Array(256);
  private length = 0;
  private tooLong = false;
  private readonly decoder = new TextDecoder();

  constructor(private readonly fail: Fail) {}

  begin(role: StringRole, start: number): void {
    this.role = role;
    this.start = start;
    this.escaped = false;
    this.escape = 0;
    this.utf8Need = 0;
    this.length = 0;
    this.tooLong = false;
  }

  /** Index of the closing quote in `chunk`, or -1 when the string goes on in the next chunk. */
  scan(chunk: Uint8Array, i: number, base: number): number {
    const n = chunk.length;
    this.from = i;
    for (; i < n; i += 1) {
      const b = chunk[i]!;
      if (this.escape === 0 && this.utf8Need === 0) {
        if (b >= 0x20 && b < 0x80 && b !== 0x22 && b !== 0x5c) continue;
        if (b === 0x22) {
          if (this.role !== 'skip' && this.role !== 'skip-key' && this.length > 0) this.keep(chunk, this.from, i);
          return i;
        }
        if (b === 0x5c) {
          this.escape = 1;
          this.escaped = true;
        }
        else if (b < 0x20) this.fail('Invalid control character at', base + i);
        else this.utf8Lead(b, base + i);
      } else if (this.escape === 1) {
        if (b === 0x75) {
          this.escape = 5;
          this.uAt = base + i;
        }
        else if (ESCAPES.has(b)) this.escape = 0;
        else this.fail('Invalid \\escape', base + i - 1);
      } else if (this.escape > 1) {
        if (!isHex(b)) this.fail('Invalid \\uXXXX escape', this.uAt);
        this.escape = this.escape === 2 ? 0 : this.escape - 1;
      } else {
        if (b < this.utf8Lo || b > this.utf8Hi) this.fail(NOT_UTF8, this.utf8At);
        this.utf8Need -= 1;
        this.utf8Lo = 0x80;
        this.utf8Hi = 0xbf;
      }
    }
    if (this.role !== 'skip' && this.role !== 'skip-key') this.keep(chunk, this.from, n);
    return -1;
  }

  /** Index of the key among `keys` (compared as raw bytes; escaped keys decoded first), or -1. */
  keyIndex(chunk: Uint8Array, end: number, keys: readonly Uint8Array[], names: readonly string[]): number {
    if (this.tooLong) return -1;
    if (this.escaped) return names.indexOf(this.text(chunk, end));
    return this.length === 0 ? matchKey(keys, chunk, this.from, end) : matchKey(keys, this.buf, 0, this.length);
  }

  /** The decoded string. */
  text(chunk: Uint8Array, end: number): string {
    const bytes = this.length === 0 ? chunk.subarray(this.from, end) : this.buf.subarray(0, this.length);
    const raw = this.decoder.decode(bytes);
    return this.escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private utf8Lead(b: number, at: number): void {
    let need = 0;
    this.utf8At = at;
    this.utf8Lo = 0x80;
    this.utf8Hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) this.utf8Lo = 0xa0;
      if (b === 0xed) this.utf8Hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) this.utf8Lo = 0x90;
      if (b === 0xf4) this.utf8Hi = 0x8f;
    } else this.fail(NOT_UTF8, at);
    this.utf8Need = need;
  }

  private keep(chunk: Uint8Array, from: number, to: number): void {
    const limit = this.role === 'capture' ? MAX_CAPTURED_STRING_BYTES : MAX_KEY_BYTES;
    if (this.tooLong) return;
    const size = this.length + (to - from);
    if (size > limit) {
      if (this.role === 'capture') this.fail(`a string longer than ${limit} bytes where a name or path belongs`, this.start);
      this.tooLong = true;
      this.length = 0;
      return;
    }
    if (size > this.buf.length) {
      const grown = new Uint8Array(Math.max(size, this.buf.length * 2));
      grown.set(this.buf.subarray(0, this.length));
      this.buf = grown;
    }
    this.buf.set(chunk.subarray(from, to), this.length);
    this.length = size;
  }
}
