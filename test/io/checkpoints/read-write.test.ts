import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCheckpoint, withCheckpoint, type Checkpoint } from '../../../src/io/checkpoints/open-checkpoint.js';
import { writeCheckpoint } from '../../../src/io/checkpoints/write-checkpoint.js';
import { YwError } from '../../../src/errors.js';
import { tempDir } from '../../helpers/tmp.js';
import { ORACLE_TIMEOUT, TORCH_EQUAL, runTorch, torchPython } from '../../helpers/torch.js';
import { recordAt, unzipRecord } from './unzip.js';

const dir = fileURLToPath(new URL('../../../fixtures/checkpoints/torch/', import.meta.url));
type Expected = Record<string, { dtype: string; shape: number[]; stride: number[]; offset: number; values: number[] }>;
const expected = (JSON.parse(readFileSync(join(dir, 'mixed.expected.json'), 'utf8')) as { tensors: Expected }).tensors;

async function values(c: Checkpoint): Promise<Record<string, { dtype: string; shape: number[]; stride: number[]; offset: number; values: number[] }>> {
  const out: Expected = {};
  for (const t of c.tensors) {
    out[t.name.replace(/^tensors\./, '')] = { dtype: t.dtype, shape: t.shape, stride: t.stride, offset: t.offset, values: Array.from(await c.readFloat32(t)) };
  }
  return out;
}

const asFloat32 = (e: Expected) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, { ...v, values: v.values.map(Math.fround) }]));

describe('openCheckpoint on files torch.save wrote', () => {
  for (const file of ['mixed.pth', 'mixed-legacy.pth']) {
    it(`${file}: every tensor's dtype, shape, stride, offset and values as torch reports them`, async () => {
      const got = await withCheckpoint(join(dir, file), values);
      expect(got).toEqual(asFloat32(expected));
    });
  }

  it('reads only some rows of a tensor, views included, in the order asked', async () => {
    await withCheckpoint(join(dir, 'mixed.pth'), async (c) => {
      for (const name of ['tensors.f32', 'tensors.f32_transposed', 'tensors.f32_slice']) {
        const t = c.tensors.find((x) => x.name === name)!;
        const all = await c.readFloat32(t);
        const width = all.length / t.shape[0]!;
        const rows = [t.shape[0]! - 1, 0, t.shape[0]! - 1];
        const expectedRows = rows.flatMap((r) => Array.from(all.subarray(r * width, (r + 1) * width)));
        expect(Array.from(await c.readFloat32(t, rows)), name).toEqual(expectedRows);
      }
      await expect(c.readFloat32(c.tensors[0]!, [99])).rejects.toThrow(/row 99 is outside/);
    });
  });

  it('reads a Hugging Face style pytorch_model.bin (a bare OrderedDict, archive folder named after the file)', async () => {
    await withCheckpoint(join(dir, 'pytorch_model.bin'), async (c) => {
      expect(c.format).toBe('zip');
      expect(c.tensors.map((t) => [t.name, t.dtype, t.shape])).toEqual([['weight', 'float32', [2, 3]], ['bias', 'float32', [2]]]);
      expect(Array.from(await c.readFloat32(c.tensors[0]!))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(Array.from(await c.readFloat32(c.tensors[1]!))).toEqual([0.5, -0.5]);
    });
  });
});

/** The data.pkl record of a zip checkpoint, read with our own zip reader. */
const dataPkl = (path: string) => unzipRecord(path, /\/data\.pkl$/);

describe('writeCheckpoint', () => {
  it('writes an unchanged graph back with the same data.pkl bytes and the same tensors', async () => {
    const out = join(await tempDir(), 'copy.pth');
    await withCheckpoint(join(dir, 'mixed.pth'), (c) => writeCheckpoint(out, c.root, c, new Map(), { force: false, command: 'test' }));
    expect((await dataPkl(out)).equals(await dataPkl(join(dir, 'mixed.pth')))).toBe(true);
    expect(await withCheckpoint(out, values)).toEqual(asFloat32(expected));
  });

  it('reads back its own zip64 records (what files over 4 GB need)', async () => {
    const out = join(await tempDir(), 'zip64.pth');
    await withCheckpoint(join(dir, 'mixed.pth'), (c) => writeCheckpoint(out, c.root, c, new Map(), { force: false, command: 'test', forceZip64: true }));
    expect(await withCheckpoint(out, values)).toEqual(asFloat32(expected));
  });

  it('converts a legacy file to the zip format', async () => {
    const out = join(await tempDir(), 'from-legacy.pth');
    await withCheckpoint(join(dir, 'mixed-legacy.pth'), (c) => writeCheckpoint(out, c.root, c, new Map(), { force: false, command: 'test' }));
    await withCheckpoint(out, async (c) => expect(c.format).toBe('zip'));
    expect(await withCheckpoint(out, values)).toEqual(asFloat32(expected));
  });

  it('refuses to overwrite without force, and stops on a storage that does not match its CRC', async () => {
    const tmp = await tempDir();
    const out = join(tmp, 'x.pth');
    await writeFile(out, 'keep me');
    const copy = (from: string) => withCheckpoint(from, (c) => writeCheckpoint(out, c.root, c, new Map(), { force: false, command: 'yw test' }));
    await expect(copy(join(dir, 'mixed.pth'))).rejects.toMatchObject({ code: 'OUTPUT_EXISTS' });
    expect(await readFile(out, 'utf8')).toBe('keep me');
    const { file: damaged, start } = await recordAt(join(dir, 'mixed.pth'), /\/data\/0$/);
    damaged[start + 5]! ^= 0xff; // one bit rot in storage data/0
    await writeFile(join(tmp, 'damaged.pth'), damaged);
    const out2 = join(tmp, 'y.pth');
    const error = await withCheckpoint(join(tmp, 'damaged.pth'), (c) => writeCheckpoint(out2, c.root, c, new Map(), { force: false, command: 'test' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YwError);
    expect((error as YwError).message).toMatch(/storage 0 does not match its CRC/);
    await expect(readFile(out2)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('openCheckpoint on files that are not checkpoints', () => {
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['empty.pth', '', /is not a PyTorch checkpoint: the file is empty/],
    ['one-byte.pth', 'x', /is not a PyTorch checkpoint: it is only 1 byte long/],
    ['page.pth', `<!DOCTYPE html><html><head><title>Sign in</title></head>${' '.repeat(200)}</html>`, /it is an HTML page/],
    ['lfs.pth', `version https://git-lfs.github.com/spec/v1\noid sha256:${'0'.repeat(64)}\nsize 12345678\n`, /Git LFS pointer/],
  ];
  for (const [name, content, message] of cases) {
    it(`${name}`, async () => {
      const path = join(await tempDir(), name);
      await writeFile(path, content);
      await expect(openCheckpoint(path)).rejects.toMatchObject({ code: 'CHECKPOINT_INVALID', message: expect.stringMatching(message) });
    });
  }

  it('a zip checkpoint cut short (an interrupted download)', async () => {
    const path = join(await tempDir(), 'cut.pth');
    const whole = await readFile(join(dir, 'mixed.pth'));
    await writeFile(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expect(openCheckpoint(path)).rejects.toMatchObject({ code: 'CHECKPOINT_INVALID', message: expect.stringMatching(/no zip end record.*download was probably cut short/) });
  });

  it('a legacy checkpoint cut short', async () => {
    const path = join(await tempDir(), 'cut-legacy.pth');
    const whole = await readFile(join(dir, 'mixed-legacy.pth'));
    await writeFile(path, whole.subarray(0, whole.length - 10));
    await expect(openCheckpoint(path)).rejects.toMatchObject({ code: 'CHECKPOINT_INVALID', message: expect.stringMatching(/cut short/) });
  });

  it('a folder and a missing file', async () => {
    const tmp = await tempDir();
    await mkdir(join(tmp, 'folder.pth'));
    await expect(openCheckpoint(join(tmp, 'folder.pth'))).rejects.toMatchObject({ code: 'NOT_A_FILE' });
    await expect(openCheckpoint(join(tmp, 'missing.pth'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe.skipIf(!torchPython)('torch.load reads what writeCheckpoint wrote (oracle: python3-torch)', () => {
  it('zip, legacy-converted and zip64 copies load equal to the original, storage sharing kept, CRCs valid', async () => {
    const tmp = await tempDir();
    const outs: string[] = [];
    for (const [from, zip64] of [['mixed.pth', false], ['mixed-legacy.pth', false], ['mixed.pth', true]] as const) {
      const out = join(tmp, `${outs.length}.pth`);
      await withCheckpoint(join(dir, from), (c) => writeCheckpoint(out, c.root, c, new Map(), { force: false, command: 'test', forceZip64: zip64 }));
      outs.push(out);
    }
    const report = runTorch(`${TORCH_EQUAL}
import sys, zipfile
ref = torch.load(sys.argv[1])
for path in sys.argv[2:]:
    assert zipfile.ZipFile(path).testzip() is None, path
    got = torch.load(path)
    same(ref, got)
    t = got['tensors']
    assert t['f32_transposed'].storage().data_ptr() == t['f32'].storage().data_ptr(), 'sharing lost'
    assert got['list'][0] is not None and got['list'][0].data_ptr() == t['f32'].data_ptr()
print('ok', len(sys.argv) - 2)
`, [join(dir, 'mixed.pth'), ...outs]);
    expect(report.trim()).toBe('ok 3');
  }, ORACLE_TIMEOUT);
});
