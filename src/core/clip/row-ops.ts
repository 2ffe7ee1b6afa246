/** Row-wise float32 operations of the text model, in place on one memory (offsets in floats). */

/** torch.nn.LayerNorm over the last axis: biased variance, eps inside the square root. */
export function layerNorm(f: Float32Array, from: number, to: number, rows: number, h: number, weight: number, bias: number, eps: number): void {
  for (let r = 0; r < rows; r++) {
    const x = from + r * h;
    let mean = 0;
    for (let i = 0; i < h; i++) mean += f[x + i]!;
    mean /= h;
    let variance = 0;
    for (let i = 0; i < h; i++) variance += (f[x + i]! - mean) ** 2;
    const inv = 1 / Math.sqrt(variance / h + eps);
    for (let i = 0; i < h; i++) f[to + r * h + i] = (f[x + i]! - mean) * inv * f[weight + i]! + f[bias + i]!;
  }
}

export function addInto(f: Float32Array, to: number, from: number, count: number): void {
  for (let i = 0; i < count; i++) f[to + i] = f[to + i]! + f[from + i]!;
}

export function normalizeRows(out: Float32Array, width: number): void {
  for (let r = 0; r < out.length / width; r++) {
    let sum = 0;
    for (let i = 0; i < width; i++) sum += out[r * width + i]! ** 2;
    const norm = Math.sqrt(sum);
    for (let i = 0; i < width; i++) out[r * width + i] = out[r * width + i]! / norm;
  }
}
