import { convertOptions, type ConvertCliOptions } from '../commands/convert.js';
import { configOptionsSchema, type ConfigCliOptions } from '../commands/config-options.js';
import { READERS, type Reader } from '../check-config.js';

/** The share of train held out as val when a dataset has no val split (`--val-fraction`). */
export const DEFAULT_VAL_FRACTION = 0.1;

/** yw prepare's options by the step they are passed on to (see commands/prepare.ts). */
export type OptionGroup = 'source' | 'split' | 'labels' | 'texts' | 'config' | 'reader';

/** Each group's flags as given on the command line, and the names of every option given there. */
export type GivenArgs = Record<OptionGroup, string[]> & { flags: ReadonlySet<string> };

export interface PrepareOptions {
  /** yw convert's options, without --val-fraction (the plan decides on it: see dataset.ts). */
  convert: Omit<ConvertCliOptions, 'valFraction'>;
  /** --val-fraction as given; else the default applies to a dataset with train only. */
  valFraction?: number;
  synonyms?: string;
  /** yw config's options for `--data <dataset>` (texts added when placed elsewhere, see run.ts). */
  config: ConfigCliOptions;
  reader: Reader;
  python: string;
  html?: string;
}

/** The values commander checked, typed for each step (config's through its own schema). */
export function prepareOptions(raw: Record<string, unknown>, dataset: string): PrepareOptions {
  const { valFraction, ...convert } = convertOptions(raw);
  const reader = READERS.find((r) => r === raw.reader) ?? 'auto';
  return {
    convert,
    ...(valFraction === undefined ? {} : { valFraction }),
    ...(typeof raw.synonyms === 'string' ? { synonyms: raw.synonyms } : {}),
    config: configOptionsSchema.parse({ ...raw, data: dataset }),
    reader,
    python: typeof raw.python === 'string' ? raw.python : 'python3',
    ...(typeof raw.html === 'string' ? { html: raw.html } : {}),
  };
}

export interface StepInputs {
  dataset: string;
  given: GivenArgs;
  /** The held-out split the plan made (as `--val-fraction F --seed S` would). */
  heldOut?: { fraction: number; seed: string };
  /** `-o` of yw texts (and --texts of yw config) when the class texts are not where yw texts puts them by default. */
  textsOut?: string;
  /** The config as shown (relative to the cwd), for yw check --config. */
  config: string;
  html?: string;
  force: boolean;
}

/** The separate commands `yw prepare` is equivalent to (argv after `yw`), in the order it runs their steps. */
export function stepCommands(x: StepInputs): { convert: string[]; checkDataset: string[]; texts: string[]; config: string[]; checkConfig: string[] } {
  const g = x.given;
  const force = x.force ? ['--force'] : [];
  const split = x.heldOut ? ['--val-fraction', String(x.heldOut.fraction), ...(g.flags.has('seed') ? ['--seed', x.heldOut.seed] : [])] : [];
  const texts = x.textsOut === undefined ? [] : ['-o', x.textsOut];
  const yoloWorld = g.flags.has('yoloWorld') ? g.config.slice(g.config.indexOf('--yolo-world'), g.config.indexOf('--yolo-world') + 2) : [];
  return {
    convert: ['convert', x.dataset, ...g.source, ...split, ...g.labels, ...force],
    checkDataset: ['check', x.dataset, ...g.source, ...split, ...g.labels.filter((flag) => flag.endsWith('-polygons')), ...(x.html === undefined ? [] : ['--html', x.html, ...force])],
    texts: ['texts', x.dataset, ...texts, ...g.texts, ...force],
    config: ['config', '--data', x.dataset, ...(x.textsOut === undefined ? [] : ['--texts', x.textsOut]), ...g.config, ...force],
    checkConfig: ['check', '--config', x.config, ...yoloWorld, ...g.reader],
  };
}
