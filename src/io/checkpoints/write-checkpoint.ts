import type { PickleNode } from '../../core/checkpoint/pickle-node.js';
import { pickle } from '../../core/checkpoint/pickle-write.js';
import { DTYPES, storageRefs } from '../../core/checkpoint/storage.js';
import { planStorages, type StorageRecord } from '../../core/checkpoint/storage-plan.js';
import { YwError } from '../../errors.js';
import { openAtomicFile, writeError, type AtomicFile, type WriteOptions } from '../fs/atomic-write.js';
import type { Checkpoint, ExtraRecord } from './open-checkpoint.js';
import { ZipOut, crc32 } from './zip-out.js';

export interface WriteCheckpointOptions extends WriteOptions {
  /** The output may replace a symbolic link (best.pth, which `yw best --link` makes). */
  replacesLink?: boolean;
  /** Zip64 fields on every record (only files over 4 GB need them; tests use this to cover them). */
  forceZip64?: boolean;
}


const CHUNK = 8 << 20;
const VERSION: ExtraRecord = { name: 'version', data: new TextEncoder().encode('3\n') };

/**
 * Writes `root` as a torch.save zip checkpoint (archive folder `archive`, as mmengine's checkpoints
 * have it) by the rules every output follows (io/fs/output-path.ts: a temporary sibling, published
 * when complete). Storages come from `added` (new tensors) or are copied from `source` in chunks,
 * their CRC checked against the source's index. Returns the size of the file written.
 */
export async function writeCheckpoint(
  path: string,
  root: PickleNode,
  source: Checkpoint | undefined,
  added: ReadonlyMap<string, Uint8Array>,
  options: WriteCheckpointOptions,
): Promise<number> {
  const sizes = await sourceSizes(source, root);
  const storages = planStorages(root, added, (key) => sizes.get(key));
  const file: AtomicFile = await openAtomicFile(path, options, options.replacesLink ?? false);
  try {
    const zip = new ZipOut(file.handle, options.forceZip64 ?? false);
    await zip.add('archive/data.pkl', [pickle(root)]);
    // one buffer for every chunk: each is written before the next is read
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (const s of storages) await zip.add(`archive/data/${s.key}`, chunks(s, source, buffer), s.byteLength);
    const extras = source?.extraRecords.length ? source.extraRecords : [VERSION];
    for (const r of extras) await zip.add(`archive/${r.name}`, [r.data]);
    const size = await zip.finish();
    await file.commit();
    return size;
  } catch (error) {
    await file.abort();
    throw writeError(path, error);
  }
}

/** Element counts of the source's storages, for persistent ids that do not carry one (legacy files). */
async function sourceSizes(source: Checkpoint | undefined, root: PickleNode): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (source?.format !== 'legacy') return out;
  for (const ref of storageRefs(root)) {
    if (out.has(ref.key)) continue;
    out.set(ref.key, (await source.locate(ref.key)).length / DTYPES[ref.dtype].size);
  }
  return out;
}

/** The record's bytes: given, or read from the source in chunks with the source's CRC checked at the end. */
async function* chunks(s: StorageRecord, source: Checkpoint | undefined, buffer: Buffer): AsyncGenerator<Uint8Array> {
  if ('bytes' in s.from) {
    yield s.from.bytes;
    return;
  }
  if (!source) throw new Error(`storage ${s.key} has no source`);
  const where = await source.locate(s.from.key);
  if (s.from.byteOffset + s.byteLength > where.length) {
    throw new YwError('CHECKPOINT_INVALID', `${source.path}: storage ${s.from.key} is shorter than its tensors need`, {
      file: source.path,
      hint: 'the checkpoint is damaged; download or copy it again',
    });
  }
  const whole = s.from.byteOffset === 0 && s.byteLength === where.length;
  let crc = 0;
  for (let done = 0; done < s.byteLength; done += CHUNK) {
    const part = await source.readInto(buffer, where.offset + s.from.byteOffset + done, Math.min(CHUNK, s.byteLength - done));
    if (whole && where.crc32 !== undefined) crc = crc32(part, crc);
    yield part;
  }
  if (whole && where.crc32 !== undefined && crc !== where.crc32) {
    throw new YwError('CHECKPOINT_INVALID', `${source.path}: storage ${s.from.key} does not match its CRC (the file is damaged)`, {
      file: source.path,
      hint: 'download the checkpoint again',
    });
  }
}
