import { normalize } from 'node:path';
import { YwError } from '../../errors.js';
import { rebuild } from './copy.js';
import { Budget } from './limits.js';
import { loadFile, type ReadConfigFile } from './load-file.js';
import { cannotRead, configError, signalToError, UNREADABLE_FILE_HINT } from './reader-error.js';
import { EvalSignal } from './signals.js';
import type { Env } from './text-substitution.js';
import type { PyDict } from './values.js';

export { SUBMODULE_HINT, type ConfigText, type ReadConfigFile } from './load-file.js';

export interface ResolvedConfig {
  /** Every top-level name after mmengine-style resolution (bases merged, `_base_` removed). */
  value: PyDict;
  /** The config file and every `_base_` file it pulled in, in load order. */
  files: string[];
}

export interface ReadOptions {
  /** Environment for `{{$VAR:default}}` substitution (mmengine reads os.environ). */
  env?: Env;
}

/** mmengine refuses these top-level names in Config(). */
const RESERVED_KEYS = ['filename', 'text', 'pretty_text', 'env_variables'];

/**
 * Resolves an mmengine Python config without Python, as mmengine 0.10.3's
 * `Config.fromfile(file, import_custom_modules=False).to_dict()` does: text substitution, `_base_`
 * files, running a safe subset of Python (never executing code), base variables, merging with
 * `_delete_`. `file` must be absolute. Reads within fixed time and memory limits.
 */
export async function readConfig(file: string, readFile: ReadConfigFile, options: ReadOptions = {}): Promise<ResolvedConfig> {
  const path = normalize(file);
  const text = await readFile(path);
  if (text === undefined) {
    throw new YwError('FILE_NOT_FOUND', `config not found: ${path}`, { file: path, hint: 'check the --config path' });
  }
  if (typeof text !== 'string') throw cannotRead(`the config ${path} (${text.unreadable})`, path, 1, UNREADABLE_FILE_HINT);
  if (!path.endsWith('.py')) throw cannotRead(`the config ${path} (only .py configs are read)`, path, 1);
  const budget = new Budget();
  const state = { readFile, env: options.env ?? {}, budget, files: [], stack: [path] };
  const loaded = await loadFile(path, text, state);
  const reserved = RESERVED_KEYS.find((k) => loaded.has(k));
  if (reserved) throw configError(`KeyError: '${reserved} is reserved for config file'`, path, 1);
  try {
    return { value: rebuild(loaded, 'plain', budget) as PyDict, files: state.files };
  } catch (error) {
    throw error instanceof EvalSignal ? signalToError(error, path, text) : error;
  }
}
