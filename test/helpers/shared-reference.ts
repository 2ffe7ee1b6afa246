import { existsSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './tmp.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The shared reference data (upstream configs and what mmengine resolves them to): next to the
 * checkout (`<repo>/../shared/reference`) or at /work/shared/reference, or where YW_SHARED_REFERENCE
 * says. Undefined in a clean clone; tests that need it skip and say so.
 */
export function sharedReference(): string | undefined {
  return candidates().find((d) => existsSync(join(d, 'upstream-configs')));
}

function candidates(): string[] {
  const forced = process.env.YW_SHARED_REFERENCE;
  return forced ? [forced] : [join(repo, '../shared/reference'), '/work/shared/reference'];
}

export function skipNote(what: string): void {
  console.warn(`SKIPPED ${what}: no shared reference data (looked in ${candidates().join(', ')})`);
}

/**
 * A YOLO-World root as its `_base_` paths expect it: `yolo-world/configs` as `<root>/configs` and
 * mmyolo's configs as `<root>/third_party/mmyolo/configs` (the upstream-configs README's layout).
 * Without `root`, a temp folder removed after the current test.
 */
export async function yoloWorldConfigRoot(reference: string, root?: string): Promise<string> {
  const dir = root ?? await tempDir('yw-upstream-');
  const upstream = join(reference, 'upstream-configs');
  await cp(join(upstream, 'yolo-world/configs'), join(dir, 'configs'), { recursive: true });
  await mkdir(join(dir, 'third_party/mmyolo'), { recursive: true });
  await cp(join(upstream, 'mmyolo/configs'), join(dir, 'third_party/mmyolo/configs'), { recursive: true });
  return dir;
}
