import { emptyAnnotations, unusedCategories } from '../core/dataset/coco-empty.js';
import type { FoundImages, SplitData } from '../io/config/config-inputs.js';
import type { Split } from '../core/splits.js';
import type { ConfigSpec } from '../core/config/options.js';
import { describeWarmup, warmupOf, warmupTooLong, WARMUP_DEFAULTS, type WarmupRun } from '../core/check/warmup.js';

/** What `yw config` says about the data it read: image folders it found, empty splits, unused categories. */
export function dataNotes(found: readonly FoundImages[], splits: Partial<Record<Split, SplitData>>): { warn: boolean; text: string }[] {
  const notes: { warn: boolean; text: string }[] = [];
  for (const f of found) {
    const folder = f.folder === '' ? 'the dataset root' : `${f.folder}/`;
    const all = f.sampled === 1 ? 'its first file_name is there' : `all of its first ${f.sampled} file_names are there`;
    notes.push(f.found === f.sampled
      ? { warn: false, text: `${f.split} images: ${folder} (${all}; --${f.split}-images to choose another)` }
      : { warn: true, text: `${f.split} images: ${folder}, but only ${f.found} of its first ${f.sampled} file_names are there (no other folder has more); pass --${f.split}-images if that is wrong` });
  }
  const train = splits.train;
  const unused = train ? unusedCategories(train.summary) : [];
  if (unused.length > 0) {
    const names = unused.map((c) => `'${c.name}' (id ${c.id})`).join(', ');
    notes.push({ warn: true, text: `${train!.file}: no box of ${names}; ${unused.length === 1 ? 'it becomes a class' : 'they become classes'} the model never sees a box of (a Roboflow COCO export lists its project name as category 0 like this)` });
  }
  for (const split of ['val', 'test'] as const) {
    const data = splits[split];
    const empty = data && emptyAnnotations(split, data.summary);
    if (empty) notes.push({ warn: true, text: `${data!.file} ${empty.why}` });
  }
  return notes;
}

/**
 * The WARMUP_LONG warning of `yw check --config`, said when writing: yw config leaves mmyolo's warm-up
 * defaults in place (it writes no warmup_* key), so the dataset size alone decides.
 */
export function warmupNote(trainImages: number, spec: Pick<ConfigSpec, 'batch' | 'epochs' | 'lr'>): { warn: boolean; text: string } | undefined {
  const run: WarmupRun = {
    images: trainImages, batchSize: spec.batch, maxEpochs: spec.epochs,
    warmupEpochs: WARMUP_DEFAULTS.epochs, warmupMinIters: WARMUP_DEFAULTS.minIters, dropLast: false,
  };
  const w = warmupOf(run);
  if (!w || !warmupTooLong(w)) return undefined;
  const { message, hint } = describeWarmup(run, w, spec.lr);
  return { warn: true, text: `${message} (WARMUP_LONG); fix: ${hint}` };
}
