import type { ZipEntry } from './zip-read.js';

/** The records of a torch.save zip: `<archive>/data.pkl`, `<archive>/data/<key>` storages, and the rest. */
export interface TorchZipLayout {
  /** The archive's top folder (`archive` when saved to a buffer as mmengine does, else the file stem). */
  prefix: string;
  dataPkl: ZipEntry;
  storages: Map<string, ZipEntry>;
  /** `version`, `byteorder`, `.data/serialization_id`, ... kept when the checkpoint is written back. */
  others: ZipEntry[];
}

export class NotATorchZip extends Error {}

export function torchZipLayout(entries: readonly ZipEntry[]): TorchZipLayout {
  const pkl = entries.find((e) => /^[^/]+\/data\.pkl$/.test(e.name));
  if (!pkl) {
    const names = entries.slice(0, 3).map((e) => e.name).join(', ');
    throw new NotATorchZip(`it is a zip archive without data.pkl (${names || 'empty'}), not a torch checkpoint`);
  }
  const prefix = pkl.name.slice(0, -'/data.pkl'.length);
  if (entries.some((e) => e.name === `${prefix}/constants.pkl` || e.name.startsWith(`${prefix}/code/`))) {
    throw new NotATorchZip('it is a TorchScript model (torch.jit.save), not a checkpoint of weights');
  }
  const storages = new Map<string, ZipEntry>();
  const others: ZipEntry[] = [];
  for (const e of entries) {
    if (e === pkl) continue;
    if (e.method !== 0) throw new NotATorchZip(`record ${e.name} is compressed (method ${e.method}); torch.save stores records uncompressed`);
    if (e.name.startsWith(`${prefix}/data/`)) storages.set(e.name.slice(prefix.length + 6), e);
    else others.push(e);
  }
  if (pkl.method !== 0) throw new NotATorchZip(`data.pkl is compressed (method ${pkl.method}); torch.save stores records uncompressed`);
  return { prefix, dataPkl: pkl, storages, others };
}
