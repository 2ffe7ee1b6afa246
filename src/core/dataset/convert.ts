import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import { samePromptFindings } from './class-prompts.js';
import type { ClassEntry } from './classes.js';
import { resolveClasses, type ClassesInput } from './classes-source.js';
import { cocoCategories, type CocoCategory } from './coco.js';
import type { LabelContext } from './convert-images.js';
import { datasetMeta, type DatasetMeta, type MetaInput } from './dataset-meta.js';
import { indexImages } from './image-lists.js';
import { planLayout, type LayoutKind } from './layout.js';
import type { PlannedSplit } from './model.js';
import { basename, isImagePath } from './paths.js';
import { PlanError } from './plan-error.js';
import { darknetSplits, resolveNamedFile, yamlSplits, type RawSplit, type SourceContext } from './source-splits.js';
import { splitByFraction } from './split.js';

export { classMetaFiles, metaFiles } from './discovery.js';

/**
 * `yw convert` as pure steps: which small files to read (discovery.ts), the plan (classes, splits,
 * images), sizes applied, then one image's label text to COCO records. The CLI streams images through
 * the last step so memory stays flat.
 */
export interface ConvertOptions {
  layout?: LayoutKind;
  valFraction?: number;
  seed: string;
  categoryIdStart: number;
  boxPolygons: boolean;
  /** Keep oriented boxes (9-value lines) as their quadrilateral polygon too, not only their extent. */
  obbPolygons: boolean;
  /** The command that divides a dataset without a validation split (said when there is none). */
  valFractionCommand?: string;
}

export interface PlanInput {
  root: string;
  rootAbs: string;
  files: readonly string[];
  /** Every `metaFiles` file's text, by relative path. */
  texts: ReadonlyMap<string, string>;
  classesOverride?: { file: string; text: string };
  /** `--data-yaml FILE` (see MetaInput). */
  dataYaml?: MetaInput['dataYaml'];
}

export type RootClassesInput = Pick<PlanInput, 'files' | 'texts' | 'classesOverride' | 'rootAbs'>;

export interface ConversionPlan {
  layout: LayoutKind;
  /** The description file that decided the splits (data.yaml, obj.data), if one did. */
  splitsFrom?: string;
  classes: ClassEntry[];
  classesSource: string;
  categories: CocoCategory[];
  splits: PlannedSplit[];
  findings: Finding[];
  /** Values per label line of a pose dataset (5 + keypoints × 2|3, from data.yaml kpt_shape). */
  poseValues?: number;
}

/**
 * The classes `yw convert` gives a root (`yw texts` reuses it): `--classes`, else the classes files,
 * the dataset YAML and the obj.data names file, which must agree. `texts` must hold the `classMetaFiles`.
 */
export function rootClasses(input: RootClassesInput): { classes: ClassEntry[]; source: string } {
  const meta = datasetMeta({ files: input.files, texts: input.texts, rootName: basename(input.rootAbs) });
  return resolveClasses(classesInput(input, meta, sourceContext(input, [])));
}

/** How the label loop reads a plan's label files (class ids and names, pose values, oriented boxes). */
export function labelContext(plan: ConversionPlan, options: Pick<ConvertOptions, 'categoryIdStart' | 'boxPolygons' | 'obbPolygons'>): LabelContext {
  return {
    classIds: new Set(plan.classes.map((c) => c.id)),
    classIdByName: new Map(plan.classes.map((c) => [c.name, c.id])),
    categoryIdStart: options.categoryIdStart,
    boxPolygons: options.boxPolygons,
    obbPolygons: options.obbPolygons,
    ...(plan.poseValues === undefined ? {} : { poseValues: plan.poseValues }),
  };
}

export function planConversion(input: PlanInput, options: ConvertOptions): ConversionPlan {
  const findings: Finding[] = [];
  try {
    return plan(input, options, findings);
  } catch (error) {
    throw error instanceof YwError && !(error instanceof PlanError) ? new PlanError(error, findings) : error;
  }
}

function plan(input: PlanInput, options: ConvertOptions, findings: Finding[]): ConversionPlan {
  const meta = datasetMeta({ files: input.files, texts: input.texts, rootName: basename(input.rootAbs), ...(input.dataYaml ? { dataYaml: input.dataYaml } : {}) });
  findings.push(...meta.findings);
  const ctx = sourceContext(input, findings);
  const source = splitSource(meta, ctx);
  const layout = planLayout({ files: input.files, texts: input.texts, rootAbs: input.rootAbs, ...(source ? { sourceSplits: source.splits } : {}) }, input.root, options.layout);
  findings.push(...layout.findings);
  if (layout.splits.length === 0) throw noImages(input, layout.kind, source?.file);
  const { classes, source: classesSource } = resolveClasses(classesInput(input, meta, ctx));
  findings.push(...samePromptFindings(classes, classesSource, 'CLASS_SAME_PROMPT'));
  const splits = finalSplits(layout.splits, input.root, options, findings);
  const kpt = meta.yaml?.data.kptShape;
  if (kpt) {
    findings.push(finding('LABEL_KEYPOINTS_IGNORED', 'info', `kpt_shape [${kpt.join(', ')}]: pose labels; each line's box (values 2-5) is converted, its ${kpt[0]} keypoints are not (COCO detection has none)`, { file: meta.yaml!.file }));
  }
  return {
    layout: layout.kind,
    ...(source ? { splitsFrom: source.file } : {}),
    classes,
    classesSource,
    categories: cocoCategories(classes, options.categoryIdStart),
    splits,
    findings,
    ...(kpt ? { poseValues: 5 + kpt[0] * kpt[1] } : {}),
  };
}

function noImages(input: PlanInput, kind: LayoutKind, source: string | undefined): YwError {
  if (source === undefined) {
    return new YwError('NO_IMAGES', `no images found in ${input.root} for the ${kind} layout`, { file: input.root, hint: 'check the folder and the --layout option' });
  }
  const images = input.files.filter(isImagePath);
  const held = images.length === 0 ? 'the dataset holds no image' : `the dataset holds ${images.length === 1 ? '1 image' : `${images.length} images`}, e.g. ${images[0]}`;
  return new YwError('NO_IMAGES', `the splits ${source} names hold no image of ${input.root} (${held})`, {
    file: input.root,
    hint: `fix the split entries of ${source} (see the findings above), or name another dataset YAML with --data-yaml`,
  });
}

/** Empty splits dropped (an error each), --val-fraction applied, and a note when there is no val split. */
function finalSplits(planned: PlannedSplit[], root: string, options: ConvertOptions, findings: Finding[]): PlannedSplit[] {
  let splits = planned.filter((s) => {
    if (s.images.length === 0) findings.push(finding('SPLIT_EMPTY', 'error', `split ${s.name} has no images; no file written for it`));
    return s.images.length > 0;
  });
  if (options.valFraction !== undefined) {
    if (splits.length !== 1) {
      throw new YwError('VAL_FRACTION_NEEDS_ONE_SPLIT', `--val-fraction divides a dataset with one split, but ${root} has ${splits.length} (${splits.map((s) => s.name).join(', ')})`, {
        hint: 'drop --val-fraction: the dataset already has its splits',
      });
    }
    splits = splitByFraction(splits[0]!, options.valFraction, options.seed);
  } else if (!splits.some((s) => s.name === 'val')) {
    const command = options.valFractionCommand ?? `yw convert ${root} --val-fraction 0.2`;
    findings.push(finding('SPLIT_NO_VAL', 'warning', `no validation split (${splits.map((s) => s.name).join(', ')} only): yw config needs one`, {
      hint: `divide ${splits[0]?.name ?? 'train'} into train and val: ${command}`,
      data: { command },
    }));
  }
  return splits;
}

function sourceContext(input: Pick<PlanInput, 'files' | 'texts' | 'rootAbs'>, findings: Finding[]): SourceContext {
  let index: SourceContext['index'] | undefined;
  return {
    files: input.files,
    texts: input.texts,
    rootAbs: input.rootAbs,
    rootName: basename(input.rootAbs),
    get index() {
      return (index ??= indexImages(input.files.filter(isImagePath)));
    },
    findings,
  };
}

/** The splits a description file decides: the dataset YAML when it names any, else obj.data. */
function splitSource(meta: DatasetMeta, ctx: SourceContext): { file: string; splits: RawSplit[] } | undefined {
  const fromYaml = meta.yaml ? yamlSplits(meta.yaml, ctx) : undefined;
  if (fromYaml) return { file: meta.yaml!.file, splits: fromYaml };
  const fromDarknet = meta.darknet ? darknetSplits(meta.darknet, ctx) : undefined;
  return fromDarknet ? { file: meta.darknet!.file, splits: fromDarknet } : undefined;
}

function classesInput(input: Pick<PlanInput, 'files' | 'texts' | 'classesOverride'>, meta: DatasetMeta, ctx: SourceContext): ClassesInput {
  const darknet = meta.darknet;
  const namesFile = darknet?.data.names === undefined ? undefined : resolveNamedFile(darknet.data.names, darknet, ctx);
  return {
    files: input.files,
    texts: input.texts,
    ...(meta.yaml ? { dataYaml: { file: meta.yaml.file, data: meta.yaml.data } } : {}),
    ...(namesFile && darknet ? { darknetNames: { file: namesFile, from: darknet.file, ...(darknet.data.classes === undefined ? {} : { count: darknet.data.classes }) } } : {}),
    ...(input.classesOverride ? { override: input.classesOverride } : {}),
  };
}
