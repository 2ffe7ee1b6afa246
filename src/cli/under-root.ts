import { join } from 'node:path';
import type { Finding } from '../core/findings.js';

/** Findings name files as the user would type them: under the root as given on the command line. */
export function underRoot(f: Finding, root: string): Finding {
  return f.file === undefined ? f : { ...f, file: join(root, f.file) };
}
