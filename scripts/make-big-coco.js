#!/usr/bin/env node
// Writes a real-size COCO detection dataset for the streaming benchmark (never committed; under .bench/):
// annotations/train.json (default 240,000 images and 3,600,000 polygon annotations, about 615 MB, on one
// line without spaces as most exporters write it), a small
// annotations/val.json, and empty files for the first image names of each split (yw check stats them).
//   node scripts/make-big-coco.js [DIR] [--images N] [--annotations N]
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const CLASSES = ['person', 'helmet', 'safety vest', 'car', 'forklift', 'ladder', 'glove', 'boot', 'crane', 'cone'];

/** Deterministic pseudo-random numbers (same file every time). */
function rng(seed) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const fixed = (x) => Math.round(x * 10) / 10;

function annotation(id, imageId, rand) {
  const [w, h] = [640, 480];
  const bw = 8 + rand() * 200;
  const bh = 8 + rand() * 150;
  const x = rand() * (w - bw);
  const y = rand() * (h - bh);
  const points = [];
  for (let k = 0; k < 4; k += 1) {
    const a = (k / 4) * 2 * Math.PI;
    points.push(fixed(x + bw / 2 + (Math.cos(a) * bw) / 2), fixed(y + bh / 2 + (Math.sin(a) * bh) / 2));
  }
  const category = 1 + Math.floor(rand() * CLASSES.length);
  return `{"segmentation":[[${points.join(',')}]],"area":${Math.round(bw * bh * 0.5)},"iscrowd":0,"image_id":${imageId},"bbox":[${fixed(x)},${fixed(y)},${fixed(bw)},${fixed(bh)}],"category_id":${category},"id":${id}}`;
}

async function writeSplit(file, images, annotations, seed) {
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((done) => out.once('drain', done)));
  const rand = rng(seed);
  await write('{"info":{"description":"yw streaming benchmark","version":"1.0","year":2024},"licenses":[],"images":[');
  let chunk = [];
  for (let i = 1; i <= images; i += 1) {
    chunk.push(`{"license":1,"file_name":"${String(i).padStart(12, '0')}.jpg","height":480,"width":640,"id":${i}}`);
    if (chunk.length === 5000 || i === images) {
      await write((i > chunk.length ? ',' : '') + chunk.join(','));
      chunk = [];
    }
  }
  await write('],"annotations":[');
  for (let a = 1; a <= annotations; a += 1) {
    chunk.push(annotation(a, 1 + Math.floor(((a - 1) * images) / annotations), rand));
    if (chunk.length === 5000 || a === annotations) {
      await write((a > chunk.length ? ',' : '') + chunk.join(','));
      chunk = [];
    }
  }
  const categories = CLASSES.map((name, i) => `{"supercategory":"site","id":${i + 1},"name":"${name}"}`);
  await write(`],"categories":[${categories.join(',')}]}`);
  await new Promise((done, fail) => out.end((error) => (error ? fail(error) : done())));
}

export async function makeBigCoco(dir, images = 240_000, annotations = 3_600_000) {
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'annotations'), { recursive: true });
  for (const split of ['train', 'val']) await mkdir(join(dir, split, 'images'), { recursive: true });
  await writeSplit(join(dir, 'annotations', 'train.json'), images, annotations, 7);
  await writeSplit(join(dir, 'annotations', 'val.json'), 2000, 14_400, 11);
  for (const split of ['train', 'val']) {
    for (let i = 1; i <= 20; i += 1) await writeFile(join(dir, split, 'images', `${String(i).padStart(12, '0')}.jpg`), '');
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const flag = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const dir = argv[0] && !argv[0].startsWith('--') ? argv[0] : join('.bench', 'coco-big');
  console.log(`writing ${dir} ...`);
  await makeBigCoco(dir, flag('--images', 240_000), flag('--annotations', 3_600_000));
  console.log('done');
}
