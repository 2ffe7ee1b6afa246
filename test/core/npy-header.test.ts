import { describe, expect, it } from 'vitest';
import { parseNpyHeader } from '../../src/core/npy-header.js';

/** Builds real .npy v1.0 bytes the way numpy's np.save writes them (header padded to 64). */
function npyBytes(header: string): Uint8Array {
  let dict = header;
  const base = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (base % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + dict.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, dict.length, true);
  out.set(new TextEncoder().encode(dict), 10);
  return out;
}

describe('parseNpyHeader', () => {
  it('reads dtype and shape of a (80, 512) float32 embeddings file', () => {
    const bytes = npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (80, 512), }");
    const header = parseNpyHeader(bytes, 'e.npy');
    expect(header).toMatchObject({ dtype: '<f4', fortranOrder: false, shape: [80, 512] });
    expect(header.dataOffset % 64).toBe(0);
  });

  it('reads a 1-d shape', () => {
    expect(parseNpyHeader(npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"), 'a.npy').shape).toEqual([3]);
  });

  it('rejects a file that is not .npy', () => {
    expect(() => parseNpyHeader(new TextEncoder().encode('[[0.1, 0.2]]'), 'e.npy')).toThrow(/not a NumPy/);
  });
});
