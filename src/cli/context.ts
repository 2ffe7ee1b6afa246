/**
 * Everything a command may take from its surroundings. `main()` builds it from `process` by default;
 * tests pass their own so that commands run in-process with captured output.
 */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface RunContext {
  stdout: TextSink;
  stderr: TextSink;
  /** Folder that relative paths on the command line are resolved against. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is an interactive terminal (progress bars, colour). */
  isTTY: boolean;
}

/**
 * The process's surroundings. `process.cwd()` throws (ENOENT, uv_cwd) when the working folder was
 * removed; that reaches main() as an OS error (exit 1) unless `needCwd` is false (printing that error).
 */
export function processContext(needCwd = true): RunContext {
  let cwd = '/';
  try {
    cwd = process.cwd();
  } catch (error) {
    if (needCwd) throw error;
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd,
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
