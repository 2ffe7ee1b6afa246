import { ByteSink } from './byte-sink.js';

/** A record as written: everything the central directory needs. */
export interface WrittenRecord {
  name: string;
  offset: number;
  size: number;
  crc32: number;
}

/** torch aligns every record's data to 64 bytes (so storages can be memory-mapped); so do we. */
export const RECORD_ALIGNMENT = 64;
const MAX32 = 0xffffffff;
/** Where the CRC sits in a local header, to fill in once the data has been streamed. */
export const LOCAL_CRC_OFFSET = 14;

/**
 * The local header of a stored record at `offset` with `size` bytes of data, CRC left 0 (patched at
 * LOCAL_CRC_OFFSET after streaming). The extra field pads the data start to RECORD_ALIGNMENT as torch's
 * writer does ('FB' + length + 'Z'...). `zip64` when the size does not fit in 32 bits (or to test it).
 */
export function localHeader(name: string, size: number, offset: number, zip64 = size >= MAX32): Uint8Array {
  const nameBytes = new TextEncoder().encode(name);
  const out = new ByteSink();
  out.u32(0x04034b50);
  out.u16(zip64 ? 45 : 20);
  out.u16(0x0800); // UTF-8 names
  out.u16(0); // stored
  out.u32(0); // time and date: fixed, so the same input gives the same bytes
  out.u32(0); // crc, patched later
  out.u32(zip64 ? MAX32 : size);
  out.u32(zip64 ? MAX32 : size);
  const zip64Length = zip64 ? 20 : 0;
  const before = offset + 30 + nameBytes.length + zip64Length + 4;
  const pad = (RECORD_ALIGNMENT - (before % RECORD_ALIGNMENT)) % RECORD_ALIGNMENT;
  out.u16(nameBytes.length);
  out.u16(zip64Length + 4 + pad);
  out.bytes(nameBytes);
  if (zip64) {
    out.u16(1);
    out.u16(16);
    out.u64(size);
    out.u64(size);
  }
  out.ascii('FB');
  out.u16(pad);
  out.ascii('Z'.repeat(pad));
  return out.toBytes();
}

/** Central directory, zip64 end record and locator (torch always writes them), and the end record. */
export function centralDirectory(records: readonly WrittenRecord[], start: number, forceZip64 = false): Uint8Array {
  const out = new ByteSink();
  for (const r of records) centralEntry(out, r, forceZip64);
  endRecords(out, records.length, out.length, start);
  return out.toBytes();
}

/** One central directory entry; sizes and offset past 32 bits go to the zip64 extra field. */
function centralEntry(out: ByteSink, r: WrittenRecord, forceZip64: boolean): void {
  const nameBytes = new TextEncoder().encode(r.name);
  const bigSize = forceZip64 || r.size >= MAX32;
  const bigOffset = forceZip64 || r.offset >= MAX32;
  const extra = (bigSize ? 16 : 0) + (bigOffset ? 8 : 0);
  out.u32(0x02014b50);
  out.u16(45); // made by: zip 4.5
  out.u16(bigSize || bigOffset ? 45 : 20);
  out.u16(0x0800);
  out.u16(0);
  out.u32(0);
  out.u32(r.crc32);
  out.u32(bigSize ? MAX32 : r.size);
  out.u32(bigSize ? MAX32 : r.size);
  out.u16(nameBytes.length);
  out.u16(extra ? extra + 4 : 0);
  out.u16(0); // comment
  out.u16(0); // disk
  out.u16(0); // internal attributes
  out.u32(0); // external attributes
  out.u32(bigOffset ? MAX32 : r.offset);
  out.bytes(nameBytes);
  if (!extra) return;
  out.u16(1);
  out.u16(extra);
  if (bigSize) {
    out.u64(r.size);
    out.u64(r.size);
  }
  if (bigOffset) out.u64(r.offset);
}

/** The zip64 end record and its locator, then the classic end record (0xFFFF/0xFFFFFFFF where zip64 holds the value). */
function endRecords(out: ByteSink, count: number, size: number, start: number): void {
  const zip64End = start + size;
  out.u32(0x06064b50);
  out.u64(44);
  out.u16(45);
  out.u16(45);
  out.u32(0);
  out.u32(0);
  out.u64(count);
  out.u64(count);
  out.u64(size);
  out.u64(start);
  out.u32(0x07064b50);
  out.u32(0);
  out.u64(zip64End);
  out.u32(1);
  out.u32(0x06054b50);
  out.u16(0);
  out.u16(0);
  out.u16(Math.min(count, 0xffff));
  out.u16(Math.min(count, 0xffff));
  out.u32(Math.min(size, MAX32));
  out.u32(Math.min(start, MAX32));
  out.u16(0);
}
