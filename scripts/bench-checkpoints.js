#!/usr/bin/env node
// Times `yw reparam` and `yw slim` on a checkpoint the size of a YOLO-World v2 L training checkpoint
// (~820 MB, made once under .bench/ by scripts/make-bench-checkpoint.py with python3-torch), against
// torch.load + torch.save of the same file and the real tools/reparameterize_yoloworld.py when torch
// (and the YOLO-World mirror) are at hand. Prints medians of wall time, CPU time and peak RSS.
// Usage: npm run bench:checkpoints [-- --runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const REPO = new URL('..', import.meta.url).pathname;
const at = process.argv.indexOf('--runs');
const runs = at > 0 ? Number(process.argv[at + 1]) : 3;
const bench = join(REPO, '.bench', 'checkpoints');
const ckpt = join(bench, 'yolo_world_v2_l_like.pth');
const embeddings = join(REPO, 'fixtures', 'checkpoints', 'yolo-world', 'embeddings_80x512.npy');
const mirror = process.env.YOLO_WORLD_MIRROR ?? '/work/.mirror/AILab-CVC+YOLO-World/repo';
const python = ['python3', '/usr/bin/python3'].find((exe) => spawnSync(exe, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);

function measure(label, argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  const num = (re) => Number(re.exec(r.stderr)?.[1] ?? NaN);
  return { wall, cpu: num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/), rss: num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

mkdirSync(bench, { recursive: true });
if (!existsSync(ckpt)) {
  if (!python) throw new Error('no python with torch to make the benchmark checkpoint (apt-get install python3-torch)');
  execFileSync(python, [join(REPO, 'scripts', 'make-bench-checkpoint.py'), ckpt], { stdio: 'inherit' });
}
const yw = [process.execPath, join(REPO, 'bin', 'yw.js')];
const out = join(bench, 'out.pth');
const jobs = [
  ['yw reparam', [...yw, 'reparam', '--weights', ckpt, '--embeddings', embeddings, '--out', out, '--force', '-q']],
  ['yw slim', [...yw, 'slim', ckpt, out, '--force', '-q']],
];
if (python) {
  jobs.push(['torch.load + torch.save', [python, '-c', 'import sys, torch; torch.save(torch.load(sys.argv[1], map_location="cpu"), sys.argv[2])', ckpt, out]]);
  if (existsSync(mirror)) {
    const tool = join(bench, 'reparameterize_yoloworld.py');
    writeFileSync(tool, execFileSync('git', ['--git-dir', mirror, 'show', 'b1b09f2:tools/reparameterize_yoloworld.py']));
    jobs.push(['tools/reparameterize_yoloworld.py', [python, tool, '--model', ckpt, '--out-dir', bench, '--text-embed', embeddings, '--conv-neck']]);
  }
} else {
  console.log('(no python with torch: the torch comparisons are skipped)');
}
const results = new Map(jobs.map(([label]) => [label, []]));
for (let i = 0; i < runs; i++) for (const [label, argv] of jobs) results.get(label).push(measure(label, argv));
rmSync(out, { force: true });
rmSync(join(bench, 'yolo_world_v2_l_like_rep_conv.pth'), { force: true });

console.log(`checkpoint ${(statSync(ckpt).size / 1e6).toFixed(0)} MB (YOLO-World v2 L key names and shapes, state_dict + AdamW state), ${runs} runs each, load average ${loadavg()[0].toFixed(1)}`);
for (const [label, rs] of results) {
  console.log(`  ${label.padEnd(36)} wall median ${median(rs.map((r) => r.wall)).toFixed(1).padStart(5)} s   CPU median ${median(rs.map((r) => r.cpu)).toFixed(1).padStart(5)} s   peak RSS ${Math.max(...rs.map((r) => r.rss)).toFixed(0).padStart(5)} MB`);
}
