import { describe, expect, it } from 'vitest';
import { parseImageHeader } from '../../../src/core/image-header/index.js';
import { concat, latin1 } from './build.js';

const kindOf = (bytes: Uint8Array) => {
  const r = parseImageHeader(bytes);
  return r.kind === 'ok' || r.kind === 'need-more' ? r.kind : `${r.kind}: ${r.message}`;
};

describe('recognising what a file is', () => {
  it('names other image formats as unsupported', () => {
    const ftyp = (brand: string) => concat(Uint8Array.of(0, 0, 0, 0x18), latin1(`ftyp${brand}`), new Uint8Array(12));
    expect(kindOf(ftyp('heic'))).toBe('unsupported: unsupported image format: HEIC/HEIF (yw reads JPEG, PNG, WebP, BMP, TIFF and GIF)');
    expect(kindOf(ftyp('avif'))).toMatch(/AVIF/);
    expect(kindOf(latin1('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toMatch(/format: SVG/);
    expect(kindOf(latin1('II+\0\x08\0\0\0'))).toMatch(/BigTIFF/);
    expect(kindOf(latin1('%PDF-1.7\n'))).toMatch(/PDF/);
    expect(kindOf(latin1('P6\n48 32\n255\n'))).toMatch(/PNM/);
  });

  it('tells text and unknown binary content apart, and calls an empty file corrupt', () => {
    expect(kindOf(latin1('0 0.5 0.5 0.1 0.1\n'))).toBe('unsupported: not an image: the file holds text');
    expect(kindOf(latin1('BMW 3 series, BMW 5 series\n'))).toBe('unsupported: not an image: the file holds text');
    expect(kindOf(Uint8Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8))).toBe('unsupported: not an image: unknown content (first bytes 00 01 02 03 04 05 06 07)');
    expect(kindOf(new Uint8Array(0))).toBe('corrupt: empty file (0 bytes)');
  });

  it('judges by content, not by name, and asks for the first bytes when given none', () => {
    expect(parseImageHeader({ segments: [] })).toEqual({ kind: 'need-more', offset: 0, length: 64 });
    expect(parseImageHeader({ segments: [{ offset: 0, bytes: latin1('GIF89a') }] })).toEqual({ kind: 'need-more', offset: 0, length: 64 });
  });
});
