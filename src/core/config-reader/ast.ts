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
  | { k: 'binop'; op: string; left: Expr; right: Expr; line: number }
  | { k: 'not'; arg: Expr; line: number }
  | { k: 'boolop'; op: 'and' | 'or'; values: Expr[]; line: number }
  | { k: 'compare'; first: Expr; ops: string[]; rest: Expr[]; line: number }
  | { k: 'ifexp'; test: Expr; body: Expr; orelse: Expr; line: number }
  | { k: 'comp'; kind: 'list' | 'dict' | 'gen'; elt: Expr; value?: Expr; loops: CompLoop[]; line: number };

export type DictEntry = { key: Expr; value: Expr } | { unpack: Expr };
export type Kwarg = { name: string; value: Expr } | { unpack: Expr };
/** One `for target in iter if cond...` clause of a comprehension. */
export interface CompLoop {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

export type Stmt =
  | { k: 'assign'; targets: Expr[]; value: Expr; line: number }
  | { k: 'augassign'; target: Expr; op: string; value: Expr; line: number }
  | { k: 'del'; targets: Expr[]; line: number }
  | { k: 'expr'; value: Expr; line: number }
  | { k: 'pass'; line: number }
  | { k: 'import'; names: ImportName[]; line: number };

/** `import a.b as c` binds c to module a.b; `from a import b` binds b to a.b. */
export interface ImportName {
  bound: string;
  module: string;
  /** The imported member for `from` imports. */
  member?: string;
}
