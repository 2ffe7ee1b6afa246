import { YwError } from '../../errors.js';
import type { CocoSummary } from '../dataset/coco-summary.js';
import { emptyAnnotations } from '../dataset/coco-empty.js';
import { AUTO_SAVE_BEST, DEFAULT_BATCH, DEFAULT_CLOSE_MOSAIC, DEFAULT_EPOCHS, DEFAULT_SAVE_INTERVAL, DEFAULT_VAL_INTERVAL, OPTIMIZER_DEFAULTS, type ConfigSpec, type Head, type Mode, type Neck, type Optimizer, type SplitPaths } from './options.js';
import { PRETRAINED_DIR, publishedWeights } from './names.js';
import { MODE_FACTS } from './modes.js';
import type { Size } from './sizes.js';

export interface ConfigOptions {
  mode: Mode;
  size: Size;
  neck?: Neck | undefined;
  head?: Head | undefined;
  maskRefine?: boolean | undefined;
  optimizer: Optimizer;
  lr?: number | undefined;
  weightDecay?: number | undefined;
  epochs?: number | undefined;
  closeMosaic?: number | undefined;
  batch?: number | undefined;
  gpus: number;
  saveInterval?: number | undefined;
  valInterval?: number | undefined;
  workers?: number | undefined;
  saveBest: string;
}

/** What the CLI read from disk, with paths already relative to the YOLO-World root. */
export interface ConfigData {
  dataRoot: string;
  train: SplitPaths & { file: string; summary: CocoSummary };
  val: SplitPaths & { file: string; summary: CocoSummary };
  test: (SplitPaths & { file: string; summary: CocoSummary }) | undefined;
  texts: string;
  embeddings: string;
  /** --weights relative to the YOLO-World root, if given. */
  weights: string | undefined;
}

/** Checks the option combination against the data and fills every default (facts §1.5, §9). */
export function buildSpec(o: ConfigOptions, d: ConfigData): ConfigSpec {
  const neck = o.neck ?? 'vlpan';
  const necks = MODE_FACTS[o.mode].necks;
  if (!necks.includes(neck)) {
    const why = o.mode === 'reparam' ? 'reparameterizing needs a v2 (BN head) model' : 'the official prompt-tuning configs use vlpan';
    throw new YwError('NECK_NOT_SUPPORTED', `--mode ${o.mode} supports --neck ${necks.join(' or ')} (${why}); got --neck ${neck}`, { hint: 'drop --neck, or use --mode finetune for efficient/dual-vlpan' });
  }
  const head = chooseHead(o.mode, neck, o.head);
  checkNotEmpty(d);
  const classes = d.train.summary.categories.map((c) => c.name);
  checkClasses(classes, d);
  const maskRefine = chooseMaskRefine(o.maskRefine, d.train);
  const epochs = o.epochs ?? DEFAULT_EPOCHS;
  const closeMosaic = o.closeMosaic ?? Math.min(DEFAULT_CLOSE_MOSAIC, epochs);
  if (closeMosaic > epochs) {
    throw new YwError('BAD_OPTION', `--close-mosaic ${closeMosaic} is more than --epochs ${epochs}`, { hint: 'close-mosaic counts the last epochs trained without mosaic' });
  }
  const defaults = OPTIMIZER_DEFAULTS[o.optimizer];
  return {
    mode: o.mode, size: o.size, maskRefine, neck, head, optimizer: o.optimizer,
    lr: o.lr ?? defaults.lr, weightDecay: o.weightDecay ?? defaults.weightDecay,
    epochs, closeMosaic, batch: o.batch ?? DEFAULT_BATCH, gpus: o.gpus,
    saveInterval: o.saveInterval ?? DEFAULT_SAVE_INTERVAL, valInterval: o.valInterval ?? DEFAULT_VAL_INTERVAL,
    workers: o.workers, saveBest: o.saveBest === 'none' ? null : o.saveBest === 'auto' ? AUTO_SAVE_BEST : o.saveBest,
    classes, dataRoot: d.dataRoot,
    train: split(d.train), val: split(d.val), test: d.test && split(d.test),
    texts: d.texts, embeddings: d.embeddings,
    loadFrom: loadFrom(o.mode, o.size, head, d.weights),
  };
}

const split = (s: SplitPaths): SplitPaths => ({ ann: s.ann, images: s.images, annFromRoot: s.annFromRoot });

function checkClasses(classes: string[], d: ConfigData): void {
  const seen = new Set<string>();
  for (const name of classes) {
    if (seen.has(name)) throw new YwError('DUPLICATE_CLASS', `${d.train.file} has two categories named ${JSON.stringify(name)}`, { file: d.train.file, hint: 'mmdet maps categories by name; make the names unique (yw convert does)' });
    seen.add(name);
  }
  for (const other of [d.val, d.test]) {
    if (!other) continue;
    const names = other.summary.categories.map((c) => c.name);
    if (names.length !== classes.length || names.some((n, i) => n !== classes[i])) {
      throw new YwError('CATEGORIES_MISMATCH', `${other.file} lists other categories than ${d.train.file} (names and order must be equal)`, {
        file: other.file,
        hint: 'convert all splits together with yw convert so they share one category list',
      });
    }
  }
}

/** Errors only; `emptyAnnotations` warnings are the CLI's to print. */
function checkNotEmpty(d: ConfigData): void {
  for (const [split, data] of [['train', d.train], ['val', d.val], ['test', d.test]] as const) {
    const empty = data && emptyAnnotations(split, data.summary);
    if (empty?.severity === 'error') {
      throw new YwError('ANNOTATIONS_EMPTY', `${data!.file} ${empty.why}`, {
        file: data!.file,
        hint: split === 'train' ? 'point --data (or --train-ann) at the annotations with the boxes; an export without labels needs them added first' : `point --${split}-ann at a file with images`,
      });
    }
  }
}

/** Mask-refine drops every box without a polygon (issue #185), so it is on only when all have one. */
function chooseMaskRefine(requested: boolean | undefined, train: ConfigData['train']): boolean {
  const { annotations, withPolygon } = train.summary;
  const allPolygons = annotations > 0 && withPolygon === annotations;
  if (requested === undefined) return allPolygons;
  if (requested && !allPolygons) {
    throw new YwError('MASK_REFINE_NEEDS_POLYGONS', `--mask-refine needs a polygon on every annotation, but ${annotations - withPolygon} of ${annotations} in ${train.file} have none`, {
      file: train.file,
      hint: 'mask-refine bases drop every box without a polygon (YOLO-World issue #185) and train on empty targets; use --no-mask-refine',
    });
  }
  return requested;
}

/** dual-vlpan exists only with the v1 L2 head; prompt and reparam need the v2 BN head. */
function chooseHead(mode: Mode, neck: Neck, requested: Head | undefined): Head {
  const head = requested ?? (neck === 'dual-vlpan' ? 'l2' : 'bn');
  if (neck === 'dual-vlpan' && head !== 'l2') {
    throw new YwError('HEAD_NOT_SUPPORTED', '--neck dual-vlpan is the v1 model, which has the L2 head', { hint: 'drop --head, or use --neck vlpan for the BN head' });
  }
  if (mode !== 'finetune' && head !== 'bn') {
    throw new YwError('HEAD_NOT_SUPPORTED', `--mode ${mode} needs the v2 BN head`, { hint: 'drop --head l2' });
  }
  return head;
}

function loadFrom(mode: Mode, size: Size, head: Head, weights: string | undefined): string | null {
  if (weights !== undefined) return weights;
  if (mode === 'reparam') {
    throw new YwError('WEIGHTS_REQUIRED', '--mode reparam needs --weights <*_rep_conv.pth> (no reparameterized weights were published)', {
      hint: `pass e.g. --weights ${PRETRAINED_DIR}/rep/${publishedWeights(size, 'bn')!.replace(/\.pth$/, '_rep_conv.pth')}; yw config then prints the yw reparam command that makes it`,
    });
  }
  const published = publishedWeights(size, head);
  if (published === undefined) {
    throw new YwError('NO_PUBLISHED_WEIGHTS', `no v1 (L2 head) checkpoint was published for size ${size}`, { hint: 'pass --weights FILE, or use the v2 BN head (--neck vlpan or efficient, no --head l2)' });
  }
  return `${PRETRAINED_DIR}/${published}`;
}
