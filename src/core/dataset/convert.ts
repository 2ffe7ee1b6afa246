import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import { samePromptFindings } from './class-prompts.js';
import type { ClassEntry } from './classes.js';
import { resolveClasses } from './classes-source.js';
import { cocoCategories, type CocoCategory } from './coco.js';
import type { LabelContext } from './convert-images.js';
import { datasetMeta, type MetaInput } from './dataset-meta.js';
import { planLayout, type LayoutKind } from './layout.js';
import type { PlannedSplit } from './model.js';
import { basename } from './paths.js';
import { PlanError } from './plan-error.js';
import { classesInput, finalSplits, noImages, sourceContext, splitSource } from './plan-steps.js';

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
