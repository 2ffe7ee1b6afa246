import { main } from '../../src/cli/main.js';
import type { RunContext } from '../../src/cli/context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `yw` in-process with captured output. `cwd` defaults to the process cwd. */
export async function runCli(argv: string[], options: Partial<RunContext> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? { NO_COLOR: '1' },
    isTTY: options.isTTY ?? false,
  });
  return { code, stdout, stderr };
}
