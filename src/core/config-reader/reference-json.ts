import { YwError } from '../../errors.js';
import { dictSet, PyKeyDict, PyTuple, type PyValue } from './values.js';
import { pythonFloatRepr } from '../python-float.js';

/**
 * The JSON encoding of resolved configs used by the reference files (and by yw's mmengine bridge):
 * sorted keys, 2-space indent, tuples as `{"__tuple__": [...]}`, floats in Python repr (`114.0`).
 * Decoding is lossless: `114` becomes an int, `114.0` a float.
 */
export function encodeReferenceJson(value: PyValue): string {
  return `${encode(value, '')}\n`;
}

function encode(v: PyValue, indent: string): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    return Number.isFinite(v) ? pythonFloatRepr(v) : encode(new Map([['__float__', pythonFloatRepr(v)]]), indent);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof PyTuple) return encode(new Map([['__tuple__', v.items]]), indent);
  if (v instanceof PyKeyDict) return encode(new Map([['__dict__', [...v.entries.values()]]]), indent);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + encode(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v.size === 0) return '{}';
  const keys = [...v.keys()].sort();
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${encode(v.get(k)!, inner)}`).join(',\n')}\n${indent}}`;
}

/** Parses reference-encoded JSON into config values, keeping int/float and tuples. */
export function decodeReferenceJson(text: string, file: string): PyValue {
  const parser = new JsonReader(text, file);
  const value = parser.value();
  parser.end();
  return value;
}

const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;

class JsonReader {
  private pos = 0;
  constructor(private readonly text: string, private readonly file: string) {}

  value(): PyValue {
    this.skip();
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) throw this.fail('unexpected character');
    this.pos += m[0].length;
    return m[1] !== undefined || m[2] !== undefined ? Number(m[0]) : BigInt(m[0]);
  }

  end(): void {
    this.skip();
    if (this.pos < this.text.length) throw this.fail('trailing text');
  }

  private object(): PyValue {
    const map = new Map<string, PyValue>();
    this.pos += 1;
    while (this.peek() !== '}') {
      if (map.size > 0) this.expect(',');
      this.skip();
      const key = this.string();
      this.expect(':');
      map.set(key, this.value());
    }
    this.pos += 1;
    return unmark(map);
  }

  private array(): PyValue[] {
    const items: PyValue[] = [];
    this.pos += 1;
    while (this.peek() !== ']') {
      if (items.length > 0) this.expect(',');
      items.push(this.value());
    }
    this.pos += 1;
    return items;
  }

  private string(): string {
    STRING.lastIndex = this.pos;
    const m = STRING.exec(this.text);
    if (!m) throw this.fail('expected a string');
    this.pos += m[0].length;
    return JSON.parse(m[0]) as string;
  }

  private peek(): string | undefined {
    this.skip();
    return this.text[this.pos];
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw this.fail(`expected '${c}'`);
    this.pos += 1;
  }

  private skip(): void {
    while (/\s/.test(this.text[this.pos] ?? '')) this.pos += 1;
  }

  private fail(why: string): YwError {
    const line = this.text.slice(0, this.pos).split('\n').length;
    return new YwError('INVALID_JSON', `${this.file}:${line}: ${why}`, {
      file: this.file,
      line,
      hint: 'the mmengine reader printed something yw cannot decode; try --reader builtin and report this',
    });
  }
}

function unmark(map: Map<string, PyValue>): PyValue {
  if (map.size !== 1) return map;
  const tuple = map.get('__tuple__');
  if (Array.isArray(tuple)) return new PyTuple(tuple);
  const pairs = map.get('__dict__');
  if (Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2)) {
    const out = new PyKeyDict();
    for (const [k, v] of pairs as [PyValue, PyValue][]) dictSet(out, k, v);
    return out;
  }
  const float = map.get('__float__');
  if (typeof float === 'string') return float === 'nan' ? NaN : float === '-inf' ? -Infinity : Infinity;
  return map;
}
