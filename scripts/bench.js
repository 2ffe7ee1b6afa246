// Benchmark for `yw convert`: builds (once, cached under .bench/) a synthetic YOLO dataset of real JPEGs,
// then runs the built CLI several times and prints median wall time, median CPU time (user + system,
// all threads), images/s and peak RSS.
//   npm run bench                                   10,000 images x 5 boxes
//   npm run bench -- --million                      20,000 images x 50 boxes = 1,000,000 annotations, 1 run (RSS target)
//   npm run bench -- --images N --boxes-per-image K --runs R
//   npm run bench -- --check                        `yw check` on the same data, without and with --html
//   npm run bench -- --prepare                      `yw prepare` on the same data (train only: 10 % held out as val), and
//                                                   `yw convert --val-fraction 0.1` for comparison
//   npm run bench -- --coco                         yw config / check --config / texts on a 615 MB COCO file (scripts/bench-coco.js)
import sharp from 'sharp';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
if (argv.includes('--coco')) {
  await import('./bench-coco.js');
  process.exit(0);
}
const million = argv.includes('--million');
const check = argv.includes('--check');
const prepare = argv.includes('--prepare');
const args = parseArgs(argv.filter((a) => !['--million', '--check', '--prepare'].includes(a)), million ? { images: 20000, 'boxes-per-image': 50, runs: 1 } : { images: 10000, 'boxes-per-image': 5, runs: 5 });
const images = Number(args.images);
const boxes = Number(args['boxes-per-image']);
const runs = Number(args.runs);
const name = `yolo-${images}x${boxes}`;
const dataset = join(REPO, '.bench', name);

function parseArgs(argv, defaults) {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

/** A handful of distinct JPEGs (some with EXIF orientation 6), written many times under new names. */
async function templates() {
  const out = [];
  for (let i = 0; i < 8; i++) {
    const [w, h] = i % 2 ? [640, 480] : [480, 360];
    const colour = { r: (i * 53) % 256, g: (i * 97) % 256, b: (i * 151) % 256 };
    let img = sharp({ create: { width: w, height: h, channels: 3, background: colour } });
    if (i % 4 === 3) img = img.withMetadata({ orientation: 6 });
    out.push(await img.jpeg({ quality: 70 }).toBuffer());
  }
  return out;
}

function labelText(index) {
  let state = (index * 2654435761) >>> 0;
  const rand = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const lines = [];
  for (let b = 0; b < boxes; b++) {
    const w = 0.05 + rand() * 0.3;
    const h = 0.05 + rand() * 0.3;
    const xc = w / 2 + rand() * (1 - w);
    const yc = h / 2 + rand() * (1 - h);
    lines.push(`${b % 3} ${xc.toFixed(6)} ${yc.toFixed(6)} ${w.toFixed(6)} ${h.toFixed(6)}`);
  }
  return `${lines.join('\n')}\n`;
}

async function makeDataset() {
  if (existsSync(join(dataset, '.complete'))) return;
  console.log(`generating ${dataset} (${images} images, ${boxes} boxes each) ...`);
  await rm(dataset, { recursive: true, force: true });
  await mkdir(join(dataset, 'train', 'images'), { recursive: true });
  await mkdir(join(dataset, 'train', 'labels'), { recursive: true });
  await writeFile(join(dataset, 'classes.txt'), 'person\nhelmet\nsafety vest\n');
  const jpegs = await templates();
  const batch = 256;
  for (let start = 0; start < images; start += batch) {
    const jobs = [];
    for (let i = start; i < Math.min(images, start + batch); i++) {
      const stem = `img_${String(i).padStart(7, '0')}`;
      jobs.push(writeFile(join(dataset, 'train', 'images', `${stem}.jpg`), jpegs[i % jpegs.length]));
      jobs.push(writeFile(join(dataset, 'train', 'labels', `${stem}.txt`), labelText(i)));
    }
    await Promise.all(jobs);
  }
  await writeFile(join(dataset, '.complete'), '');
}

/** `yw prepare` exits 1 here: check --config reports the pretrained weights the bench does not download. */
function runOnce(args, ok = [0]) {
  const cli = [join(REPO, 'bin', 'yw.js'), ...args];
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const started = process.hrtime.bigint();
  const result = timeBin
    ? spawnSync(timeBin, ['-v', process.execPath, ...cli], { encoding: 'utf8' })
    : spawnSync(process.execPath, [join(REPO, 'scripts', 'bench-child.js'), ...cli.slice(1)], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!ok.includes(result.status)) throw new Error(`yw ${args[0]} failed (${result.status}): ${result.stderr}`);
  const match = timeBin ? /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr) : /maxRSS=(\d+)/.exec(result.stderr);
  return { seconds, rssMB: match ? Number(match[1]) / 1024 : NaN, cpu: cpuSeconds(result.stderr, Boolean(timeBin)) };
}

/** user + system CPU seconds of the child (all its threads), from /usr/bin/time -v or bench-child. */
function cpuSeconds(stderr, fromTime) {
  if (!fromTime) {
    const m = /cpu=([\d.]+)/.exec(stderr);
    return m ? Number(m[1]) : NaN;
  }
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return user && sys ? Number(user[1]) + Number(sys[1]) : NaN;
}

/** Runs `yw ARGS` once to warm the page cache, then `runs` times, and prints the medians. */
function bench(title, args, ok = [0]) {
  runOnce(args, ok);
  const results = Array.from({ length: runs }, () => runOnce(args, ok));
  const times = results.map((r) => r.seconds).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const peak = Math.max(...results.map((r) => r.rssMB));
  const cpus = results.map((r) => r.cpu).sort((a, b) => a - b);
  const cpuMedian = cpus[Math.floor(cpus.length / 2)];
  console.log(`${title}: ${images} images, ${images * boxes} boxes, ${runs} runs (warm cache)`);
  console.log(`  wall time median ${median.toFixed(3)} s (min ${times[0].toFixed(3)}, max ${times.at(-1).toFixed(3)})`);
  console.log(`  CPU time (user+sys) median ${cpuMedian.toFixed(3)} s (min ${cpus[0].toFixed(3)}, max ${cpus.at(-1).toFixed(3)})`);
  console.log(`  ${Math.round(images / median)} images/s, ${Math.round((images * boxes) / median)} boxes/s`);
  console.log(`  peak RSS ${peak.toFixed(0)} MB`);
}

await makeDataset();
execFileSync('sync');
const out = join(REPO, '.bench', `out-${name}`);
if (prepare) {
  const root = join(REPO, '.bench', 'yolo-world');
  await mkdir(root, { recursive: true });
  bench('yw convert --val-fraction 0.1', ['convert', dataset, '--out', out, '--val-fraction', '0.1', '--force', '--quiet']);
  bench('yw prepare', ['prepare', dataset, '--yolo-world', root, '--size', 's', '--style', 'standalone', '--reader', 'builtin', '--force', '--quiet'], [1]);
} else if (check) {
  bench('yw check', ['check', dataset, '--quiet']);
  bench('yw check --html', ['check', dataset, '--html', join(out, 'report.html'), '--force', '--quiet']);
} else {
  bench('yw convert', ['convert', dataset, '--out', out, '--force', '--quiet']);
}
