import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./pyconfig.py', import.meta.url));

/** Runs test/helpers/pyconfig.py once for a batch of jobs (one python3 process keeps tests fast). */
export function runPyconfig<T = unknown>(jobs: unknown[]): T[] {
  const result = spawnSync('python3', [SCRIPT], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`pyconfig.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as T[];
}

export function pythonVersion(): string {
  return execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
}
