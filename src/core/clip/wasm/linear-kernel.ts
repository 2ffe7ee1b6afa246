import { assembleModule, I32, op, V128, type MemoryImport, type WasmFunction } from './assemble.js';

/** Rows of x and rows of w one step of the kernel multiplies: ROWS x COLS accumulators stay in registers. */
export const KERNEL_ROWS = 2;
export const KERNEL_COLS = 4;

/**
 * `linear(x, w, b, y, rows, n, k, ldy)`, all pointers in bytes of f32 data:
 *   y[t * ldy + j] = b[j] + sum_i x[t * k + i] * w[j * k + i]   for t < rows, j < n
 * i.e. a torch `nn.Linear` (weight stored [out, in]) over a batch of rows. Both operands are read along
 * `k` with f32x4 SIMD: each step loads KERNEL_ROWS vectors of x and KERNEL_COLS of w and does
 * ROWS * COLS multiply-adds. rows must be a multiple of KERNEL_ROWS, n of KERNEL_COLS, k of 4.
 */
function linearFunction(): WasmFunction {
  const R = KERNEL_ROWS;
  const C = KERNEL_COLS;
  const [x, w, b, y, rows, n, k, ldy] = [0, 1, 2, 3, 4, 5, 6, 7];
  const [kBytes, ldyBytes, j, t, kb, yRow, bRow] = [8, 9, 10, 11, 12, 13, 14];
  const xr = (r: number) => 15 + r;
  const wr = (c: number) => 15 + R + c;
  const firstV = 15 + R + C;
  const acc = (r: number, c: number) => firstV + r * C + c;
  const xv = (r: number) => firstV + R * C + r;
  const wv = firstV + R * C + R;
  const range = (count: number) => Array.from({ length: count }, (_, i) => i);

  const stepK = [
    ...range(R).flatMap((r) => [...op.get(xr(r)), ...op.get(kb), ...op.add, ...op.v128Load(), ...op.set(xv(r))]),
    ...range(C).flatMap((c) => [
      ...op.get(wr(c)), ...op.get(kb), ...op.add, ...op.v128Load(), ...op.set(wv),
      ...range(R).flatMap((r) => [...op.get(acc(r, c)), ...op.get(xv(r)), ...op.get(wv), ...op.f32x4Mul, ...op.f32x4Add, ...op.set(acc(r, c))]),
    ]),
    ...op.get(kb), ...op.i32(16), ...op.add, ...op.tee(kb), ...op.get(kBytes), ...op.ltU, ...op.brIf(0),
  ];
  const horizontalSum = (v: number) => [
    ...op.get(v), ...op.f32x4Lane(0), ...op.get(v), ...op.f32x4Lane(1), ...op.f32Add,
    ...op.get(v), ...op.f32x4Lane(2), ...op.f32Add, ...op.get(v), ...op.f32x4Lane(3), ...op.f32Add,
  ];
  const store = range(R).flatMap((r) => range(C).flatMap((c) => [
    ...op.get(yRow), ...op.get(ldyBytes), ...op.i32(r), ...op.mul, ...op.add,
    ...horizontalSum(acc(r, c)), ...op.get(bRow), ...op.f32Load(c * 4), ...op.f32Add,
    ...op.f32Store(c * 4),
  ]));
  const rowLoop = [
    ...op.loop,
    ...op.get(x), ...op.get(t), ...op.get(kBytes), ...op.mul, ...op.add, ...op.set(xr(0)),
    ...range(R - 1).flatMap((r) => [...op.get(xr(r)), ...op.get(kBytes), ...op.add, ...op.set(xr(r + 1))]),
    ...range(R * C).flatMap((i) => [...op.v128Zero, ...op.set(firstV + i)]),
    ...op.i32(0), ...op.set(kb),
    ...op.loop, ...stepK, ...op.end,
    ...op.get(y), ...op.get(t), ...op.get(ldy), ...op.mul, ...op.get(j), ...op.add, ...op.i32(2), ...op.shl, ...op.add, ...op.set(yRow),
    ...store,
    ...op.get(t), ...op.i32(R), ...op.add, ...op.tee(t), ...op.get(rows), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
  const body = [
    ...op.get(k), ...op.i32(2), ...op.shl, ...op.set(kBytes),
    ...op.get(ldy), ...op.i32(2), ...op.shl, ...op.set(ldyBytes),
    ...op.i32(0), ...op.set(j),
    ...op.loop,
    ...op.get(w), ...op.get(j), ...op.get(kBytes), ...op.mul, ...op.add, ...op.set(wr(0)),
    ...range(C - 1).flatMap((c) => [...op.get(wr(c)), ...op.get(kBytes), ...op.add, ...op.set(wr(c + 1))]),
    ...op.get(b), ...op.get(j), ...op.i32(2), ...op.shl, ...op.add, ...op.set(bRow),
    ...op.i32(0), ...op.set(t),
    ...rowLoop,
    ...op.get(j), ...op.i32(C), ...op.add, ...op.tee(j), ...op.get(n), ...op.ltU, ...op.brIf(0),
    ...op.end,
  ];
  return {
    exportName: 'linear',
    params: [I32, I32, I32, I32, I32, I32, I32, I32],
    locals: [[7 + R + C, I32], [R * C + R + 1, V128]],
    body,
  };
}

export function linearKernelModule(memory: MemoryImport): Uint8Array {
  return assembleModule(memory, [linearFunction()]);
}
