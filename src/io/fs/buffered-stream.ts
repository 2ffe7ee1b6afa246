import { openAtomicStream, type AtomicStream, type WriteOptions } from './atomic-write.js';

/**
 * An atomic output stream that gathers small chunks into ~1 MB writes (one write per record would
 * cost more in promise and syscall overhead than the JSON itself).
 */
export interface BufferedStream {
  write(chunk: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH_AT = 1 << 20;

export async function openBufferedStream(path: string, options: WriteOptions): Promise<BufferedStream> {
  const stream: AtomicStream = await openAtomicStream(path, options);
  let parts: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (size === 0) return;
    const text = parts.join('');
    parts = [];
    size = 0;
    await stream.write(text);
  };
  return {
    async write(chunk) {
      parts.push(chunk);
      size += chunk.length;
      if (size >= FLUSH_AT) await flush();
    },
    async commit() {
      await flush();
      await stream.commit();
    },
    abort: () => stream.abort(),
  };
}
