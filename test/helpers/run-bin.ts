import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built binary (`npm test` builds first), for what only a real process shows: signals, stdout, cwd. */
export const BIN = fileURLToPath(new URL('../../bin/yw.js', import.meta.url));

export interface BinRun {
  /** Exit status as a shell shows it: the code, or 128 + the signal number when killed by one. */
  status: number;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the run did not end within the timeout (it was killed): a hang. */
  hung: boolean;
}

export interface BinOptions {
  cwd?: string;
  /** Kill the run after this many ms and report it as hung (a FIFO read blocks forever). */
  timeoutMs?: number;
  /** Run as another user (uid, gid) through setpriv, e.g. nobody for permission cases. */
  user?: { uid: number; gid: number };
  /** Where stdout goes: captured (default), or a file path given to the shell (`/dev/full`). */
  stdoutTo?: string;
}

const SIGNAL_NUMBERS: Readonly<Record<string, number>> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

function statusOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (SIGNAL_NUMBERS[signal ?? ''] ?? 0);
}

/** Runs `yw args` as its own process and waits for it. */
export async function runBin(args: string[], options: BinOptions = {}): Promise<BinRun> {
  const child = startBin(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, options.timeoutMs ?? 20_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  clearTimeout(timer);
  return { status: statusOf(code, signal), signal, stdout, stderr, hung };
}

/** Starts `yw args` (node, or setpriv ... node, or sh -c with a redirect) without waiting. */
export function startBin(args: string[], options: BinOptions = {}): ChildProcess {
  const node = [process.execPath, BIN, ...args];
  const command = options.user
    ? ['setpriv', `--reuid=${options.user.uid}`, `--regid=${options.user.gid}`, '--clear-groups', ...node]
    : node;
  if (options.stdoutTo !== undefined) {
    const quoted = command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    return spawn('sh', ['-c', `exec ${quoted} > '${options.stdoutTo}'`], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  return spawn(command[0]!, command.slice(1), { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Whether this process may do what root may (mount, mknod, ignore permissions). */
export const IS_ROOT = process.getuid?.() === 0;

/** Whether setpriv can drop to the `nobody` user here (root, and the tool installed). */
export const CAN_DROP_PRIVILEGES = IS_ROOT && spawnSync('setpriv', ['--version']).status === 0;

export const NOBODY = { uid: 65534, gid: 65534 };

/** Makes a FIFO (mkfifo(1); Node has no mkfifo). */
export function mkfifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr.toString()}`);
}

/** Skips the running test and says why on stderr (vitest's reporter does not show skip notes). */
export function skipBecause(context: { skip: (note?: string) => void; task: { name: string } }, note: string): void {
  console.warn(`skipped "${context.task.name}": ${note}`);
  context.skip(note);
}
