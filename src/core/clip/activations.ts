/**
 * The MLP activations of transformers' ACT2FN that CLIP-like text towers use (`hidden_act`). The
 * published CLIP models all use quick_gelu; the others are cheap to have and fail loudly otherwise.
 */
export const ACTIVATIONS = ['quick_gelu', 'gelu', 'gelu_new', 'gelu_pytorch_tanh', 'relu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** Applies the activation in place to `data[start, end)`. */
export function activate(name: Activation, data: Float32Array, start = 0, end = data.length): void {
  switch (name) {
    case 'quick_gelu':
      for (let i = start; i < end; i++) data[i] = data[i]! / (1 + Math.exp(-1.702 * data[i]!));
      return;
    case 'gelu':
      for (let i = start; i < end; i++) data[i] = 0.5 * data[i]! * (1 + erf(data[i]! / Math.SQRT2));
      return;
    case 'gelu_new':
    case 'gelu_pytorch_tanh':
      for (let i = start; i < end; i++) {
        const x = data[i]!;
        data[i] = 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)));
      }
      return;
    case 'relu':
      for (let i = start; i < end; i++) if (!(data[i]! > 0)) data[i] = 0;
      return;
  }
}

/** erf from the complementary error function's Chebyshev fit (Numerical Recipes `erfcc`, relative error < 1.2e-7). */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z - 1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - erfc : erfc - 1;
}
