import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesToUnicode, parseMerges } from '../../../src/core/clip/bpe.js';
import { cleanClipText } from '../../../src/core/clip/text-clean.js';
import { ClipTokenizer, parseVocab } from '../../../src/core/clip/tokenizer.js';
import { errorOf } from '../../helpers/errors.js';

const FIXTURE = new URL('../../../fixtures/embed-tiny-clip/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, FIXTURE), 'utf8');

/** The real CLIP vocabulary (49408 tokens, 48894 merges) of the fixture snapshot. */
const tokenizer = new ClipTokenizer(parseVocab(JSON.parse(read('input/snapshot/vocab.json')), 'vocab.json'), parseMerges(read('input/snapshot/merges.txt')), 'vocab.json');

describe('ClipTokenizer against transformers 4.45 CLIPTokenizer (no ftfy)', () => {
  const expected = JSON.parse(read('expected/token-ids.json')) as Array<{ text: string; ids: number[] }>;

  it('gives the reference ids of the hard cases and of 400 random strings', () => {
    expect(expected.length).toBeGreaterThan(400);
    const wrong = expected.filter(({ text, ids }) => JSON.stringify(tokenizer.encode(text)) !== JSON.stringify(ids));
    expect(wrong.map((w) => w.text)).toEqual([]);
  });

  it('ids of a few names, spelled out', () => {
    expect(tokenizer.encode('hard hat')).toEqual([49406, 1626, 3801, 49407]);
    expect(tokenizer.encode('  HARD   hat ')).toEqual([49406, 1626, 3801, 49407]);
    expect(tokenizer.encode('')).toEqual([49406, 49407]);
  });

  it('splits special tokens out before cleaning, as transformers does', () => {
    // '!<|' would be one punctuation run if the special token were not split off first
    expect(tokenizer.encode('a!<|endoftext|>')).toEqual(expected.find((e) => e.text === 'a!<|endoftext|>')!.ids);
    expect(tokenizer.tokenize('<|endoftext|>')).toEqual([49407]);
  });
});

describe('CLIP text clean-up without ftfy (BasicTokenizer)', () => {
  it('drops control and format characters, turns spaces into one space, lower-cases, keeps accents', () => {
    expect(cleanClipText('Tab\there\u200bzero\u00a0Café\r\n')).toBe('tab herezero café');
  });

  it('puts CJK ideographs apart but not kana, and composes to NFC', () => {
    expect(cleanClipText('安全帽カタカナ')).toBe('安 全 帽 カタカナ');
    expect(cleanClipText('e\u0301')).toBe('é');
  });

  it('drops lone surrogates (category Cs), as Python does before encoding', () => {
    expect(cleanClipText('a\ud800b')).toBe('ab');
  });
});

describe('merges.txt and vocab.json', () => {
  it('skips the header and keys pairs the same with CRLF lines and extra spaces', () => {
    const ranks = parseMerges('#version: 0.2\r\ni n\r\nt  h\r\na b c\r\n');
    expect([...ranks]).toEqual([['i n', 0], ['t h', 1]]);
  });

  it('maps all 256 bytes to distinct printable characters', () => {
    const table = bytesToUnicode();
    expect(new Set(table).size).toBe(256);
    expect(table[0x20]).toBe('\u0120');
    expect(table[0x41]).toBe('A');
  });

  it('refuses a vocabulary without the special tokens or with a non-integer id', () => {
    expect(errorOf(() => new ClipTokenizer(parseVocab({ a: 1 }, 'v.json'), new Map(), 'v.json')).code).toBe('CLIP_VOCAB_INVALID');
    const vocab = parseVocab({ '<|startoftext|>': 0, '<|endoftext|>': 1, 'a</w>': 'x' }, 'v.json');
    const tok = new ClipTokenizer(vocab, new Map(), 'v.json');
    expect(errorOf(() => tok.encode('a')).message).toContain('token "a</w>" has id "x"');
    expect(errorOf(() => parseVocab([], 'v.json')).code).toBe('CLIP_VOCAB_INVALID');
  });
});
