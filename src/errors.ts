/**
 * The one error type for failures the user caused (bad input, missing file, refused overwrite).
 * Anything else that escapes to `cli/main.ts` is treated as an internal bug (exit 2), except OS
 * errors on the user's paths (EACCES, ENOENT, ENOSPC, ...), which main turns into YwErrors.
 */
export interface YwErrorOptions {
  /**
   * What the user can do about it, e.g. "run `yw convert --force` to overwrite". Required: every
   * exit-1 message comes with a fix, and the compiler is what keeps it that way.
   */
  hint: string;
  /** The file the problem is in, shown before the message. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  cause?: unknown;
}

export class YwError extends Error {
  readonly code: string;
  readonly hint: string;
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(code: string, message: string, options: YwErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'YwError';
    this.code = code;
    this.hint = options.hint;
    this.file = options.file;
    this.line = options.line;
  }
}

export function isYwError(value: unknown): value is YwError {
  return value instanceof YwError;
}
