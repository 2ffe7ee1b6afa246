/**
 * The parts of the zip format torch.save writes (PyTorchStreamWriter/miniz): stored records, a central
 * directory, zip64 end records. io reads the bytes these functions ask for; nothing here touches a file.
 */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated, ... torch writes 0. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface CentralDirectoryLocation {
  offset: number;
  size: number;
  entries: number;
  /** Where the zip64 end record is, when the end record defers to it (io reads it, then `parseZip64End`). */
  zip64EndOffset?: number;
}

/** How many bytes at the end of a file always hold the end record (22 + the longest comment + zip64 locator). */
export const ZIP_TAIL_BYTES = 22 + 0xffff + 20;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipFormatError extends Error {}

/** Finds the end-of-central-directory record in the last bytes of a file (`tailStart` = their file offset). */
export function locateCentralDirectory(tail: Uint8Array, tailStart: number): CentralDirectoryLocation {
  const view = dv(tail);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) !== EOCD) continue;
    const commentLength = view.getUint16(i + 20, true);
    if (i + 22 + commentLength !== tail.length) continue;
    const loc: CentralDirectoryLocation = { entries: view.getUint16(i + 10, true), size: view.getUint32(i + 12, true), offset: view.getUint32(i + 16, true) };
    if (i >= 20 && view.getUint32(i - 20, true) === ZIP64_LOCATOR) loc.zip64EndOffset = u64(view, i - 20 + 8);
    else if (loc.offset + loc.size > tailStart + i) throw new ZipFormatError('the central directory lies past the end record (damaged file)');
    return loc;
  }
  throw new ZipFormatError('no zip end record (not a zip file, or cut short)');
}

/** The zip64 end-of-central-directory record (56 bytes at `zip64EndOffset`). */
export function parseZip64End(bytes: Uint8Array): CentralDirectoryLocation {
  const view = dv(bytes);
  if (bytes.length < 56 || view.getUint32(0, true) !== ZIP64_EOCD) throw new ZipFormatError('bad zip64 end record');
  return { entries: u64(view, 32), size: u64(view, 40), offset: u64(view, 48) };
}

export function parseCentralDirectory(bytes: Uint8Array, expected: number): ZipEntry[] {
  const view = dv(bytes);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= bytes.length && view.getUint32(p, true) === CENTRAL) {
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) break;
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      crc32: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    applyZip64Extra(entry, bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.push(entry);
    p = end;
  }
  if (entries.length !== expected) throw new ZipFormatError(`central directory lists ${entries.length} of ${expected} entries (damaged or cut short)`);
  return entries;
}

/** Fields set to 0xFFFFFFFF live in the zip64 extra field (id 1), in this order. */
function applyZip64Extra(entry: ZipEntry, extra: Uint8Array): void {
  const view = dv(extra);
  for (let p = 0; p + 4 <= extra.length;) {
    const id = view.getUint16(p, true);
    const length = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = q + 8 <= p + 4 + length ? u64(view, q) : NaN;
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
    }
    p += 4 + length;
  }
}

/** Local header length (30 + name + extra): the record's data starts that far after `localHeaderOffset`. */
export function localHeaderLength(header: Uint8Array): number {
  const view = dv(header);
  if (header.length < 30 || view.getUint32(0, true) !== LOCAL) throw new ZipFormatError('bad local header');
  return 30 + view.getUint16(26, true) + view.getUint16(28, true);
}

function dv(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function u64(view: DataView, at: number): number {
  const v = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(v)) throw new ZipFormatError('zip offset beyond 2^53');
  return v;
}
