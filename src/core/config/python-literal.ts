import { PyDict, PyExpr, PyFloat, PySpread, PyTuple, type PyValue } from './py-value.js';
import { pythonFloatRepr } from '../python-float.js';
import { isPyKeywordArg, pyString } from './py-string.js';

/**
 * Prints a PyValue as Python source. `exprs: 'code'` writes PyExpr/PySpread as their code (inherit
 * style); `'value'` writes what they evaluate to (standalone style). Layout: a value goes on one line
 * when it fits in `width` columns, otherwise one item per line with 4-space indents.
 */
export interface PrintOptions {
  exprs: 'code' | 'value';
  width?: number;
}

export function printPython(value: PyValue, options: PrintOptions, indent = 0, prefixLength = 0): string {
  const width = options.width ?? 79;
  const flat = printFlat(value, options);
  if (flat !== undefined && indent + prefixLength + flat.length <= width) return flat;
  const parts = containerParts(value, options);
  if (parts === undefined) return flat ?? printFlat(value, { ...options, width: Infinity })!;
  const pad = ' '.repeat(indent + 4);
  const lines = parts.items.map((item) => `${pad}${item.prefix}${printPython(item.value, options, indent + 4, item.prefix.length)}`);
  const trailing = parts.singleTuple ? ',' : '';
  return `${parts.open}\n${lines.join(',\n')}${trailing}\n${' '.repeat(indent)}${parts.close}`;
}

interface Part {
  prefix: string;
  value: PyValue;
}

interface Container {
  open: string;
  close: string;
  items: Part[];
  singleTuple: boolean;
}

function containerParts(value: PyValue, options: PrintOptions): Container | undefined {
  if (value instanceof PyExpr) return options.exprs === 'value' ? containerParts(value.value, options) : undefined;
  if (value instanceof PyTuple) {
    const items = value.items.map((v) => ({ prefix: '', value: v }));
    return { open: '(', close: ')', items, singleTuple: items.length === 1 };
  }
  if (value instanceof PyDict) {
    const kw = value.entries.every(([k]) => isPyKeywordArg(k));
    const items = value.entries.map(([k, v]) => ({ prefix: kw ? `${k}=` : `${pyString(k)}: `, value: v }));
    return kw ? { open: 'dict(', close: ')', items, singleTuple: false } : { open: '{', close: '}', items, singleTuple: false };
  }
  if (Array.isArray(value)) {
    const items = (value as (PyValue | PySpread)[]).flatMap((item): Part[] => {
      if (!(item instanceof PySpread)) return [{ prefix: '', value: item }];
      // code style writes `*_base_.x` (an expression whose value is never printed); value style inlines the items
      return options.exprs === 'code' ? [{ prefix: '', value: new PyExpr(`*${item.code}`, null) }] : item.items.map((v) => ({ prefix: '', value: v }));
    });
    return { open: '[', close: ']', items, singleTuple: false };
  }
  return undefined;
}

/** One-line form; undefined when the value cannot be one line (never happens for valid values). */
function printFlat(value: PyValue, options: PrintOptions): string | undefined {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return printInt(value);
  if (typeof value === 'string') return pyString(value);
  if (value instanceof PyFloat) return printFloat(value.value);
  if (value instanceof PyExpr) return options.exprs === 'code' ? value.code : printFlat(value.value, options);
  const parts = containerParts(value, options);
  if (parts === undefined) throw new Error(`cannot print ${String(value)} as Python`);
  const items = parts.items.map((p) => `${p.prefix}${printFlat(p.value, options)}`);
  return `${parts.open}${items.join(', ')}${parts.singleTuple ? ',' : ''}${parts.close}`;
}

function printInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`${n} is not an int; wrap floats in float()`);
  return String(n);
}

function printFloat(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (!Number.isFinite(x)) return x > 0 ? "float('inf')" : "float('-inf')";
  return pythonFloatRepr(x);
}
