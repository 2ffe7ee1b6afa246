/**
 * A COCO detection file with `n` 64x48 images named 000000000001.jpg, ..., one box (with a polygon)
 * of category 1 'helmet' on each, with the `info.yw` block yw convert writes (images under `<split>/images/`).
 * The dataset size is what the warm-up arithmetic reads; the images themselves are not needed.
 */
export function cocoWithImages(n: number, split = 'train', categories: { id: number; name: string }[] = [{ id: 1, name: 'helmet' }]): unknown {
  const images = Array.from({ length: n }, (_, i) => ({ id: i + 1, file_name: `${String(i + 1).padStart(12, '0')}.jpg`, width: 64, height: 48 }));
  const annotations = images.map((img) => ({
    id: img.id, image_id: img.id, category_id: categories[0]!.id, bbox: [4, 4, 20, 16], area: 320, iscrowd: 0,
    segmentation: [[4, 4, 24, 4, 24, 20, 4, 20]],
  }));
  return { info: { yw: { split, data_prefix: `${split}/images/` } }, licenses: [], categories, images, annotations };
}
