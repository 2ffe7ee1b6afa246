// Helpers the fixture generators share: small real images (sharp), files written with their folders.
import sharp from 'sharp';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** A small picture: a coloured background with a darker block, so it is a real photo-like image. */
function pixels(width, height, seed) {
  const data = Buffer.alloc(width * height * 3);
  const base = [(seed * 67) % 200 + 40, (seed * 131) % 200 + 40, (seed * 29) % 200 + 40];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBlock = x > width / 4 && x < width / 2 && y > height / 4 && y < (height * 3) / 4;
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = inBlock ? base[c] / 3 : base[c] + ((x + y) % 16);
    }
  }
  return sharp(data, { raw: { width, height, channels: 3 } });
}

export async function image(path, { width = 64, height = 48, seed = 1, format = 'jpeg', orientation } = {}) {
  let img = pixels(width, height, seed);
  if (orientation) img = img.withMetadata({ orientation });
  const buffer = await img[format]({ quality: 80 }).toBuffer();
  await put(path, buffer);
}

export async function put(path, content) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

export async function readme(name, text) {
  await put(join(ROOT, name, 'README.md'), `${text.trim()}\n`);
}
