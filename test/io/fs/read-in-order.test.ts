import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextsInOrder } from '../../../src/io/fs/read-in-order.js';
import { tempDir } from '../../helpers/tmp.js';

const collect = async (paths: (string | undefined)[]) => {
  const out: { text?: string; error?: string }[] = [];
  for await (const r of readTextsInOrder(paths)) out.push(r);
  return out;
};

const readFileSyncResult = (path: string) => {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

describe('readTextsInOrder', () => {
  it('gives what readFileSync(path, "utf8") gives, in order: texts, BOM, UTF-8, bad bytes, big files, errors', async () => {
    const dir = await tempDir();
    const files: Record<string, string | Buffer> = {
      'a.txt': '0 0.5 0.5 0.1 0.1\n',
      'bom.txt': '\uFEFF1 0.5 0.5 0.2 0.2\r\n',
      'utf8.txt': '0 0,5 ünïcødé 😀\n',
      'bad.txt': Buffer.from([0x30, 0x20, 0xff, 0xc3, 0x28, 0xe2, 0x82, 0x0a]),
      'empty.txt': '',
      'big.txt': '0 0.123456 0.123456 0.1 0.1\n'.repeat(20_000), // 560 KB: the buffer grows
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    await mkdir(join(dir, 'folder.txt'));
    const paths = [...Object.keys(files), 'missing.txt', 'folder.txt', 'a.txt'].map((n) => join(dir, n));
    const results = await collect([paths[0], undefined, ...paths.slice(1)]);
    expect(results).toEqual([readFileSyncResult(paths[0]!), {}, ...paths.slice(1).map(readFileSyncResult)]);
    expect(results.at(-2)!.error).toMatch(/^EISDIR/);
    expect(results.at(-3)!.error).toMatch(/^ENOENT.*missing\.txt/);
  });

  it('reads many files in order (across the event-loop turns every 256 files)', async () => {
    const dir = await tempDir();
    const paths = Array.from({ length: 600 }, (_, i) => join(dir, `${i}.txt`));
    await Promise.all(paths.map((p, i) => writeFile(p, `${i}\n`)));
    expect((await collect(paths)).map((r) => r.text)).toEqual(paths.map((_, i) => `${i}\n`));
  });
});
