/**
 * UTF-8 as Python's pickle writes it: with the "surrogatepass" error handler, so a lone surrogate in a
 * str is 3 bytes (ED A0 80..ED BF BF) rather than an error. TextDecoder/TextEncoder would replace it
 * with U+FFFD and the string would not survive a round trip.
 */
const strict = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeSurrogatePass(bytes);
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return LONE_SURROGATE.test(text) ? encodeSurrogatePass(text) : encoder.encode(text);
}

/** Python's own utf-8 + surrogatepass decoder; invalid sequences throw as Python's would. */
function decodeSurrogatePass(bytes: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  const cont = (k: number): number => {
    const b = bytes[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) throw new Error(`invalid UTF-8 at byte ${i}`);
    return b & 0x3f;
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    let cp: number;
    let n: number;
    if (b < 0x80) [cp, n] = [b, 1];
    else if (b >= 0xc2 && b < 0xe0) [cp, n] = [((b & 0x1f) << 6) | cont(1), 2];
    else if (b >= 0xe0 && b < 0xf0) [cp, n] = [((b & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3];
    else if (b >= 0xf0 && b < 0xf5) [cp, n] = [((b & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4];
    else throw new Error(`invalid UTF-8 at byte ${i}`);
    if ((n === 3 && cp < 0x800) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) throw new Error(`invalid UTF-8 at byte ${i}`);
    if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += n;
  }
  let out = '';
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192));
  return out;
}

function encodeSurrogatePass(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}
