const enum N { Start, Minus, Zero, Int, Dot, Frac, E, ESign, Exp }

/** `scan` results besides an end index. */
export const NUMBER_GOES_ON = -1;
/** `-` followed by `I`: the `-Infinity` that Python's json accepts. */
export const NUMBER_IS_INFINITY = -2;

/**
 * Reason given to `fail` for `1.` or `1e`: Python's regex takes the number without its tail and then
 * fails on the tail's first byte ("Expecting ',' delimiter", or "Extra data" at the top level).
 */
export const NUMBER_TAIL = 'number tail';

/** Integers up to this many digits are exact in a double; longer ones are parsed from their text. */
const EXACT_DIGITS = 15;

/**
 * One JSON number, possibly spread over chunks: Python's grammar `-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?`.
 * Decoded only when asked (`begin(…, true)`): small integers on the fly, anything else from its text.
 */
export class NumberScanner {
  /** Absolute offset of the first character. */
  start = 0;
  /** Index in the chunk where `-Infinity`'s `I` is, after `NUMBER_IS_INFINITY`. */
  stop = 0;
  private state = N.Start;
  private decode = false;
  private negative = false;
  private int = 0;
  private digits = 0;
  private simple = true;
  private text = '';
  /** Absolute offset of the `.` or `e` that started the fraction or exponent. */
  private mark = 0;

  constructor(private readonly fail: (reason: string, at: number) => never) {}

  begin(start: number, decode: boolean): void {
    this.start = start;
    this.decode = decode;
    this.state = N.Start;
    this.negative = false;
    this.int = 0;
    this.digits = 0;
    this.simple = true;
    this.text = '';
  }

  accepting(): boolean {
    return this.state === N.Zero || this.state === N.Int || this.state === N.Frac || this.state === N.Exp;
  }

  /** Index of the first byte after the number, NUMBER_GOES_ON, or NUMBER_IS_INFINITY. */
  scan(chunk: Uint8Array, i: number, base: number): number {
    const from = i;
    for (const n = chunk.length; i < n; i += 1) {
      const b = chunk[i]!;
      const digit = b >= 0x30 && b <= 0x39;
      if (digit && (this.state === N.Int || this.state === N.Frac || this.state === N.Exp)) {
        if (this.decode && this.state === N.Int) {
          this.int = this.int * 10 + (b - 0x30);
          this.digits += 1;
        }
        continue;
      }
      const next = this.step(b, digit, base + i);
      if (next === undefined) {
        if (this.state === N.Minus && b === 0x49) return this.infinity(i);
        if (!this.accepting()) this.fail('Expecting value', this.state === N.Minus ? this.start : base + i);
        if (this.decode && !this.exact()) this.text += latin1(chunk, from, i);
        return i;
      }
      this.state = next;
    }
    // the text so far, in case the value turns out not to be a small integer
    if (this.decode) this.text += latin1(chunk, from, chunk.length);
    return NUMBER_GOES_ON;
  }

  /** The value, when decoding was asked for. */
  value(): number | undefined {
    if (!this.decode) return undefined;
    return this.exact() ? (this.negative ? -this.int : this.int) : Number(this.text);
  }

  private exact(): boolean {
    return this.simple && this.digits <= EXACT_DIGITS;
  }

  /** The input ended inside the number: fine if it is complete, else the error Python gives. */
  endOfInput(): void {
    if (this.accepting()) return;
    if (this.state === N.Start || this.state === N.Minus) this.fail('Expecting value', this.start);
    this.fail(NUMBER_TAIL, this.mark);
  }

  private step(b: number, digit: boolean, at: number): N | undefined {
    switch (this.state) {
      case N.Start:
        if (b === 0x2d) return this.sign();
        return this.firstDigit(b);
      case N.Minus:
        return digit ? this.firstDigit(b) : undefined;
      case N.Zero:
      case N.Int:
        if (b === 0x2e) return this.complex(N.Dot, at);
        return b === 0x65 || b === 0x45 ? this.complex(N.E, at) : undefined;
      case N.Dot:
        return digit ? N.Frac : this.bad();
      case N.Frac:
        return b === 0x65 || b === 0x45 ? this.complex(N.E, at) : undefined;
      case N.E:
        if (b === 0x2b || b === 0x2d) return N.ESign;
        return digit ? N.Exp : this.bad();
      case N.ESign:
        return digit ? N.Exp : this.bad();
      default:
        return undefined;
    }
  }

  private sign(): N {
    this.negative = true;
    return N.Minus;
  }

  private firstDigit(b: number): N {
    if (b === 0x30) return N.Zero;
    this.int = b - 0x30;
    this.digits = 1;
    return N.Int;
  }

  /** A fraction or exponent: the value is parsed from the text. */
  private complex(next: N, at: number): N {
    this.simple = false;
    this.mark = at;
    return next;
  }

  private bad(): never {
    return this.fail(NUMBER_TAIL, this.mark);
  }

  private infinity(i: number): number {
    this.stop = i;
    return NUMBER_IS_INFINITY;
  }
}

function latin1(chunk: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 1) s += String.fromCharCode(chunk[i]!);
  return s;
}
