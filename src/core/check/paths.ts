import type { Finding } from '../findings.js';
import { isDict, PyTuple, type PyDict } from '../config-reader/values.js';
import { findDatasets, type DatasetRef } from './datasets.js';
import { isUnreadable, type CheckInput } from './input.js';
import { issue } from './issue.js';
import { emptyAnnotations } from '../dataset/coco-empty.js';
import { child, get, getDict, joinRoot, normalizePath, str } from './walk.js';

/** `ann_file` of val/test evaluators (a dict or a list of metrics). */
export function evaluatorAnnFiles(config: PyDict): { split: 'val' | 'test'; path: string; file: string }[] {
  const out: { split: 'val' | 'test'; path: string; file: string }[] = [];
  for (const split of ['val', 'test'] as const) {
    const key = `${split}_evaluator`;
    const ev = config.get(key);
    const metrics = Array.isArray(ev) ? ev.map((m, i) => [child(key, i), m] as const) : [[key, ev] as const];
    for (const [path, m] of metrics) {
      const ann = isDict(m) ? str(m.get('ann_file')) : undefined;
      if (ann) out.push({ split, path: child(path, 'ann_file'), file: normalizePath(ann) });
    }
  }
  return out;
}

export function checkPaths(input: CheckInput): Finding[] {
  const datasets = findDatasets(input.config);
  return [
    ...datasets.flatMap((d) => checkDatasetFiles(input, d)),
    ...checkEvaluators(input, datasets),
    ...checkDynamicIntervals(input),
  ];
}

function checkDatasetFiles(input: CheckInput, d: DatasetRef): Finding[] {
  const out: Finding[] = [];
  const annKey = child(d.path, 'ann_file');
  const coco = d.annFile ? input.coco.get(d.annFile) : undefined;
  if (d.annFile && isUnreadable(coco)) {
    out.push(annProblem(input, annKey, d.annFile, coco.error));
  }
  const empty = coco && !isUnreadable(coco) && d.annFile ? emptyAnnotations(d.split, coco.summary) : undefined;
  if (empty) {
    out.push(issue(input.configFile, 'ANN_FILE_EMPTY', empty.severity, annKey, `${d.annFile} ${empty.why}`,
      'point ann_file at the annotation file with the images and boxes (yw convert writes them)', { file: d.annFile }));
  }
  if (coco && !isUnreadable(coco) && d.imagePrefix !== undefined && coco.summary.sample.length > 0) {
    const missing = coco.summary.sample.map((n) => joinRoot(d.imagePrefix, n)).filter((p) => input.exists.get(p) === false);
    if (missing.length > 0) {
      const all = missing.length === coco.summary.sample.length;
      out.push(issue(input.configFile, 'IMAGES_NOT_FOUND', all ? 'error' : 'warning', child(d.path, 'data_prefix.img'),
        `${missing.length} of ${coco.summary.sample.length} sampled images of ${d.annFile} not found (first: ${missing[0]})`,
        'image paths are data_root + data_prefix.img + file_name, relative to the folder tools/train.py runs in; fix data_prefix or the file_names',
        { missing }));
    }
  }
  return out;
}

function annProblem(input: CheckInput, key: string, file: string, error: string): Finding {
  const missing = input.exists.get(file) === false || /not found/.test(error);
  return missing
    ? issue(input.configFile, 'ANN_FILE_NOT_FOUND', 'error', key, `${file} not found`,
      'paths are relative to the YOLO-World root where tools/train.py runs (--yolo-world); run `yw convert` or fix data_root/ann_file', { file })
    : issue(input.configFile, 'ANN_FILE_INVALID', 'error', key, `${file} is not a readable COCO file: ${error}`,
      'regenerate it with `yw convert`', { file });
}

function checkEvaluators(input: CheckInput, datasets: DatasetRef[]): Finding[] {
  const out: Finding[] = [];
  for (const ev of evaluatorAnnFiles(input.config)) {
    const coco = input.coco.get(ev.file);
    const dataset = datasets.find((d) => d.split === ev.split && d.annFile);
    if (dataset?.annFile && dataset.annFile !== ev.file) {
      out.push(issue(input.configFile, 'EVALUATOR_ANN_MISMATCH', 'error', ev.path,
        `evaluates against ${ev.file} but ${dataset.path} reads ${dataset.annFile}`,
        `set ${ev.path}='${dataset.annFile}' (an inherited evaluator still points at COCO: YOLO-World issue #418)`,
        { file: ev.file, dataset: dataset.annFile }));
    } else if (isUnreadable(coco) && !datasets.some((d) => d.annFile === ev.file)) {
      out.push(annProblem(input, ev.path, ev.file, coco.error));
    }
  }
  return out;
}

function checkDynamicIntervals(input: CheckInput): Finding[] {
  const intervals = get(getDict(input.config, 'train_cfg'), 'dynamic_intervals');
  if (!Array.isArray(intervals)) return [];
  return intervals.flatMap((entry, i) => entry instanceof PyTuple ? [] : [
    issue(input.configFile, 'DYNAMIC_INTERVALS_NOT_TUPLE', 'error', `train_cfg.dynamic_intervals[${i}]`,
      'is not a tuple: mmengine asserts a list of (epoch, interval) tuples and training stops at startup',
      'write dynamic_intervals=[(70, 1)] in a .py config (JSON/YAML cannot hold tuples)'),
  ]);
}
