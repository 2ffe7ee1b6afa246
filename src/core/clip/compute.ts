import { KERNEL_COLS, KERNEL_ROWS, linearKernelModule } from './wasm/linear-kernel.js';

/**
 * One float32 memory holding weights and activations, and `linear` over it. Offsets are in floats.
 * The WebAssembly SIMD kernel does the matmuls (~6 GMAC/s a core, measured; a JavaScript loop does
 * well under 1); the plain JavaScript one is the fallback where WebAssembly is not available and for
 * shapes the kernel does not take.
 */
export interface Compute {
  readonly memory: WebAssembly.Memory;
  readonly f32: Float32Array;
  readonly simd: boolean;
  /** y[t * n + j] = b[j] + sum_i x[t * k + i] * w[j * k + i], for t < rows (w is torch's [out, in]). */
  linear(x: number, w: number, b: number, y: number, rows: number, n: number, k: number): void;
}

/** Buffers that go through `linear` have their rows rounded up to this (the extra rows are scratch). */
export const ROW_MULTIPLE = KERNEL_ROWS;
export const roundRows = (rows: number): number => Math.ceil(rows / ROW_MULTIPLE) * ROW_MULTIPLE;

const PAGE_BYTES = 65536;
/** Rows of w per kernel call: a block of ~128 KB stays in L2 while every row of x passes over it. */
const BLOCK_BYTES = 131072;

/**
 * A compute over `memory` (one with at least `floats` floats is made when absent). A shared memory
 * lets worker threads run their own kernels on the same weights.
 */
export function createCompute(floats: number, memory?: WebAssembly.Memory, shared = false): Compute {
  const pages = Math.ceil((floats * 4) / PAGE_BYTES);
  const mem = memory ?? new WebAssembly.Memory(shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages });
  const f32 = new Float32Array(mem.buffer);
  const kernel = instantiateKernel(mem, mem.buffer.byteLength / PAGE_BYTES, shared);
  const linear = (x: number, w: number, b: number, y: number, rows: number, n: number, k: number) => {
    if (!kernel || n % KERNEL_COLS !== 0 || k % 4 !== 0) return linearJs(f32, x, w, b, y, rows, n, k);
    const padded = roundRows(rows);
    const block = Math.max(KERNEL_COLS, Math.floor(BLOCK_BYTES / (4 * k) / KERNEL_COLS) * KERNEL_COLS);
    for (let j = 0; j < n; j += block) {
      kernel(4 * x, 4 * (w + j * k), 4 * (b + j), 4 * (y + j), padded, Math.min(block, n - j), k, n);
    }
  };
  return { memory: mem, f32, simd: kernel !== undefined, linear };
}

type KernelFn = (x: number, w: number, b: number, y: number, rows: number, n: number, k: number, ldy: number) => void;

function instantiateKernel(memory: WebAssembly.Memory, pages: number, shared: boolean): KernelFn | undefined {
  const bytes = linearKernelModule({ module: 'env', field: 'memory', minPages: pages, ...(shared ? { shared: { maxPages: pages } } : {}) });
  if (!WebAssembly.validate(bytes)) return undefined;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return instance.exports.linear as KernelFn;
}

/** The reference: float64 sums, any shape. */
export function linearJs(f: Float32Array, x: number, w: number, b: number, y: number, rows: number, n: number, k: number): void {
  for (let t = 0; t < rows; t++) {
    const xr = x + t * k;
    for (let j = 0; j < n; j++) {
      const wr = w + j * k;
      let sum = f[b + j]!;
      for (let i = 0; i < k; i++) sum += f[xr + i]! * f[wr + i]!;
      f[y + t * n + j] = sum;
    }
  }
}
