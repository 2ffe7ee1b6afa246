import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { ClassesInput } from './classes-source.js';
import type { ConvertOptions, PlanInput } from './convert.js';
import type { DatasetMeta } from './dataset-meta.js';
import { indexImages } from './image-lists.js';
import type { LayoutKind } from './layout.js';
import type { PlannedSplit } from './model.js';
import { basename, isImagePath } from './paths.js';
import { darknetSplits, resolveNamedFile, yamlSplits, type RawSplit, type SourceContext } from './source-splits.js';
import { splitByFraction } from './split.js';

/** The steps of `planConversion` (convert.ts): where splits come from, which classes, what to say. */

export function noImages(input: PlanInput, kind: LayoutKind, source: string | undefined): YwError {
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
export function finalSplits(planned: PlannedSplit[], root: string, options: ConvertOptions, findings: Finding[]): PlannedSplit[] {
  let splits = planned.filter((s) => {
    if (s.images.length === 0) findings.push(finding('SPLIT_EMPTY', 'error', `split ${s.name} has no images; no file written for it`, {
      hint: `put images in split ${s.name}'s folder or list, or remove the split from the dataset description`,
    }));
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
    findings.push(noValFinding(splits, options.valFractionCommand ?? `yw convert ${root} --val-fraction 0.2`));
  }
  return splits;
}

/** No val split: with train alone, the command that divides it; else, what yw config needs. */
function noValFinding(splits: readonly PlannedSplit[], command: string): Finding {
  const message = `no validation split (${splits.map((s) => s.name).join(', ')} only): yw config needs one`;
  if (splits.length === 1 && splits[0]!.name === 'train') {
    return finding('SPLIT_NO_VAL', 'warning', message, { hint: `divide train into train and val: ${command}`, data: { command } });
  }
  return finding('SPLIT_NO_VAL', 'warning', message, { hint: 'add a val split (a valid/ folder, a val.txt list, or a data.yaml val: entry)' });
}

export function sourceContext(input: Pick<PlanInput, 'files' | 'texts' | 'rootAbs' | 'notFiles'>, findings: Finding[]): SourceContext {
  let index: SourceContext['index'] | undefined;
  return {
    files: input.files,
    texts: input.texts,
    rootAbs: input.rootAbs,
    rootName: basename(input.rootAbs),
    get index() {
      return (index ??= indexImages(input.files.filter(isImagePath), input.notFiles));
    },
    findings,
  };
}

/** The splits a description file decides: the dataset YAML when it names any, else obj.data. */
export function splitSource(meta: DatasetMeta, ctx: SourceContext): { file: string; splits: RawSplit[] } | undefined {
  const fromYaml = meta.yaml ? yamlSplits(meta.yaml, ctx) : undefined;
  if (fromYaml) return { file: meta.yaml!.file, splits: fromYaml };
  const fromDarknet = meta.darknet ? darknetSplits(meta.darknet, ctx) : undefined;
  return fromDarknet ? { file: meta.darknet!.file, splits: fromDarknet } : undefined;
}

export function classesInput(input: Pick<PlanInput, 'files' | 'texts' | 'classesOverride'>, meta: DatasetMeta, ctx: SourceContext): ClassesInput {
  const darknet = meta.darknet;
  const namesFile = darknet?.data.names === undefined ? undefined : resolveNamedFile(darknet.data.names, darknet, ctx);
  if (darknet?.data.names !== undefined && namesFile === undefined && !input.classesOverride) {
    ctx.findings.push(finding('DARKNET_DATA_NAMES_MISSING', 'warning', `names = ${darknet.data.names} is not a file of the dataset; its classes come from the other sources`, { file: darknet.file }));
  }
  return {
    files: input.files,
    texts: input.texts,
    ...(meta.yaml ? { dataYaml: { file: meta.yaml.file, data: meta.yaml.data } } : {}),
    ...(namesFile && darknet ? { darknetNames: { file: namesFile, from: darknet.file, ...(darknet.data.classes === undefined ? {} : { count: darknet.data.classes }) } } : {}),
    ...(input.classesOverride ? { override: input.classesOverride } : {}),
  };
}
