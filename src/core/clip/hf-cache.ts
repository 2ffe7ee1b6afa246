import { join } from 'node:path';

/** The model YOLO-World's configs and tools/generate_text_prompts.py name. */
export const DEFAULT_CLIP_REPO = 'openai/clip-vit-base-patch32';

/** What a snapshot must hold; the weights in either format (safetensors preferred, as transformers does). */
export const SNAPSHOT_FILES = ['config.json', 'vocab.json', 'merges.txt'] as const;
export const WEIGHT_FILES = ['model.safetensors', 'pytorch_model.bin'] as const;

/** A Hugging Face repo id: `owner/name`. */
export function isRepoId(text: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/.test(text);
}

/**
 * The hub cache folder, as huggingface_hub resolves it: HF_HUB_CACHE, else HUGGINGFACE_HUB_CACHE,
 * else $HF_HOME/hub, with HF_HOME defaulting to $XDG_CACHE_HOME/huggingface or ~/.cache/huggingface.
 */
export function hubCacheDir(env: Readonly<Record<string, string | undefined>>, home: string): string {
  const expand = (path: string) => (path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path);
  const explicit = env.HF_HUB_CACHE || env.HUGGINGFACE_HUB_CACHE;
  if (explicit) return expand(explicit);
  const hfHome = env.HF_HOME || join(env.XDG_CACHE_HOME || join(home, '.cache'), 'huggingface');
  return join(expand(hfHome), 'hub');
}

/** `openai/clip-vit-base-patch32` → `<hub>/models--openai--clip-vit-base-patch32`. */
export function cacheRepoDir(hub: string, repoId: string): string {
  return join(hub, `models--${repoId.split('/').join('--')}`);
}

/** Where a user gets the files: the repo's download URLs. */
export function downloadHint(repoId: string, dir: string, files: readonly string[]): string {
  const urls = files.map((f) => `https://huggingface.co/${repoId}/resolve/main/${f}`);
  return `download ${files.length === 1 ? 'it' : 'them'} into ${dir}, e.g. wget -P ${dir} ${urls.join(' ')} (yw embed never downloads)`;
}
