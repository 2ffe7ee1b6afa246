import { YwError } from '../../errors.js';

/** The reader's one error for Python it does not evaluate: names the construct, file and line. */
export function cannotRead(what: string, file: string, line: number, hint?: string): YwError {
  return new YwError('CONFIG_UNREADABLE', `cannot read ${what} at ${file}:${line}`, {
    file,
    line,
    hint: hint ?? 'yw reads the Python subset mmengine configs use; install mmengine (pip) for an exact reading',
  });
}
