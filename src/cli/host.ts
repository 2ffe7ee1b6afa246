import type { Command } from 'commander';
import type { RunContext } from './context.js';

/** What a command module gets from `main()`: the surroundings, and a way to report its exit code. */
export interface CommandHost {
  ctx: RunContext;
  setExitCode(code: number): void;
}

export type RegisterCommand = (program: Command, host: CommandHost) => void;

/**
 * Wraps a command's async body so that its exit code reaches `main()`; errors propagate to
 * `main()`, the only catch-all.
 */
export function action<A extends unknown[]>(
  host: CommandHost,
  body: (...args: A) => Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    host.setExitCode(await body(...args));
  };
}
