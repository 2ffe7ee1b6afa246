import type { ByteSink } from './byte-sink.js';
import { BATCH_SIZE, OP } from './pickle-opcodes.js';

/** The opcode-level pieces of CPython's protocol-2 pickler (`_pickle.c`), as functions over a ByteSink. */

/** `save_long`: BININT1/BININT2/BININT for 32-bit values, else LONG1 (LONG4 past 255 bytes). */
export function writeInt(out: ByteSink, value: number | bigint): void {
  if (typeof value === 'number' && value >= -0x80000000 && value <= 0x7fffffff) {
    if (value >= 0 && value < 0x100) return out.u8(OP.BININT1), out.u8(value);
    if (value >= 0 && value < 0x10000) return out.u8(OP.BININT2), out.u16(value);
    return out.u8(OP.BININT), out.i32(value);
  }
  const bytes = twosComplement(BigInt(value));
  if (bytes.length < 256) {
    out.u8(OP.LONG1);
    out.u8(bytes.length);
  } else {
    out.u8(OP.LONG4);
    out.i32(bytes.length);
  }
  out.bytes(bytes);
}

/** Little-endian two's complement in the fewest bytes (what CPython's LONG1 holds). */
function twosComplement(v: bigint): Uint8Array {
  const out: number[] = [];
  let x = v;
  for (;;) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
    const sign = out[out.length - 1]! & 0x80;
    if ((x === 0n && !sign) || (x === -1n && sign)) break;
  }
  return Uint8Array.from(out);
}

/** BINFLOAT, big-endian; `raw` keeps a NaN's payload. */
export function writeFloat(out: ByteSink, value: number, raw: Uint8Array | undefined): void {
  out.u8(OP.BINFLOAT);
  if (raw) return out.bytes(raw);
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, value, false);
  out.bytes(b);
}

export function writePut(out: ByteSink, index: number): void {
  if (index < 256) {
    out.u8(OP.BINPUT);
    out.u8(index);
  } else {
    out.u8(OP.LONG_BINPUT);
    out.u32(index);
  }
}

export function writeGet(out: ByteSink, index: number): void {
  if (index < 256) {
    out.u8(OP.BINGET);
    out.u8(index);
  } else {
    out.u8(OP.LONG_BINGET);
    out.u32(index);
  }
}

/**
 * Items of an exact list or dict (`batch_list_exact`/`batch_dict_exact`): one item alone, else
 * MARK ... APPENDS/SETITEMS per 1000. A dict of exactly 1000·k items ends with an empty batch, as
 * CPython's loop writes it (`emptyTail`).
 */
export function batchExact(out: ByteSink, n: number, one: number, many: number, item: (i: number) => void, emptyTail: boolean): void {
  if (n === 0) return;
  if (n === 1) {
    item(0);
    return out.u8(one);
  }
  let i = 0;
  let batch: number;
  do {
    batch = 0;
    out.u8(OP.MARK);
    while (i < n && batch < BATCH_SIZE) {
      item(i++);
      batch++;
    }
    out.u8(many);
  } while (emptyTail ? batch === BATCH_SIZE : i < n);
}

/** Items from an iterator (`batch_list`/`batch_dict`, a reduce's list or dict items): a last lone item goes alone. */
export function batchIterated(out: ByteSink, n: number, one: number, many: number, item: (i: number) => void): void {
  let i = 0;
  while (i < n) {
    if (n - i === 1) {
      item(i++);
      return out.u8(one);
    }
    out.u8(OP.MARK);
    const end = Math.min(n, i + BATCH_SIZE);
    while (i < end) item(i++);
    out.u8(many);
  }
}
