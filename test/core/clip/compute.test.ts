import { describe, expect, it } from 'vitest';
import { createCompute, linearJs, roundRows } from '../../../src/core/clip/compute.js';

/** A deterministic fill in [-1, 1). */
function fill(f: Float32Array, at: number, count: number, seed: number): void {
  let s = seed;
  for (let i = 0; i < count; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    f[at + i] = s / 2 ** 31 - 1;
  }
}

describe('linear: the WebAssembly SIMD kernel against the float64 JavaScript reference', () => {
  const shapes = [
    { rows: 1, n: 4, k: 4 },
    { rows: 7, n: 12, k: 8 },
    { rows: 33, n: 96, k: 64 },
    // more rows of w than one cache block (128 KB / 4 KB per row = 32 rows), and a ragged last block
    { rows: 5, n: 40 * 4 + 4, k: 1024 },
    // shapes the kernel does not take go to the JavaScript loop
    { rows: 3, n: 10, k: 6 },
  ];
  for (const { rows, n, k } of shapes) {
    it(`rows ${rows}, n ${n}, k ${k}`, () => {
      const x = 0;
      const w = roundRows(rows) * k;
      const b = w + n * k;
      const y = b + n;
      const compute = createCompute(y + roundRows(rows) * n);
      expect(compute.simd).toBe(true);
      fill(compute.f32, x, rows * k, 1);
      fill(compute.f32, w, n * k + n, 2);
      compute.linear(x, w, b, y, rows, n, k);
      const got = compute.f32.slice(y, y + rows * n);
      const reference = new Float32Array(rows * k + n * k + n + rows * n);
      reference.set(compute.f32.subarray(x, x + rows * k), 0);
      reference.set(compute.f32.subarray(w, w + n * k + n), rows * k);
      linearJs(reference, 0, rows * k, rows * k + n * k, rows * k + n * k + n, rows, n, k);
      const want = reference.subarray(rows * k + n * k + n);
      const worst = got.reduce((m, v, i) => Math.max(m, Math.abs(v - want[i]!)), 0);
      expect(worst).toBeLessThan(1e-5 * Math.sqrt(k));
      expect(got.some((v) => v !== 0)).toBe(true);
    });
  }
});
