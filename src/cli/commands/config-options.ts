import { Option, type Command } from 'commander';
import { z } from 'zod';
import { HEADS, MODES, NECKS, OPTIMIZERS, STYLES } from '../../core/config/options.js';
import { SIZES } from '../../core/config/sizes.js';

const positiveInt = z.coerce.number().int().positive();
const positive = z.coerce.number().positive().finite();

/** `yw config` options after commander, checked and typed. */
export const configOptionsSchema = z.object({
  mode: z.enum(MODES),
  size: z.enum(SIZES),
  data: z.string({ error: '--data DIR is required (the dataset root yw convert wrote)' }).min(1),
  trainAnn: z.string().optional(),
  trainImages: z.string().optional(),
  valAnn: z.string().optional(),
  valImages: z.string().optional(),
  testAnn: z.string().optional(),
  testImages: z.string().optional(),
  texts: z.string().optional(),
  embeddings: z.string().optional(),
  weights: z.string().optional(),
  neck: z.enum(NECKS).optional(),
  head: z.enum(HEADS).optional(),
  maskRefine: z.boolean().optional(),
  optimizer: z.enum(OPTIMIZERS),
  lr: positive.optional(),
  weightDecay: z.coerce.number().nonnegative().finite().optional(),
  epochs: positiveInt.optional(),
  closeMosaic: z.coerce.number().int().nonnegative().optional(),
  batch: positiveInt.optional(),
  gpus: positiveInt,
  saveInterval: positiveInt.optional(),
  valInterval: positiveInt.optional(),
  workers: z.coerce.number().int().nonnegative().optional(),
  saveBest: z.string().min(1),
  style: z.enum(STYLES),
  yoloWorld: z.string().min(1),
  out: z.string().optional(),
});
export type ConfigCliOptions = z.infer<typeof configOptionsSchema>;

export function addConfigOptions(cmd: Command): Command {
  addConfigModeSize(cmd)
    .option('--data <dir>', 'dataset root written by yw convert (annotations/<split>.json)')
    .option('--train-ann <file>', 'train annotation JSON, relative to --data')
    .option('--train-images <dir>', 'train image folder, relative to --data')
    .option('--val-ann <file>', 'val annotation JSON, relative to --data')
    .option('--val-images <dir>', 'val image folder, relative to --data')
    .option('--test-ann <file>', 'test annotation JSON, relative to --data (default: val)')
    .option('--test-images <dir>', 'test image folder, relative to --data')
    .option('--texts <file>', 'class-text JSON (default: data/texts/<dataset>_class_texts.json, as yw texts writes it)');
  return addConfigModel(cmd).option('--out <file>', 'output config (default <yolo-world>/configs/custom/<official-style name>.py)');
}

const choice = (flags: string, text: string, choices: readonly string[], def?: string) => {
  const option = new Option(flags, text).choices(choices);
  return def === undefined ? option : option.default(def);
};

/** --mode and --size (yw config and yw prepare). */
export function addConfigModeSize(cmd: Command): Command {
  return cmd
    .addOption(choice('--mode <mode>', 'finetune: YOLOWorldDetector + CLIP text model; prompt: prompt tuning with an embeddings .npy; reparam: reparameterized model; prompt-all: prompts frozen, all else trained', MODES, 'finetune'))
    .addOption(choice('--size <size>', 'model size', SIZES, 'l'));
}

/** The model, schedule and output-style options (yw config and yw prepare pass them on the same). */
export function addConfigModel(cmd: Command): Command {
  return cmd
    .option('--embeddings <file>', 'prompt/reparam: .npy of shape (classes, 512) (default: embeddings/<dataset>_<N>_clip_vit_b32_embeddings.npy)')
    .option('--weights <file>', 'load_from (default: the published checkpoint under pretrained_models/; reparam: required *_rep_conv.pth)')
    .addOption(choice('--neck <neck>', 'neck variant (default vlpan; efficient = no RepVL-PAN; dual-vlpan = v1)', NECKS))
    .addOption(choice('--head <head>', 'finetune head: bn (v2, default) or l2 (v1 weights; default for dual-vlpan)', HEADS))
    .option('--mask-refine', 'use the mask-refine base (default: on only if every train annotation has a polygon)')
    .option('--no-mask-refine', 'use the plain base')
    .addOption(choice('--optimizer <name>', 'optimizer', OPTIMIZERS, 'adamw'))
    .option('--lr <number>', 'base learning rate (default: adamw 2e-4, sgd 1e-3)')
    .option('--weight-decay <number>', 'weight decay (default: adamw 0.05, sgd 5e-4)')
    .option('--epochs <n>', 'max epochs (default 80)')
    .option('--close-mosaic <n>', 'last epochs without mosaic (default 10)')
    .option('--batch <n>', 'batch size per GPU (default 16)')
    .option('--gpus <n>', 'number of GPUs (file name and launch command)', '1')
    .option('--save-interval <n>', 'checkpoint every n epochs (default 5)')
    .option('--val-interval <n>', 'validate every n epochs before the mosaic switch (default 5)')
    .option('--workers <n>', 'train dataloader workers (default: the base, 8)')
    .option('--save-best <metric>', "auto (coco/bbox_mAP, rule 'greater'), none, or a metric key", 'auto')
    .addOption(choice('--style <style>', 'inherit: _base_ + overrides; standalone: one resolved file', STYLES, 'inherit'))
    .option('--yolo-world <dir>', 'YOLO-World checkout root (paths in the config are relative to it)', '.');
}
