import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeReferenceJson } from '../../core/config-reader/reference-json.js';
import { isDict, type PyDict } from '../../core/config-reader/values.js';
import { SUBMODULE_HINT } from '../../core/config-reader/read-config.js';
import { YwError } from '../../errors.js';
import { regularFileExists } from '../fs/regular-file.js';

const run = promisify(execFile);

/** Python: `enc(value)` turns a resolved config into the reference JSON encoding (see reference-json.ts). */
export const MMENGINE_ENCODE = `
import json, math, sys
from mmengine.config import Config
def enc(v):
    if isinstance(v, dict):
        if all(isinstance(k, str) for k in v):
            return {k: enc(x) for k, x in v.items()}
        return {'__dict__': [[enc(k), enc(x)] for k, x in v.items()]}
    if isinstance(v, tuple):
        return {'__tuple__': [enc(x) for x in v]}
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, float) and not math.isfinite(v):
        return {'__float__': repr(v)}
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    return {'__object__': repr(v), '__type__': type(v).__module__ + '.' + type(v).__qualname__}
def resolve(path):
    return json.dumps(enc(Config.fromfile(path, import_custom_modules=False).to_dict()), sort_keys=True, indent=2, ensure_ascii=False)
`;

/**
 * Python's open() that refuses what is not a regular file before opening it: mmengine opens every
 * _base_ itself, and open() blocks on a FIFO (and reads a device forever). The marker lets yw word it.
 */
const REGULAR_OPEN = `
import builtins, os, stat
_open = builtins.open
def _regular_open(file, *args, **kwargs):
    if isinstance(file, (str, bytes, os.PathLike)):
        try:
            mode = os.stat(file).st_mode
        except OSError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            raise OSError('yw-not-a-regular-file: ' + os.fsdecode(file))
    return _open(file, *args, **kwargs)
builtins.open = _regular_open
`;

/** Resolves with mmengine and prints the resolved dict in the reference JSON encoding. */
const SCRIPT = `${MMENGINE_ENCODE}${REGULAR_OPEN}
sys.stdout.write(resolve(sys.argv[1]))
`;

const NOT_REGULAR = /yw-not-a-regular-file: (.*)$/;

/** Whether `python` can import mmengine (the optional exact reader). */
export async function hasMmengine(python: string): Promise<boolean> {
  try {
    await run(python, ['-c', 'import mmengine'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** Resolves a config with mmengine's own Config.fromfile (untested here: mmengine is not installed). */
export async function readConfigWithMmengine(python: string, file: string, cwd: string): Promise<PyDict> {
  // Python's open() would block on a FIFO: the config passes the regular-file gate first, its _base_
  // files REGULAR_OPEN (the timeout below is for whatever else could stall Python).
  if (!(await regularFileExists(file, 'config file'))) {
    throw new YwError('FILE_NOT_FOUND', `config not found: ${file}`, { file, hint: 'check the --config path' });
  }
  let stdout: string;
  try {
    ({ stdout } = await run(python, ['-c', SCRIPT, file], { cwd, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const last = stderr.split('\n').pop() || (error as Error).message;
    const special = NOT_REGULAR.exec(last);
    if (special) {
      throw new YwError('CONFIG_UNREADABLE', `mmengine could not load ${file}: ${special[1]} is not a regular file (refused before opening it)`, {
        file: special[1],
        hint: 'name a regular UTF-8 .py file',
      });
    }
    const base = /FileNotFoundError/.test(last) && /third_party[\\/]mmyolo/.test(last);
    throw new YwError(base ? 'CONFIG_BASE_NOT_FOUND' : 'CONFIG_ERROR', `mmengine could not load ${file}: ${last}`, {
      file,
      hint: base ? SUBMODULE_HINT : 'fix the config, or try --reader builtin',
    });
  }
  const value = decodeReferenceJson(stdout, file);
  if (!isDict(value)) throw new YwError('CONFIG_ERROR', `mmengine returned no dict for ${file}`, {
    file,
    hint: 'check that the file is an mmengine config (top-level assignments), or try --reader builtin',
  });
  return value;
}
