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

export function processContext(): RunContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
  };
}
