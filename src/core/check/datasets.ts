import { isDict, type PyDict } from '../config-reader/values.js';
import { child, get, getDict, joinRoot, str } from './walk.js';

import { SPLITS, type Split } from '../splits.js';

/** One dataset the runner builds, unwrapped from MultiModalDataset / RepeatDataset / ConcatDataset. */
export interface DatasetRef {
  split: Split;
  path: string;
  cfg: PyDict;
  /** The MultiModalDataset (or other wrapper) around it, where `class_text_path` lives. */
  wrapper?: { path: string; cfg: PyDict };
  /** `data_root` + `ann_file`, relative to the training cwd; undefined without ann_file. */
  annFile?: string;
  /** `data_root` + `data_prefix.img`. */
  imagePrefix?: string;
}

export function findDatasets(config: PyDict): DatasetRef[] {
  const out: DatasetRef[] = [];
  for (const split of SPLITS) {
    const path = `${split}_dataloader.dataset`;
    const cfg = getDict(config, path);
    if (cfg) collect(split, path, cfg, undefined, out);
  }
  return out;
}

function collect(split: Split, path: string, cfg: PyDict, wrapper: DatasetRef['wrapper'], out: DatasetRef[]): void {
  const inner = cfg.get('dataset');
  if (isDict(inner)) return collect(split, child(path, 'dataset'), inner, { path, cfg }, out);
  const many = cfg.get('datasets');
  if (Array.isArray(many)) {
    many.forEach((d, i) => isDict(d) && collect(split, child(child(path, 'datasets'), i), d, wrapper, out));
    return;
  }
  const root = str(cfg.get('data_root'));
  const ann = str(cfg.get('ann_file'));
  const img = str(get(cfg, 'data_prefix.img'));
  out.push({
    split,
    path,
    cfg,
    ...(wrapper ? { wrapper } : {}),
    ...(ann !== undefined && ann !== '' ? { annFile: joinRoot(root, ann) } : {}),
    ...(img !== undefined ? { imagePrefix: joinRoot(root, img === '' ? '.' : img) } : {}),
  });
}

/** Datasets whose classes come from `metainfo` + COCO categories (mmdet CocoDataset family). */
export function isCocoDataset(ds: DatasetRef): boolean {
  return /Coco/.test(str(ds.cfg.get('type')) ?? '');
}
