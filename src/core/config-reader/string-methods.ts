import { checkChars } from './limits.js';
import { PyIterable } from './scope.js';
import { pyError, unsupported } from './signals.js';
import { isSeq, PyTuple, pyTypeName, seqItems, type PyValue } from './values.js';
import { iterItems } from './scope.js';

const SPACE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

/** The str methods a config might use to build a path or a name. */
export function stringMethod(s: string, name: string, args: PyValue[]): PyValue | PyIterable | undefined {
  const [a, b, c] = args;
  switch (name) {
    case 'join': {
      if (args.length !== 1) return undefined;
      const parts = [...iterItems(a!)];
      parts.forEach((p, i) => {
        if (typeof p !== 'string') throw pyError(`TypeError: sequence item ${i}: expected str instance, ${pyTypeName(p)} found`);
      });
      const out = parts.join(s);
      checkChars(out.length);
      return out;
    }
    case 'replace': {
      if (args.length < 2 || args.length > 3 || typeof a !== 'string' || typeof b !== 'string') return undefined;
      if (c !== undefined || a === '') return undefined;
      const out = s.split(a).join(b);
      checkChars(out.length);
      return out;
    }
    case 'split': return split(s, args);
    case 'strip': case 'lstrip': case 'rstrip': {
      if (args.length > 1 || (a !== undefined && a !== null && typeof a !== 'string')) return undefined;
      const chars = typeof a === 'string' ? a : SPACE;
      const cps = [...s];
      let [start, end] = [0, cps.length];
      if (name !== 'rstrip') while (start < end && chars.includes(cps[start]!)) start += 1;
      if (name !== 'lstrip') while (end > start && chars.includes(cps[end - 1]!)) end -= 1;
      return cps.slice(start, end).join('');
    }
    case 'upper': return args.length === 0 ? s.toUpperCase() : undefined;
    case 'lower': return args.length === 0 ? s.toLowerCase() : undefined;
    case 'startswith': case 'endswith': {
      if (args.length !== 1) return undefined;
      const options = typeof a === 'string' ? [a] : isSeq(a) && a instanceof PyTuple ? seqItems(a) : undefined;
      if (!options || !options.every((o) => typeof o === 'string')) {
        throw pyError(`TypeError: ${name} first arg must be str or a tuple of str, not ${pyTypeName(a ?? null)}`);
      }
      return (options as string[]).some((o) => (name === 'startswith' ? s.startsWith(o) : s.endsWith(o)));
    }
    case 'format': throw unsupported("'.format()' (write the string as a plain literal)");
  }
  return undefined;
}

/** str.split with no separator (runs of whitespace) or a separator; maxsplit is not read. */
function split(s: string, args: PyValue[]): PyValue[] | undefined {
  if (args.length > 1) return undefined;
  const sep = args[0] ?? null;
  if (sep === null) return [...s].reduce<string[]>((parts, ch) => {
    if (SPACE.includes(ch)) {
      if (parts[parts.length - 1] !== '') parts.push('');
    } else parts[parts.length - 1] += ch;
    return parts;
  }, ['']).filter((p) => p !== '');
  if (typeof sep !== 'string') throw pyError(`TypeError: must be str or None, not ${pyTypeName(sep)}`);
  if (sep === '') throw pyError('ValueError: empty separator');
  return s.split(sep);
}
