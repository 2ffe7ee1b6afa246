import { dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { YwError } from '../../errors.js';
import type { Expr, Stmt } from './ast.js';
import { substituteBaseVars } from './base-vars.js';
import { rebuild } from './copy.js';
import { evaluate } from './evaluate.js';
import { lazyImport } from './imports.js';
import { LIMITS, type Budget } from './limits.js';
import { mergeIntoBase } from './merge.js';
import { parseConfig } from './parse.js';
import { cannotRead, configError, signalToError, UNREADABLE_FILE_HINT } from './reader-error.js';
import { newScope } from './scope.js';
import { EvalSignal } from './signals.js';
import { isBaseAssign, runStatements } from './statements.js';
import { substituteText, type Env, type Placeholders } from './text-substitution.js';
import { ConfigDict, PyTuple, type PyDict, type PyValue } from './values.js';

/** A config file's text; undefined when it does not exist; `unreadable` when it is not a regular file. */
export type ConfigText = string | undefined | { unreadable: string };
export type ReadConfigFile = (path: string) => Promise<ConfigText>;

export interface LoadState {
  readFile: ReadConfigFile;
  env: Env;
  budget: Budget;
  /** Every file loaded, in load order. */
  files: string[];
  /** The files being loaded, outermost first, to name a `_base_` cycle instead of recursing forever. */
  stack: string[];
}

/** Who named a `_base_` file: for errors about that file. */
export interface NamedBy {
  file: string;
  line: number;
  name: string;
}

export const SUBMODULE_HINT =
  'the third_party/mmyolo submodule is not cloned: run `git submodule update --init --recursive` in the YOLO-World checkout';

/** mmengine's `_file2dict` for one .py file: text passes, bases, run, base variables, merge. */
export async function loadFile(file: string, text: string, state: LoadState): Promise<PyDict> {
  if (state.files.length >= LIMITS.files) throw cannotRead(`${file} (more than ${LIMITS.files} config files loaded)`, file, 1);
  if (text.length > LIMITS.fileBytes) throw cannotRead(`${file} (more than ${LIMITS.fileBytes} characters)`, file, 1);
  state.files.push(file);
  const { text: source, placeholders } = substituteText(text, file, state.env);
  const body = parseConfig(source, file);
  const lazy = lazyImport(body);
  if (lazy) {
    throw cannotRead(`the import of '${lazy.module}' (mmengine 0.10.3 reads a config importing a non-built-in module `
      + 'before _base_ as a lazy-import config; on Python 3.11+ that includes os: import it after _base_ = ...)', file, lazy.line);
  }
  const base = await loadBases(file, body, state);
  const scope = newScope(file, state.budget, new Map([['_base_', base]]));
  try {
    runStatements(body, scope);
    const own = finish(scope.vars, placeholders, base, state.budget, scope.assignedAt);
    return mergeIntoBase(own, base, '', (key) => scope.assignedAt.get(key)) as PyDict;
  } catch (error) {
    throw error instanceof EvalSignal ? signalToError(error, file, source) : error;
  }
}

/** The names the file defines, without `_base_` and dunder names, substituted and copied like mmengine. */
function finish(vars: PyDict, placeholders: Placeholders, base: PyDict, budget: Budget, lines: Map<string, number>): PyDict {
  const own: PyDict = new Map();
  for (const [key, value] of vars) {
    if (key === '_base_' || key.startsWith('__') || key === '_deprecation_') continue;
    own.set(key, substituteBaseVars(value, placeholders, base, budget, lines.get(key) ?? 1));
  }
  return own;
}

async function loadBases(file: string, body: readonly Stmt[], state: LoadState): Promise<PyDict> {
  const merged: PyDict = new ConfigDict();
  const stmt = body.find(isBaseAssign);
  if (stmt?.k !== 'assign') return merged;
  for (const name of baseNames(stmt.value, file, stmt.line, state.budget)) {
    const path = normalize(isAbsolute(name) ? name : join(dirname(file), name));
    const by = { file, line: stmt.line, name };
    const dict = await loadBase(path, by, state);
    const duplicates = [...dict.keys()].filter((k) => merged.has(k));
    if (duplicates.length > 0) {
      throw configError(`key '${duplicates.join("', '")}' is defined in more than one _base_ file`, file, stmt.line,
        'mmengine refuses duplicate keys among bases too');
    }
    for (const [k, v] of dict) merged.set(k, rebuild(v, 'config', state.budget));
  }
  return merged;
}

async function loadBase(path: string, by: NamedBy, state: LoadState): Promise<PyDict> {
  if (state.stack.includes(path)) {
    const cycle = [...state.stack.slice(state.stack.indexOf(path)), path].join(' -> ');
    throw cannotRead(`the _base_ '${by.name}' (the _base_ files include each other: ${cycle})`, by.file, by.line);
  }
  if (extname(path) !== '.py') throw cannotRead(`the _base_ '${by.name}' (only .py configs are read)`, by.file, by.line);
  const text = await state.readFile(path);
  if (text === undefined) throw baseNotFound(path, by);
  if (typeof text !== 'string') throw cannotRead(`the _base_ '${by.name}' (${text.unreadable})`, by.file, by.line, UNREADABLE_FILE_HINT);
  return loadFile(path, text, { ...state, stack: [...state.stack, path] });
}

/** `_base_ = 'a.py'` or `['a.py', 'b.py']`, evaluated like mmengine: literals only, before the file runs. */
function baseNames(value: Expr, file: string, line: number, budget: Budget): string[] {
  let spec: PyValue;
  try {
    spec = evaluate(value, newScope(file, budget));
  } catch (error) {
    throw error instanceof EvalSignal ? signalToError(error, file, '', line) : error;
  }
  const items = typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec : [spec];
  for (const item of items) {
    if (typeof item !== 'string') {
      throw configError(`_base_ must be a string or a list of strings, not ${item instanceof PyTuple ? 'a tuple' : 'this'} (mmengine: TypeError in os.path.join)`, file, line);
    }
    if (item.includes('::')) throw cannotRead(`the package-scoped _base_ '${item}'`, file, line);
  }
  return items as string[];
}

function baseNotFound(path: string, by: NamedBy): YwError {
  const submodule = /third_party[\\/]mmyolo/.test(path);
  return new YwError('CONFIG_BASE_NOT_FOUND', `_base_ file not found: ${path} (named '${by.name}' at ${by.file}:${by.line})`, {
    file: by.file,
    line: by.line,
    hint: submodule ? SUBMODULE_HINT : 'check the _base_ path; it is relative to the config file that names it',
  });
}
