import { PickleError, unpickle } from '../../core/checkpoint/pickle-read.js';
import { NotATorchZip, torchZipLayout } from '../../core/checkpoint/torch-zip.js';
import {
  ZIP_TAIL_BYTES, ZipFormatError, localHeaderLength, locateCentralDirectory, parseCentralDirectory, parseZip64End, type ZipEntry,
} from '../../core/checkpoint/zip-read.js';
import type { FileReader } from './file-reader.js';
import { notACheckpoint, type ExtraRecord, type OpenedFormat, type StorageLocation } from './open-checkpoint.js';

/** Reads the central directory from the end of the file, then data.pkl; storages are located on demand. */
export async function openZip(file: FileReader): Promise<OpenedFormat> {
  const entries = await readEntries(file);
  let layout;
  try {
    layout = torchZipLayout(entries);
  } catch (error) {
    if (error instanceof NotATorchZip) throw notACheckpoint(file.name, error.message);
    throw error;
  }
  const pkl = await readRecord(file, layout.dataPkl);
  let root;
  try {
    root = unpickle(pkl).root;
  } catch (error) {
    if (error instanceof PickleError) throw notACheckpoint(file.name, `${layout.prefix}/data.pkl: ${error.message}`);
    throw error;
  }
  const extraRecords: ExtraRecord[] = [];
  for (const e of layout.others) {
    const short = e.name.slice(layout.prefix.length + 1);
    // small metadata records only (version, byteorder, serialization id); anything large is not torch's
    if (e.size <= 4096) extraRecords.push({ name: short, data: await readRecord(file, e) });
  }
  const located = new Map<string, StorageLocation>();
  return {
    root,
    extraRecords,
    async locate(key) {
      const known = located.get(key);
      if (known) return known;
      const entry = layout.storages.get(key);
      if (!entry) throw notACheckpoint(file.name, `storage data/${key} is used by a tensor but missing from the archive`);
      const where = { offset: await dataOffset(file, entry), length: entry.size, crc32: entry.crc32 };
      if (where.offset + where.length > file.size) throw file.cutShort(where.offset + where.length);
      located.set(key, where);
      return where;
    },
  };
}

async function readEntries(file: FileReader): Promise<ZipEntry[]> {
  try {
    const tailStart = Math.max(0, file.size - ZIP_TAIL_BYTES);
    let loc = locateCentralDirectory(await file.read(tailStart, file.size - tailStart), tailStart);
    if (loc.zip64EndOffset !== undefined) loc = parseZip64End(await file.read(loc.zip64EndOffset, 56));
    if (loc.offset + loc.size > file.size) throw file.cutShort(loc.offset + loc.size);
    return parseCentralDirectory(await file.read(loc.offset, loc.size), loc.entries);
  } catch (error) {
    if (error instanceof ZipFormatError) throw notACheckpoint(file.name, `${error.message}; it starts like a zip, so the download was probably cut short`);
    throw error;
  }
}

async function dataOffset(file: FileReader, entry: ZipEntry): Promise<number> {
  try {
    // name and extra lengths come from the local header (its extra field pads the data to 64 bytes)
    return entry.localHeaderOffset + localHeaderLength(await file.read(entry.localHeaderOffset, 30));
  } catch (error) {
    if (error instanceof ZipFormatError) throw notACheckpoint(file.name, `record ${entry.name}: ${error.message}`);
    throw error;
  }
}

async function readRecord(file: FileReader, entry: ZipEntry): Promise<Uint8Array> {
  return file.read(await dataOffset(file, entry), entry.size);
}
