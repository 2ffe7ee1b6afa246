import { limitReached } from './signals.js';

/**
 * Bounds that keep one read fast and small whatever the file says (`[0] * 10**9`, `2 ** 10**10`,
 * `[[x] * 1000] * 1000` copied by mmengine's deep copies, a `_base_` cycle...). Real configs stay far
 * below them: the largest official YOLO-World config takes about 11,000 steps and nests 8 levels deep.
 */
export const LIMITS = {
  /** Brackets and operators nested in the source, and containers nested in a value. */
  nesting: 100,
  /** Operators chained at one level (`a + b + c ...`, `x.y.z ...`, `f()()...`): each adds a level to evaluate. */
  chain: 1_000,
  /** Items in one list, tuple or dict. */
  items: 250_000,
  /** Characters in one string. */
  chars: 10_000_000,
  /** Bits in one int (Python itself refuses to print ints over 4300 digits, about 14300 bits). */
  intBits: 100_000,
  /** Evaluation steps plus values created or copied, over the whole read. */
  steps: 5_000_000,
  /** Config files loaded (a file named by two bases counts twice, as mmengine loads it twice). */
  files: 1_000,
  /** Bytes in one config file (the official ones are under 10 KB). */
  fileBytes: 4_000_000,
} as const;

/** Counts work over one read; throws a limit signal when the budget is spent. */
export class Budget {
  private spent = 0;
  constructor(private readonly max: number = LIMITS.steps) {}

  get used(): number {
    return this.spent;
  }

  spend(n = 1): void {
    this.spent += n;
    if (this.spent > this.max) throw limitReached(`more than ${count(this.max)} evaluation steps`);
  }
}

export function checkItems(n: number): void {
  if (n > LIMITS.items) throw limitReached(`a list, tuple or dict of more than ${count(LIMITS.items)} items`);
}

export function checkChars(n: number): void {
  if (n > LIMITS.chars) throw limitReached(`a string of more than ${count(LIMITS.chars)} characters`);
}

export function checkIntBits(bits: number): void {
  if (bits > LIMITS.intBits) throw limitReached(`an int of more than ${count(LIMITS.intBits)} bits`);
}

export function checkDepth(depth: number): void {
  if (depth > LIMITS.nesting) throw limitReached(`values nested more than ${LIMITS.nesting} levels deep`);
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
