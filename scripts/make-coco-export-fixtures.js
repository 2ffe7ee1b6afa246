// Writes fixtures/config-roboflow-coco/ and fixtures/config-coco2017/: COCO datasets laid out the way
// Roboflow's "COCO JSON" export and the COCO 2017 release write them (annotation files, folders, file
// names, JSON shape), with tiny real JPEGs. yw config must find their image folders on its own.
// Run: node scripts/make-coco-export-fixtures.js (deterministic for one sharp version).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const [W, H] = [32, 24];

async function jpeg(seed) {
  const raw = Buffer.alloc(W * H * 3);
  for (let i = 0; i < W * H; i += 1) raw.set([(i * 7 + seed * 40) % 256, (i * 3) % 256, (seed * 90) % 256], i * 3);
  return sharp(raw, { raw: { width: W, height: H, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

const box = (x, y, w, h) => ({ bbox: [x, y, w, h], area: w * h });

/** Roboflow: <split>/_annotations.coco.json beside the images; category 0 is the project, with no boxes. */
async function roboflow() {
  const root = join(FIXTURES, 'config-roboflow-coco');
  rmSync(root, { recursive: true, force: true });
  const categories = [
    { id: 0, name: 'hardhat-workers', supercategory: 'none' },
    { id: 1, name: 'head', supercategory: 'hardhat-workers' },
    { id: 2, name: 'helmet', supercategory: 'hardhat-workers' },
  ];
  const splits = { train: ['000001_jpg.rf.3f2a9c1e.jpg', '000007_jpg.rf.b81d04aa.jpg'], valid: ['000012_jpg.rf.5c0e7d21.jpg'], test: ['000020_jpg.rf.9e4f1b36.jpg'] };
  let seed = 0;
  for (const [split, names] of Object.entries(splits)) {
    mkdirSync(join(root, split), { recursive: true });
    const images = [];
    const annotations = [];
    for (const [i, name] of names.entries()) {
      writeFileSync(join(root, split, name), await jpeg((seed += 1)));
      images.push({ id: i, license: 1, file_name: name, height: H, width: W, date_captured: '2024-03-01T10:00:00+00:00' });
      annotations.push({ id: 2 * i, image_id: i, category_id: 2, ...box(2, 2, 10, 8), segmentation: [], iscrowd: 0 });
      annotations.push({ id: 2 * i + 1, image_id: i, category_id: 1, ...box(16, 10, 8, 8), segmentation: [], iscrowd: 0 });
    }
    const coco = {
      info: { year: '2024', version: '3', description: 'Exported from roboflow.com', contributor: '', url: 'https://universe.roboflow.com/example/hardhat-workers', date_created: '2024-03-01T10:00:00+00:00' },
      licenses: [{ id: 1, url: 'https://creativecommons.org/licenses/by/4.0/', name: 'CC BY 4.0' }],
      categories,
      images,
      annotations,
    };
    writeFileSync(join(root, split, '_annotations.coco.json'), JSON.stringify(coco));
  }
  writeFileSync(join(root, 'README.roboflow.txt'), '\nhardhat-workers - v3 2024-03-01\n==============================\n\nThis dataset was exported via roboflow.com\n');
  writeFileSync(join(root, 'README.md'), [
    "Roboflow's \"COCO JSON\" export: <split>/_annotations.coco.json beside the images (train, valid, test), one-line JSON,",
    'category 0 is the project name with no boxes, empty segmentation lists. Made by scripts/make-coco-export-fixtures.js.',
    '',
  ].join('\n'));
}

const COCO_IDS = { person: 1, bicycle: 2, car: 3, dog: 18, 'traffic light': 10 };

/** COCO 2017: annotations/instances_<split>2017.json, images in <split>2017/, 12-digit file names. */
async function coco2017() {
  const root = join(FIXTURES, 'config-coco2017');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'annotations'), { recursive: true });
  const categories = Object.entries(COCO_IDS).map(([name, id]) => ({ supercategory: id === 10 ? 'outdoor' : id === 18 ? 'animal' : id === 1 ? 'person' : 'vehicle', id, name }));
  const splits = { train: [9, 25], val: [139] };
  let seed = 10;
  let annId = 1;
  for (const [split, ids] of Object.entries(splits)) {
    mkdirSync(join(root, `${split}2017`), { recursive: true });
    const images = [];
    const annotations = [];
    for (const id of ids) {
      const name = `${String(id).padStart(12, '0')}.jpg`;
      writeFileSync(join(root, `${split}2017`, name), await jpeg((seed += 1)));
      images.push({ license: 3, file_name: name, coco_url: `http://images.cocodataset.org/${split}2017/${name}`, height: H, width: W, date_captured: '2013-11-14 17:02:52', flickr_url: 'http://farm3.staticflickr.com/x.jpg', id });
      annotations.push({ segmentation: [[2, 2, 12, 2, 12, 10, 2, 10]], area: 80, iscrowd: 0, image_id: id, bbox: [2, 2, 10, 8], category_id: 1, id: annId++ });
      annotations.push({ segmentation: [[14, 8, 28, 8, 28, 20, 14, 20]], area: 168, iscrowd: 0, image_id: id, bbox: [14, 8, 14, 12], category_id: 18, id: annId++ });
    }
    const info = { description: 'COCO 2017 Dataset', url: 'http://cocodataset.org', version: '1.0', year: 2017, contributor: 'COCO Consortium', date_created: '2017/09/01' };
    writeFileSync(join(root, 'annotations', `instances_${split}2017.json`), JSON.stringify({ info, licenses: [{ url: 'http://creativecommons.org/licenses/by-nc-sa/2.0/', id: 3, name: 'Attribution-NonCommercial-ShareAlike License' }], images, annotations, categories }));
  }
  writeFileSync(join(root, 'README.md'), [
    'COCO 2017 layout: annotations/instances_{train,val}2017.json (one-line JSON, keys in the release order) and images in',
    'train2017/ and val2017/ with 12-digit names; 5 real COCO categories with their ids. Made by scripts/make-coco-export-fixtures.js.',
    '',
  ].join('\n'));
}

await roboflow();
await coco2017();
