import { compileNode, type CompiledArray, type CompiledObject, type CompiledValue, type JsonKind, type JsonScalar, type ValueNode } from './schema.js';
import { JsonTextError, StringScanner, type StringRole } from './string-scanner.js';
import { MAX_JSON_DEPTH } from '../json-depth.js';
import { NUMBER_GOES_ON, NUMBER_IS_INFINITY, NUMBER_TAIL, NumberScanner } from './number-scanner.js';

export { JsonTextError } from './string-scanner.js';

const enum S { Value, ArrayFirst, ObjectFirst, Key, Colon, After, String, Number, Literal }
const OBJECT = 0;
const ARRAY = 1;
const LITERALS: Record<number, [string, JsonScalar, JsonKind]> = {
  0x74: ['true', true, 'boolean'], 0x66: ['false', false, 'boolean'], 0x6e: ['null', null, 'null'],
  0x4e: ['NaN', Number.NaN, 'number'], 0x49: ['Infinity', Number.POSITIVE_INFINITY, 'number'],
};

export { MAX_JSON_DEPTH };

/**
 * A push parser for JSON as Python's `json.load` reads it (NaN/Infinity accepted, a key given twice: the
 * last one wins, a BOM or invalid UTF-8 rejected), fed chunk by chunk. It keeps no tree and no recursion:
 * an explicit stack bounded by `MAX_JSON_DEPTH`. Syntax errors throw `JsonTextError` with line, column
 * and byte offset.
 */
export class StreamingJsonParser {
  private state = S.Value;
  private depth = 0;
  private readonly kinds = new Uint8Array(MAX_JSON_DEPTH + 1);
  private readonly frames: (CompiledObject | CompiledArray | undefined)[] = [undefined];
  private readonly counts: number[] = [0];
  private value: CompiledValue | undefined;
  private pendingKey: CompiledValue | undefined;
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  private readonly str = new StringScanner((reason, at) => this.fail(reason, at));
  private readonly num = new NumberScanner((reason, at) => this.fail(reason === NUMBER_TAIL ? this.afterValueReason() : reason, at));
  private literal: [string, JsonScalar, JsonKind] = LITERALS[0x74]!;
  private literalPos = 0;
  private literalStart = 0;
  private ending = false;

  constructor(root: ValueNode) {
    this.value = compileNode(root);
  }

  push(chunk: Uint8Array): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.state === S.String) i = this.stringPart(chunk, i);
      else if (this.state === S.Number) i = this.numberPart(chunk, i);
      else if (this.state === S.Literal) i = this.literalPart(chunk, i);
      else i = this.structure(chunk, i);
    }
    this.offset += n;
  }

  /** The document is complete; throws (as Python words it) if it ended early. */
  end(): void {
    this.ending = true;
    if (this.state === S.Number) {
      this.num.endOfInput();
      this.finishNumber();
    }
    if (this.state === S.After && this.depth === 0) return;
    if (this.state === S.String) this.fail('Unterminated string starting at', this.str.start);
    if (this.state === S.Literal) this.fail('Expecting value', this.literalStart);
    const reasons: Partial<Record<S, string>> = {
      [S.ObjectFirst]: 'Expecting property name enclosed in double quotes',
      [S.Key]: 'Expecting property name enclosed in double quotes',
      [S.Colon]: "Expecting ':' delimiter",
      [S.After]: "Expecting ',' delimiter",
    };
    this.fail(reasons[this.state] ?? 'Expecting value', this.offset);
  }

  private afterValueReason(): string {
    return this.depth === 0 ? 'Extra data' : "Expecting ',' delimiter";
  }

  private structure(chunk: Uint8Array, i: number): number {
    for (const n = chunk.length; i < n; i += 1) {
      const b = chunk[i]!;
      if (b === 0x20 || b === 0x09 || b === 0x0d) continue;
      if (b === 0x0a) {
        this.line += 1;
        this.lineStart = this.offset + i + 1;
        continue;
      }
      switch (this.state) {
        case S.ArrayFirst:
          if (b === 0x5d) {
            this.close(ARRAY);
            continue;
          }
          return this.beginValue(i, b);
        case S.Value:
          return this.beginValue(i, b);
        case S.ObjectFirst:
          if (b === 0x7d) {
            this.close(OBJECT);
            continue;
          }
          return this.beginKey(i, b);
        case S.Key:
          return this.beginKey(i, b);
        case S.Colon:
          if (b !== 0x3a) this.fail("Expecting ':' delimiter", this.offset + i);
          this.state = S.Value;
          this.value = this.pendingKey;
          continue;
        default:
          this.afterValue(b, i);
      }
    }
    return i;
  }

  private afterValue(b: number, i: number): void {
    if (this.depth === 0) this.fail(this.afterValueReason(), this.offset + i);
    const kind = this.kinds[this.depth];
    if (b === 0x2c) {
      if (kind === OBJECT) this.state = S.Key;
      else {
        this.state = S.Value;
        this.value = (this.frames[this.depth] as CompiledArray | undefined)?.item;
      }
    } else if (b === 0x5d && kind === ARRAY) this.close(ARRAY);
    else if (b === 0x7d && kind === OBJECT) this.close(OBJECT);
    else this.fail("Expecting ',' delimiter", this.offset + i);
  }

  private beginValue(i: number, b: number): number {
    if (this.depth > 0 && this.kinds[this.depth] === ARRAY) this.counts[this.depth] = this.counts[this.depth]! + 1;
    if (b === 0x7b || b === 0x5b) {
      this.open(b === 0x7b ? OBJECT : ARRAY, i);
      return i + 1;
    }
    if (b === 0x22) return this.beginString(i, this.value?.node.scalar ? 'capture' : 'skip');
    if (b === 0x2d || (b >= 0x30 && b <= 0x39)) {
      this.num.begin(this.offset + i, this.value?.node.scalar !== undefined);
      this.state = S.Number;
      return i;
    }
    const literal = LITERALS[b];
    if (literal) {
      this.beginLiteral(literal, this.offset + i);
      return i;
    }
    if (b === 0xef && this.offset + i === 0) this.fail('Unexpected UTF-8 BOM (Python\'s json.load rejects a byte-order mark)', 0);
    return this.fail('Expecting value', this.offset + i);
  }

  private beginKey(i: number, b: number): number {
    if (b !== 0x22) this.fail('Expecting property name enclosed in double quotes', this.offset + i);
    return this.beginString(i, this.frames[this.depth] ? 'key' : 'skip-key');
  }

  private beginString(i: number, role: StringRole): number {
    this.str.begin(role, this.offset + i);
    this.state = S.String;
    return i + 1;
  }

  private stringPart(chunk: Uint8Array, i: number): number {
    const end = this.str.scan(chunk, i, this.offset);
    if (end === -1) return chunk.length;
    const role = this.str.role;
    if (role === 'key' || role === 'skip-key') {
      const frame = this.frames[this.depth] as CompiledObject | undefined;
      this.pendingKey = frame && role === 'key' ? this.matchedKey(frame, chunk, end) : undefined;
      this.state = S.Colon;
    } else {
      this.state = S.After;
      this.deliver(role === 'capture' ? this.str.text(chunk, end) : undefined, 'string');
    }
    return end + 1;
  }

  private matchedKey(frame: CompiledObject, chunk: Uint8Array, end: number): CompiledValue | undefined {
    const index = this.str.keyIndex(chunk, end, frame.bytes, frame.names);
    return index < 0 ? undefined : frame.values[index];
  }

  private numberPart(chunk: Uint8Array, i: number): number {
    const result = this.num.scan(chunk, i, this.offset);
    if (result === NUMBER_IS_INFINITY) {
      this.beginLiteral(LITERALS[0x49]!, this.num.start, true);
      return this.num.stop;
    }
    if (result === NUMBER_GOES_ON) return chunk.length;
    this.finishNumber();
    return result;
  }

  private finishNumber(): void {
    this.state = S.After;
    this.deliver(this.num.value(), 'number');
  }

  private beginLiteral(literal: [string, JsonScalar, JsonKind], start: number, negative = false): void {
    this.literal = negative ? ['Infinity', Number.NEGATIVE_INFINITY, 'number'] : literal;
    this.literalPos = 0;
    this.literalStart = start;
    this.state = S.Literal;
  }

  private literalPart(chunk: Uint8Array, i: number): number {
    const [text, value, kind] = this.literal;
    for (const n = chunk.length; i < n && this.literalPos < text.length; i += 1, this.literalPos += 1) {
      if (chunk[i] !== text.charCodeAt(this.literalPos)) this.fail('Expecting value', this.literalStart);
    }
    if (this.literalPos === text.length) {
      this.state = S.After;
      this.deliver(value, kind);
    }
    return i;
  }

  /** Hands a finished scalar to its node (`value` is undefined only when the node does not decode scalars). */
  private deliver(value: JsonScalar | undefined, kind: JsonKind): void {
    const node = this.value?.node;
    if (node?.scalar && value !== undefined) node.scalar(value);
    else node?.other?.(kind);
  }

  private open(kind: number, i: number): void {
    if (this.depth >= MAX_JSON_DEPTH) {
      this.fail(`nested more than ${MAX_JSON_DEPTH} levels deep (Python's json.load raises RecursionError near there)`, this.offset + i);
    }
    const cv = this.value;
    const frame = kind === OBJECT ? cv?.object : cv?.array;
    if (frame) frame.node.start?.();
    else cv?.node.other?.(kind === OBJECT ? 'object' : 'array');
    this.depth += 1;
    this.kinds[this.depth] = kind;
    this.frames[this.depth] = frame;
    this.counts[this.depth] = 0;
    this.state = kind === OBJECT ? S.ObjectFirst : S.ArrayFirst;
    this.value = kind === ARRAY ? (frame as CompiledArray | undefined)?.item : undefined;
  }

  private close(kind: number): void {
    const frame = this.frames[this.depth];
    const count = this.counts[this.depth]!;
    this.frames[this.depth] = undefined;
    this.depth -= 1;
    this.state = S.After;
    if (kind === OBJECT) (frame as CompiledObject | undefined)?.node.end?.();
    else (frame as CompiledArray | undefined)?.node.end?.(count);
  }

  private fail(message: string, at: number): never {
    throw new JsonTextError(message, at, this.line, at - this.lineStart + 1, this.ending);
  }
}
