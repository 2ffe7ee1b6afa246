import type { Command } from 'commander';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output } from '../output.js';
import { addConfigOptions, configOptionsSchema } from './config-options.js';
import { configResultText, planConfig, writeConfig } from '../config/run.js';

const EXAMPLES = `
Examples:
  yw config --data datasets/helmet                       finetune, size l, mask-refine if every box has a polygon
  yw config --data datasets/helmet --size s --neck efficient --epochs 40 --gpus 2
  yw config --data datasets/helmet --mode prompt --embeddings embeddings/helmet.npy
  yw config --data datasets/helmet --mode reparam --size s --weights pretrained_models/rep/s_rep_conv.pth
  yw config --data datasets/helmet --style standalone --out configs/custom/helmet.py --force

Run it from the YOLO-World root (or pass --yolo-world DIR); see docs/config.md.`;

export function register(program: Command, host: CommandHost): void {
  const cmd = program.command('config').description('write a YOLO-World fine-tuning config for a dataset');
  addCommonOptions(addConfigOptions(cmd)).addHelpText('after', EXAMPLES).action(
    action(host, async (raw: Record<string, unknown>, command: Command) => {
      const common = pickCommonOptions(raw);
      const out = new Output(host.ctx, common);
      const opts = configOptionsSchema.parse(raw);
      const argv = [...((command.parent as unknown as { rawArgs?: string[] } | null)?.rawArgs ?? [])];
      const plan = await planConfig(host.ctx.cwd, opts, argv);
      for (const note of plan.notes) (note.warn ? out.warn(note.text) : out.info(note.text));
      await writeConfig(plan, common.force);
      out.result(configResultText(host.ctx.cwd, plan));
      out.json(plan.result);
      return 0;
    }),
  );
}
