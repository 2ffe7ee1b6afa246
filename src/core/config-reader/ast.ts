import type { PyValue } from './values.js';

/** Expression nodes of the config subset; every node knows its line for error messages. */
export type Expr =
  | { k: 'const'; value: PyValue; line: number }
  | { k: 'name'; id: string; line: number }
  | { k: 'list'; items: Expr[]; line: number }
  | { k: 'tuple'; items: Expr[]; line: number }
  | { k: 'dict'; entries: DictEntry[]; line: number }
  | { k: 'starred'; value: Expr; line: number }
  | { k: 'attr'; obj: Expr; name: string; line: number }
  | { k: 'index'; obj: Expr; index: Expr; line: number }
  | { k: 'slice'; obj: Expr; lower?: Expr; upper?: Expr; step?: Expr; line: number }
  | { k: 'call'; fn: Expr; args: Expr[]; kwargs: Kwarg[]; line: number }
  | { k: 'unary'; op: string; arg: Expr; line: number }
  | { k: 'binop'; op: string; left: Expr; right: Expr; line: number };

export type DictEntry = { key: Expr; value: Expr } | { unpack: Expr };
export type Kwarg = { name: string; value: Expr } | { unpack: Expr };

export type Stmt =
  | { k: 'assign'; targets: Expr[]; value: Expr; line: number }
  | { k: 'expr'; value: Expr; line: number }
  | { k: 'import'; names: string[]; line: number };
