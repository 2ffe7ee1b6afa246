import { Option, type Command } from 'commander';
import { addCommonOptions } from '../common-options.js';
import { givenFlags, optionGroup } from '../given-options.js';
import { action, type CommandHost } from '../host.js';
import { addReaderOptions } from '../check-config.js';
import { addConvertLabels, addConvertSource, fraction } from './convert.js';
import { addConfigModel, addConfigModeSize } from './config-options.js';
import { DEFAULT_VAL_FRACTION, type OptionGroup } from '../prepare/options.js';

const EXAMPLES = `
Examples (from the YOLO-World root):
  yw prepare datasets/helmet                        finetune, size l: COCO JSON, class texts, config, checks
  yw prepare datasets/helmet --size s --epochs 40 --batch 8
  yw prepare exports/labelimg-parts                 one split only: 10 % of train held out as val
  yw prepare datasets/helmet --mode prompt --size s prompt tuning; the next steps make the embeddings (yw embed)
  yw prepare datasets/helmet --html helmet.html     also the dataset report page
  yw prepare ~/data/helmet --yolo-world ~/YOLO-World --style standalone --force

It writes what these would, in this order, and stops before writing anything if one of them would refuse:
  yw convert <dataset> [--val-fraction F]           <dataset>/annotations/<split>.json
  yw check <dataset> [--html FILE]                  profile and findings
  yw texts <dataset>                                <yolo-world>/data/texts/<dataset>_class_texts.json
  yw config --data <dataset> ...                    <yolo-world>/configs/custom/<name>.py
  yw check --config <config>                        the config against data, texts and weights
Then one summary: the dataset, the files written, mask-refine and why, the findings, the next steps.
Exit codes as for every command: 0 ok, 1 an error finding (with --strict a warning) or a refusal,
2 a bug. See docs/prepare.md.`;

/** Adds prepare's options in groups, each group passed on to the steps it belongs to. */
function addPrepareOptions(command: Command): Record<OptionGroup, Option[]> {
  const groups = {
    source: optionGroup(command, addConvertSource),
    split: optionGroup(command, (c) => c
      .addOption(new Option('--val-fraction <f>', `a dataset without a val split (train only): hold out this fraction of train as val (default ${DEFAULT_VAL_FRACTION}, as yw convert --val-fraction)`).argParser(fraction))
      .addOption(new Option('--seed <seed>', 'vary which images the held-out val split gets (as yw convert --seed; default 0)'))),
    labels: optionGroup(command, addConvertLabels),
    texts: optionGroup(command, (c) => c.option('--synonyms <file>', 'extra names per class for the class texts (as yw texts --synonyms)')),
    config: optionGroup(command, (c) => addConfigModel(addConfigModeSize(c))),
    reader: optionGroup(command, addReaderOptions),
  };
  command.addOption(new Option('--html <file>', 'also write the dataset report page (as yw check <dataset> --html)'));
  return groups;
}

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('prepare')
    .description('from an export to a ready YOLO-World run: convert, check, texts, config and check --config in one step (nothing written if one would refuse), one summary with the next commands')
    .argument('<dataset>', 'dataset root (a YOLO export folder)');
  const groups = addPrepareOptions(command);
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (dataset: string, raw: Record<string, unknown>, cmd: Command) => {
      const given = Object.fromEntries(Object.entries(groups).map(([name, options]) => [name, givenFlags(cmd, options)])) as Record<OptionGroup, string[]>;
      const flags = new Set(cmd.options.map((o) => o.attributeName()).filter((key) => cmd.getOptionValueSource(key) === 'cli'));
      const { runPrepare } = await import('../prepare/run.js');
      return runPrepare(host, dataset, raw, { ...given, flags });
    }),
  );
}
