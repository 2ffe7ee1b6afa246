import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sniffCheckpoint } from '../../../src/core/checkpoint/sniff.js';

const file = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url))));

describe('sniffCheckpoint', () => {
  it('knows torch.save zip and legacy files, written by torch', () => {
    const zip = file('checkpoints/torch/mixed.pth');
    const legacy = file('checkpoints/torch/mixed-legacy.pth');
    expect(sniffCheckpoint(zip.subarray(0, 512), zip.length)).toEqual({ format: 'zip' });
    expect(sniffCheckpoint(legacy.subarray(0, 512), legacy.length)).toEqual({ format: 'legacy' });
  });

  it('says what a file is when it is not a checkpoint', () => {
    const safetensors = file('embed-tiny-clip/input/snapshot/model.safetensors');
    const why = (bytes: Uint8Array, size = bytes.length) => {
      const s = sniffCheckpoint(bytes.subarray(0, 512), size);
      return s.format === 'none' ? s.why : s.format;
    };
    expect(why(safetensors, safetensors.length)).toMatch(/safetensors file/);
    expect(why(new TextEncoder().encode(`{"error": "Repository not found", "pad": "${'x'.repeat(100)}"}`))).toMatch(/JSON text/);
    expect(why(file('checkpoints/pickles/numpy.pkl'))).toMatch(/a pickle, but not one torch.save wrote/);
    const tar = new Uint8Array(1024);
    tar.set(new TextEncoder().encode('ustar'), 257);
    expect(why(tar)).toMatch(/tar archive \(the torch < 0.4 format/);
    expect(why(new Uint8Array(100).fill(7))).toMatch(/its format is unknown \(first bytes 07 07/);
  });
});
