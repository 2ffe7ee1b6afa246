import { OP } from './pickle-opcodes.js';
import { FALSE, NONE, TRUE, int, normalizeInt, str, type PickleNode } from './pickle-node.js';
import type { PickleReader } from './pickle-machine.js';
import { decodeTextLiteral, parseFloatText, parseLongText } from './pickle-text.js';

/** LONG1/LONG4: little-endian two's complement. */
function longFromBytes(b: Uint8Array): number | bigint {
  if (b.length === 0) return 0;
  let v = 0n;
  for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  if (b[b.length - 1]! & 0x80) v -= 1n << BigInt(8 * b.length);
  return normalizeInt(v);
}

function float(raw: Uint8Array): PickleNode {
  const value = new DataView(raw.buffer, raw.byteOffset, 8).getFloat64(0, false);
  return Number.isNaN(value) ? { kind: 'float', value, raw: Uint8Array.from(raw) } : { kind: 'float', value };
}

/** Opcodes that push one value read from the stream: None, bools, numbers, strings, bytes. */
export const ATOM_HANDLERS: Partial<Record<number, (r: PickleReader) => void>> = {
  [OP.NONE]: (r) => r.push(NONE),
  [OP.NEWTRUE]: (r) => r.push(TRUE),
  [OP.NEWFALSE]: (r) => r.push(FALSE),
  [OP.BININT]: (r) => r.push(int(r.i32())),
  [OP.BININT1]: (r) => r.push(int(r.u8())),
  [OP.BININT2]: (r) => r.push(int(r.u16())),
  [OP.LONG1]: (r) => r.push(int(longFromBytes(r.take(r.u8())))),
  [OP.LONG4]: (r) => r.push(int(longFromBytes(r.take(r.i32())))),
  [OP.INT]: (r) => {
    const text = r.line();
    r.push(text === '00' ? FALSE : text === '01' ? TRUE : int(parseLongText(text, () => r.fail('bad INT'))));
  },
  [OP.LONG]: (r) => r.push(int(parseLongText(r.line(), () => r.fail('bad LONG')))),
  [OP.FLOAT]: (r) => r.push({ kind: 'float', value: parseFloatText(r.line(), () => r.fail('bad FLOAT')) }),
  [OP.BINFLOAT]: (r) => r.push(float(r.take(8))),
  [OP.BINUNICODE]: (r) => r.push(str(r.utf8(r.u32()))),
  [OP.SHORT_BINUNICODE]: (r) => r.push(str(r.utf8(r.u8()))),
  [OP.BINUNICODE8]: (r) => r.push(str(r.utf8(r.u64()))),
  [OP.UNICODE]: (r) => r.push(str(decodeTextLiteral(r.line(), 'raw-unicode-escape'))),
  [OP.STRING]: (r) => r.push(str(decodeTextLiteral(r.line(), 'repr'))),
  [OP.BINSTRING]: (r) => r.push(str(r.utf8(r.i32()))),
  [OP.SHORT_BINSTRING]: (r) => r.push(str(r.utf8(r.u8()))),
  [OP.BINBYTES]: (r) => r.push({ kind: 'bytes', value: Uint8Array.from(r.take(r.u32())) }),
  [OP.SHORT_BINBYTES]: (r) => r.push({ kind: 'bytes', value: Uint8Array.from(r.take(r.u8())) }),
  [OP.BINBYTES8]: (r) => r.push({ kind: 'bytes', value: Uint8Array.from(r.take(r.u64())) }),
};
