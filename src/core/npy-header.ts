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
      hint: 'embeddings come from YOLO-World tools/generate_text_prompts.py (np.save)',
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
