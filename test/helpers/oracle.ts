import { spawnSync } from 'node:child_process';

/**
 * Whether an outside program (a shell, a browser) runs here. When it does not, says so on stderr, so
 * that a skipped oracle test is visible in the test output and not mistaken for a pass.
 */
export function available(command: string, args: string[], install: string): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 60_000 });
  const ok = result.status === 0;
  if (!ok) console.warn(`SKIPPED: ${command} is not installed here (${install}); its tests do not run`);
  return ok;
}
