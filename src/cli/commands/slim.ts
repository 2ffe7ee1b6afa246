import type { Command } from 'commander';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output } from '../output.js';
import { formatSlim } from '../checkpoints/format.js';
import { runSlim } from '../checkpoints/run-slim.js';

const EXAMPLES = `
Examples:
  yw slim work_dirs/x/epoch_80.pth work_dirs/x/epoch_80_slim.pth
  yw best work_dirs/x --link --slim          best.pth as a slim copy of the best epoch

Keeps state_dict (mmengine saves the EMA weights there) and meta; drops the optimizer state, the
ema_state_dict copy and message_hub. The result loads as load_from and in tools/test.py, but cannot
resume training (--resume needs the optimizer). See docs/checkpoints.md.`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('slim')
    .description('write a checkpoint with only the weights and meta (no optimizer state): a fraction of the size')
    .argument('<in>', 'checkpoint (.pth) written by mmengine')
    .argument('<out>', 'slim checkpoint to write');
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (input: string, output: string, raw: Record<string, unknown>) => {
      const common = pickCommonOptions(raw);
      const out = new Output(host.ctx, common);
      const result = await runSlim(host.ctx, input, output, common.force);
      out.result(formatSlim(result));
      out.json(result);
      return 0;
    }),
  );
}
