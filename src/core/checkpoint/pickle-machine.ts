import type { PickleNode } from './pickle-node.js';
import { decodeUtf8 } from './utf8.js';

/** A pickle that cannot be read: `at` is the byte offset of the opcode. */
export class PickleError extends Error {
  /** `truncated`: the bytes ended inside the pickle (a reader with more bytes may succeed). */
  constructor(message: string, readonly at: number, readonly truncated = false) {
    super(message);
    this.name = 'PickleError';
  }
}

type Item = PickleNode;

/** The unpickler's state: the input, the stack with its MARK levels, and the memo. */
export class PickleReader {
  private readonly view: DataView;
  private stack: Item[] = [];
  private readonly marks: Item[][] = [];
  private readonly memo = new Map<number, Item>();
  private protocol = 0;
  private at: number;

  constructor(private readonly bytes: Uint8Array, private pos: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.at = pos;
  }

  /** Runs opcodes through `step` until STOP; returns the one object left on the stack. */
  run(stop: number, step: (op: number) => void): { root: Item; end: number; protocol: number } {
    for (;;) {
      this.at = this.pos;
      const op = this.u8();
      if (op === stop) break;
      step(op);
    }
    if (this.stack.length !== 1 || this.marks.length !== 0) throw this.fail(`STOP with ${this.stack.length} items on the stack`);
    return { root: this.stack[0]!, end: this.pos, protocol: this.protocol };
  }

  fail(message: string, truncated = false): PickleError {
    return new PickleError(`${message} at byte ${this.at}`, this.at, truncated);
  }

  // ---- reading the stream
  take(n: number): Uint8Array {
    if (n < 0 || this.pos + n > this.bytes.length) throw this.fail('truncated pickle', true);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  u8(): number {
    return this.take(1)[0]!;
  }
  u16(): number {
    const b = this.take(2);
    return b[0]! | (b[1]! << 8);
  }
  u32(): number {
    if (this.pos + 4 > this.bytes.length) throw this.fail('truncated pickle', true);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  i32(): number {
    const v = this.u32();
    return v | 0;
  }
  u64(): number {
    const lo = this.u32();
    const hi = this.u32();
    if (hi > 0x1fffff) throw this.fail('length too large');
    return hi * 2 ** 32 + lo;
  }
  /** Global names are UTF-8; the other protocol-0 lines latin-1 (TextDecoder('latin1') would be windows-1252). */
  line(encoding: 'latin-1' | 'utf-8' = 'latin-1'): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw this.fail('truncated pickle (no end of line)', true);
    const bytes = this.bytes.subarray(this.pos, end);
    this.pos = end + 1;
    if (encoding === 'latin-1') return latin1(bytes);
    try {
      return decodeUtf8(bytes);
    } catch {
      throw this.fail('bad UTF-8 in a global name');
    }
  }
  utf8(n: number): string {
    const bytes = this.take(n);
    try {
      return decodeUtf8(bytes);
    } catch (error) {
      throw this.fail(`bad UTF-8 string (${(error as Error).message})`);
    }
  }

  // ---- the machine
  push(item: Item): void {
    this.stack.push(item);
  }
  pop(): Item {
    const item = this.stack.pop();
    if (item === undefined) throw this.fail('stack underflow');
    return item;
  }
  top(): Item {
    const item = this.stack[this.stack.length - 1];
    if (item === undefined) throw this.fail('stack underflow');
    return item;
  }
  mark(): void {
    this.marks.push(this.stack);
    this.stack = [];
  }
  popMark(): Item[] {
    const items = this.stack;
    const previous = this.marks.pop();
    if (previous === undefined) throw this.fail('no MARK on the stack');
    this.stack = previous;
    return items;
  }
  setProtocol(p: number): void {
    this.protocol = p;
  }
  put(index: number): void {
    this.memo.set(index, this.top());
  }
  memoize(): void {
    this.memo.set(this.memo.size, this.top());
  }
  get(index: number): void {
    const item = this.memo.get(index);
    if (item === undefined) throw this.fail(`memo key ${index} not found`);
    this.push(item);
  }
}

export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
