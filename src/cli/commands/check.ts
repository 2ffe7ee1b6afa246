import type { Command } from 'commander';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions, type CommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { formatCheckReport } from '../check-report.js';
import { addReaderOptions, checkConfigFile, READERS } from '../check-config.js';
import { findingsExitCode, Output, writeReport } from '../output.js';
import { assertDumpTarget, dumpConfig, dumpsToStdout } from '../config-dump.js';
import { YwError } from '../../errors.js';
import { addDatasetOptions, checkDataset } from './check-dataset.js';

export { READERS } from '../check-config.js';

const optionsSchema = z.object({
  config: z.string().min(1).optional(),
  yoloWorld: z.string().min(1),
  reader: z.enum(READERS),
  python: z.string().min(1),
  dumpConfig: z.string().min(1).optional(),
});

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('check')
    .description('catch silent training failures: profile a dataset root, or check a config against the data, texts, embeddings and weights it names')
    .argument('[dataset-root]', 'dataset to profile and check (every finding yw convert would report), writing nothing')
    .option('-c, --config <file.py>', 'training config to check (mmengine .py)')
    .option('--yolo-world <dir>', 'YOLO-World root: where tools/train.py runs and relative paths resolve', '.');
  addReaderOptions(command)
    .option('--dump-config <file>', 'also write the resolved config as JSON (sorted keys, tuples marked); - for stdout');
  addCommonOptions(addDatasetOptions(command))
    .addHelpText('after', `
Examples:
  yw check datasets/helmet                         dataset profile + every finding yw convert would report
  yw check datasets/coco8 --layout ultralytics --json
  yw check datasets/helmet --html helmet.html      the same, plus a page with charts and sample images
  yw check --config configs/custom/yolo_world_v2_l_helmet.py
  yw check -c configs/custom/x.py --yolo-world ~/YOLO-World --json
  yw check -c x.py --strict --report check.json    exit 1 on warnings too
  yw check -c x.py --dump-config -                 the resolved config as JSON on stdout (report on stderr)

Exit codes: 0 no errors, 1 errors (with --strict: errors or warnings).`)
    .action(action(host, async (datasetRoot: string | undefined, raw: Record<string, unknown>) => {
      const common = pickCommonOptions(raw);
      const opts = optionsSchema.parse(raw);
      if (datasetRoot !== undefined) {
        if (opts.config) throw new YwError('CHECK_ONE_TARGET', 'yw check takes a dataset root or --config, not both', { hint: 'run them one after the other' });
        return checkDataset(host, common, datasetRoot, raw);
      }
      if (raw.html !== undefined) throw new YwError('HTML_NEEDS_DATASET', '--html needs a dataset root: it reports on a dataset, not on a config', { hint: 'yw check <dataset-root> --html report.html' });
      if (!opts.config) {
        throw new YwError('MISSING_OPTION', 'yw check needs --config FILE.py', { hint: 'yw check --config configs/custom/x.py' });
      }
      return checkConfig(host, common, { ...opts, config: opts.config });
    }));
}

type ConfigOptions = z.infer<typeof optionsSchema> & { config: string };

/** `yw check --config`: read the config, gather the files it names, run the checks, report. */
async function checkConfig(host: CommandHost, common: CommonOptions, opts: ConfigOptions): Promise<number> {
  const out = new Output(host.ctx, common);
  assertDumpTarget(opts.dumpConfig, common);
  const { summary, findings, config } = await checkConfigFile(host.ctx, opts);
  const dumped = config && opts.dumpConfig ? await dumpConfig(host.ctx, common, opts.dumpConfig, config) : undefined;
  const reportPath = await writeReport(host.ctx, common, 'check', summary, findings);
  // With the resolved config on stdout, the readable report goes to stderr.
  if (dumpsToStdout(opts.dumpConfig)) out.info(formatCheckReport(summary, findings).trimEnd());
  else out.result(formatCheckReport(summary, findings));
  out.json({ ...summary, findings });
  if (reportPath) out.info(`report: ${reportPath}`);
  if (dumped && dumped !== '-') out.info(`resolved config: ${dumped}`);
  return findingsExitCode(findings, common.strict);
}
