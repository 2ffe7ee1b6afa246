// Benchmark for reading real-size COCO files: yw config, yw check --config and yw texts on a generated
// 615 MB / 3.6M-annotation train.json (scripts/make-big-coco.js; cached under .bench/, never committed).
// Prints median wall and CPU time and the peak RSS of each command (the target: under 300 MB).
//   npm run bench -- --coco [--runs 3] [--images N --annotations N] [--bin path/to/yw.js (another build, for before/after)]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeBigCoco } from './make-big-coco.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const images = flag('--images', 240_000);
const annotations = flag('--annotations', 3_600_000);
const runs = flag('--runs', 3);
const name = images === 240_000 && annotations === 3_600_000 ? 'coco-big' : `coco-${images}x${annotations}`;
const data = join(REPO, '.bench', name);
const work = join(REPO, '.bench', `${name}-work`);
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const bin = argv.includes('--bin') ? argv[argv.indexOf('--bin') + 1] : join(REPO, 'bin', 'yw.js');

/** One run of the built CLI from `work` (the YOLO-World root stand-in): wall seconds and peak RSS in MB. */
function runOnce(args) {
  const cli = [bin, ...args];
  const started = process.hrtime.bigint();
  const result = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, ...cli], { cwd: work, encoding: 'utf8' })
    : spawnSync(process.execPath, [join(REPO, 'scripts', 'bench-child.js'), ...args], { cwd: work, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = timeBin ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr) : /maxRSS=(\d+)/.exec(result.stderr);
  return { seconds, rssMB: rss ? Number(rss[1]) / 1024 : Number.NaN, cpu: cpuSeconds(result.stderr), code: result.status, stderr: result.stderr };
}

/** user + system CPU seconds: on a shared machine wall time mostly measures the neighbours. */
function cpuSeconds(stderr) {
  if (!timeBin) return Number(/cpu=([\d.]+)/.exec(stderr)?.[1]);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return user && sys ? Number(user[1]) + Number(sys[1]) : Number.NaN;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`generating (once) ${data} ...`);
await makeBigCoco(data, images, annotations);
spawnSync('mkdir', ['-p', work]);
const size = statSync(join(data, 'annotations', 'train.json')).size;
const rel = `../${name}`;
const config = 'configs/big.py';
const commands = [
  ['yw config', ['config', '--data', rel, '--train-images', 'train/images', '--val-images', 'val/images', '--size', 's', '--style', 'standalone', '--out', config, '--force', '--quiet'], [0]],
  // exit 1 is expected: the bench tree has no class texts or weights, which the check reports
  ['yw check --config', ['check', '--config', config, '--reader', 'builtin', '--quiet'], [0, 1]],
  ['yw texts', ['texts', `${rel}/annotations/train.json`, '-o', 'texts.json', '--force', '--quiet'], [0]],
];
console.log(`train.json: ${(size / 1e6).toFixed(0)} MB, ${annotations} annotations, ${images} images; ${runs} runs each (warm cache); load average ${loadavg()[0].toFixed(1)}`);
for (const [label, args, ok] of commands) {
  runOnce(args); // warm the page cache (and write the config the check reads)
  const results = Array.from({ length: runs }, () => runOnce(args));
  const bad = results.find((r) => !ok.includes(r.code));
  if (bad) console.log(`  ${label.padEnd(18)} FAILED (exit ${bad.code}): ${bad.stderr.split('\tCommand being timed')[0].trim().split('\n').slice(-3).join(' / ')}`);
  const times = results.map((r) => r.seconds);
  const rss = results.map((r) => r.rssMB);
  const cpu = results.map((r) => r.cpu);
  console.log(`  ${label.padEnd(18)} wall median ${median(times).toFixed(2)} s (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}); CPU median ${median(cpu).toFixed(2)} s; peak RSS median ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)})`);
}
