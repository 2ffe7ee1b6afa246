import { YwError } from '../errors.js';
import type { TensorInfo } from './tensors.js';

/**
 * The safetensors format (huggingface/safetensors): an 8-byte little-endian header length N, N bytes of
 * JSON `{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}` (offsets relative to
 * the end of the header, which may be padded with spaces), then the raw little-endian tensors.
 * Only the header is parsed here; tensors are read by offset, never the whole file.
 */
export interface SafetensorsEntry extends TensorInfo {
  /** Absolute byte range in the file. */
  begin: number;
  end: number;
}

export const SAFETENSORS_PREFIX_BYTES = 8;
/** The reference implementation refuses headers over 100 MB. */
const MAX_HEADER_BYTES = 100_000_000;

const ELEMENT_BYTES: Readonly<Record<string, number>> = {
  F64: 8, F32: 4, F16: 2, BF16: 2, I64: 8, I32: 4, I16: 2, I8: 1, U8: 1, BOOL: 1, F8_E4M3: 1, F8_E5M2: 1,
};

function invalid(file: string, why: string): YwError {
  return new YwError('SAFETENSORS_INVALID', `${file} is not a valid safetensors file: ${why}`, {
    file,
    hint: 'the download may be incomplete; fetch model.safetensors again',
  });
}

/** The header length from the first 8 bytes, checked against the file size. */
export function safetensorsHeaderLength(prefix: Uint8Array, fileSize: number, file: string): number {
  if (prefix.length < SAFETENSORS_PREFIX_BYTES) throw invalid(file, `only ${fileSize} bytes`);
  const length = Number(new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true));
  if (length > MAX_HEADER_BYTES || SAFETENSORS_PREFIX_BYTES + length > fileSize) {
    throw invalid(file, `the header claims ${length} bytes, the file has ${fileSize}`);
  }
  return length;
}

export function parseSafetensorsHeader(header: Uint8Array, fileSize: number, file: string): Map<string, SafetensorsEntry> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(header));
  } catch (error) {
    throw invalid(file, `the header is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw invalid(file, 'the header is not a JSON object');
  const dataStart = SAFETENSORS_PREFIX_BYTES + header.length;
  const entries = new Map<string, SafetensorsEntry>();
  for (const [name, value] of Object.entries(json)) {
    if (name === '__metadata__') continue;
    entries.set(name, parseEntry(name, value, dataStart, fileSize, file));
  }
  return entries;
}

function parseEntry(name: string, value: unknown, dataStart: number, fileSize: number, file: string): SafetensorsEntry {
  const v = (value ?? {}) as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  const dims = Array.isArray(v.shape) && v.shape.every((n) => Number.isSafeInteger(n) && n >= 0) ? (v.shape as number[]) : undefined;
  const offsets = Array.isArray(v.data_offsets) && v.data_offsets.length === 2 && v.data_offsets.every((n) => Number.isSafeInteger(n) && n >= 0)
    ? (v.data_offsets as [number, number]) : undefined;
  const size = typeof v.dtype === 'string' ? ELEMENT_BYTES[v.dtype] : undefined;
  if (!dims || !offsets || size === undefined) throw invalid(file, `tensor ${name} has no valid dtype, shape and data_offsets`);
  const count = dims.reduce((a, b) => a * b, 1);
  const [begin, end] = [dataStart + offsets[0], dataStart + offsets[1]];
  if (end - begin !== count * size) throw invalid(file, `tensor ${name} spans ${end - begin} bytes, ${v.dtype} [${dims.join(', ')}] needs ${count * size}`);
  if (end > fileSize) throw invalid(file, `tensor ${name} ends at byte ${end}, past the end of the file (${fileSize} bytes; truncated?)`);
  return { dtype: v.dtype as string, shape: dims, begin, end };
}

export function elementBytes(dtype: string): number {
  return ELEMENT_BYTES[dtype] ?? 0;
}

/** Converts little-endian `dtype` values to float32 into `dest` (which holds bytes.length / size values). */
export function decodeFloats(dtype: string, bytes: Uint8Array, dest: Float32Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dest.length;
  if (dtype === 'F32') for (let i = 0; i < n; i++) dest[i] = view.getFloat32(i * 4, true);
  else if (dtype === 'F64') for (let i = 0; i < n; i++) dest[i] = view.getFloat64(i * 8, true);
  else if (dtype === 'BF16') for (let i = 0; i < n; i++) dest[i] = bf16(view.getUint16(i * 2, true));
  else if (dtype === 'F16') for (let i = 0; i < n; i++) dest[i] = f16(view.getUint16(i * 2, true));
  else throw new Error(`decodeFloats: ${dtype} is not a float dtype`);
}

const bf16Scratch = new DataView(new ArrayBuffer(4));
function bf16(bits: number): number {
  bf16Scratch.setUint32(0, bits << 16);
  return bf16Scratch.getFloat32(0);
}

/** IEEE half precision: subnormals, infinities and NaN included. */
export function f16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** One contiguous read: `length` bytes at file `position`, giving `count` floats at `dest` (in floats). */
export interface TensorRange {
  position: number;
  length: number;
  dest: number;
  count: number;
}

/** The reads that fetch a tensor, or only `rows` of its first axis in that order (consecutive rows merged). */
export function tensorRanges(entry: SafetensorsEntry, rows?: readonly number[]): TensorRange[] {
  const size = elementBytes(entry.dtype);
  const total = entry.shape.reduce((a, b) => a * b, 1);
  if (!rows) return [{ position: entry.begin, length: total * size, dest: 0, count: total }];
  const perRow = entry.shape.length > 0 && entry.shape[0]! > 0 ? total / entry.shape[0]! : 0;
  const ranges: TensorRange[] = [];
  rows.forEach((row, i) => {
    const last = ranges[ranges.length - 1];
    const position = entry.begin + row * perRow * size;
    if (last && last.position + last.length === position) {
      last.length += perRow * size;
      last.count += perRow;
    } else ranges.push({ position, length: perRow * size, dest: i * perRow, count: perRow });
  });
  return ranges;
}

/** Whether `dtype` values can be read straight into a Float32Array on this machine. */
export const readsAsFloat32 = (dtype: string): boolean =>
  dtype === 'F32' && new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
