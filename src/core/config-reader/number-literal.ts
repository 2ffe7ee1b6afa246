import { cannotRead } from './reader-error.js';

/** A number token's text as the lexer saw it: digits, letters, dots, underscores and exponent signs. */
export const NUMBER_CANDIDATE = /(?:\d|\.\d)(?:[eE][+-](?=\d)|[\w.])*/y;

const DIGITS = String.raw`\d(?:_?\d)*`;
const DECIMAL_INT = /^(?:[1-9](?:_?\d)*|0+(?:_?0)*)$/;
const PREFIXED_INT = /^0(?:[xX](?:_?[\da-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)$/;
const FLOAT = new RegExp(String.raw`^(?:(?:(?:${DIGITS})?\.${DIGITS}|${DIGITS}\.)(?:[eE][+-]?${DIGITS})?|${DIGITS}[eE][+-]?${DIGITS})$`);

/**
 * Python's rules for numeric literals: `09`, `1_`, `1__0`, `0x` and `1e` are syntax errors there,
 * so they are here. Ints become bigints, floats numbers (`1e400` is inf, as in Python).
 */
export function parseNumber(text: string, file: string, line: number): bigint | number {
  const body = text.slice(0, -1);
  if (/[jJ]$/.test(text) && (FLOAT.test(body) || new RegExp(`^${DIGITS}$`).test(body))) {
    throw cannotRead('a complex number', file, line);
  }
  const clean = text.replace(/_/g, '');
  if (DECIMAL_INT.test(text)) return BigInt(clean);
  if (PREFIXED_INT.test(text)) return BigInt(clean.slice(0, 2).toLowerCase() + clean.slice(2));
  if (FLOAT.test(text)) return Number(clean);
  const why = /^0\d/.test(text) && /^[\d_]+$/.test(text)
    ? 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers'
    : 'invalid literal';
  throw cannotRead(`the number ${text} (${why}; Python rejects it too)`, file, line);
}
