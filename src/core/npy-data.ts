import { YwError } from '../errors.js';
import { halfToFloat } from './checkpoint/tensor-data.js';
import type { NpyHeader } from './npy-header.js';

/**
 * The values of a 2-D float .npy array as float32 in C (row-major) order, whatever its float width,
 * byte order or memory order (`bytes` is the whole file). Embeddings from np.save are '<f4'.
 */
export function npyMatrixFloat32(bytes: Uint8Array, header: NpyHeader, file: string): Float32Array {
  const m = /^([<>|=])f([248])$/.exec(header.dtype);
  if (!m) throw new YwError('NPY_DTYPE', `${file} holds ${header.dtype} values; embeddings must be floats (float32 from np.save)`, { file, hint: 'save them with np.save(path, array.astype(np.float32))' });
  const width = Number(m[2]);
  const little = m[1] !== '>';
  const [rows = 0, cols = 1] = header.shape;
  const count = header.shape.reduce((a, b) => a * b, 1);
  const data = bytes.subarray(header.dataOffset);
  if (data.length < count * width) throw new YwError('NPY_INVALID', `${file} is cut short: ${data.length} of ${count * width} data bytes`, { file, hint: 'write the file again' });
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const read = width === 4 ? (i: number) => view.getFloat32(i * 4, little)
    : width === 8 ? (i: number) => view.getFloat64(i * 8, little)
      : (i: number) => halfToFloat(view.getUint16(i * 2, little));
  const out = new Float32Array(count);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = read(header.fortranOrder ? c * rows + r : r * cols + c);
  }
  if (header.shape.length !== 2) for (let i = 0; i < count; i++) out[i] = read(i);
  return out;
}
