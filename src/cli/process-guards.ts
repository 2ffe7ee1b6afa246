import { removeLiveTemps } from '../io/fs/temp-files.js';
import { osError } from '../io/fs/os-error.js';

/**
 * What the `yw` process does around `main()` (bin/yw.js installs it; in-process tests do not):
 * - SIGINT, SIGTERM and SIGHUP remove every live temporary file (io/fs/temp-files.ts), then the
 *   process ends by the same signal, as a shell expects (`$?` is 130, 143 or 129, and a shell loop
 *   stops on Ctrl-C). Outputs already in place stay: they are complete by construction.
 * - Exiting by any path (process.exit included) removes them too.
 * - stdout closed by its reader (`yw ... | head`) ends the run quietly; any other failure to write
 *   stdout (a full disk, /dev/full, EIO) is one line on stderr and exit 1, never a stack trace.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function guardProcess(): void {
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      removeLiveTemps();
      process.kill(process.pid, signal); // our listener is gone: the default action ends the process
    });
  }
  process.on('exit', removeLiveTemps);
  process.stdout.on('error', (error) => streamFailed('standard output', error));
  process.stderr.on('error', (error) => streamFailed('standard error', error));
}

function streamFailed(name: string, error: Error): void {
  if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
  if (name === 'standard output') {
    const mapped = osError(error, { what: name, verb: 'write' });
    const message = mapped?.message ?? `could not write standard output: ${error.message}`;
    const hint = mapped?.hint ?? 'check where the output goes and run again';
    try {
      process.stderr.write(`error ${message} [${mapped?.code ?? 'WRITE_FAILED'}]\n  hint: ${hint}\n`);
    } catch {
      // stderr is gone too: the exit code still tells
    }
  }
  process.exit(1);
}

