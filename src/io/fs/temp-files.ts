import { unlinkSync } from 'node:fs';

/**
 * Every temporary file yw has created and not yet renamed or removed, so that nothing survives a
 * failure, Ctrl-C, SIGTERM or SIGHUP: writers remove their own on error, and the process guards
 * (`cli/process-guards.ts`) call `removeLiveTemps()` on a signal and at exit. A temporary output can
 * be as large as the output itself (100 MB of COCO JSON), hidden beside it with a leading dot.
 */
const live = new Set<string>();

export function trackTemp(path: string): void {
  live.add(path);
}

export function forgetTemp(path: string): void {
  live.delete(path);
}

/** Synchronous on purpose: it runs in signal and exit handlers, where nothing asynchronous finishes. */
export function removeLiveTemps(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone, or the folder went away with it: nothing left to clean
    }
  }
  live.clear();
}

/** The temporary files alive now (for tests). */
export function liveTemps(): string[] {
  return [...live];
}
