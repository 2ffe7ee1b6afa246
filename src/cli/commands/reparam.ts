import { Option, type Command } from 'commander';
import { z } from 'zod';
import { addCommonOptions, pickCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { Output } from '../output.js';
import { NECK_MODES } from '../../core/checkpoint/reparam.js';
import { formatReparam, reparamNextStep } from '../checkpoints/format.js';
import { runReparam } from '../checkpoints/run-reparam.js';

const optionsSchema = z.object({
  weights: z.string({ error: '--weights FILE.pth is required (the checkpoint to reparameterize)' }).min(1),
  embeddings: z.string({ error: '--embeddings FILE.npy is required (one row per class, from tools/generate_text_prompts.py)' }).min(1),
  neck: z.enum(NECK_MODES),
  out: z.string().min(1).optional(),
});

const EXAMPLES = `
Examples:
  # fold the class embeddings into a v2 checkpoint: writes pretrained_models/<name>_rep_conv.pth
  yw reparam --weights pretrained_models/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea.pth \\
             --embeddings embeddings/helmet_3_clip_vit_b32_embeddings.npy
  # your own fine-tuned checkpoint, the linear neck variant, a chosen output
  yw reparam --weights work_dirs/x/epoch_80.pth --embeddings e.npy --neck linear --out rep/x_rep_linear.pth

What tools/reparameterize_yoloworld.py does, without Python: the text model is dropped and the
embeddings are folded into the head (and, with a RepVL-PAN neck, into its attention blocks).
Everything else in the checkpoint (meta, optimizer, EMA weights) is kept as it was. See docs/reparam.md.`;

export function register(program: Command, host: CommandHost): void {
  const command = program
    .command('reparam')
    .description('reparameterize a YOLO-World checkpoint with class-text embeddings (tools/reparameterize_yoloworld.py without Python)')
    .option('--weights <file>', 'YOLO-World v2 checkpoint (.pth) to reparameterize')
    .option('--embeddings <file>', '.npy of shape (classes, 512): one row per class, in class-text order')
    .addOption(new Option('--neck <kind>', 'conv: guide_convs for RepConvMaxSigmoidCSPLayerWithTwoConv (what yw config writes); linear: guide_weight').choices(NECK_MODES).default('conv'))
    .option('--out <file>', 'output checkpoint (default: <weights without .pth>_rep_<neck>.pth beside it)');
  addCommonOptions(command).addHelpText('after', EXAMPLES).action(
    action(host, async (raw: Record<string, unknown>) => {
      const common = pickCommonOptions(raw);
      const options = optionsSchema.parse(raw);
      const out = new Output(host.ctx, common);
      const result = await runReparam(host.ctx, options, common.force);
      out.result(formatReparam(result));
      out.json({ ...result, next_step: reparamNextStep(result) });
      return 0;
    }),
  );
}
