import { Option, type Command } from 'commander';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output, findingsExitCode, writeReport } from '../output.js';
import { DEFAULT_METRIC, LVIS_METRIC } from '../../core/training-log/select.js';
import { RULES } from '../../core/training-log/types.js';
import { PLOT_FORMATS, runBest } from '../best/run.js';
import { formatBestText, bestJson } from '../best/format.js';

const optionsSchema = z.object({
  metric: z.string().min(1).optional(),
  rule: z.enum(RULES).optional(),
  run: z.string().min(1).optional(),
  top: z.coerce.number().int().min(1),
  write: z.boolean().default(false),
  link: z.boolean().default(false),
  slim: z.boolean().default(false),
  plot: z.string().min(1).optional(),
  plotMetrics: z.string().optional(),
});
export type BestCliOptions = z.infer<typeof optionsSchema>;

const EXAMPLES = `
Examples:
  # best epoch by ${DEFAULT_METRIC}, all runs of the work dir merged (a resumed training adds runs)
  yw best work_dirs/yolo_world_v2_l_custom
  # rank by mAP@50 as the seed tutorial's script does, show 10 epochs
  yw best work_dirs/yolo_world_v2_l_custom --metric coco/bbox_mAP_50 --top 10
  # write best_epoch.txt and make best.pth point at the chosen checkpoint
  yw best work_dirs/yolo_world_v2_l_custom --write --link
  # best.pth as a slim copy instead (weights + meta, no optimizer state: about a third of the size)
  yw best work_dirs/yolo_world_v2_l_custom --link --slim
  # one run's log, machine-readable
  yw best work_dirs/x/20240618_101010/vis_data/scalars.json --json
  # plot mAP, mAP@50 and the train loss per epoch
  yw best work_dirs/x --plot best.png --plot-metrics coco/bbox_mAP_50
  # ${LVIS_METRIC}: mmengine cannot infer the rule; state it
  yw best work_dirs/lvis_run --rule greater`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('best')
    .description('find the best epoch and its checkpoint from mmengine training logs (vis_data/scalars.json)')
    .argument('<path>', 'work dir (work_dirs/<config>/), run folder (<YYYYMMDD_HHMMSS>/) or scalars.json')
    .option('--metric <key>', `metric to rank by (default ${DEFAULT_METRIC}, else ${LVIS_METRIC})`)
    .addOption(new Option('--rule <rule>', 'whether higher or lower is better (default: inferred like mmengine)').choices(RULES))
    .option('--run <name>', 'use only this run folder of the work dir')
    .option('--top <k>', 'how many epochs the table shows', '5')
    .option('--write', 'write best_epoch.txt beside the scalars.json that holds the best epoch', false)
    .option('--link', 'make best.pth in the work dir point at the chosen checkpoint', false)
    .option('--slim', 'with --link: write best.pth as a copy with only state_dict and meta (see yw slim)', false)
    .option('--plot <file>', `draw the metric and train loss per epoch to FILE${PLOT_FORMATS.join(' or FILE')}`)
    .option('--plot-metrics <keys>', 'more metrics for --plot, comma-separated');
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (path: string, raw: Record<string, unknown>) => {
      const common = pickCommonOptions(raw);
      const options = optionsSchema.parse(raw);
      const out = new Output(host.ctx, common);
      const result = await runBest(host.ctx, path, options, common.force);
      out.result(formatBestText(result));
      out.json(bestJson(result));
      out.findings(result.findings, common.report);
      await writeReport(host.ctx, common, 'best', bestJson(result), result.findings);
      return findingsExitCode(result.findings, common.strict);
    }),
  );
}
