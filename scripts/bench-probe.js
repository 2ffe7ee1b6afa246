// Measures header probing of many image files: `node scripts/bench-probe.js [DIR] [RUNS] [COUNT]`.
// When DIR does not exist, first fills it with COUNT (10,000) real 640x480 q75 JPEGs with EXIF (sharp).
// Every run is a fresh Node process (start-up and JIT warm-up included, as in a real `yw convert`);
// variants are interleaved so a noisy neighbour hurts them all alike; prints the median per variant
// of wall time and of CPU time (user + system, all threads), which a busy machine disturbs less.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '/tmp/yw-bench-probe';
const runs = Number(process.argv[3] ?? 7);
const probeModule = new URL('../dist/io/images/image-probe.js', import.meta.url).href;

async function makeImages(count) {
  const { default: sharp } = await import('sharp');
  mkdirSync(dir, { recursive: true });
  const variants = [];
  for (let i = 0; i < 40; i++) {
    const [w, h] = [640, 480];
    const raw = Buffer.alloc(w * h * 3);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const at = (y * w + x) * 3;
        raw[at] = (x + i * 5) & 255;
        raw[at + 1] = (y * 2 + ((x * y) >> 9)) & 255;
        raw[at + 2] = ((x ^ y) + i) & 255;
      }
    }
    const orientation = [1, 1, 6, 8, 3][i % 5];
    variants.push(await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 75 }).withMetadata({ orientation }).toBuffer());
  }
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `img_${String(i).padStart(5, '0')}.jpg`), variants[i % variants.length]);
}

// Each variant: a child script that probes every file in DIR and prints elapsed ms since process start.
const VARIANTS = {
  'floor: open/read 4 KB/close only': `const { openSync, readSync, closeSync } = await import('node:fs'); const b = new Uint8Array(4096); for (const p of paths) { const fd = openSync(p, 'r'); readSync(fd, b, 0, 4096, 0); closeSync(fd); }`,
  'floor: open/read 64 KB/close only': `const { openSync, readSync, closeSync } = await import('node:fs'); const b = new Uint8Array(65536); for (const p of paths) { const fd = openSync(p, 'r'); readSync(fd, b, 0, 65536, 0); closeSync(fd); }`,
  'sync, main thread, 4 KB': 'await probeImages(paths, { concurrency: 1, firstReadBytes: 4096 });',
  'sync, main thread, 64 KB': 'await probeImages(paths, { concurrency: 1, firstReadBytes: 65536 });',
  'main + 1 worker, 4 KB': 'await probeImages(paths, { concurrency: 2, firstReadBytes: 4096 });',
  'fs.promises, 32 in flight': `let next = 0; await Promise.all(Array.from({ length: 32 }, async () => { while (next < paths.length) await probeImage(paths[next++]); }));`,
  'sharp().metadata(), 8 in flight': `const { default: sharp } = await import('sharp'); let next = 0; await Promise.all(Array.from({ length: 8 }, async () => { while (next < paths.length) await sharp(paths[next++]).metadata(); }));`,
};

function runVariant(code) {
  const script = `import { probeImages, probeImage } from '${probeModule}';
import { readdirSync } from 'node:fs';
const paths = readdirSync(${JSON.stringify(dir)}).sort().map((f) => ${JSON.stringify(dir)} + '/' + f);
const t0 = performance.now();
const c0 = process.cpuUsage();
${code}
const cpu = process.cpuUsage(c0);
console.log(JSON.stringify({ probe: performance.now() - t0, total: performance.now(), cpu: (cpu.user + cpu.system) / 1000 }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: new URL('..', import.meta.url) }).toString());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(dir)) await makeImages(Number(process.argv[4] ?? 10_000));
const count = readdirSync(dir).length;
const times = Object.fromEntries(Object.keys(VARIANTS).map((k) => [k, { probe: [], total: [], cpu: [] }]));
for (let run = 0; run < runs; run++) {
  for (const [name, code] of Object.entries(VARIANTS)) {
    const t = runVariant(code);
    times[name].probe.push(t.probe);
    times[name].total.push(t.total);
    times[name].cpu.push(t.cpu);
  }
}
console.log(`${count} files in ${dir}, median of ${runs} runs (warm page cache):`);
for (const [name, t] of Object.entries(times)) {
  const ms = (xs) => `${median(xs).toFixed(0).padStart(5)} ms`;
  console.log(`  ${name.padEnd(34)} probe ${ms(t.probe)} (CPU ${ms(t.cpu)})   process so far ${ms(t.total)}`);
}
