#!/usr/bin/env node
// Times `yw best` (whole process, built dist/) on a generated 1,000,000-line scalars.json.
// Usage: npm run build && node scripts/bench-best.js [lines=1000000] [runs=5]
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, writeSync, closeSync, existsSync, statSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LINES = Number(process.argv[2] ?? 1_000_000);
const RUNS = Number(process.argv[3] ?? 5);
const EPOCHS = 80;
const bin = new URL('../bin/yw.js', import.meta.url).pathname;
const work = join(tmpdir(), `yw-bench-best-${LINES}`);
const file = join(work, '20240618_101010', 'vis_data', 'scalars.json');

/** Python-json.dump-like lines: full-precision window means, as LoggerHook writes them. */
function generate() {
  mkdirSync(join(work, '20240618_101010', 'vis_data'), { recursive: true });
  const fd = openSync(file, 'w');
  const perEpoch = Math.ceil((LINES - 25) / EPOCHS);
  let buf = '';
  let iter = 0;
  for (let e = 1; e <= EPOCHS; e += 1) {
    for (let i = 0; i < perEpoch; i += 1) {
      iter += 50;
      const f = (iter * 7919) % 10007 / 10007;
      const loss = 40 - 25 * (e / EPOCHS) + f;
      buf += `{"base_lr": 0.00019${iter}, "lr": 0.00019${iter}, "data_time": 0.00${4523515701293945 + iter}, "grad_norm": ${415.50171661376953 + f}, "loss": ${loss}, "loss_cls": ${loss * 0.28}, "loss_bbox": ${loss * 0.34}, "loss_dfl": ${loss * 0.38}, "time": ${0.12654972076416016 + f / 100}, "epoch": ${e}, "iter": ${iter}, "memory": 4455, "step": ${iter}}\n`;
    }
    if (e % 5 === 0 || e >= 69) {
      const m = (0.3 + 0.15 * (1 - Math.exp(-e / 14))).toFixed(3);
      buf += `{"coco/bbox_mAP": ${m}, "coco/bbox_mAP_50": 0.6, "coco/bbox_mAP_75": 0.45, "coco/bbox_mAP_s": -1.0, "coco/bbox_mAP_m": 0.35, "coco/bbox_mAP_l": 0.5, "data_time": 0.0004, "time": 0.023, "step": ${e}}\n`;
    }
    writeSync(fd, buf);
    buf = '';
  }
  closeSync(fd);
  for (const e of [5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80]) closeSync(openSync(join(work, `epoch_${e}.pth`), 'w'));
}

/** CPU seconds (user+sys) of waited-for children, from /proc (Linux); wall time suffers on a busy machine. */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime (clock ticks, USER_HZ=100)
  } catch {
    return Number.NaN;
  }
}

if (!existsSync(file)) generate();
const size = statSync(file).size;
const times = [];
const cpus = [];
let result;
for (let r = 0; r < RUNS; r += 1) {
  const t = process.hrtime.bigint();
  const c = childCpu();
  result = JSON.parse(execFileSync(process.execPath, [bin, 'best', work, '--json'], { encoding: 'utf8' }));
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
  cpus.push((childCpu() - c) * 1000);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const wall = [...times].sort((a, b) => a - b);
console.log(`yw best on ${result.lines.toLocaleString('en')} lines (${(size / 1e6).toFixed(0)} MB), ${RUNS} runs, load average ${loadavg()[0].toFixed(1)}:`);
console.log(`  wall median ${median(times).toFixed(0)} ms (min ${wall[0].toFixed(0)}, max ${wall[wall.length - 1].toFixed(0)}); CPU (user+sys) median ${median(cpus).toFixed(0)} ms`);
console.log(`  best epoch ${result.epoch} = ${result.value}`);
