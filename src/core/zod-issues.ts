import type { ZodError } from 'zod';

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
