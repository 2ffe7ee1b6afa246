import { DTYPES, type DType } from './storage.js';
import { numel, storageExtent, type TensorLayout } from './tensors.js';

/**
 * The tensor's values as float32 in C order, from the bytes of its storage starting at element
 * `layout.offset` (what io read: `storageExtent(layout)` elements). Strides are honoured, so views
 * (e.g. the per-head slices a reparameterization writes) read right. torch stores little-endian.
 */
export function toFloat32(region: Uint8Array, layout: Pick<TensorLayout, 'dtype' | 'shape' | 'stride'>): Float32Array {
  const size = DTYPES[layout.dtype].size;
  const extent = storageExtent(layout);
  if (region.length < extent * size) throw new Error(`tensor data cut short: ${region.length} of ${extent * size} bytes`);
  const read = reader(layout.dtype, new DataView(region.buffer, region.byteOffset, region.byteLength));
  const out = new Float32Array(numel(layout.shape));
  const { shape, stride } = layout;
  const index = new Array<number>(shape.length).fill(0);
  let at = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = read(at);
    // advance the multi-index like an odometer, moving `at` by the strides
    for (let d = shape.length - 1; d >= 0; d--) {
      index[d]!++;
      at += stride[d]!;
      if (index[d]! < shape[d]!) break;
      at -= stride[d]! * shape[d]!;
      index[d] = 0;
    }
  }
  return out;
}

function reader(dtype: DType, view: DataView): (element: number) => number {
  switch (dtype) {
    case 'float32': return (e) => view.getFloat32(e * 4, true);
    case 'float64': return (e) => view.getFloat64(e * 8, true);
    case 'float16': return (e) => halfToFloat(view.getUint16(e * 2, true));
    case 'bfloat16': return (e) => bf16ToFloat(view.getUint16(e * 2, true));
    case 'int64': return (e) => Number(view.getBigInt64(e * 8, true));
    case 'int32': return (e) => view.getInt32(e * 4, true);
    case 'int16': return (e) => view.getInt16(e * 2, true);
    case 'int8': return (e) => view.getInt8(e);
    case 'uint8':
    case 'bool': return (e) => view.getUint8(e);
    default: throw new Error(`${dtype} tensors cannot be read as float32`);
  }
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function bf16ToFloat(bits: number): number {
  u32[0] = bits << 16;
  return f32[0]!;
}

export function halfToFloat(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Little-endian float32 bytes of `values` (what a new FloatStorage record holds). */
export function float32Bytes(values: Float32Array): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return out;
}
