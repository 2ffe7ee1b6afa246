import { YwError } from '../../errors.js';
import { Bpe, bytesToUnicode, END_OF_TEXT, START_OF_TEXT } from './bpe.js';
import { cleanClipText } from './text-clean.js';

/** A vocab.json that is not CLIP's: what to use instead. */
const VOCAB_HINT = 'use the vocab.json of a Hugging Face CLIP snapshot, e.g. openai/clip-vit-base-patch32';

/**
 * CLIP's pre-tokenisation pattern (transformers 4.45, compiled with IGNORECASE): the special tokens,
 * English contractions, runs of letters, single digits, runs of anything else but spaces.
 */
const PATTERN = /<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+/giu;
/** transformers splits the text on its added (special) tokens before anything else. */
const SPECIAL_SPLIT = /(<\|startoftext\|>|<\|endoftext\|>)/;

/**
 * transformers' pure-Python `CLIPTokenizer` without ftfy (see text-clean.ts), from the snapshot's
 * vocab.json and merges.txt. Token ids only; the model adds nothing else.
 */
export class ClipTokenizer {
  private readonly bpe: Bpe;
  private readonly byteChars = bytesToUnicode();
  private readonly utf8 = new TextEncoder();
  readonly startId: number;
  readonly endId: number;

  constructor(
    private readonly vocab: Vocab,
    ranks: ReadonlyMap<string, number>,
    file: string,
  ) {
    this.bpe = new Bpe(ranks);
    const special = (token: string) => {
      const id = vocab.get(token);
      if (id === undefined) throw new YwError('CLIP_VOCAB_INVALID', `${file} has no ${token} token: not a CLIP vocabulary`, { file, hint: VOCAB_HINT });
      return id;
    };
    this.startId = special(START_OF_TEXT);
    this.endId = special(END_OF_TEXT);
  }

  /** The ids of one text, without the start and end tokens. */
  tokenize(text: string): number[] {
    const ids: number[] = [];
    for (const piece of text.split(SPECIAL_SPLIT)) {
      if (piece === START_OF_TEXT || piece === END_OF_TEXT) ids.push(this.id(piece));
      else if (piece !== '') this.tokenizePiece(piece, ids);
    }
    return ids;
  }

  /** The ids the model sees: start, the text, end (padding is never computed, see text-model.ts). */
  encode(text: string): number[] {
    return [this.startId, ...this.tokenize(text), this.endId];
  }

  private tokenizePiece(piece: string, ids: number[]): void {
    for (const match of cleanClipText(piece).matchAll(PATTERN)) {
      let mapped = '';
      for (const byte of this.utf8.encode(match[0])) mapped += this.byteChars[byte]!;
      for (const symbol of this.bpe.encode(mapped)) ids.push(this.id(symbol));
    }
  }

  /** Unknown symbols become the unk token, `<|endoftext|>`, as in transformers. */
  private id(symbol: string): number {
    return this.vocab.get(symbol) ?? this.endId;
  }
}

/** Token → id, as vocab.json maps them. */
export interface Vocab {
  get(token: string): number | undefined;
}

/**
 * vocab.json: `{"token": id}`. Kept as the parsed object and checked per lookup: building a Map of all
 * 49,408 entries cost more than the rest of the tokenizer's start-up.
 */
export function parseVocab(json: unknown, file: string): Vocab {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new YwError('CLIP_VOCAB_INVALID', `${file} is not a JSON object of token ids`, { file, hint: VOCAB_HINT });
  }
  const table = json as Record<string, unknown>;
  return {
    get(token) {
      if (!Object.hasOwn(table, token)) return undefined;
      const id = table[token];
      if (Number.isInteger(id) && (id as number) >= 0) return id as number;
      throw new YwError('CLIP_VOCAB_INVALID', `${file}: token ${JSON.stringify(token)} has id ${JSON.stringify(id)}, expected an integer >= 0`, { file, hint: VOCAB_HINT });
    },
  };
}
