/**
 * `best_epoch.txt` in the format of the user's own script (seed tutorial §3.3.2): the best validation
 * line's items as `key: value`, one per line, in logged order, with Python's `str()` spelling of values.
 * Numbers are repeated exactly as Python's json.dump wrote them (so `0.5`, `-1.0`, `80`, `1e-05`).
 */
export function formatBestEpochTxt(rawLine: string): string {
  let out = '';
  for (const [key, token] of flatMembers(rawLine)) out += `${key}: ${pythonStr(token)}\n`;
  return out;
}

function pythonStr(token: string): string {
  if (token === 'NaN') return 'nan';
  if (token === 'Infinity') return 'inf';
  if (token === '-Infinity') return '-inf';
  if (token === 'true') return 'True';
  if (token === 'false') return 'False';
  if (token === 'null') return 'None';
  if (token.startsWith('"')) return String(JSON.parse(token));
  return token;
}

/** Top-level members of a JSON object as [key, raw value token]; nested values are kept as raw text. */
function flatMembers(text: string): [string, string][] {
  const members: [string, string][] = [];
  let i = text.indexOf('{') + 1;
  while (i > 0 && i < text.length) {
    const keyStart = text.indexOf('"', i);
    if (keyStart < 0) break;
    const keyEnd = tokenEnd(text, keyStart);
    const colon = text.indexOf(':', keyEnd);
    if (colon < 0) break;
    const valueStart = skipSpace(text, colon + 1);
    const valueEnd = tokenEnd(text, valueStart);
    members.push([String(JSON.parse(text.slice(keyStart, keyEnd))), text.slice(valueStart, valueEnd).trim()]);
    i = valueEnd + 1;
  }
  return members;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text.charAt(i))) i += 1;
  return i;
}

/** End (exclusive) of the value starting at `i`: a string, a nested object/array, or a bare token. */
function tokenEnd(text: string, i: number): number {
  let depth = 0;
  let inString = false;
  for (let j = i; j < text.length; j += 1) {
    const c = text.charAt(j);
    if (inString) {
      if (c === '\\') j += 1;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return j + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      if (depth === 0) return j;
      depth -= 1;
      if (depth === 0) return j + 1;
    } else if (c === ',' && depth === 0) return j;
  }
  return text.length;
}
