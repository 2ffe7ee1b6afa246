import { basename, dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { YwError } from '../../errors.js';
import type { Stmt } from './ast.js';
import { evaluate, type Scope } from './evaluate.js';
import { runStatements } from './statements.js';
import { mergeIntoBase } from './merge.js';
import { parseConfig } from './parse.js';
import { cannotRead } from './tokenize.js';
import { deepCopy, PyTuple, type PyDict, type PyValue } from './values.js';

/** Reads a file's text, or undefined when it does not exist. Supplied by io; core stays pure. */
export type ReadConfigFile = (path: string) => Promise<string | undefined>;

export interface ResolvedConfig {
  /** Every top-level name after mmengine-style resolution (bases merged, `_base_` removed). */
  value: PyDict;
  /** The config file and every `_base_` file it pulled in, in load order. */
  files: string[];
}

export const SUBMODULE_HINT =
  'the third_party/mmyolo submodule is not cloned: run `git submodule update --init --recursive` in the YOLO-World checkout';

/**
 * Resolves an mmengine Python config without Python: `_base_` files (string or list, relative to
 * the file naming them), `{{_base_.x}}` and `{{ fileDirname }}`-style text substitution, `_base_.x`
 * references, base merging with `_delete_`. `file` must be absolute.
 */
export async function readConfig(file: string, readFile: ReadConfigFile): Promise<ResolvedConfig> {
  const files: string[] = [];
  const text = await readFile(file);
  if (text === undefined) {
    throw new YwError('FILE_NOT_FOUND', `config not found: ${file}`, { file, hint: 'check the --config path' });
  }
  const value = await fileToDict(normalize(file), text, { readFile, files, stack: [] });
  return { value, files };
}

interface LoadState {
  readFile: ReadConfigFile;
  files: string[];
  stack: string[];
}

async function fileToDict(file: string, source: string, state: LoadState): Promise<PyDict> {
  if (extname(file) !== '.py') throw cannotRead(`a ${extname(file) || 'extension-less'} config (only .py)`, file, 1);
  if (state.stack.includes(file)) throw new YwError('CONFIG_ERROR', `${file}: _base_ files include each other`, {
    file,
    hint: 'remove the _base_ entry that leads back to this file (a config cannot inherit from itself)',
  });
  state.files.push(file);
  const body = parseConfig(substituteText(source, file), file);
  const baseDict = await loadBases(file, body, { ...state, stack: [...state.stack, file] });
  const scope: Scope = { vars: new Map(), base: baseDict, imports: new Set(), file };
  runStatements(body, scope);
  // mmengine deep-copies every value before merging (`_substitute_base_vars`), which breaks aliasing:
  // `test_dataloader = val_dataloader` becomes two independent dicts.
  const own: PyDict = new Map([...scope.vars].filter(([k]) => !k.startsWith('__')).map(([k, v]) => [k, deepCopy(v)]));
  return mergeIntoBase(own, baseDict ?? new Map(), file);
}

/** mmengine replaces these in the file text before parsing; `{{_base_.x}}` acts like `_base_.x`. */
function substituteText(source: string, file: string): string {
  const name = basename(file);
  const vars: Record<string, string> = {
    fileDirname: dirname(file),
    fileBasename: name,
    fileBasenameNoExtension: name.slice(0, name.length - extname(name).length),
    fileExtname: extname(name),
  };
  return source
    .replace(/\{\{\s*(fileDirname|fileBasename|fileBasenameNoExtension|fileExtname)\s*\}\}/g, (_, k: string) => vars[k]!)
    .replace(/\{\{\s*_base_\.([\w.]+)\s*\}\}/g, '_base_.$1');
}

async function loadBases(file: string, body: readonly Stmt[], state: LoadState): Promise<PyDict | undefined> {
  const stmt = body.find((s) => s.k === 'assign' && s.targets[0]?.k === 'name' && s.targets[0].id === '_base_');
  if (!stmt || stmt.k !== 'assign') return undefined;
  const spec = evaluate(stmt.value, { vars: new Map(), base: undefined, imports: new Set(), file });
  const names = baseNames(spec, file, stmt.line);
  const merged: PyDict = new Map();
  for (const name of names) {
    if (name.includes('::')) throw cannotRead(`the package-scoped _base_ '${name}'`, file, stmt.line);
    // Like os.path.join: an absolute _base_ is used as it is.
    const path = normalize(isAbsolute(name) ? name : join(dirname(file), name));
    const text = await state.readFile(path);
    if (text === undefined) throw baseNotFound(path, name, file, stmt.line);
    const dict = await fileToDict(path, text, state);
    for (const [k, v] of dict) {
      if (merged.has(k)) {
        throw new YwError('CONFIG_ERROR', `${file}:${stmt.line}: key '${k}' is defined in more than one _base_ file`, {
          file,
          line: stmt.line,
          hint: 'mmengine refuses duplicate keys across _base_ files too: keep the key in one of them',
        });
      }
      merged.set(k, v);
    }
  }
  return merged;
}

function baseNames(spec: PyValue, file: string, line: number): string[] {
  if (typeof spec === 'string') return [spec];
  const items = Array.isArray(spec) ? spec : spec instanceof PyTuple ? spec.items : undefined;
  if (items && items.every((x): x is string => typeof x === 'string')) return items;
  throw new YwError('CONFIG_ERROR', `${file}:${line}: _base_ must be a string or a list of strings`, {
    file,
    line,
    hint: "write _base_ = '../path/to/base.py' or _base_ = ['a.py', 'b.py']",
  });
}

function baseNotFound(path: string, name: string, file: string, line: number): YwError {
  const submodule = /third_party[\\/]mmyolo/.test(path);
  return new YwError('CONFIG_BASE_NOT_FOUND', `_base_ file not found: ${path} (named '${name}' at ${file}:${line})`, {
    file,
    line,
    hint: submodule ? SUBMODULE_HINT : 'check the _base_ path; it is relative to the config file that names it',
  });
}
