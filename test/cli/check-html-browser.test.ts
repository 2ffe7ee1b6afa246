import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { classColour } from '../../src/core/html-report/model.js';
import { available } from '../helpers/oracle.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/**
 * The HTML report in a real browser (Debian's chromium, headless): the page as it renders, not as we
 * wrote it. Skipped, visibly, where chromium is not installed.
 */
const CHROMIUM = 'chromium';
const hasChromium = available(CHROMIUM, ['--headless', '--no-sandbox', '--version'], 'apt-get install -y chromium');

async function chromium(args: string[]): Promise<string> {
  const profile = await tempDir('yw-chromium-');
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--hide-scrollbars', '--force-device-scale-factor=1'];
  const { stdout } = await promisify(execFile)(CHROMIUM, [...flags, ...args], { maxBuffer: 1 << 26, timeout: 150_000 });
  return stdout;
}

/** Display frame 160x120: grey, a green patch in the top-left corner; stored turned (EXIF orientation 6). */
async function orientedDataset(dir: string): Promise<void> {
  const [W, H] = [160, 120];
  const raw = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) raw.set(x < 40 && y < 30 ? [0, 200, 0] : [128, 128, 128], (y * W + x) * 3);
  }
  // Orientation 6 means "rotate 90° clockwise to display", so the stored pixels are the display turned back.
  const stored = await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).rotate(270).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
  await mkdir(join(dir, 'data/images'), { recursive: true });
  await mkdir(join(dir, 'data/labels'), { recursive: true });
  await writeFile(join(dir, 'data/images/turned.jpg'), stored);
  // Box: x 88..152, y 24..96 of the display frame (right half, away from the patch).
  await writeFile(join(dir, 'data/labels/turned.txt'), '0 0.75 0.5 0.4 0.6\n');
  await writeFile(join(dir, 'data/classes.txt'), 'widget\n');
}

type Box = { minX: number; minY: number; maxX: number; maxY: number; pixels: number };

/** Bounding boxes of the 4-connected groups of pixels within `tolerance` of `rgb`, largest first. */
function components(data: Buffer, width: number, height: number, rgb: number[], tolerance: number): Box[] {
  const hit = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    if (rgb.every((v, c) => Math.abs(data[i * 3 + c]! - v) <= tolerance)) hit[i] = 1;
  }
  const boxes: Box[] = [];
  for (let start = 0; start < hit.length; start++) {
    if (hit[start] !== 1) continue;
    const box: Box = { minX: Infinity, minY: Infinity, maxX: -1, maxY: -1, pixels: 0 };
    const stack = [start];
    hit[start] = 2;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width, y = (i - x) / width;
      Object.assign(box, { minX: Math.min(box.minX, x), minY: Math.min(box.minY, y), maxX: Math.max(box.maxX, x), maxY: Math.max(box.maxY, y), pixels: box.pixels + 1 });
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, i - width, i + width]) {
        if (j >= 0 && j < hit.length && hit[j] === 1) {
          hit[j] = 2;
          stack.push(j);
        }
      }
    }
    boxes.push(box);
  }
  return boxes.sort((a, b) => b.pixels - a.pixels);
}

describe.skipIf(!hasChromium)('yw check --html in headless chromium', () => {
  it('renders the thumbnail in the display frame with the box drawn where the label puts it', async () => {
    const dir = await tempDir('yw-html-browser-');
    await orientedDataset(dir);
    const run = await runCli(['check', 'data', '--html', 'report.html', '--quiet'], { cwd: dir });
    expect(run.code).toBe(0);
    const shot = join(dir, 'shot.png');
    await chromium([`--screenshot=${shot}`, '--window-size=1000,1600', `file://${join(dir, 'report.html')}`]);
    const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const red = components(data, info.width, info.height, [230, 25, 75], 40); // classColour(0)
    expect(classColour(0)).toBe('#e6194b');
    const green = components(data, info.width, info.height, [0, 200, 0], 60);
    expect(red.length, 'no box drawn').toBeGreaterThan(0);
    expect(green.length, 'thumbnail not shown').toBeGreaterThan(0);
    const box = red[0]!; // the outline; the heading's swatch is a smaller group
    const patch = green[0]!;
    // The card fits 160x120 into 220x180: scale 1.375. Box 64x72 px -> 88x99 on screen.
    const scale = 220 / 160;
    expect(box.maxX - box.minX).toBeGreaterThan(64 * scale - 6);
    expect(box.maxX - box.minX).toBeLessThan(64 * scale + 6);
    expect(box.maxY - box.minY).toBeGreaterThan(72 * scale - 6);
    expect(box.maxY - box.minY).toBeLessThan(72 * scale + 6);
    // The patch is the top-left 40x30 of the display frame: 55x41 on screen, 121 px left of the box and 33 px above it.
    expect(patch.maxX - patch.minX).toBeGreaterThan(40 * scale - 8);
    expect(patch.maxY - patch.minY).toBeGreaterThan(30 * scale - 8);
    expect(patch.maxY - patch.minY).toBeLessThan(30 * scale + 8);
    expect(Math.abs(box.minX - patch.minX - 88 * scale)).toBeLessThan(6);
    expect(Math.abs(box.minY - patch.minY - 24 * scale)).toBeLessThan(6);
  }, 240_000);

  it('builds the DOM the page promises: sections, one card per sample, findings linked to cards that exist', async () => {
    const dir = await tempDir('yw-html-browser-');
    await orientedDataset(dir);
    await writeFile(join(dir, 'data/labels/turned.txt'), '0 0.75 0.5 0.4 0.6\n7 0.5 0.5 0.1 0.1\n');
    await runCli(['check', 'data', '--html', 'report.html', '--quiet'], { cwd: dir });
    const dom = await chromium(['--dump-dom', `file://${join(dir, 'report.html')}`]);
    for (const id of ['findings', 'classes', 'sizes', 'per-image', 'samples', 'finding-images']) expect(dom).toContain(`<section id="${id}">`);
    expect(dom).toContain('<a href="#img-1">data/labels/turned.txt:2</a>');
    expect(dom).toMatch(/<figure class="card" id="img-1">.*LABEL_UNKNOWN_CLASS \(line 2\)/s);
    expect(dom.match(/<figure class="card"/g)).toHaveLength(2); // the class sample and the finding card
    expect(dom).toMatch(/<rect x="88" y="24" width="64" height="72" stroke="#e6194b">/);
  }, 240_000);
});
