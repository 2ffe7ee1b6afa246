/**
 * Just enough of the WebAssembly binary format to emit one module by hand: a memory import, functions,
 * exports. No dependency and no build step; the spec's encoding is small and stable.
 */

export const I32 = 0x7f;
export const V128 = 0x7b;

export function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

export function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const name = (text: string): number[] => {
  const bytes = [...new TextEncoder().encode(text)];
  return [...uleb(bytes.length), ...bytes];
};
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export interface WasmFunction {
  exportName: string;
  params: number[];
  /** Extra locals by type, in order: [count, type]. */
  locals: Array<[number, number]>;
  /** The body's instructions, without the final `end`. */
  body: number[];
}

export interface MemoryImport {
  module: string;
  field: string;
  minPages: number;
  /** Shared memory (for worker threads) needs a maximum. */
  shared?: { maxPages: number };
}

export function assembleModule(memory: MemoryImport, functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((p) => [p])), 0x00]);
  const limits = memory.shared ? [0x03, ...uleb(memory.minPages), ...uleb(memory.shared.maxPages)] : [0x00, ...uleb(memory.minPages)];
  const imports = [[...name(memory.module), ...name(memory.field), 0x02, ...limits]];
  const codes = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.exportName), 0x00, ...uleb(i)]))),
    ...section(10, vec(codes)),
  ]);
}

/** Instruction helpers (the subset the kernels use). */
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  add: [0x6a],
  mul: [0x6c],
  ltU: [0x49],
  shl: [0x74],
  /** `loop` with no result; `br_if 0` inside jumps back to its start. */
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  f32Load: (offset = 0) => [0x2a, 0x02, ...uleb(offset)],
  f32Store: (offset = 0) => [0x38, 0x02, ...uleb(offset)],
  f32Add: [0x92],
  v128Load: (offset = 0) => [0xfd, ...uleb(0x00), 0x02, ...uleb(offset)],
  v128Zero: [0xfd, ...uleb(0x0c), ...new Array<number>(16).fill(0)],
  f32x4Add: [0xfd, ...uleb(0xe4)],
  f32x4Mul: [0xfd, ...uleb(0xe6)],
  f32x4Lane: (lane: number) => [0xfd, ...uleb(0x1f), lane],
};
