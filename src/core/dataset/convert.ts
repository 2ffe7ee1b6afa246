import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { ClassEntry } from './classes.js';
import { classesFiles, resolveClasses } from './classes-source.js';
import { cocoCategories, type CocoCategory } from './coco.js';
import { parseDataYaml, type DataYaml } from './data-yaml.js';
import { planLayout, type LayoutKind } from './layout.js';
import type { PlannedSplit } from './model.js';
import { DATA_YAML_NAMES } from './paths.js';
import { splitByFraction } from './split.js';

export { classMetaFiles, metaFiles } from './discovery.js';

/**
 * `yw convert` as pure steps: which small files to read (discovery.ts), the plan (classes, splits, images), sizes
 * applied, then one image's label text to COCO records. The CLI streams images through the last
 * step so memory stays flat.
 */
export interface ConvertOptions {
  layout?: LayoutKind;
  valFraction?: number;
  seed: string;
  categoryIdStart: number;
  boxPolygons: boolean;
}

export type RootClassesInput = Pick<PlanInput, 'files' | 'texts' | 'classesOverride'>;

/**
 * The classes `yw convert` gives a root (`yw texts` reuses it): `--classes`, else the classes files
 * and the root data.yaml, which must agree. `texts` must hold the `classMetaFiles`.
 */
export function rootClasses(
  input: RootClassesInput,
  dataYaml = findDataYaml(input.texts, input.classesOverride !== undefined || classesFiles(input.files).length > 0),
): { classes: ClassEntry[]; source: string } {
  return resolveClasses({
    files: input.files,
    texts: input.texts,
    ...(dataYaml ? { dataYaml } : {}),
    ...(input.classesOverride ? { override: input.classesOverride } : {}),
  });
}

/** The first data.yaml at the root, parsed. */
export function findDataYaml(texts: ReadonlyMap<string, string>, hasOtherClasses = false): { file: string; data: DataYaml } | undefined {
  const file = DATA_YAML_NAMES.find((name) => texts.has(name));
  if (file === undefined) return undefined;
  try {
    return { file, data: parseDataYaml(texts.get(file)!, file) };
  } catch (error) {
    // A data.yaml without names is fine when a classes file or --classes supplies them.
    if (hasOtherClasses && error instanceof YwError && error.code === 'DATA_YAML_NO_NAMES') return undefined;
    throw error;
  }
}

export interface PlanInput {
  root: string;
  rootAbs: string;
  files: readonly string[];
  texts: ReadonlyMap<string, string>;
  classesOverride?: { file: string; text: string };
}

export interface ConversionPlan {
  layout: LayoutKind;
  classes: ClassEntry[];
  classesSource: string;
  categories: CocoCategory[];
  splits: PlannedSplit[];
  findings: Finding[];
}

export function planConversion(input: PlanInput, options: ConvertOptions): ConversionPlan {
  const dataYaml = findDataYaml(input.texts, input.classesOverride !== undefined || classesFiles(input.files).length > 0);
  const layoutInput = { files: input.files, texts: input.texts, rootAbs: input.rootAbs, ...(dataYaml ? { dataYaml: dataYaml.data } : {}) };
  const plan = planLayout(layoutInput, input.root, options.layout);
  const { classes, source } = rootClasses(input, dataYaml);
  const findings = [...plan.findings];
  let splits = plan.splits.filter((s) => {
    if (s.images.length === 0) findings.push(finding('SPLIT_EMPTY', 'warning', `split ${s.name} has no images; no file written for it`));
    return s.images.length > 0;
  });
  if (options.valFraction !== undefined) {
    if (splits.length !== 1) {
      throw new YwError('VAL_FRACTION_NEEDS_ONE_SPLIT', `--val-fraction divides a dataset with one split, but ${input.root} has ${splits.length} (${splits.map((s) => s.name).join(', ')})`, {
        hint: 'drop --val-fraction: the dataset already has its splits',
      });
    }
    splits = splitByFraction(splits[0]!, options.valFraction, options.seed);
  }
  return {
    layout: plan.kind,
    classes,
    classesSource: source,
    categories: cocoCategories(classes, options.categoryIdStart),
    splits,
    findings,
  };
}
