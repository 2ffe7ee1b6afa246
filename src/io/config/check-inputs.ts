import { stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { CheckInput, CocoInput, Unreadable } from '../../core/check/input.js';
import { filesToRead, pathsToStat, sampleFileNames } from '../../core/check/input.js';
import type { PyDict } from '../../core/config-reader/values.js';
import { summarizeCoco } from '../../core/dataset/coco-summary.js';
import { NPY_HEADER_BYTES, parseNpyHeader, type NpyHeader } from '../../core/npy-header.js';
import { isYwError } from '../../errors.js';
import { readHead } from '../fs/file-head.js';
import { osError } from '../fs/os-error.js';
import { readJson, readText } from '../fs/read-text.js';
import { regularFileExists } from '../fs/regular-file.js';

/**
 * The config reader's file callback (the config and every `_base_`): text, or undefined when the
 * file does not exist. A folder, FIFO, device or /proc file is refused before it is opened, whatever
 * the reader does with the text (regular-file.ts).
 */
export async function readConfigText(path: string): Promise<string | undefined> {
  if (!(await regularFileExists(path, 'config file'))) return undefined;
  return readText(path, 'config file');
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
  return { config, configFile, coco, texts, npy, exists };
}

async function readCoco(path: string): Promise<CocoInput> {
  const json = await readJson(path, 'COCO annotation file');
  return { summary: summarizeCoco(json, path), sample: sampleFileNames(json) };
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

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
