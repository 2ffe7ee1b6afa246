import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unpickle, PickleError } from '../../../src/core/checkpoint/pickle-read.js';
import { MAX_DEPTH, pickle } from '../../../src/core/checkpoint/pickle-write.js';
import { mappingGet, mappingKeys, type PickleNode } from '../../../src/core/checkpoint/pickle-node.js';

const dir = fileURLToPath(new URL('../../../fixtures/checkpoints/pickles/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(`${dir}${name}`));

describe('pickle reader and writer on pickles CPython wrote', () => {
  for (const name of ['scalars', 'containers', 'batches', 'sharing', 'numpy']) {
    it(`${name}.pkl (protocol 2) comes back byte for byte`, () => {
      const bytes = read(`${name}.pkl`);
      const { root, end, protocol } = unpickle(bytes);
      expect(protocol).toBe(2);
      expect(end).toBe(bytes.length);
      expect(Buffer.from(pickle(root)).equals(Buffer.from(bytes))).toBe(true);
    });
  }

  for (const protocol of [0, 1, 3, 4, 5]) {
    it(`protocol ${protocol} is read and written as CPython writes the same object at protocol 2`, () => {
      const { root } = unpickle(read(`protocol${protocol}.pkl`));
      expect(Buffer.from(pickle(root)).equals(Buffer.from(read(`protocol${protocol}.as2.pkl`)))).toBe(true);
    });
  }

  it('keeps values: big ints as bigint, NaN payloads, lone surrogates, sharing and cycles', () => {
    const scalars = unpickle(read('scalars.pkl')).root;
    const ints = mappingGet(scalars, 'ints');
    const values = ints?.kind === 'list' ? ints.items.map((n) => (n.kind === 'int' ? n.value : undefined)) : [];
    expect(values).toContain(2n ** 63n);
    expect(values).toContain(-(10n ** 40n));
    expect(values).toContain(2 ** 31);
    const text = mappingGet(scalars, 'text');
    expect(text?.kind === 'list' && text.items.map((t) => (t.kind === 'str' ? t.value : ''))).toEqual(['', 'ascii', 'h\xe9llo \u20ac \u{1F600}', 'a\udc80b', '\ud800']);
    const sharing = unpickle(read('sharing.pkl')).root;
    const same = mappingGet(sharing, 'same_list');
    expect(same?.kind === 'list' && same.items[0] === same.items[1]).toBe(true);
    const loops = mappingGet(sharing, 'loops');
    const loop = loops?.kind === 'list' ? loops.items[0] : undefined;
    expect(loop?.kind === 'list' && loop.items[0] === loop).toBe(true);
    expect(mappingKeys(unpickle(read('batches.pkl')).root)).toContain('od2001');
  });
});

describe('pickle reader on bad input', () => {
  const bytes = (...b: (number | string)[]) => Uint8Array.from(b.flatMap((x) => (typeof x === 'string' ? [...Buffer.from(x, 'latin1')] : [x])));

  it('never executes globals: os.system(...) stays a call node', () => {
    const { root } = unpickle(bytes("cos\nsystem\n(S'echo hacked'\ntR."));
    expect(root).toMatchObject({ kind: 'object', how: 'reduce', callable: { kind: 'global', module: 'os', name: 'system' } });
  });

  it.each([
    ['cut short', bytes(0x80, 2, 0x58, 10, 0, 0, 0, 'abc'), /truncated pickle at byte 2/, true],
    ['an unknown opcode', bytes(0x80, 2, 0xff, 0x2e), /unknown or unsupported opcode 0xff at byte 2/, false],
    ['two objects left at STOP', bytes(0x80, 2, 0x4e, 0x4e, 0x2e), /STOP with 2 items/, false],
    ['a memo key never stored', bytes(0x80, 2, 0x68, 5, 0x2e), /memo key 5 not found/, false],
    ['SETITEMS without a MARK', bytes(0x80, 2, 0x7d, 0x75, 0x2e), /no MARK/, false],
    ['an HTML page', bytes('<!DOCTYPE html>'), /unknown or unsupported opcode 0x3c at byte 0/, false],
    ['an empty file', bytes(), /truncated pickle at byte 0/, true],
  ])('refuses %s with the byte offset', (_what, input, message, truncated) => {
    let error: unknown;
    try {
      unpickle(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PickleError);
    expect((error as PickleError).message).toMatch(message);
    expect((error as PickleError).truncated).toBe(truncated);
  });

  it('refuses to write a graph nested deeper than Python could have written it', () => {
    let node: PickleNode = { kind: 'none' };
    for (let i = 0; i < MAX_DEPTH + 5; i++) node = { kind: 'list', items: [node] };
    expect(() => pickle(node)).toThrow(/nests more than 1000 levels/);
  });
});
