import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { CheckInput, CocoInput, Unreadable } from '../../core/check/input.js';
import { filesToRead, loadFromPath, pathsToStat } from '../../core/check/input.js';
import type { CheckpointHeader } from '../../core/check/load-from.js';
import { readCheckpointHeader } from '../checkpoints/checkpoint-header.js';
import type { ConfigText } from '../../core/config-reader/read-config.js';
import { LIMITS } from '../../core/config-reader/limits.js';
import type { PyDict } from '../../core/config-reader/values.js';
import { NPY_HEADER_BYTES, parseNpyHeader, type NpyHeader } from '../../core/npy-header.js';
import { isYwError } from '../../errors.js';
import { readHead } from '../fs/file-head.js';
import { statIfExists } from '../fs/path-kind.js';
import { osError } from '../fs/os-error.js';
import { readJson } from '../fs/read-text.js';
import { readCocoSummary } from '../dataset/read-coco.js';
import { readRegularFile } from '../fs/regular-file.js';

/**
 * The config reader's file callback: the text of a regular UTF-8 file, undefined when it does not
 * exist, or why it is not read (a directory, a FIFO, a device, too large, not UTF-8), as mmengine's
 * `open(..., encoding='utf-8')` would fail or hang on those.
 */
export async function readConfigText(path: string): Promise<ConfigText> {
  const read = await readRegularFile(path, LIMITS.fileBytes, 'config file');
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'not-regular') return { unreadable: `${read.what}, not a regular file` };
  if (read.kind === 'too-large') return { unreadable: `${(read.size / 1e6).toFixed(1)} MB, more than the ${LIMITS.fileBytes / 1e6} MB a config may have` };
  try {
    // The BOM is kept: Python keeps it too, and then refuses the file (U+FEFF is not valid syntax).
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(read.bytes);
  } catch {
    return { unreadable: 'not valid UTF-8 text' };
  }
}

/**
 * Reads what the checks need: COCO files (summary + a sample of file names), class-text JSONs, the
 * embeddings header, and whether image samples and load_from exist. Relative paths resolve against
 * `root`, the folder tools/train.py runs in.
 */
export async function gatherCheckInput(config: PyDict, configFile: string, root: string): Promise<CheckInput> {
  const at = (p: string) => (isAbsolute(p) ? p : resolve(root, p));
  const wanted = filesToRead(config);
  const coco = new Map<string, CocoInput | Unreadable>();
  for (const p of wanted.coco) coco.set(p, await attempt(async () => readCoco(at(p))));
  const texts = new Map<string, unknown>();
  for (const p of wanted.texts) texts.set(p, await attempt(() => readJson(at(p), 'class-text JSON')));
  const npy = new Map<string, NpyHeader | Unreadable>();
  for (const p of wanted.npy) npy.set(p, await attempt(async () => parseNpyHeader(await readNpyHead(at(p)), p)));
  const exists = new Map<string, boolean>();
  for (const p of pathsToStat(config, coco)) exists.set(p, await isFile(at(p)));
  const checkpoints = new Map<string, CheckpointHeader | Unreadable>();
  const loadFrom = loadFromPath(config);
  // a load_from that is there but not a regular file (a FIFO, a folder) is "read" too: the regular-file gate names it
  if (loadFrom && (exists.get(loadFrom) || (await isPresent(at(loadFrom))))) {
    exists.set(loadFrom, true);
    checkpoints.set(loadFrom, await attempt(() => readCheckpointHeader(at(loadFrom), loadFrom)));
  }
  return { config, configFile, coco, texts, npy, exists, checkpoints };
}

async function readCoco(path: string): Promise<CocoInput> {
  return { summary: await readCocoSummary(path) };
}

async function readNpyHead(path: string): Promise<Uint8Array> {
  try {
    return await readHead(path, NPY_HEADER_BYTES, 'embeddings file');
  } catch (error) {
    // the check's finding says "not found" in its own words
    if (isYwError(error) && error.code === 'FILE_NOT_FOUND') throw new Error(`${path} not found`);
    throw error;
  }
}

/** A user-data failure (YwError, OS error, missing file) becomes `{error}`; anything else is a bug and propagates. */
async function attempt<T>(run: () => Promise<T>): Promise<T | Unreadable> {
  try {
    return await run();
  } catch (error) {
    const user = isYwError(error) ? error : osError(error);
    if (user) return { error: user.message };
    if (error instanceof Error && / not found$/.test(error.message)) return { error: error.message };
    throw error;
  }
}

/** Something is at `path` (any kind; an OS error other than "no such file" counts: reading it words the error). */
async function isPresent(path: string): Promise<boolean> {
  return (await statIfExists(path).catch(() => true)) !== undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
