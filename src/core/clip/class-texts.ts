import { YwError } from '../../errors.js';
import type { ClipTokenizer } from './tokenizer.js';

/** How many bad entries one error lists before "and N more". */
const SHOWN = 3;

/**
 * The texts `generate_text_prompts.py` embeds: the first text of each class-text entry
 * (`[x[0] for x in data]`), tokenised. Refused where transformers would fail or embed nothing: an
 * entry that is not a list starting with a string (Python would take a string's first character),
 * a text with no tokens, a text longer than the model's positions (start and end tokens included).
 */
export function encodeClassTexts(json: unknown, tokenizer: ClipTokenizer, maxPositions: number, file: string): number[][] {
  const hint = 'each entry is a list of names for one class, first name first: [["person"], ["hard hat", "helmet"]] (yw texts writes it)';
  if (!Array.isArray(json) || json.length === 0) {
    throw new YwError('EMBED_TEXTS_INVALID', `${file} is not a class-text JSON (a non-empty list of lists of names)`, { file, hint });
  }
  const notList = json.flatMap((entry, i) => (Array.isArray(entry) && typeof entry[0] === 'string' ? [] : [i]));
  if (notList.length > 0) {
    throw new YwError('EMBED_TEXTS_INVALID', `${file}: ${entries(notList)} ${notList.length === 1 ? 'is' : 'are'} not a list starting with a name`, { file, hint });
  }
  const ids = (json as string[][]).map((entry) => tokenizer.encode(entry[0]!));
  const empty = ids.flatMap((row, i) => (row.length === 2 ? [i] : []));
  if (empty.length > 0) {
    throw new YwError('EMBED_TEXT_EMPTY', `${file}: the first name of ${entries(empty)} is empty (or only spaces and control characters)`, {
      file,
      hint: 'give every class a name; an empty prompt embeds nothing but the start and end tokens',
    });
  }
  const long = ids.flatMap((row, i) => (row.length > maxPositions ? [i] : []));
  if (long.length > 0) {
    const first = long[0]!;
    throw new YwError('EMBED_TEXT_TOO_LONG', `${file}: the first name of ${entries(long)} is too long: entry ${first} is ${ids[first]!.length} tokens with the start and end tokens, the model has ${maxPositions} positions`, {
      file,
      hint: 'shorten the name (transformers fails on it too: generate_text_prompts.py does not truncate)',
    });
  }
  return ids;
}

function entries(list: readonly number[]): string {
  const shown = list.slice(0, SHOWN).join(', ');
  const more = list.length > SHOWN ? ` and ${list.length - SHOWN} more` : '';
  return `${list.length === 1 ? 'entry' : 'entries'} ${shown}${more}`;
}
