import type { FileHandle } from 'node:fs/promises';
import * as zlib from 'node:zlib';
import { crc32 as jsCrc32 } from '../../core/checkpoint/crc32.js';
import { LOCAL_CRC_OFFSET, centralDirectory, localHeader, type WrittenRecord } from '../../core/checkpoint/zip-write.js';

/** Node >= 20.15 has a native CRC-32 (~10x the JS one); older 20.x fall back. */
export const crc32: (data: Uint8Array, value?: number) => number =
  (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32 ?? jsCrc32;

/** Appends stored records to a file, then the central directory. */
export class ZipOut {
  private offset = 0;
  private readonly records: WrittenRecord[] = [];

  constructor(private readonly handle: FileHandle, private readonly forceZip64: boolean) {}

  async add(name: string, data: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, size?: number): Promise<void> {
    const start = this.offset;
    let length = size;
    const parts: Uint8Array[] = [];
    if (length === undefined) {
      for await (const part of data) parts.push(part);
      length = parts.reduce((n, p) => n + p.length, 0);
    }
    const header = localHeader(name, length, start, this.forceZip64 || length >= 0xffffffff);
    await this.write(header);
    let crc = 0;
    let written = 0;
    for await (const part of parts.length ? parts : data) {
      crc = crc32(part, crc);
      written += part.length;
      await this.write(part);
    }
    if (written !== length) throw new Error(`record ${name}: wrote ${written} of ${length} bytes`);
    const crcBytes = new Uint8Array(4);
    new DataView(crcBytes.buffer).setUint32(0, crc, true);
    await this.handle.write(crcBytes, 0, 4, start + LOCAL_CRC_OFFSET);
    this.records.push({ name, offset: start, size: length, crc32: crc });
  }

  async finish(): Promise<number> {
    await this.write(centralDirectory(this.records, this.offset, this.forceZip64));
    return this.offset;
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.offset + done);
      done += bytesWritten;
    }
    this.offset += bytes.length;
  }
}
