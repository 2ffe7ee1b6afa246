// Builds the convert fixtures (real images with real EXIF tags, real label files) under fixtures/.
// Deterministic: run `node scripts/make-convert-fixtures.js` and commit the result.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { image, put, readme, ROOT } from './fixture-kit.js';

async function sampleHelmet() {
  const root = join(ROOT, 'sample-helmet');
  await rm(root, { recursive: true, force: true });
  await readme('sample-helmet', `Sample construction-site dataset in the seed tutorial's split-folder layout (train/val, images + labels).
Used by \`npm run demo\`; classes.txt is one comma-separated line, as the tutorial writes it.`);
  const labels = {
    'train/site_001': '0 0.30 0.25 0.20 0.25\n2 0.30 0.60 0.30 0.50\n',
    'train/site_002': '1 0.62 0.30 0.18 0.24\n2 0.60 0.65 0.28 0.55\n0 0.20 0.20 0.15 0.20\n',
    'train/site_003': '0 0.50 0.20 0.22 0.26\n',
    'train/site_004': '2 0.40 0.55 0.35 0.60\n1 0.42 0.18 0.16 0.22\n',
    'val/site_005': '0 0.45 0.22 0.20 0.22\n2 0.45 0.62 0.40 0.55\n',
    'val/site_006': '1 0.70 0.35 0.20 0.25\n',
  };
  let seed = 1;
  for (const [key, text] of Object.entries(labels)) {
    const [split, stem] = key.split('/');
    const portrait = stem === 'site_006';
    await image(join(root, split, 'images', `${stem}.jpg`), { width: portrait ? 48 : 64, height: portrait ? 64 : 48, seed: seed++ });
    await put(join(root, split, 'labels', `${stem}.txt`), text);
  }
  for (const split of ['train', 'val']) await put(join(root, split, 'classes.txt'), 'helmet, head, safety vest\n');
}

const fixtures = {
  'convert-split-folders': {
    readme: `Split-folder layout (train/val/test with images + labels) and tree problems: duplicate stem a.jpg + a.png,
background image, empty label file, orphan label, non-image file, corrupt .jpg, classes.txt beside the labels.`,
    async build(input) {
      const names = 'person\ntraffic light\nbicycle\n';
      await put(join(input, 'classes.txt'), names);
      await put(join(input, 'train/labels/classes.txt'), names);
      await image(join(input, 'train/images/a.jpg'), { seed: 2 });
      await image(join(input, 'train/images/a.png'), { seed: 3, format: 'png' });
      await image(join(input, 'train/images/b.jpg'), { seed: 4 });
      await image(join(input, 'train/images/c.jpg'), { seed: 5, width: 40, height: 40 });
      await put(join(input, 'train/images/broken.jpg'), Buffer.from('this is not a JPEG at all\n'));
      await put(join(input, 'train/images/notes.md'), 'taken on site 3\n');
      await put(join(input, 'train/labels/a.txt'), '0 0.5 0.5 0.25 0.5\n1 0.125 0.25 0.125 0.25\n');
      await put(join(input, 'train/labels/c.txt'), '');
      await put(join(input, 'train/labels/broken.txt'), '2 0.5 0.5 0.5 0.5\n');
      await put(join(input, 'train/labels/orphan.txt'), '0 0.5 0.5 0.1 0.1\n');
      await image(join(input, 'val/images/d.jpg'), { seed: 6 });
      await image(join(input, 'val/images/e.jpg'), { seed: 7, width: 48, height: 64 });
      await put(join(input, 'val/labels/d.txt'), '2 0.3 0.3 0.2 0.2\n');
      await put(join(input, 'val/labels/e.txt'), '0 0.5 0.5 1 1\n1 0.75 0.25 0.5 0.5\n');
      await image(join(input, 'test/images/f.jpg'), { seed: 8 });
      await put(join(input, 'test/labels/f.txt'), '1 0.5 0.5 0.5 0.5\n');
    },
  },
  'convert-ultralytics': {
    readme: `Ultralytics layout: images/<split> + labels/<split>, data.yaml with sparse dict names (0, 2, 5), a folder split
and a txt-list split (relative, ./ and foreign absolute entries, one missing); PNG, WebP and JPEG images.`,
    async build(input) {
      await put(join(input, 'data.yaml'), 'path: .\ntrain: images/train\nval: val.txt\nnc: 3\nnames:\n  0: person\n  2: car\n  5: traffic light\n');
      await put(join(input, 'val.txt'), './images/val/v1.jpg\nimages/val/v2.jpg\n/home/someone/datasets/x/images/val/v3.jpg\nimages/val/missing.jpg\n');
      await image(join(input, 'images/train/p1.png'), { seed: 9, format: 'png' });
      await image(join(input, 'images/train/p2.webp'), { seed: 10, format: 'webp', width: 32, height: 64 });
      await image(join(input, 'images/train/p3.jpg'), { seed: 11 });
      await put(join(input, 'labels/train/p1.txt'), '0 0.5 0.5 0.5 0.5\n5 0.1 0.1 0.1 0.1\n');
      await put(join(input, 'labels/train/p2.txt'), '2 0.5 0.25 0.5 0.25\n');
      await put(join(input, 'labels/train/p3.txt'), '1 0.5 0.5 0.2 0.2\n0 0.25 0.75 0.2 0.2\n');
      for (const [i, stem] of ['v1', 'v2', 'v3'].entries()) {
        await image(join(input, `images/val/${stem}.jpg`), { seed: 12 + i });
        await put(join(input, `labels/val/${stem}.txt`), `${[0, 2, 5][i]} 0.5 0.5 0.4 0.4\n`);
      }
    },
  },
  'convert-single': {
    readme: `Single-folder layout (mmyolo's): images/ + labels/ with train.txt and val.txt lists;
one image is in no list (reported, not converted) and one list entry names no image.`,
    async build(input) {
      await put(join(input, 'classes.txt'), 'cat\ndog\n');
      for (let i = 1; i <= 5; i++) {
        await image(join(input, `images/img${i}.jpg`), { seed: 20 + i });
        await put(join(input, `labels/img${i}.txt`), `${i % 2} 0.5 0.5 0.${i} 0.${i}\n`);
      }
      await put(join(input, 'train.txt'), '/data/old-machine/images/img1.jpg\n./images/img2.jpg\nimages/img3.jpg\n');
      await put(join(input, 'val.txt'), 'images/img4.jpg\nimages/img9.jpg\n');
    },
  },
  'convert-side-by-side': {
    readme: `Side-by-side (darknet) layout: obj.names at the root, images and their .txt labels together in obj/;
one image without a label (background) and one label without an image.`,
    async build(input) {
      await put(join(input, 'obj.names'), 'red sign\nblue sign\n');
      await image(join(input, 'obj/img1.jpg'), { seed: 30 });
      await image(join(input, 'obj/img2.jpg'), { seed: 31, width: 48, height: 48 });
      await image(join(input, 'obj/img3.jpg'), { seed: 32 });
      await put(join(input, 'obj/img1.txt'), '0 0.5 0.5 0.5 0.5\n');
      await put(join(input, 'obj/img2.txt'), '1 0.25 0.25 0.25 0.25\n0 0.75 0.75 0.25 0.25\n');
      await put(join(input, 'obj/ghost.txt'), '0 0.5 0.5 0.5 0.5\n');
    },
  },
  'convert-polygons': {
    readme: `YOLO-seg polygon labels (single-folder layout): triangles and a hexagon kept vertex for vertex,
a box line beside them, and a polygon overshooting the border slightly (clipped).`,
    async build(input) {
      await put(join(input, 'classes.txt'), 'leaf\nstem\n');
      await image(join(input, 'images/p1.jpg'), { seed: 40 });
      await image(join(input, 'images/p2.jpg'), { seed: 41, width: 48, height: 64 });
      await put(join(input, 'labels/p1.txt'), '0 0.1 0.1 0.5 0.1 0.3 0.6\n1 0.6 0.5 0.7 0.4 0.8 0.5 0.8 0.7 0.7 0.8 0.6 0.7\n1 0.25 0.75 0.2 0.1\n');
      await put(join(input, 'labels/p2.txt'), '0 0.5 0.1 1.005 0.9 0.0 0.9\n');
    },
  },
  'convert-dirty-labels': {
    readme: `Dirty labels: BOM, CRLF, blank lines, and every bad-line kind (column count, non-numeric, NaN/Inf,
unknown/negative/non-integer class, small and large overshoot, zero/negative size, duplicate, bad polygons).`,
    async build(input) {
      await put(join(input, 'classes.txt'), '\ufeffcat\r\ndog\r\n\r\n');
      await image(join(input, 'images/d1.jpg'), { seed: 50 });
      await image(join(input, 'images/d2.jpg'), { seed: 51 });
      const lines = [
        '\ufeff0 0.5 0.5 0.2 0.2', '', '1 0.5 0.5 0.2', '0 0.5 0.5 0.2 0.2 0.9', '0 0.5 abc 0.2 0.2', '0 nan 0.5 0.2 0.2',
        '0 0.5 inf 0.2 0.2', '0 0.5 0.5 1e999 0.2', '7 0.5 0.5 0.2 0.2', '-1 0.5 0.5 0.2 0.2', '1.5 0.5 0.5 0.2 0.2',
        '0 0.995 0.5 0.02 0.2', '0 1.2 0.5 0.2 0.2', '0 0.5 0.5 0 0.2', '0 0.5 0.5 -0.1 0.2', '0 0.5 0.5 0.2 0.2',
        '1 0.1 0.1 0.3 0.1 0.2 0.3 0.4', '1 0.1 0.1 0.2 0.1 0.3 0.1', '1 0.1 0.1 0.4 0.1 0.2 0.3', '   ', '1\t0.7  0.7 0.1 0.1',
      ];
      await put(join(input, 'labels/d1.txt'), lines.join('\r\n'));
      await put(join(input, 'labels/d2.txt'), '\n\n0 0.5 0.5 0.5 0.5\n\n');
    },
  },
  'convert-exif': {
    readme: `EXIF orientation: JPEGs stored 48x32 with orientation 1, 3, 5, 6, 7, 8 (5-8 display as 32x48), plus PNG and
WebP; every image has one off-centre box in the display frame. Single-folder layout, no lists (one split).`,
    async build(input) {
      await put(join(input, 'classes.txt'), 'arrow\n');
      for (const orientation of [1, 3, 5, 6, 7, 8]) {
        await image(join(input, `images/orient${orientation}.jpg`), { width: 48, height: 32, seed: 60 + orientation, orientation });
        await put(join(input, `labels/orient${orientation}.txt`), '0 0.25 0.25 0.3 0.2\n');
      }
      await image(join(input, 'images/flat.png'), { width: 40, height: 24, seed: 70, format: 'png' });
      await image(join(input, 'images/tall.webp'), { width: 24, height: 40, seed: 71, format: 'webp' });
      for (const stem of ['flat', 'tall']) await put(join(input, `labels/${stem}.txt`), '0 0.25 0.25 0.3 0.2\n');
    },
  },
  'check-dataset': {
    readme: `Profile fixture for \`yw check <dataset-root>\` (split folders): a class with no boxes, a class missing from val, a 24x40
image, polygons beside boxes in train, COCO small/medium/large boxes, background images; counts worked out in test/cli/check-dataset.test.ts.`,
    async build(input) {
      await put(join(input, 'classes.txt'), 'car\nperson\nbike\nboat\n');
      await image(join(input, 'train/images/t1.jpg'), { width: 200, height: 100, seed: 80 });
      await put(join(input, 'train/labels/t1.txt'), '0 0.5 0.5 0.1 0.2\n1 0.25 0.5 0.3 0.6\n0 0.6 0.5 0.8 1.0\n');
      await image(join(input, 'train/images/t2.png'), { width: 96, height: 96, seed: 81, format: 'png' });
      await put(join(input, 'train/labels/t2.txt'), '1 0.1 0.1 0.6 0.1 0.6 0.6 0.1 0.6\n2 0 0 0.25 0 0 0.25\n');
      await image(join(input, 'train/images/tiny.jpg'), { width: 24, height: 40, seed: 82 });
      await put(join(input, 'train/labels/tiny.txt'), '0 0.5 0.5 0.5 0.5\n');
      await image(join(input, 'train/images/bg.jpg'), { width: 64, height: 64, seed: 83 });
      await image(join(input, 'val/images/v1.jpg'), { width: 128, height: 128, seed: 84 });
      await put(join(input, 'val/labels/v1.txt'), '0 0.5 0.5 1 1\n1 0.5 0.5 0.2 0.2\n');
      await image(join(input, 'val/images/v2.jpg'), { width: 64, height: 64, seed: 85 });
      await put(join(input, 'val/labels/v2.txt'), '');
    },
  },
};

await sampleHelmet();
for (const [name, { readme: text, build }] of Object.entries(fixtures)) {
  const input = join(ROOT, name, 'input');
  await rm(input, { recursive: true, force: true });
  await readme(name, text);
  await build(input);
}
console.log(`fixtures written under ${ROOT}`);
