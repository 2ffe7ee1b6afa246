// Builds the export fixtures: small real datasets laid out the way each exporting tool writes them
// (read from their exporter code, written here by hand, never copied), plus one fixture per convert
// behaviour of issue 9. Deterministic: run `node scripts/make-export-fixtures.js` and commit the result.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { image, put, readme, ROOT } from './fixture-kit.js';

const py6 = (v) => v.toFixed(6); // Python "%.6f" / "%f"
const pyG = (v) => String(Number(v.toPrecision(6))); // Python "%g" / f"{v:.6g}"
const line = (fmt, cls, ...values) => [String(cls), ...values.map(fmt)].join(' ');

/** Roboflow "YOLOv8" export (its data.yaml, READMEs, train/valid/test split folders, rf-hashed names). */
async function roboflow(input) {
  await put(join(input, 'data.yaml'), `train: ../train/images
val: ../valid/images
test: ../test/images

nc: 3
names: ['head', 'helmet', 'person']

roboflow:
  workspace: site-safety
  project: hard-hats-ab12c
  version: 3
  license: CC BY 4.0
  url: https://universe.roboflow.com/site-safety/hard-hats-ab12c/dataset/3
`);
  await put(join(input, 'README.dataset.txt'), '# Hard Hats > 2024-05-01 10:02am\nhttps://universe.roboflow.com/site-safety/hard-hats-ab12c\n\nProvided by a Roboflow user\nLicense: CC BY 4.0\n');
  await put(join(input, 'README.roboflow.txt'), '\nHard Hats - v3 2024-05-01 10:02am\n==============================\n\nThis dataset was exported via roboflow.com on May 1, 2024\n');
  const items = [
    ['train', 'site_001_jpg.rf.3f2a9c1d8e7b6a5f4c3b2a1908f7e6d5', '1 0.4453125 0.3541666666666667 0.21875 0.2916666666666667\n2 0.453125 0.65625 0.34375 0.5208333333333334\n'],
    ['train', 'site_002_jpg.rf.9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', '0 0.6015625 0.28125 0.171875 0.22916666666666666\n2 0.59375 0.6354166666666666 0.28125 0.5625\n'],
    ['train', 'site_003_jpg.rf.0f1e2d3c4b5a69788796a5b4c3d2e1f0', ''],
    ['valid', 'site_004_jpg.rf.5c4b3a29180f7e6d5c4b3a2918a7b6c5', '1 0.5 0.25 0.21875 0.25\n2 0.5 0.6458333333333334 0.40625 0.5416666666666666\n'],
    ['valid', 'site_005_jpg.rf.7e6d5c4b3a2918f0e1d2c3b4a5968778', '0 0.3125 0.3333333333333333 0.1875 0.25\n'],
    ['test', 'site_006_jpg.rf.1a2b3c4d5e6f708192a3b4c5d6e7f809', '1 0.703125 0.3541666666666667 0.203125 0.25\n'],
  ];
  let seed = 100;
  for (const [split, stem, text] of items) {
    await image(join(input, split, 'images', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, split, 'labels', `${stem}.txt`), text);
  }
}

/** Roboflow "YOLOv5 Oriented Bounding Boxes": DOTA lines in labelTxt/ (pixel corners, class name, difficulty). */
async function roboflowObb(input) {
  await put(join(input, 'data.yaml'), "train: ../train/images\nval: ../valid/images\n\nnc: 2\nnames: ['ship', 'small-vehicle']\n\nroboflow:\n  workspace: aerial\n  project: harbour-obb\n  version: 1\n  license: CC BY 4.0\n  url: https://universe.roboflow.com/aerial/harbour-obb/dataset/1\n");
  const items = [
    ['train', 'harbour_01_png.rf.aa11bb22cc33dd44ee55ff6600112233', '10.0 8.0 40.0 12.0 37.0 30.0 7.0 26.0 ship 0\n44.0 30.0 58.0 32.0 57.0 40.0 43.0 38.0 small-vehicle 1\n'],
    ['train', 'harbour_02_png.rf.bb22cc33dd44ee55ff66001122334455', '20.0 10.0 50.0 10.0 50.0 24.0 20.0 24.0 ship 0\n'],
    ['valid', 'harbour_03_png.rf.cc33dd44ee55ff660011223344556677', '5.0 20.0 25.0 14.0 29.0 28.0 9.0 34.0 small-vehicle 0\n'],
  ];
  let seed = 110;
  for (const [split, stem, text] of items) {
    await image(join(input, split, 'images', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, split, 'labelTxt', `${stem}.txt`), text);
  }
}

/** CVAT "YOLO 1.1" (Datumaro `yolo`): obj.data with data/ paths, obj.names, one list and obj_<subset>_data/ per subset. */
async function cvatYolo11(input) {
  await put(join(input, 'obj.names'), 'car\npedestrian\n');
  await put(join(input, 'obj.data'), 'classes = 2\nTrain = data/Train.txt\nValidation = data/Validation.txt\nnames = data/obj.names\nbackup = backup/\n');
  const subsets = {
    Train: [['frame_000000', [[0, 0.25, 0.5, 0.3125, 0.25], [1, 0.703125, 0.5, 0.09375, 0.375]]], ['frame_000001', [[0, 0.3125, 0.520833, 0.3125, 0.25]]], ['frame_000002', []]],
    Validation: [['frame_000003', [[1, 0.5, 0.5, 0.125, 0.416667]]]],
  };
  let seed = 120;
  for (const [subset, frames] of Object.entries(subsets)) {
    await put(join(input, `${subset}.txt`), frames.map(([stem]) => `data/obj_${subset}_data/${stem}.jpg\n`).join(''));
    for (const [stem, boxes] of frames) {
      await image(join(input, `obj_${subset}_data`, `${stem}.jpg`), { seed: seed++ });
      await put(join(input, `obj_${subset}_data`, `${stem}.txt`), boxes.map((b) => `${line(py6, ...b)}\n`).join(''));
    }
  }
}

/** CVAT "Ultralytics YOLO Detection Track 1.0": data.yaml by yaml.dump (sorted keys), lists with data/, track ids. */
async function cvatUltralytics(input) {
  await put(join(input, 'data.yaml'), 'names:\n  0: car\n  1: person\npath: .\ntrain: train.txt\nval: val.txt\n');
  const subsets = {
    train: [['frame_000000', ['0 0.250000 0.500000 0.312500 0.250000 1', '1 0.703125 0.500000 0.093750 0.375000 2']], ['frame_000001', ['0 0.281250 0.500000 0.312500 0.250000 1', '1 0.687500 0.520833 0.093750 0.375000 2']], ['frame_000002', null]],
    val: [['frame_000010', ['0 0.500000 0.479167 0.250000 0.208333', '1 0.171875 0.500000 0.093750 0.375000 5']]],
  };
  let seed = 130;
  for (const [subset, frames] of Object.entries(subsets)) {
    await put(join(input, `${subset}.txt`), frames.map(([stem]) => `data/images/${subset}/${stem}.jpg\n`).join(''));
    for (const [stem, lines] of frames) {
      await image(join(input, 'images', subset, `${stem}.jpg`), { seed: seed++ });
      // Datumaro's Ultralytics exporters write no label file for a frame without annotations.
      if (lines) await put(join(input, 'labels', subset, `${stem}.txt`), lines.map((l) => `${l}\n`).join(''));
    }
  }
}

/** Ultralytics coco8-style dataset: <name>.yaml with path relative to Ultralytics' datasets dir, %g labels. */
async function ultralytics(input) {
  await put(join(input, 'coco8.yaml'), `# Ultralytics COCO8-style dataset (first images of COCO train2017)
# Example usage: yolo train data=coco8.yaml

path: ../datasets/coco8 # dataset root dir
train: images/train # train images (relative to 'path')
val: images/val # val images (relative to 'path')
test: # test images (optional)

# Classes
names:
  0: person
  1: bicycle
  2: car

download: https://github.com/ultralytics/assets/releases/download/v0.0.0/coco8.zip
`);
  const items = [
    ['train', '000000000009', [[0, 0.479492, 0.688771, 0.955609, 0.5955], [2, 0.736516, 0.247188, 0.498875, 0.476417]]],
    ['train', '000000000025', [[1, 0.339438, 0.418896, 0.678875, 0.7815]]],
    ['val', '000000000036', [[0, 0.671279, 0.617945, 0.645759, 0.726859]]],
    ['val', '000000000042', [[2, 0.5, 0.5, 0.4, 0.3]]],
  ];
  let seed = 140;
  for (const [split, stem, boxes] of items) {
    await image(join(input, 'images', split, `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'labels', split, `${stem}.txt`), boxes.map((b) => `${line(pyG, ...b)}\n`).join(''));
  }
}

/** Ultralytics pose dataset (coco8-pose style): kpt_shape [17, 3], each line a box then 17 x y visibility triples. */
async function ultralyticsPose(input) {
  await put(join(input, 'coco8-pose.yaml'), `path: coco8-pose # dataset root dir
train: images/train # train images (relative to 'path')
val: images/val # val images (relative to 'path')

# Keypoints
kpt_shape: [17, 3] # number of keypoints, number of dims (2 for x,y or 3 for x,y,visible)
flip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]

# Classes
names:
  0: person
`);
  const keypoints = (xc, yc) => Array.from({ length: 17 }, (_, k) => (k % 5 === 4 ? '0 0 0' : `${pyG(xc + ((k % 3) - 1) * 0.05)} ${pyG(yc + (Math.floor(k / 3) - 2) * 0.05)} 2`)).join(' ');
  const items = [['train', 'pose_001', 0.4, 0.5], ['train', 'pose_002', 0.6, 0.45], ['val', 'pose_003', 0.5, 0.5]];
  let seed = 150;
  for (const [split, stem, xc, yc] of items) {
    await image(join(input, 'images', split, `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'labels', split, `${stem}.txt`), `0 ${pyG(xc)} ${pyG(yc)} 0.3 0.7 ${keypoints(xc, yc)}\n`);
  }
}

/** Ultralytics OBB dataset (dota8 style): class then four normalised corners, f"{v:.6g}". */
async function ultralyticsObb(input) {
  await put(join(input, 'dota8.yaml'), 'path: dota8 # dataset root dir\ntrain: images/train # train images (relative to \'path\')\nval: images/val # val images (relative to \'path\')\n\n# Classes for DOTA 1.0\nnames:\n  0: plane\n  1: ship\n  2: storage tank\n');
  const quad = (cx, cy, w, h, a) => {
    const c = Math.cos(a), s = Math.sin(a);
    return [[-w, -h], [w, -h], [w, h], [-w, h]].flatMap(([dx, dy]) => [cx + (dx / 2) * c - (dy / 2) * s, cy + (dx / 2) * s + (dy / 2) * c]);
  };
  const items = [
    ['train', 'P0001', [[0, ...quad(0.3, 0.35, 0.3, 0.2, 0.3)], [1, ...quad(0.7, 0.6, 0.2, 0.1, -0.5)]]],
    ['train', 'P0002', [[2, ...quad(0.5, 0.5, 0.25, 0.25, 0)]]],
    ['val', 'P0003', [[1, ...quad(0.45, 0.55, 0.4, 0.15, 0.8)]]],
  ];
  let seed = 160;
  for (const [split, stem, shapes] of items) {
    await image(join(input, 'images', split, `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'labels', split, `${stem}.txt`), shapes.map((q) => `${line(pyG, ...q)}\n`).join(''));
  }
}

/** Labels from `yolo predict save_txt=True save_conf=True` (%g, a confidence last) gathered into a dataset. */
async function ultralyticsPredict(input) {
  await put(join(input, 'classes.txt'), 'person\ncar\n');
  await put(join(input, 'train.txt'), './images/street_01.jpg\n./images/street_02.jpg\n');
  await put(join(input, 'val.txt'), './images/street_03.jpg\n');
  const items = [
    ['street_01', ['0 0.3125 0.5 0.15625 0.583333 0.912345', '1 0.703125 0.625 0.3125 0.25 0.67']],
    ['street_02', ['1 0.5 0.5 0.4375 0.333333 0.88']],
    ['street_03', ['0 0.4 0.45 0.125 0.5 0.51']],
  ];
  let seed = 170;
  for (const [stem, lines] of items) {
    await image(join(input, 'images', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'labels', `${stem}.txt`), lines.map((l) => `${l}\n`).join(''));
  }
}

/** Label Studio "YOLO" export (label-studio-converter): classes.txt, notes.json, images/ and labels/, Python float repr. */
async function labelStudio(input) {
  await put(join(input, 'classes.txt'), 'cat\ndog\n');
  await put(join(input, 'notes.json'), `${JSON.stringify({ categories: [{ id: 0, name: 'cat' }, { id: 1, name: 'dog' }], info: { year: 2024, version: '1.0', contributor: 'Label Studio' } }, null, 2)}`);
  const items = [
    ['6f1c2a3b-IMG_0001', '0 0.34375 0.4583333333333333 0.3125 0.4166666666666667\n1 0.7421875 0.5208333333333334 0.296875 0.5416666666666666\n'],
    ['9b8a7c6d-IMG_0002', '1 0.5 0.5 0.46875 0.5833333333333334\n'],
    ['0d1e2f3a-IMG_0003', '0 0.28125 0.3541666666666667 0.21875 0.3333333333333333\n'],
    ['4c5d6e7f-IMG_0004', ''],
  ];
  let seed = 180;
  for (const [stem, text] of items) {
    await image(join(input, 'images', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'labels', `${stem}.txt`), text);
  }
}

/** FiftyOne YOLOv5Dataset export, train then val: dataset.yaml by yaml.dump (absolute path of the exporting machine). */
async function fiftyone(input) {
  await put(join(input, 'dataset.yaml'), 'names:\n  0: bolt\n  1: nut\n  2: washer\npath: /home/ana/fiftyone/exports/parts\ntrain: ./images/train/\nval: ./images/val/\n');
  const items = [
    ['train', '64a1f0c2e4b0a1b2c3d4e5f6', ['0 0.500000 0.500000 0.250000 0.333333', '2 0.187500 0.250000 0.125000 0.166667']],
    ['train', '64a1f0c2e4b0a1b2c3d4e5f7', ['1 0.625000 0.395833 0.187500 0.250000']],
    ['train', '64a1f0c2e4b0a1b2c3d4e5f8', null],
    ['val', '64a1f0c2e4b0a1b2c3d4e5f9', ['0 0.312500 0.520833 0.312500 0.375000', '1 0.750000 0.500000 0.156250 0.208333']],
  ];
  let seed = 190;
  for (const [split, stem, lines] of items) {
    await image(join(input, 'images', split, `${stem}.jpg`), { seed: seed++ });
    // YOLOAnnotationWriter joins rows with "\n" (no final newline); a sample without labels gets no file.
    if (lines) await put(join(input, 'labels', split, `${stem}.txt`), lines.join('\n'));
  }
}

/** AlexeyAB darknet: the data/ folder with obj.data (`valid = data/test.txt`), obj.names, lists, obj/ side by side. */
async function darknet(input) {
  await put(join(input, 'obj.names'), 'red sign\nblue sign\n');
  await put(join(input, 'obj.data'), 'classes= 2\ntrain  = data/train.txt\nvalid  = data/test.txt\nnames = data/obj.names\nbackup = backup/\n');
  await put(join(input, 'train.txt'), 'data/obj/img1.jpg\ndata/obj/img2.jpg\ndata/obj/img3.jpg\n');
  await put(join(input, 'test.txt'), 'data/obj/img4.jpg\n');
  const items = [
    ['img1', '0 0.500000 0.500000 0.500000 0.500000\n'],
    ['img2', '1 0.250000 0.250000 0.250000 0.250000\n0 0.750000 0.750000 0.250000 0.250000\n'],
    ['img3', '1 0.600000 0.400000 0.300000 0.300000\n'],
    ['img4', '0 0.400000 0.600000 0.200000 0.300000\n'],
  ];
  let seed = 200;
  for (const [stem, text] of items) {
    await image(join(input, 'obj', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'obj', `${stem}.txt`), text);
  }
}

/** supervision `DetectionDataset.as_yolo` per split: data.yaml of nc and names only, "%.5f" lines. */
async function supervision(input) {
  await put(join(input, 'data.yaml'), 'nc: 2\nnames: [cat, dog]\n');
  const items = [
    ['train', 'cat_01', ['0 0.46875 0.50000 0.34375 0.45833']],
    ['train', 'dog_01', ['1 0.53125 0.47917 0.40625 0.54167', '0 0.15625 0.20833 0.12500 0.16667']],
    ['valid', 'dog_02', ['1 0.50000 0.50000 0.43750 0.62500']],
  ];
  let seed = 210;
  for (const [split, stem, lines] of items) {
    await image(join(input, split, 'images', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, split, 'labels', `${stem}.txt`), lines.map((l) => `${l}\n`).join(''));
  }
}

/** labelImg in YOLO mode: one folder, each image's .txt beside it, and the classes.txt it keeps there. */
async function labelImg(input) {
  await put(join(input, 'photos', 'classes.txt'), 'dog\nperson\ncat\n');
  const items = [
    ['IMG_2041', '1 0.468750 0.520833 0.281250 0.625000\n0 0.765625 0.708333 0.218750 0.291667\n'],
    ['IMG_2042', '2 0.500000 0.500000 0.375000 0.416667\n'],
    ['IMG_2043', '0 0.312500 0.604167 0.343750 0.375000\n'],
  ];
  let seed = 220;
  for (const [stem, text] of items) {
    await image(join(input, 'photos', `${stem}.jpg`), { seed: seed++ });
    await put(join(input, 'photos', `${stem}.txt`), text);
  }
}

const box = (i) => `${i % 2} 0.5 0.5 0.${i + 2} 0.${i + 3}\n`;

const fixtures = {
  'export-roboflow': ['Roboflow "YOLOv8" export: data.yaml (train: ../train/images, val: ../valid/images, test, nc, names list, roboflow block),\nREADME.dataset.txt and README.roboflow.txt, train/ valid/ test/ split folders with rf-hashed names, an empty label file. valid is val.', roboflow],
  'export-roboflow-obb': ['Roboflow "YOLOv5 Oriented Bounding Boxes" export: DOTA lines in <split>/labelTxt/ (pixel corners, class name,\ndifficulty), data.yaml names; written as axis-aligned boxes.', roboflowObb],
  'export-cvat-yolo11': ['CVAT "YOLO 1.1" export (Datumaro yolo) of a task with subsets Train and Validation: obj.data with data/ paths,\nobj.names, Train.txt/Validation.txt, obj_<subset>_data/ with images and labels side by side, an empty label file.', cvatYolo11],
  'export-cvat-ultralytics': ['CVAT "Ultralytics YOLO Detection Track 1.0" export: data.yaml written by yaml.dump (names dict, path: ., train.txt,\nval.txt), lists with the data/ prefix, track ids as a 6th value on tracked boxes, no label file for an empty frame.', cvatUltralytics],
  'export-ultralytics': ['Ultralytics coco8-style dataset: coco8.yaml (path relative to the Ultralytics datasets dir, empty test key, names dict,\ndownload URL), images/{train,val} + labels/{train,val}, %g numbers.', ultralytics],
  'export-ultralytics-pose': ['Ultralytics pose dataset (coco8-pose style): kpt_shape [17, 3] and flip_idx in coco8-pose.yaml, each label line a box\nthen 17 keypoints (x y visibility, absent ones 0 0 0): the boxes are converted, the keypoints noted and ignored.', ultralyticsPose],
  'export-ultralytics-obb': ['Ultralytics OBB dataset (dota8 style): dota8.yaml, label lines of a class and four normalised rotated corners\n(f"{v:.6g}"); written as their axis-aligned extent.', ultralyticsObb],
  'export-ultralytics-predict': ['Labels saved by `yolo predict save_txt=True save_conf=True` (%g, a confidence as 6th value), gathered into a single-\nfolder dataset with ./ lists: the boxes are kept and one warning per file says the 6th value was read as a confidence.', ultralyticsPredict],
  'export-label-studio': ['Label Studio "YOLO" export (label-studio-converter): classes.txt, notes.json, images/ with the upload-hash prefix,\nlabels/ with Python float repr and an empty file for a task without annotations. No split: train only.', labelStudio],
  'export-fiftyone': ['FiftyOne YOLOv5Dataset export of split train then val: dataset.yaml by yaml.dump with the exporting machine\'s absolute\npath, ./images/<split>/ entries, "%f" rows without a final newline, no label file for an unlabelled sample.', fiftyone],
  'export-darknet': ['AlexeyAB darknet\'s data/ folder: obj.data (classes= 2, train = data/train.txt, valid = data/test.txt, names, backup),\nobj.names with spaces, lists of data/obj/ paths, images and labels side by side in obj/. The valid list (test.txt) is val.', darknet],
  'export-supervision': ['supervision DetectionDataset.as_yolo per split into train/ and valid/ (images + labels), data.yaml holding only nc\nand names (flow list), "%.5f" lines.', supervision],
  'export-labelimg': ['labelImg in YOLO mode: one folder of images with their .txt beside them and the classes.txt labelImg keeps there.\nNo split: train only.', labelImg],
  'convert-images-subfolders': ['images/ sub-folders that are not splits (cam1/, 2024-05-01/): root train.txt and val.txt decide the splits, and\nfile names keep the sub-folder (data_prefix images/).', async (input) => {
    await put(join(input, 'classes.txt'), 'bird\n');
    const files = ['cam1/a.jpg', 'cam1/b.jpg', 'cam2/c.jpg', '2024-05-01/d.jpg'];
    for (const [i, f] of files.entries()) {
      await image(join(input, 'images', f), { seed: 230 + i });
      await put(join(input, 'labels', f.replace('.jpg', '.txt')), `0 0.5 0.5 0.${i + 2} 0.${i + 3}\n`);
    }
    await put(join(input, 'train.txt'), 'images/cam1/a.jpg\nimages/cam2/c.jpg\nimages/2024-05-01/d.jpg\n');
    await put(join(input, 'val.txt'), 'images/cam1/b.jpg\n');
  }],
  'convert-yaml-splits': ['Two dataset YAMLs at the root (custom.yaml, other.yaml: ambiguous without --data-yaml). custom.yaml: path: ./subdir,\ntrain a list kept in subdir/splits/, val a YAML list of image files, test a folder; images in subdir/images/.', async (input) => {
    await put(join(input, 'custom.yaml'), 'path: ./subdir\ntrain: splits/autosplit_train.txt\nval: [images/v1.jpg, images/v2.jpg]\ntest: images/test\nnames:\n  0: apple\n  1: pear\n');
    await put(join(input, 'other.yaml'), 'names: [apple, pear]\ntrain: images\n');
    await put(join(input, 'subdir/splits/autosplit_train.txt'), './images/t1.jpg\n./images/t2.jpg\n');
    const files = ['t1', 't2', 'v1', 'v2', 'test/x1'];
    for (const [i, f] of files.entries()) {
      await image(join(input, 'subdir/images', `${f}.jpg`), { seed: 240 + i });
      await put(join(input, 'subdir/labels', `${f}.txt`), box(i));
    }
  }],
  'convert-labels-elsewhere': ['Images in images/{train,val} whose labels sit in a folder yw does not read (labels_v2/, as with a custom labels\ndirectory name): each split is an error naming where labels were looked for and where the .txt files are.', async (input) => {
    await put(join(input, 'data.yaml'), 'train: images/train\nval: images/val\nnames: [cone]\n');
    for (const [i, f] of ['train/a', 'train/b', 'val/c'].entries()) {
      await image(join(input, 'images', `${f}.jpg`), { seed: 250 + i });
      await put(join(input, 'labels_v2', `${f}.txt`), '0 0.5 0.5 0.2 0.2\n');
    }
  }],
  'convert-yaml-unresolved': ['A data.yaml whose split entries resolve to nothing in the dataset (paths of another machine, a folder that is\nnot there): NO_IMAGES, shown with the findings that explain it, and --report written although the run fails.', async (input) => {
    await put(join(input, 'data.yaml'), 'train: /content/drive/MyDrive/helmets/train/imgs\nval: valid/imgs\nnames: [helmet]\n');
    await image(join(input, 'pictures/p1.jpg'), { seed: 260 });
    await put(join(input, 'pictures/p1.txt'), '0 0.5 0.5 0.2 0.2\n');
  }],
  'convert-line-ends-case': ['CR-only line ends (old Mac tools) in label files and image lists, and two classes that differ only in case\n(Helmet, helmet): lines are read as lines, and CLASS_SAME_PROMPT warns as yw texts does.', async (input) => {
    await put(join(input, 'classes.txt'), 'Helmet\rhelmet\rvest\r');
    for (const [i, stem] of ['a', 'b', 'c'].entries()) {
      await image(join(input, 'images', `${stem}.jpg`), { seed: 270 + i });
      await put(join(input, 'labels', `${stem}.txt`), `0 0.3 0.3 0.2 0.2\r1 0.6 0.6 0.2 0.2\r2 0.5 0.${i + 4} 0.1 0.1\r`);
    }
    await put(join(input, 'train.txt'), 'images/a.jpg\rimages/b.jpg\r');
    await put(join(input, 'val.txt'), 'images/c.jpg\r');
  }],
  'convert-non-utf8-names': ['File names that are not UTF-8, as unzipping a Windows zip leaves them: test/cli/convert-golden.test.ts adds\nimages/caf\\xe9.jpg (Latin-1) with its label and images/\\xd6\\xd0\\xce\\xc4/ (GBK for 中文) to this input, since git and fs.cp cannot\ncarry such names. Each is an error naming it and how to rename it; the rest converts. (A GBK name that happens to be\nvalid UTF-8, e.g. 图片 = \\xcd\\xbc\\xc6\\xac, cannot be told from a real name and is read as such.)', async (input) => {
    await put(join(input, 'classes.txt'), 'sign\n');
    for (const [i, stem] of ['plain', 'other'].entries()) {
      await image(join(input, 'images', `${stem}.jpg`), { seed: 285 + i });
      await put(join(input, 'labels', `${stem}.txt`), '0 0.5 0.5 0.4 0.4\n');
    }
    await put(join(input, 'train.txt'), 'images/plain.jpg\n');
    await put(join(input, 'val.txt'), 'images/other.jpg\n');
  }],
  'convert-yaml-big-ids': ['A data.yaml whose names dict has a class id of 2^31 (not a 32-bit COCO category id): refused with DATA_YAML_INVALID,\nas yw texts refuses it; --report still written.', async (input) => {
    await put(join(input, 'data.yaml'), 'train: images/train\nval: images/val\nnames:\n  0: car\n  2147483648: truck\n');
    for (const [i, f] of ['train/a', 'val/b'].entries()) {
      await image(join(input, 'images', `${f}.jpg`), { seed: 280 + i });
      await put(join(input, 'labels', `${f}.txt`), '0 0.5 0.5 0.2 0.2\n');
    }
  }],
  'convert-classes-yaml': ['--classes given a YAML (meta/names.yaml, with comments and a names dict): its names are the classes, not its lines.\nThe root classes.txt (an older, shorter list) is overridden.', async (input) => {
    await put(join(input, 'classes.txt'), 'helmet\nvest\n');
    await put(join(input, 'meta/names.yaml'), '# classes of the site-safety project\n# (one per id, as Ultralytics reads them)\nnames:\n  0: helmet\n  1: vest\n  2: goggles # added in May\n');
    for (const [i, stem] of ['a', 'b'].entries()) {
      await image(join(input, 'images', `${stem}.jpg`), { seed: 290 + i });
      await put(join(input, 'labels', `${stem}.txt`), `${i + 1} 0.5 0.5 0.3 0.3\n`);
    }
    await put(join(input, 'train.txt'), 'images/a.jpg\n');
    await put(join(input, 'val.txt'), 'images/b.jpg\n');
  }],
};

for (const [name, [text, build]] of Object.entries(fixtures)) {
  const input = join(ROOT, name, 'input');
  await rm(input, { recursive: true, force: true });
  await readme(name, text);
  await build(input);
}
console.log(`export fixtures written under ${ROOT}`);
