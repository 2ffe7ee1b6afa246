import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { f16 } from '../../../src/core/safetensors.js';
import { openSafetensors } from '../../../src/io/checkpoints/safetensors-source.js';
import { YwError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/tmp.js';

const SNAPSHOT = fileURLToPath(new URL('../../../fixtures/embed-tiny-clip/input/snapshot/', import.meta.url));

/**
 * A file laid out as the safetensors library writes one (its spec): "__metadata__" first, header padded
 * with spaces to a multiple of 8 bytes, tensors by dtype alignment then name.
 */
function safetensorsBytes(tensors: Array<{ name: string; dtype: string; shape: number[]; data: Uint8Array }>, cut = 0): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.data.length] };
    offset += t.data.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(new TextEncoder().encode(json), 8);
  let at = 8 + json.length;
  for (const t of tensors) {
    out.set(t.data, at);
    at += t.data.length;
  }
  return out.subarray(0, out.length - cut);
}

const bytesOf = (array: Float64Array | Float32Array | Uint16Array) => new Uint8Array(array.buffer);

async function fileWith(bytes: Uint8Array): Promise<string> {
  const path = join(await tempDir(), 'model.safetensors');
  await writeFile(path, bytes);
  return path;
}

describe('openSafetensors', () => {
  it('reads the fixture written by transformers save_pretrained: shapes, and rows by position', async () => {
    const source = await openSafetensors(join(SNAPSHOT, 'model.safetensors'), 'model.safetensors');
    try {
      const name = 'text_model.embeddings.token_embedding.weight';
      expect(source.info(name)).toMatchObject({ dtype: 'F32', shape: [49408, 8] });
      expect(source.info('vision_model.embeddings.patch_embedding.weight')?.shape).toEqual([8, 3, 16, 16]);
      const all = new Float32Array(49408 * 8);
      await source.read(name, all);
      const rows = new Float32Array(4 * 8);
      await source.read(name, rows, [49407, 3, 4, 49406]);
      expect([...rows]).toEqual([...all.subarray(49407 * 8), ...all.subarray(3 * 8, 5 * 8), ...all.subarray(49406 * 8, 49407 * 8)]);
      expect(all.some((v) => v !== 0)).toBe(true);
    } finally {
      await source.close();
    }
  });

  it('converts F16, BF16 and F64 to float32', async () => {
    const half = new Uint16Array([0x3c00, 0xc000, 0x0001, 0x7bff, 0x7c00]); // 1, -2, 2^-24, 65504, inf
    const brain = new Uint16Array([0x3f80, 0x4049]); // 1, 3.140625
    const double = new Float64Array([0.1, -1e-3]);
    const path = await fileWith(safetensorsBytes([
      { name: 'd', dtype: 'F64', shape: [2], data: bytesOf(double) },
      { name: 'h', dtype: 'F16', shape: [5], data: bytesOf(half) },
      { name: 'b', dtype: 'BF16', shape: [1, 2], data: bytesOf(brain) },
    ]));
    const source = await openSafetensors(path, 'm');
    const read = async (name: string, n: number) => {
      const out = new Float32Array(n);
      await source.read(name, out);
      return [...out];
    };
    expect(await read('h', 5)).toEqual([1, -2, 2 ** -24, 65504, Infinity]);
    expect(await read('b', 2)).toEqual([1, 3.140625]);
    expect(await read('d', 2)).toEqual([Math.fround(0.1), Math.fround(-1e-3)]);
    expect(source.info('__metadata__')).toBeUndefined();
    await source.close();
  });

  it('refuses a truncated file, a header longer than the file, and offsets that disagree with the shape', async () => {
    const ones = bytesOf(new Float32Array([1, 1, 1, 1]));
    const refused = async (bytes: Uint8Array) => {
      const error = await openSafetensors(await fileWith(bytes), 'm.safetensors').then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(YwError);
      return (error as YwError).message;
    };
    expect(await refused(safetensorsBytes([{ name: 'w', dtype: 'F32', shape: [4], data: ones }], 4))).toMatch(/ends at byte .* past the end/);
    expect(await refused(new Uint8Array([255, 255, 0, 0, 0, 0, 0, 0, 123]))).toMatch(/header claims 65535 bytes, the file has 9/);
    expect(await refused(safetensorsBytes([{ name: 'w', dtype: 'F32', shape: [5], data: ones }]))).toMatch(/tensor w spans 16 bytes, F32 \[5\] needs 20/);
    expect(await refused(new Uint8Array([2, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x7b]))).toMatch(/header is not JSON/);
  });
});

describe('f16', () => {
  it('decodes subnormals, negative zero and NaN', () => {
    expect(f16(0x0200)).toBe(2 ** -15);
    expect(Object.is(f16(0x8000), -0)).toBe(true);
    expect(f16(0x7e00)).toBeNaN();
  });
});
