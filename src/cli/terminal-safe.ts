/*
 * What reaches the terminal is safe: control characters from file names, label bytes or config text
 * are shown escaped, never sent. ESC and C1 (U+0080-U+009F, CSI among them) start sequences that can
 * clear or rewrite the screen or set the window title, CR and BS overwrite what was printed, NUL and
 * DEL hide text, and bidirectional overrides show text in another order than it is. Every line
 * Output prints goes through `terminalSafe` (our own colour codes are added after it); `\t` stays,
 * `\n` stays in multi-line text and is escaped inside one-line messages (a finding, an error).
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_ONE_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** JSON.stringify escapes C0 already; these it leaves raw, and a terminal may act on them. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { '\0': '\\0', '\r': '\\r', '\n': '\\n', '\u001b': '\\e' };

function hex(c: string, digits: number): string {
  return c.charCodeAt(0).toString(16).padStart(digits, '0');
}

/** `text` with control and bidi characters escaped (`\e`, `\r`, `\x9b`, `\u202e`); see above. */
export function terminalSafe(text: string, keepNewlines = true): string {
  const unsafe = keepNewlines ? UNSAFE : UNSAFE_ONE_LINE;
  unsafe.lastIndex = 0;
  if (!unsafe.test(text)) return text;
  return text.replace(unsafe, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** JSON text (C0 already escaped by JSON.stringify) with what a terminal may still act on escaped as \\uXXXX. */
export function jsonSafe(text: string): string {
  return text.replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
