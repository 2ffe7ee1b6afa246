import { InvalidArgumentError, Option, type Command } from 'commander';
import { addCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { LAYOUT_DESCRIPTIONS, LAYOUTS, type LayoutKind } from '../../core/dataset/layout-kinds.js';
import { shellCommand } from '../../core/config/shell-quote.js';

/*
 * The options are defined and checked here (choices, the fraction's parser), and the work is in
 * convert-run.ts, imported only when the command runs. Not zod: commander has already checked every
 * value, and loading zod cost ~0.1 s of CPU, a fifth of the start-to-finish target for 10,000 images.
 */
export const CATEGORY_ID_STARTS = ['0', '1'] as const;

export interface ConvertCliOptions {
  layout?: LayoutKind;
  classes?: string;
  dataYaml?: string;
  out?: string;
  valFraction?: number;
  seed: string;
  categoryIdStart: number;
  boxPolygons: boolean;
  obbPolygons: boolean;
}

/** The --val-fraction parser (convert, check <root>, prepare): a number strictly between 0 and 1. */
export function fraction(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n > 0 && n < 1)) throw new InvalidArgumentError('expected a number between 0 and 1, e.g. 0.2');
  return n;
}

const EXAMPLES = `
Examples:
  yw convert datasets/helmet                       split folders -> datasets/helmet/annotations/{train,val}.json
  yw convert datasets/coco8 --out build/coco8      Ultralytics layout (coco8.yaml decides the splits), outputs elsewhere
  yw convert exports/roboflow-v3                   Roboflow export: train/ valid/ test/ -> annotations/{train,val,test}.json
  yw convert datasets/parts --val-fraction 0.2     one split: 80 % train, 20 % val, the same files every run
  yw convert datasets/shapes --box-polygons --category-id-start 0
  yw convert datasets/helmet --force --report convert-report.json --strict

Layouts (auto-detected in this order; --layout forces one):
${LAYOUTS.map((kind) => `  ${kind.padEnd(13)}  ${LAYOUT_DESCRIPTIONS[kind]}`).join('\n')}

Splits come from the dataset YAML at the root (data.yaml, or the only *.yaml; --data-yaml names one)
when it names them, else darknet obj.data, else the split folders (valid and validation are val) or
train.txt/val.txt lists. Classes come from classes.txt / obj.names (one name per line, or one
comma-separated line), the YAML's names or obj.data's names file; --classes FILE (a list or a YAML)
overrides them. Label lines: boxes, YOLO-seg polygons, a 6th value (confidence or track id, ignored),
pose (kpt_shape), oriented boxes (9 values, or DOTA labelTxt/). See docs/convert.md.`;

/**
 * The `yw convert` command that divides this dataset's one split into train and val: the same
 * arguments (root, layout, classes, YAML, output, category ids, polygons) and `--val-fraction 0.2 --force`.
 */
export function valFractionCommand(rootArg: string, opts: ConvertCliOptions): string {
  const args = ['yw', 'convert', rootArg];
  if (opts.layout) args.push('--layout', opts.layout);
  if (opts.classes) args.push('--classes', opts.classes);
  if (opts.dataYaml) args.push('--data-yaml', opts.dataYaml);
  if (opts.out) args.push('--out', opts.out);
  if (opts.categoryIdStart !== 1) args.push('--category-id-start', String(opts.categoryIdStart));
  if (opts.boxPolygons) args.push('--box-polygons');
  if (opts.obbPolygons) args.push('--obb-polygons');
  return shellCommand([...args, '--val-fraction', '0.2', '--force']);
}

export function register(program: Command, host: CommandHost): void {
  const command = addConvertSource(program
    .command('convert')
    .description('convert YOLO label folders to COCO JSON, one file per split')
    .argument('<root>', 'dataset root folder'))
    .addOption(new Option('--out <dir>', 'output folder (default: <root>/annotations)'))
    .addOption(new Option('--val-fraction <f>', 'divide a single split: this fraction goes to val').argParser(fraction))
    .addOption(new Option('--seed <seed>', 'vary which images --val-fraction picks').default('0'));
  addConvertLabels(command);
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (rootArg: string, raw: Record<string, unknown>) => {
      const { runConvert } = await import('./convert-run.js');
      return runConvert(host, rootArg, raw);
    }),
  );
}

/** Where the dataset's layout and classes come from (yw convert and yw prepare). */
export function addConvertSource(command: Command): Command {
  return command
    .addOption(new Option('--layout <layout>', 'force a layout instead of detecting it').choices(LAYOUTS))
    .addOption(new Option('--classes <file>', 'class names file or dataset YAML (overrides classes.txt / data.yaml)'))
    .addOption(new Option('--data-yaml <file>', 'the dataset YAML to read (default: data.yaml or the only *.yaml at the root)'));
}

/** How label lines become COCO annotations (yw convert and yw prepare). */
export function addConvertLabels(command: Command): Command {
  return command
    .addOption(new Option('--category-id-start <n>', 'id of the first category').choices(CATEGORY_ID_STARTS).default('1'))
    .addOption(new Option('--box-polygons', 'write boxes as rectangle polygons in segmentation (mmyolo style)').default(false))
    .addOption(new Option('--obb-polygons', 'keep oriented boxes as their quadrilateral polygon in segmentation').default(false));
}

/** The values commander checked, typed (options commander did not set are absent). */
export function convertOptions(raw: Record<string, unknown>): ConvertCliOptions {
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const layout = text(raw.layout) as LayoutKind | undefined;
  const classes = text(raw.classes);
  const dataYaml = text(raw.dataYaml);
  const out = text(raw.out);
  return {
    ...(layout === undefined ? {} : { layout }),
    ...(classes === undefined ? {} : { classes }),
    ...(dataYaml === undefined ? {} : { dataYaml }),
    ...(out === undefined ? {} : { out }),
    ...(typeof raw.valFraction === 'number' ? { valFraction: raw.valFraction } : {}),
    seed: String(raw.seed ?? '0'),
    categoryIdStart: Number(raw.categoryIdStart ?? 1),
    boxPolygons: raw.boxPolygons === true,
    obbPolygons: raw.obbPolygons === true,
  };
}

