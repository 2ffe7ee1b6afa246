import type { ImportName, Stmt } from './ast.js';
import { configDictCopy, deepCopy } from './copy.js';
import type { Budget } from './limits.js';
import type { Scope } from './scope.js';
import { isBaseAssign } from './statements.js';
import { pyError, unsupported } from './signals.js';
import { isAnyDict, isConfigDict, PyKeyDict, pyTypeName, type PyDict, type PyValue } from './values.js';

/**
 * Standard-library modules mmengine 0.10.3's `_is_builtin_module` accepts, so that importing one does not
 * switch it to lazy-import mode. `os` and `posixpath` are frozen modules on Python 3.11+ and fail that
 * test there: a config importing them before `_base_ = ...` is read as a lazy-import config.
 */
const BUILTIN = new Set(['copy', 'math', 'sys', 're', 'json', 'functools', 'itertools', 'collections', 'typing',
  'warnings', 'platform', 'datetime', 'time', 'random', 'string', 'pathlib', 'operator']);
/** What an import may name here; importing only binds a name, its functions below are all that run. */
const STDLIB = new Set([...BUILTIN, 'os', 'posixpath']);

type Fn = (args: PyValue[], kwargs: PyDict, budget: Budget) => PyValue;

const one = (name: string, args: PyValue[], kwargs: PyDict): PyValue => {
  if (args.length !== 1 || kwargs.size > 0) throw unsupported(`this call of '${name}'`);
  return args[0]!;
};

export const IMPORTED_FUNCTIONS: Record<string, Fn> = {
  'copy.deepcopy': (args, kwargs, budget) => deepCopy(one('copy.deepcopy', args, kwargs), budget),
  'copy.copy': (args, kwargs, budget) => shallowCopy(one('copy.copy', args, kwargs), budget),
  'os.path.join': (args, kwargs) => posixJoin(args, kwargs),
  'posixpath.join': (args, kwargs) => posixJoin(args, kwargs),
};

function shallowCopy(v: PyValue, budget: Budget): PyValue {
  if (Array.isArray(v)) return [...v];
  if (!isAnyDict(v)) return v;
  if (isConfigDict(v)) return configDictCopy(v, budget);
  if (v instanceof PyKeyDict) {
    const out = new PyKeyDict();
    for (const [id, pair] of v.entries) out.entries.set(id, [...pair]);
    return out;
  }
  return new Map(v);
}

/** Python's posixpath.join: an absolute part restarts the path; nothing is normalized. */
function posixJoin(args: PyValue[], kwargs: PyDict): string {
  if (args.length === 0 || kwargs.size > 0) throw unsupported("this call of 'os.path.join'");
  for (const a of args) if (typeof a !== 'string') throw pyError(`TypeError: join() argument must be str, not '${pyTypeName(a)}'`);
  let path = args[0] as string;
  for (const part of args.slice(1) as string[]) {
    if (part.startsWith('/')) path = part;
    else if (path === '' || path.endsWith('/')) path += part;
    else path += `/${part}`;
  }
  return path;
}

/**
 * mmengine's `_is_lazy_import`, read in statement order: the first `_base_ = ...` settles it (not lazy),
 * an import of a module that is not built in before it makes the file a lazy-import config.
 */
export function lazyImport(body: readonly Stmt[]): { module: string; line: number } | undefined {
  for (const stmt of body) {
    if (isBaseAssign(stmt)) return undefined;
    if (stmt.k !== 'import') continue;
    for (const name of stmt.names) {
      if (name.module === 'mmengine' && name.member === 'Config') continue;
      if (!BUILTIN.has(name.module.split('.')[0]!) && !name.module.startsWith('mmengine.config')) {
        return { module: name.module, line: stmt.line };
      }
    }
  }
  return undefined;
}

/** Runs an import line: binds module and function names, refuses what would make mmengine lazy-import. */
export function runImport(names: readonly ImportName[], scope: Scope, line: number): void {
  for (const name of names) {
    if (!STDLIB.has(name.module.split('.')[0]!)) {
      throw unsupported(`the import of '${name.module}' (only standard-library modules)`);
    }
    if (name.member !== undefined && !isModuleOrFunction(`${name.module}.${name.member}`)) {
      throw unsupported(`the imported name '${name.member}' (only modules and copy/os.path functions)`);
    }
    scope.vars.delete(name.bound);
    scope.imports.set(name.bound, name);
    scope.assignedAt.set(name.bound, line);
  }
}

function isModuleOrFunction(path: string): boolean {
  return path in IMPORTED_FUNCTIONS || STDLIB.has(path) || path === 'os.path';
}
