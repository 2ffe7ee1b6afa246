import { assembleModule, I32, op, V128, type MemoryImport, type WasmFunction } from './assemble.js';

/**
 * Rows of x and rows of w one step of the kernel multiplies: ROWS x COLS accumulators stay in
 * registers. Measured on the reference machine: 2 x 4 and 4 x 2 were fastest (~6-7 GMAC/s wall on the
 * loaded machine), 3 x 4, 4 x 3, 2 x 6 and 1 x 8 slower (2.3-4), unrolling k twice no better.
 */
export const KERNEL_ROWS = 2;
export const KERNEL_COLS = 4;

const R = KERNEL_ROWS;
const C = KERNEL_COLS;
const range = (count: number) => Array.from({ length: count }, (_, i) => i);

/** Local indices: the 8 i32 parameters, i32 locals, then v128 locals. */
const P = { x: 0, w: 1, b: 2, y: 3, rows: 4, n: 5, k: 6, ldy: 7 };
const L = { kBytes: 8, ldyBytes: 9, j: 10, t: 11, kb: 12, yRow: 13, bRow: 14 };
const xr = (r: number) => 15 + r;
const wr = (c: number) => 15 + R + c;
const FIRST_V128 = 15 + R + C;
const acc = (r: number, c: number) => FIRST_V128 + r * C + c;
const xv = (r: number) => FIRST_V128 + R * C + r;
const WV = FIRST_V128 + R * C + R;

/** One step along k: R vectors of x, C of w (one at a time), R * C multiply-adds; loop while kb < kBytes. */
function stepK(): number[] {
  return [
    ...range(R).flatMap((r) => [...op.get(xr(r)), ...op.get(L.kb), ...op.add, ...op.v128Load(), ...op.set(xv(r))]),
    ...range(C).flatMap((c) => [
      ...op.get(wr(c)), ...op.get(L.kb), ...op.add, ...op.v128Load(), ...op.set(WV),
      ...range(R).flatMap((r) => [...op.get(acc(r, c)), ...op.get(xv(r)), ...op.get(WV), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(acc(r, c))]),
    ]),
    ...op.get(L.kb), ...op.i32(16), ...op.add, ...op.tee(L.kb), ...op.get(L.kBytes), ...op.ltU, ...op.brIf(0),
  ];
}

/** y[t + r][j + c] = sum of the lanes of acc(r, c) + b[j + c]. */
function storeTile(): number[] {
  const lanes = (v: number) => [
    ...op.get(v), ...op.f32x4Lane(0), ...op.get(v), ...op.f32x4Lane(1), ...op.f32Add,
    ...op.get(v), ...op.f32x4Lane(2), ...op.f32Add, ...op.get(v), ...op.f32x4Lane(3), ...op.f32Add,
  ];
  return range(R).flatMap((r) => range(C).flatMap((c) => [
    ...op.get(L.yRow), ...op.get(L.ldyBytes), ...op.i32(r), ...op.mul, ...op.add,
    ...lanes(acc(r, c)), ...op.get(L.bRow), ...op.f32Load(c * 4), ...op.f32Add,
    ...op.f32Store(c * 4),
  ]));
}

/** For t over the rows of x, R at a time: zero the accumulators, run along k, store the tile. */
function rowLoop(): number[] {
  return [
    ...op.loop,
    ...op.get(P.x), ...op.get(L.t), ...op.get(L.kBytes), ...op.mul, ...op.add, ...op.set(xr(0)),
    ...range(R - 1).flatMap((r) => [...op.get(xr(r)), ...op.get(L.kBytes), ...op.add, ...op.set(xr(r + 1))]),
    ...range(R * C).flatMap((i) => [...op.v128Zero, ...op.set(FIRST_V128 + i)]),
    ...op.i32(0), ...op.set(L.kb),
    ...op.loop, ...stepK(), ...op.end,
    ...op.get(P.y), ...op.get(L.t), ...op.get(P.ldy), ...op.mul, ...op.get(L.j), ...op.add, ...op.i32(2), ...op.shl, ...op.add, ...op.set(L.yRow),
    ...storeTile(),
    ...op.get(L.t), ...op.i32(R), ...op.add, ...op.tee(L.t), ...op.get(P.rows), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
}

/**
 * `linear(x, w, b, y, rows, n, k, ldy)`, all pointers in bytes of f32 data:
 *   y[t * ldy + j] = b[j] + sum_i x[t * k + i] * w[j * k + i]   for t < rows, j < n
 * i.e. a torch `nn.Linear` (weight stored [out, in]) over a batch of rows. Both operands are read along
 * `k` with f32x4 SIMD. rows must be a multiple of KERNEL_ROWS, n of KERNEL_COLS, k of 4 (and > 0).
 * For j over the rows of w, C at a time: the row loop.
 */
function linearFunction(): WasmFunction {
  const body = [
    ...op.get(P.k), ...op.i32(2), ...op.shl, ...op.set(L.kBytes),
    ...op.get(P.ldy), ...op.i32(2), ...op.shl, ...op.set(L.ldyBytes),
    ...op.i32(0), ...op.set(L.j),
    ...op.loop,
    ...op.get(P.w), ...op.get(L.j), ...op.get(L.kBytes), ...op.mul, ...op.add, ...op.set(wr(0)),
    ...range(C - 1).flatMap((c) => [...op.get(wr(c)), ...op.get(L.kBytes), ...op.add, ...op.set(wr(c + 1))]),
    ...op.get(P.b), ...op.get(L.j), ...op.i32(2), ...op.shl, ...op.add, ...op.set(L.bRow),
    ...op.i32(0), ...op.set(L.t),
    ...rowLoop(),
    ...op.get(L.j), ...op.i32(C), ...op.add, ...op.tee(L.j), ...op.get(P.n), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
  return { exportName: 'linear', params: new Array<number>(8).fill(I32), locals: [[7 + R + C, I32], [R * C + R + 1, V128]], body };
}

export function linearKernelModule(memory: MemoryImport): Uint8Array {
  return assembleModule(memory, [linearFunction()]);
}
