import type { CocoSummary } from '../dataset/coco-summary.js';
import type { NpyHeader } from '../npy-header.js';
import type { PyDict } from '../config-reader/values.js';
import type { CheckpointHeader } from './load-from.js';
import { findDatasets } from './datasets.js';
import { evaluatorAnnFiles } from './paths.js';
import { get, joinRoot, normalizePath, str } from './walk.js';

/** A file io could not read or parse: the one-line reason. */
export interface Unreadable {
  error: string;
}

export interface CocoInput {
  /** With up to SAMPLE_SIZE `file_name`s, in file order. */
  summary: CocoSummary;
}

/** Everything the checks need, gathered by io. Paths are keys as `filesToRead`/`pathsToStat` gave them. */
export interface CheckInput {
  config: PyDict;
  /** The config file, named in every finding. */
  configFile: string;
  coco: Map<string, CocoInput | Unreadable>;
  texts: Map<string, unknown | Unreadable>;
  npy: Map<string, NpyHeader | Unreadable>;
  exists: Map<string, boolean>;
  /** The load_from checkpoint's header, when it exists (absent: not read, only its name is checked). */
  checkpoints?: Map<string, CheckpointHeader | Unreadable>;
}

export function isUnreadable(v: unknown): v is Unreadable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v && Object.keys(v).length === 1;
}

/** The files to read: paths relative to the training cwd (the YOLO-World root) or absolute. */
export function filesToRead(config: PyDict): { coco: string[]; texts: string[]; npy: string[] } {
  const datasets = findDatasets(config);
  const coco = new Set(datasets.flatMap((d) => (d.annFile ? [d.annFile] : [])));
  for (const e of evaluatorAnnFiles(config)) coco.add(e.file);
  const texts = new Set(datasets.flatMap((d) => {
    const p = str(d.wrapper?.cfg.get('class_text_path')) ?? str(d.cfg.get('class_text_path'));
    return p ? [normalizePath(p)] : [];
  }));
  const npy = str(get(config, 'model.embedding_path'));
  return { coco: [...coco].sort(), texts: [...texts].sort(), npy: npy ? [normalizePath(npy)] : [] };
}

/** Paths whose existence matters once the COCO files are read: image samples and load_from. */
export function pathsToStat(config: PyDict, coco: CheckInput['coco']): string[] {
  const out = new Set<string>();
  for (const d of findDatasets(config)) {
    const info = d.annFile ? coco.get(d.annFile) : undefined;
    if (!info || isUnreadable(info) || d.imagePrefix === undefined) continue;
    for (const name of info.summary.sample) out.add(joinRoot(d.imagePrefix, name));
  }
  const loadFrom = loadFromPath(config);
  if (loadFrom) out.add(loadFrom);
  return [...out].sort();
}

/** `load_from` as a key of `exists`/`checkpoints`. */
export function loadFromPath(config: PyDict): string | undefined {
  const loadFrom = str(config.get('load_from'));
  return loadFrom ? normalizePath(loadFrom) : undefined;
}
