import { describe, expect, it } from 'vitest';
import { chooseImageFolder, imageFolderCandidates } from '../../../src/core/dataset/image-folder.js';
import { errorOf } from '../../helpers/errors.js';

describe('image folder of a COCO file not made by yw', () => {
  it('tries the exporters\' layouts, the annotation file\'s folder and the root, once each', () => {
    expect(imageFolderCandidates('train', 'annotations/train.json')).toEqual([
      'train/images', 'images/train', 'training/images', 'images/training', 'train2017', 'train', 'training2017', 'training', 'images', 'annotations', '']);
    expect(imageFolderCandidates('val', 'valid/_annotations.coco.json')).toEqual([
      'val/images', 'images/val', 'valid/images', 'images/valid', 'validation/images', 'images/validation',
      'val2017', 'val', 'valid2017', 'valid', 'validation2017', 'validation', 'images', '']);
    expect(imageFolderCandidates('test', 'test.json').at(-2)).toBe('images');
  });

  it('takes the one folder with the most sampled names, refuses a tie', () => {
    expect(chooseImageFolder('t.json', 'train', [{ folder: 'a', found: 20 }, { folder: 'b', found: 3 }], 20)).toEqual({ folder: 'a', found: 20 });
    expect(chooseImageFolder('t.json', 'train', [{ folder: 'a', found: 0 }, { folder: '', found: 4 }], 20)).toEqual({ folder: '', found: 4 });
    expect(errorOf(() => chooseImageFolder('t.json', 'train', [{ folder: 'a', found: 2 }, { folder: '', found: 2 }], 2)).code).toBe('IMAGES_AMBIGUOUS');
    expect(errorOf(() => chooseImageFolder('t.json', 'val', [{ folder: 'a', found: 0 }], 2)).hint).toBe('pass --val-images FOLDER (relative to the dataset root)');
  });
});
