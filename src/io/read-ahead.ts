import { readFile } from 'node:fs/promises';

/**
 * Reads text files in order, keeping up to `window` reads in flight ahead of the consumer, so that
 * the consumer sees each file's text in sequence without holding all of them. `undefined` paths yield
 * `undefined`; an unreadable file yields its error message instead of text.
 */
export async function* readTextsAhead(
  paths: readonly (string | undefined)[],
  window = 32,
): AsyncGenerator<{ text?: string; error?: string }> {
  const pending: Promise<{ text?: string; error?: string }>[] = [];
  const start = (path: string | undefined): Promise<{ text?: string; error?: string }> =>
    path === undefined
      ? Promise.resolve({})
      : readFile(path, 'utf8').then(
          (text) => ({ text }),
          (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
        );
  let next = 0;
  while (next < paths.length && pending.length < window) pending.push(start(paths[next++]));
  while (pending.length > 0) {
    const result = await pending.shift()!;
    if (next < paths.length) pending.push(start(paths[next++]));
    yield result;
  }
}
