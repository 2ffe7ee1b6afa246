/**
 * How deep a JSON document yw reads may nest, whichever reader reads it (readJson's pre-scan here, the
 * streaming parser in json/). Python's json module, which reads these files for training, gives up near
 * 1,000 levels (RecursionError); what follows JSON.parse (schema checks, previews, JSON.stringify)
 * recurses per level and overflowed the stack only at ~10,000. No COCO or class-text file nests more than six.
 */
export const MAX_JSON_DEPTH = 1000;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The 1-based line where `text` first nests deeper than `limit` brackets, or undefined. Brackets
 * inside strings do not count. One pass over the text; it does not validate the JSON.
 */
export function jsonTooDeepAt(text: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return lineAt(text, i);
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth -= 1;
    }
  }
  return undefined;
}

/** Index of the quote that closes the string opening at `start` (the text's end if none). */
function stringEnd(text: string, start: number): number {
  for (let q = text.indexOf('"', start + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return q; // an odd run of backslashes escapes this quote
  }
  return text.length;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}
