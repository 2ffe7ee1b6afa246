import { readFile } from 'node:fs/promises';
import { localHeaderLength, locateCentralDirectory, parseCentralDirectory, parseZip64End } from '../../../src/core/checkpoint/zip-read.js';

/** One stored record of a zip file, found through the central directory (test helper). */
export async function unzipRecord(path: string, name: RegExp): Promise<Buffer> {
  const { file, start, size } = await recordAt(path, name);
  return file.subarray(start, start + size);
}

/** Where a stored record's data starts in the file. */
export async function recordAt(path: string, name: RegExp): Promise<{ file: Buffer; start: number; size: number }> {
  const file = await readFile(path);
  const bytes = new Uint8Array(file.buffer, file.byteOffset, file.length);
  let loc = locateCentralDirectory(bytes, 0);
  if (loc.zip64EndOffset !== undefined) loc = parseZip64End(bytes.subarray(loc.zip64EndOffset));
  const entry = parseCentralDirectory(bytes.subarray(loc.offset, loc.offset + loc.size), loc.entries).find((e) => name.test(e.name));
  if (!entry) throw new Error(`no ${name} in ${path}`);
  const start = entry.localHeaderOffset + localHeaderLength(bytes.subarray(entry.localHeaderOffset));
  return { file, start, size: entry.size };
}
