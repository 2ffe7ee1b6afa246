import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { YwError } from '../../errors.js';
import {
  cacheRepoDir,
  DEFAULT_CLIP_REPO,
  downloadHint,
  hubCacheDir,
  isRepoId,
  SNAPSHOT_FILES,
  WEIGHT_FILES,
} from '../../core/clip/hf-cache.js';
import { displayPath } from '../fs/display-path.js';
import { readText } from '../fs/read-text.js';

export interface ClipSnapshot {
  dir: string;
  /** The repo id when --model named one (or a cache entry), for messages and the summary. */
  repoId?: string;
  /** The weights file found: model.safetensors when both exist, as transformers prefers it. */
  weights: string;
}

export interface SnapshotContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  home?: string;
}

const isDir = async (path: string) => (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
/** stat follows symlinks: a cache snapshot's link to a missing blob counts as missing. */
const isFile = async (path: string) => (await stat(path).catch(() => undefined))?.isFile() ?? false;

/**
 * `--model`: a snapshot folder; a cache entry folder (`models--owner--name`, followed through
 * refs/main); or a repo id looked up in the Hugging Face cache. Like `from_pretrained`, an existing
 * folder wins over a repo id of the same spelling. Nothing is downloaded.
 */
export async function resolveClipSnapshot(arg: string, ctx: SnapshotContext): Promise<ClipSnapshot> {
  const path = resolve(ctx.cwd, arg);
  if (await isDir(path)) {
    const repoId = /models--([^/\\]+?)--([^/\\]+)(?:[/\\]snapshots[/\\][^/\\]+)?$/.exec(path.replace(/[/\\]+$/, ''));
    const id = repoId ? `${repoId[1]}/${repoId[2]}` : undefined;
    return checkFiles(await isDir(join(path, 'snapshots')) ? await cachedSnapshot(path, arg) : path, ctx.cwd, id);
  }
  if (await isFile(path)) {
    throw new YwError('MODEL_NOT_A_FOLDER', `${displayPath(ctx.cwd, path)} is a file; --model takes the snapshot folder that holds it`, {
      hint: `pass --model ${displayPath(ctx.cwd, dirname(path))}`,
    });
  }
  if (!isRepoId(arg)) {
    throw new YwError('MODEL_NOT_FOUND', `model folder not found: ${path}`, {
      hint: `pass the folder of a Hugging Face snapshot of ${DEFAULT_CLIP_REPO} (config.json, vocab.json, merges.txt, model.safetensors), or its repo id if it is in the Hugging Face cache`,
    });
  }
  const hub = hubCacheDir(ctx.env, ctx.home ?? homedir());
  const repoDir = cacheRepoDir(hub, arg);
  if (!(await isDir(repoDir))) {
    throw new YwError('MODEL_NOT_FOUND', `${arg} is neither a folder here nor in the Hugging Face cache (${repoDir})`, {
      hint: `${downloadHint(arg, `models/${arg.split('/').pop()}`, [...SNAPSHOT_FILES, WEIGHT_FILES[0]])}, then pass --model models/${arg.split('/').pop()}; or set HF_HOME to the cache that holds it`,
    });
  }
  return checkFiles(await cachedSnapshot(repoDir, arg), ctx.cwd, arg);
}

/** A cache entry's snapshot: the revision refs/main names, else its only snapshot. */
async function cachedSnapshot(repoDir: string, arg: string): Promise<string> {
  const ref = await readText(join(repoDir, 'refs', 'main'), 'cache ref').catch(() => undefined);
  if (ref !== undefined && ref.trim() !== '') return join(repoDir, 'snapshots', ref.trim());
  const revisions = await readdir(join(repoDir, 'snapshots')).catch(() => [] as string[]);
  if (revisions.length === 1) return join(repoDir, 'snapshots', revisions[0]!);
  throw new YwError('MODEL_NOT_FOUND', `${repoDir} has no refs/main and ${revisions.length} snapshots: cannot tell which to use for ${arg}`, {
    hint: `pass the snapshot folder itself: --model ${join(repoDir, 'snapshots', '<revision>')}`,
  });
}

async function checkFiles(dir: string, cwd: string, repoId: string | undefined): Promise<ClipSnapshot> {
  const shown = displayPath(cwd, dir);
  if (!(await isDir(dir))) {
    throw new YwError('MODEL_NOT_FOUND', `snapshot folder not found: ${shown}`, { hint: 'the cache entry is incomplete; download the model again' });
  }
  const present = async (f: string) => ((await isFile(join(dir, f))) ? [] : [f]);
  const missing = (await Promise.all(SNAPSHOT_FILES.map(present))).flat();
  const weights = (await Promise.all(WEIGHT_FILES.map(async (f) => ((await isFile(join(dir, f))) ? [f] : [])))).flat()[0];
  if (weights === undefined) missing.push(`${WEIGHT_FILES[0]} (or ${WEIGHT_FILES[1]})`);
  if (missing.length > 0) {
    const files = missing.map((f) => f.split(' ')[0]!);
    throw new YwError('MODEL_FILES_MISSING', `${shown} lacks ${missing.join(', ')}`, { file: shown, hint: downloadHint(repoId ?? DEFAULT_CLIP_REPO, shown, files) });
  }
  return { dir, weights: join(dir, weights!), ...(repoId ? { repoId } : {}) };
}
