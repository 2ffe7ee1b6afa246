import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Finding } from '../../src/core/findings.js';
import { runCli } from './run-cli.js';

/** fixtures/check-clean: a tree `yw check --config CONFIG` finds clean; tests mutate copies. */
export const clean = fileURLToPath(new URL('../../fixtures/check-clean', import.meta.url));
export const CONFIG = 'configs/custom/yolo_world_v2_l_helmet.py';
export const TRAIN = 'train_dataloader.dataset.dataset';
export const VAL = 'val_dataloader.dataset.dataset';

export async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  expect(after, `edit of ${file} changed nothing`).not.toBe(before);
  await writeFile(path, after);
}

export const editConfig = (dir: string, change: (text: string) => string) => edit(dir, CONFIG, change);

export async function check(dir: string, ...extra: string[]): Promise<{ code: number; findings: Finding[]; stderr: string; stdout: string }> {
  const run = await runCli(['check', '--config', CONFIG, '--reader', 'builtin', '--json', ...extra], { cwd: dir });
  const findings = run.stdout ? ((JSON.parse(run.stdout) as { findings: Finding[] }).findings) : [];
  return { code: run.code, findings, stderr: run.stderr, stdout: run.stdout };
}

/** The one finding with this code and key; fails if there is none or more than one. */
export function only(findings: Finding[], code: string, key: string): Finding {
  const hits = findings.filter((f) => f.code === code && f.data?.key === key);
  expect(hits, `${code} at ${key} in ${JSON.stringify(findings.map((f) => [f.code, f.data?.key]))}`).toHaveLength(1);
  return hits[0]!;
}
