import { YwError } from '../errors.js';

/** The header of a NumPy `.npy` file: enough to check an embeddings file without loading it. */
export interface NpyHeader {
  dtype: string;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset where the array data starts. */
  dataOffset: number;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** How many leading bytes `parseNpyHeader` may need (headers are padded to 64 bytes, rarely > 4 KB). */
export const NPY_HEADER_BYTES = 65_536;

/** Parses the header from the first bytes of a .npy file (versions 1.0, 2.0 and 3.0). */
export function parseNpyHeader(bytes: Uint8Array, file: string): NpyHeader {
  const bad = (why: string) =>
    new YwError('NPY_INVALID', `${file} is not a NumPy .npy file: ${why}`, {
      file,
      hint: 'make the embeddings with `yw embed` (or YOLO-World tools/generate_text_prompts.py)',
    });
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw bad('wrong magic bytes');
  const major = bytes[6]!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [lengthBytes, headerLength] = major === 1 ? [2, view.getUint16(8, true)] : [4, bytes.length >= 12 ? view.getUint32(8, true) : -1];
  const start = 8 + lengthBytes;
  if (headerLength < 0 || start + headerLength > bytes.length) throw bad('truncated header');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw bad('unreadable header dict');
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => Number(s.replace(/L$/, '')));
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw bad(`bad shape (${shapeText})`);
  return { dtype: descr, fortranOrder: fortran === 'True', shape, dataOffset: start + headerLength };
}

/** numpy (>= 1.23) leaves room in the header for the first axis to grow to this many digits. */
const GROWTH_AXIS_MAX_DIGITS = 21;

/**
 * A little-endian float32 `.npy` (version 1.0, C order), byte for byte what `np.save` writes for a
 * float32 array of that shape: the header dict in numpy's key order, the growth padding, spaces and a
 * newline up to a multiple of 64 bytes.
 */
export function npyFloat32(shape: readonly number[], data: Float32Array): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  if (shape.length > 0) dict += ' '.repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - String(shape[0]).length));
  const unpadded = MAGIC.length + 2 + 2 + dict.length + 1;
  // numpy pads 64 bytes, not 0, when the header already ends on a boundary
  const header = `${dict}${' '.repeat(64 - (unpadded % 64))}\n`;
  const out = new Uint8Array(MAGIC.length + 4 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out.set([1, 0, header.length & 0xff, header.length >> 8], MAGIC.length);
  out.set(new TextEncoder().encode(header), MAGIC.length + 4);
  const body = new DataView(out.buffer, MAGIC.length + 4 + header.length);
  data.forEach((value, i) => body.setFloat32(i * 4, value, true));
  return out;
}
