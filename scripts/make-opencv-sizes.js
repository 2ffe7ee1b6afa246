// Decodes every image of fixtures/images/ with OpenCV (Debian's python3-opencv 4.6, what mmcv's loader
// calls: cv2.imdecode(buf, IMREAD_COLOR)) and writes what came out to fixtures/images/opencv-4.6-sizes.json.
// test/hostile/image-opencv.test.ts compares yw's header reader with that file, and re-runs the same
// decode where `import cv2` works. Run after make-fixture-images.js: node scripts/make-opencv-sizes.js
// (needs /usr/bin/python3 with cv2 4.6: apt-get install python3-opencv on Debian bookworm).
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../fixtures/images/', import.meta.url).pathname;
const script = new URL('./opencv-sizes.py', import.meta.url).pathname;
const images = readdirSync(dir).filter((name) => !/\.(md|json)$/.test(name)).sort();
const out = execFileSync('/usr/bin/python3', [script, ...images.map((n) => join(dir, n))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const result = JSON.parse(out);
if (!result.opencv.startsWith('4.6.')) throw new Error(`OpenCV ${result.opencv} found; the reference is 4.6 (Debian bookworm's python3-opencv)`);
const file = join(dir, 'opencv-4.6-sizes.json');
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`wrote ${Object.keys(result.files).length} decodes by OpenCV ${result.opencv} to ${file}`);
