/**
 * Quotes one argument for a POSIX shell so that it is also safe inside a Python `#` comment of a
 * config: the result is one line of printable ASCII without `{` or `}` (mmengine substitutes
 * `{{...}}` in the raw file text, comments included). Plain words stay as they are.
 */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_\-.,/:=@+%]+$/.test(arg)) return arg;
  if (/^[\x20-\x7e]*$/.test(arg) && !/['{}]/.test(arg)) return `'${arg}'`;
  let out = "$'";
  for (const ch of arg) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (cp >= 0x20 && cp < 0x7f && ch !== '{' && ch !== '}') out += ch;
    else if (cp < 0x100) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}'`;
}

export function shellCommand(args: readonly string[]): string {
  return args.map(shellQuote).join(' ');
}

/** Last line of defence for comment text built from trusted parts and quoted arguments. */
export function commentSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]|[{}]/g, (ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}
