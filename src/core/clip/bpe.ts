/**
 * CLIP's byte-level BPE (transformers 4.45 `CLIPTokenizer.bpe`): a word is UTF-8 bytes mapped to
 * printable characters, the last one marked with `</w>`, then the lowest-ranked adjacent pair is merged
 * until no pair has a rank. Results are cached per word, as transformers does.
 */

/** GPT-2/CLIP's byte → character table: printable Latin-1 bytes map to themselves, the rest to U+0100+. */
export function bytesToUnicode(): string[] {
  const table: string[] = new Array(256);
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 0;
  for (let b = 0; b < 256; b++) table[b] = String.fromCharCode(printable(b) ? b : 256 + next++);
  return table;
}

/** The special tokens' BPE is themselves (they are in transformers' initial cache). */
export const START_OF_TEXT = '<|startoftext|>';
export const END_OF_TEXT = '<|endoftext|>';

const pairKey = (a: string, b: string): string => `${a} ${b}`;

/** A line that is exactly "first second": the pair's key as it is, no split needed. */
const OTHER_WHITESPACE = /[^\S ]/;

/**
 * merges.txt → pair ranks. transformers reads `strip().split("\n")[1 : 49152 - 256 - 2 + 1]`: the first
 * line is the "#version" header and lines past 48,894 merges are ignored, so the same slice is taken here.
 * Lines are keyed as they stand when already "a b" (all of a real merges.txt), which halves the start-up
 * cost of the tokenizer; anything else is split on whitespace as Python's `split()` does.
 */
export function parseMerges(text: string): Map<string, number> {
  const body = text.trim();
  const ranks = new Map<string, number>();
  let start = body.indexOf('\n') + 1;
  for (let rank = 0; start > 0 && start <= body.length && rank < 49152 - 256 - 2; rank++) {
    let end = body.indexOf('\n', start);
    if (end < 0) end = body.length;
    const line = body.slice(start, end);
    const space = line.indexOf(' ');
    if (space > 0 && space === line.lastIndexOf(' ') && space < line.length - 1 && !OTHER_WHITESPACE.test(line)) ranks.set(line, rank);
    else {
      const parts = line.trim().split(/\s+/);
      // Not exactly two symbols: Python keys it as a 1- or 3-tuple, which no pair ever matches.
      if (parts.length === 2) ranks.set(pairKey(parts[0]!, parts[1]!), rank);
    }
    start = end + 1;
  }
  return ranks;
}

export class Bpe {
  private readonly cache = new Map<string, string[]>([
    [START_OF_TEXT, [START_OF_TEXT]],
    [END_OF_TEXT, [END_OF_TEXT]],
  ]);

  constructor(private readonly ranks: ReadonlyMap<string, number>) {}

  /** The BPE symbols of one pre-tokenised word (already byte-mapped). */
  encode(token: string): string[] {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const symbols = [...token];
    symbols[symbols.length - 1] += '</w>';
    let word = symbols;
    while (word.length > 1) {
      const best = this.lowestPair(word);
      if (best === undefined) break;
      word = mergeAll(word, best[0], best[1]);
    }
    this.cache.set(token, word);
    return word;
  }

  private lowestPair(word: readonly string[]): [string, string] | undefined {
    let best: [string, string] | undefined;
    let bestRank = Infinity;
    for (let i = 0; i + 1 < word.length; i++) {
      const rank = this.ranks.get(pairKey(word[i]!, word[i + 1]!));
      if (rank !== undefined && rank < bestRank) {
        bestRank = rank;
        best = [word[i]!, word[i + 1]!];
      }
    }
    return best;
  }
}

/** Merges every non-overlapping occurrence of (first, second), left to right. */
function mergeAll(word: readonly string[], first: string, second: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) {
    if (word[i] === first && i + 1 < word.length && word[i + 1] === second) {
      out.push(first + second);
      i++;
    } else out.push(word[i]!);
  }
  return out;
}
