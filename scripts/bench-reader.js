#!/usr/bin/env node
// Times the built-in config reader (built dist/) on the 42 official YOLO-World configs through the real
// mmyolo base chain (../shared/reference/upstream-configs), in-process, and `yw check --dump-config`
// as a whole process on the largest one; then the worst case the limits allow (a step-budget run).
// Usage: npm run build && node scripts/bench-reader.js [runs=5]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../dist/core/config-reader/read-config.js';
import { readConfigText } from '../dist/io/config/check-inputs.js';

const RUNS = Number(process.argv[2] ?? 5);
const repo = new URL('..', import.meta.url).pathname;
const reference = [join(repo, '../shared/reference'), '/work/shared/reference'].find((d) => existsSync(join(d, 'upstream-configs')));
if (!reference) {
  console.log('no ../shared/reference/upstream-configs: nothing to time');
  process.exit(0);
}
const root = mkdtempSync(join(tmpdir(), 'yw-bench-reader-'));
cpSync(join(reference, 'upstream-configs/yolo-world/configs'), join(root, 'configs'), { recursive: true });
mkdirSync(join(root, 'third_party/mmyolo'), { recursive: true });
cpSync(join(reference, 'upstream-configs/mmyolo/configs'), join(root, 'third_party/mmyolo/configs'), { recursive: true });
const configs = readdirSync(join(root, 'configs'), { recursive: true }).filter((f) => f.endsWith('.py')).map((f) => join(root, 'configs', f));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const inProcess = [];
let filesRead = 0;
for (let r = 0; r < RUNS; r += 1) {
  const t = performance.now();
  filesRead = 0;
  for (const file of configs) filesRead += (await readConfig(file, readConfigText)).files.length;
  inProcess.push(performance.now() - t);
}
const xl = join(root, 'configs/finetune_coco/yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco.py');
const whole = [];
for (let r = 0; r < RUNS; r += 1) {
  const t = performance.now();
  // Exit 1 is expected: the data files the official config names are not there.
  const run = spawnSync(process.execPath, [join(repo, 'bin/yw.js'), 'check', '-c', xl, '--reader', 'builtin', '--dump-config', '-', '-q'], { cwd: root });
  if (run.status !== 0 && run.status !== 1) throw new Error(`yw check exited ${run.status}: ${run.stderr}`);
  whole.push(performance.now() - t);
}
writeFileSync(join(root, 'worst.py'), 'a = [[[i * j * k for i in range(100)] for j in range(100)] for k in range(1000)]\n');
const worst = [];
for (let r = 0; r < RUNS; r += 1) {
  const t = performance.now();
  await readConfig(join(root, 'worst.py'), readConfigText).catch(() => undefined);
  worst.push(performance.now() - t);
}
rmSync(root, { recursive: true, force: true });
console.log(`built-in config reader, ${RUNS} runs, load average ${loadavg()[0].toFixed(1)}:`);
console.log(`  ${configs.length} official configs (${filesRead} files read), in-process: median ${median(inProcess).toFixed(0)} ms (${(median(inProcess) / configs.length).toFixed(1)} ms per config)`);
console.log(`  yw check -c <xl config> --dump-config - (whole process): median ${median(whole).toFixed(0)} ms`);
console.log(`  worst case within the limits (stops at the 5,000,000-step budget): median ${median(worst).toFixed(0)} ms`);
