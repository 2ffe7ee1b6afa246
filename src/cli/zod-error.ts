import type { ZodError } from 'zod';
import { YwError } from '../errors.js';
import { zodIssueLines } from '../core/zod-issues.js';

/** A ZodError as one user-facing YwError: up to five issues, each with its location. */
export function zodToYwError(error: ZodError, what = 'options', file?: string): YwError {
  const lines = zodIssueLines(error);
  const shown = lines.slice(0, 5).join('; ');
  const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
  return new YwError('INVALID_INPUT', `invalid ${what}: ${shown}${more}`, file === undefined ? {} : { file });
}
