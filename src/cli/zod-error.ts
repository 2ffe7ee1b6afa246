import type { ZodError } from 'zod';
import { YwError } from '../errors.js';
import { zodPath } from '../core/zod-issues.js';

/** `trainAnn` → `--train-ann`: options are named in messages as they are typed. */
function flag(key: PropertyKey | undefined): string | undefined {
  return typeof key === 'string' ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : undefined;
}

/** A ZodError from a command's option schema as one user-facing YwError: up to five issues, each with its option. */
export function zodToYwError(error: ZodError, command?: string): YwError {
  const lines = error.issues.map((issue) => `${flag(issue.path[0]) ?? zodPath(issue.path)}${issue.path.length > 1 ? zodPath(issue.path.slice(1)) : ''}: ${issue.message}`);
  const shown = lines.slice(0, 5).join('; ');
  const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
  const help = command ? `yw ${command} --help` : 'yw --help';
  return new YwError('INVALID_INPUT', `invalid option ${shown}${more}`, { hint: `run \`${help}\` for what each option accepts, with examples` });
}
