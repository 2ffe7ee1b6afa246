import type { ZodError } from 'zod';
import { YwError } from '../errors.js';

/** Formats a zod path the way users read it: `annotations[3].bbox`. */
export function zodPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** One line per issue, each with its location. */
export function zodIssueLines(error: ZodError): string[] {
  return error.issues.map((issue) => `${zodPath(issue.path)}: ${issue.message}`);
}

export function zodToYwError(error: ZodError, what = 'options', file?: string): YwError {
  const lines = zodIssueLines(error);
  const shown = lines.slice(0, 5).join('; ');
  const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
  return new YwError('INVALID_INPUT', `invalid ${what}: ${shown}${more}`, file === undefined ? {} : { file });
}
