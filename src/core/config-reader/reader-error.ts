import { YwError } from '../../errors.js';
import { EvalSignal } from './signals.js';

const UNREADABLE_HINT = 'yw reads the Python subset mmengine configs use; install mmengine (pip) for an exact reading';
/** For a config or _base_ that is a FIFO, device, folder, too large or not UTF-8 (io says which). */
export const UNREADABLE_FILE_HINT = 'name a regular UTF-8 .py file (yw does not open pipes, devices or /proc files)';
const LIMIT_HINT = 'the built-in reader bounds its time and memory; real configs stay far below these limits';

/** The reader's one error for Python it does not evaluate: names the construct, file and line. */
export function cannotRead(what: string, file: string, line: number, hint?: string): YwError {
  return new YwError('CONFIG_UNREADABLE', `cannot read ${what} at ${file}:${line}`, {
    file,
    line,
    hint: hint ?? UNREADABLE_HINT,
  });
}

/** A Python-level error that mmengine would hit on the same line. */
export function configError(message: string, file: string, line: number, hint?: string): YwError {
  return new YwError('CONFIG_ERROR', `${file}:${line}: ${message}`, {
    file,
    line,
    hint: hint ?? 'mmengine would fail on this line too; fix the config',
  });
}

/** Turns what evaluation threw into the YwError the user sees; `source` gives the line's text for limits. */
export function signalToError(signal: EvalSignal, file: string, source: string, fallbackLine = 1): YwError {
  const line = signal.line ?? fallbackLine;
  if (signal.kind === 'python') return configError(signal.message, file, line);
  if (signal.kind === 'unsupported') return cannotRead(signal.message, file, line);
  return cannotRead(`${lineSnippet(source, line)} (${signal.message})`, file, line, LIMIT_HINT);
}

/** The source line, trimmed and cut to 60 characters, in backquotes. */
function lineSnippet(source: string, line: number): string {
  const text = (source.split('\n')[line - 1] ?? '').trim();
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}
