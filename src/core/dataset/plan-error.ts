import { YwError } from '../../errors.js';
import type { Finding } from '../findings.js';

/**
 * A planning failure (NO_IMAGES, NO_CLASSES, ...) with the findings gathered before it, which often
 * explain it (a data.yaml entry that did not resolve): the CLI prints them with the error and writes
 * them to --report.
 */
export class PlanError extends YwError {
  readonly findings: readonly Finding[];

  constructor(error: YwError, findings: readonly Finding[]) {
    super(error.code, error.message, {
      hint: error.hint,
      ...(error.file === undefined ? {} : { file: error.file }),
      ...(error.line === undefined ? {} : { line: error.line }),
      cause: error,
    });
    this.findings = findings;
  }
}
