import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../helpers/run-cli.js';
import { copyFixture } from '../../helpers/tmp.js';
import { runPyconfig } from '../../helpers/python.js';

const HELMET = new URL('../../../fixtures/config-helmet', import.meta.url).pathname;
const COCO = new URL('../../../fixtures/config-coco', import.meta.url).pathname;
const DEFAULT_OUT = 'configs/custom/yolo_world_v2_l_vlpan_bn_2e-4_80e_1gpus_mask-refine_finetune_helmet.py';

describe('yw config', () => {
  it('writes the official-style default path under the YOLO-World root, refuses to overwrite without --force', async () => {
    const cwd = await copyFixture(HELMET);
    const first = await runCli(['config', '--data', 'datasets/helmet'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${DEFAULT_OUT}\n`); // relative to the cwd, like every command
    expect(first.stderr).toContain('mask-refine on: every train annotation has a polygon');
    expect(first.stdout).toContain('yw texts datasets/helmet -o data/texts/helmet_class_texts.json');
    const again = await runCli(['config', '--data', 'datasets/helmet'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[OUTPUT_EXISTS]');
    expect((await runCli(['config', '--data', 'datasets/helmet', '--force'], { cwd })).code).toBe(0);
  });

  it('is deterministic: same input, same bytes', async () => {
    const cwd = await copyFixture(HELMET);
    const args = ['config', '--data', 'datasets/helmet', '--out', 'c.py', '--force'];
    await runCli(args, { cwd });
    const first = await readFile(join(cwd, 'c.py'), 'utf8');
    await runCli(args, { cwd });
    expect(await readFile(join(cwd, 'c.py'), 'utf8')).toBe(first);
  });

  it('--json prints out, mode, size, classes, base, load_from and next_steps', async () => {
    const cwd = await copyFixture(HELMET);
    const run = await runCli(['config', '--data', 'datasets/helmet', '--size', 's', '--gpus', '2', '--json'], { cwd });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({
      mode: 'finetune', size: 's', classes: ['head'],
      base: '../../third_party/mmyolo/configs/yolov8/yolov8_s_mask-refine_syncbn_fast_8xb16-500e_coco.py',
      load_from: 'pretrained_models/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea.pth',
    });
    const commands = json.next_steps.map((s: { command: string }) => s.command);
    expect(commands.at(-1)).toBe(`yw best work_dirs/${json.out.slice(json.out.lastIndexOf('/') + 1, -3)}`);
    expect(commands).not.toContain(`python tools/train.py ${json.out.slice(cwd.length + 1)} --amp`);
    expect(json.next_steps.at(-2)).toEqual({ command: `torchrun --nproc_per_node=2 tools/train.py ${json.out.slice(cwd.length + 1)} --launcher pytorch --amp` });
  });

  it('says which next steps need a GPU and what to run on a CPU-only machine (--amp); yw embed needs none', async () => {
    const cwd = await copyFixture(HELMET);
    const run = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'prompt', '--size', 's', '--out', 'c.py', '--json'], { cwd });
    expect(run.code).toBe(0);
    const steps = JSON.parse(run.stdout).next_steps as { command: string; note?: string }[];
    expect(steps.find((s) => s.command.startsWith('yw embed '))).toEqual({ command: 'yw embed data/texts/helmet_class_texts.json --model openai/clip-vit-base-patch32 -o embeddings/helmet_1_clip_vit_b32_embeddings.npy' });
    expect(steps.find((s) => s.command === 'python tools/train.py c.py --amp')?.note).toBe(
      '--amp needs a GPU: AmpOptimWrapper asserts one; on a CPU-only machine: python tools/train.py c.py');
    const text = await readFile(join(cwd, 'c.py'), 'utf8');
    expect(text).toContain('#   python tools/train.py c.py --amp\n#       (--amp needs a GPU: AmpOptimWrapper asserts one; on a CPU-only machine: python tools/train.py c.py)\n');
  });

  it('makes _base_ relative to the output file and paths relative to --yolo-world', async () => {
    const cwd = await copyFixture(HELMET);
    const run = await runCli(['config', '--data', 'datasets/helmet', '--yolo-world', 'YOLO-World', '--out', 'elsewhere/deep/x.py', '--json'], { cwd });
    expect(run.code).toBe(0);
    const text = await readFile(join(cwd, 'elsewhere/deep/x.py'), 'utf8');
    expect(text).toContain("_base_ = '../../YOLO-World/third_party/mmyolo/configs/yolov8/yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py'");
    expect(text).toContain("data_root='../datasets/helmet'");
    expect(text).toContain("class_text_path='../data/texts/helmet_class_texts.json'");
    // next steps run from the YOLO-World root, so every path in them is relative to it
    expect(text).toContain('#   yw texts ../datasets/helmet -o ../data/texts/helmet_class_texts.json');
  });

  it('turns mask-refine off by default when a box has no polygon, and refuses --mask-refine there (issue #185)', async () => {
    const cwd = await copyFixture(HELMET);
    const auto = await runCli(['config', '--data', 'datasets/nopoly', '--json'], { cwd });
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout).out).toMatch(/_80e_1gpus_finetune_nopoly\.py$/);
    const forced = await runCli(['config', '--data', 'datasets/nopoly', '--mask-refine'], { cwd });
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('[MASK_REFINE_NEEDS_POLYGONS]');
    expect(forced.stderr).toContain('1 of 2');
    expect(forced.stderr).toContain('issue #185');
  });

  it('checks the class-text JSON against the categories', async () => {
    const cwd = await copyFixture(HELMET);
    await mkdir(join(cwd, 'data/texts'), { recursive: true });
    await writeFile(join(cwd, 'data/texts/helmet_class_texts.json'), '[["helmet"]]\n');
    const bad = await runCli(['config', '--data', 'datasets/helmet'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('[TEXTS_MISMATCH]');
    await writeFile(join(cwd, 'data/texts/helmet_class_texts.json'), '[["head"], ["person"]]\n');
    expect((await runCli(['config', '--data', 'datasets/helmet'], { cwd })).stderr).toContain('has 2 classes but the annotations have 1');
    await writeFile(join(cwd, 'data/texts/helmet_class_texts.json'), '[["head", "hard hat"]]\n');
    const good = await runCli(['config', '--data', 'datasets/helmet'], { cwd });
    expect(good.code).toBe(0);
    expect(good.stdout).not.toContain('yw texts');
  });

  it('reads the .npy header of prompt embeddings and requires (classes, 512)', async () => {
    const cwd = await copyFixture(HELMET);
    const bad = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'prompt', '--embeddings', 'embeddings_2x512.npy'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('has shape (2, 512), expected (1, 512) [EMBEDDINGS_SHAPE]');
    const good = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'prompt', '--embeddings', 'embeddings_1x512.npy'], { cwd });
    expect(good.code).toBe(0);
    expect(good.stdout).not.toContain('yw embed');
    expect(good.stdout).not.toContain('yw texts');
    expect(good.stderr).not.toContain('class-text JSON');
    const missing = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'prompt', '--force'], { cwd });
    expect(missing.stdout).toContain('yw embed data/texts/helmet_class_texts.json --model openai/clip-vit-base-patch32 -o embeddings/helmet_1_clip_vit_b32_embeddings.npy');
    expect(missing.stdout).not.toContain('generate_text_prompts');
  });

  it('reparam needs --weights and prints the yw reparam command that makes the *_rep_conv.pth', async () => {
    const cwd = await copyFixture(HELMET);
    const none = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'reparam', '--size', 's'], { cwd });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('[WEIGHTS_REQUIRED]');
    const run = await runCli(['config', '--data', 'datasets/helmet', '--mode', 'reparam', '--size', 's', '--weights', 'pretrained_models/rep/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea_rep_conv.pth', '--embeddings', 'embeddings_1x512.npy'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('yw reparam --weights pretrained_models/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea.pth --embeddings embeddings_1x512.npy --out pretrained_models/rep/yolo_world_v2_s_obj365v1_goldg_pretrain-55b943ea_rep_conv.pth');
    expect(run.stdout).not.toContain('reparameterize_yoloworld.py');
    expect(run.stdout).not.toContain('mkdir');
  });

  it('puts the schedule and loader options where mmengine reads them', async () => {
    const cwd = await copyFixture(HELMET);
    const args = ['--optimizer', 'sgd', '--epochs', '30', '--close-mosaic', '5', '--batch', '4', '--workers', '2', '--val-interval', '2',
      '--save-interval', '10', '--save-best', 'coco/bbox_mAP_50', '--lr', '0.005', '--weight-decay', '1e-4', '--style', 'standalone', '--out', 'o.py'];
    expect((await runCli(['config', '--data', 'datasets/helmet', ...args], { cwd })).code).toBe(0);
    const [r] = runPyconfig<{ ok: boolean; value: Record<string, any> }>([{ kind: 'eval', file: join(cwd, 'o.py'), base: null }]); // eslint-disable-line @typescript-eslint/no-explicit-any
    const cfg = r!.value;
    expect(cfg.train_cfg).toEqual({ type: 'EpochBasedTrainLoop', max_epochs: 30, val_interval: 2, dynamic_intervals: [{ __tuple__: [25, 1] }] });
    expect(cfg.custom_hooks[1].switch_epoch).toBe(25);
    expect(cfg.default_hooks.param_scheduler.max_epochs).toBe(30);
    expect(cfg.default_hooks.checkpoint).toEqual({ type: 'CheckpointHook', interval: 10, max_keep_ckpts: -1, save_best: 'coco/bbox_mAP_50', rule: 'greater' });
    expect(cfg.train_dataloader).toMatchObject({ batch_size: 4, num_workers: 2, persistent_workers: false });
    expect(cfg.optim_wrapper.optimizer).toEqual({
      type: 'SGD', lr: { __float__: '0.005' }, momentum: { __float__: '0.937' }, nesterov: true,
      weight_decay: { __float__: '0.0001' }, batch_size_per_gpu: 4,
    });
  });

  it.each([
    [['--mode', 'prompt', '--neck', 'efficient'], 'NECK_NOT_SUPPORTED'],
    [['--mode', 'reparam', '--neck', 'dual-vlpan', '--weights', 'w.pth'], 'NECK_NOT_SUPPORTED'],
    [['--size', 'xl', '--neck', 'dual-vlpan'], 'NO_PUBLISHED_WEIGHTS'],
    [['--neck', 'dual-vlpan', '--head', 'bn'], 'HEAD_NOT_SUPPORTED'],
    [['--mode', 'prompt', '--head', 'l2'], 'HEAD_NOT_SUPPORTED'],
    [['--epochs', '5', '--close-mosaic', '10'], 'BAD_OPTION'],
    [['--lr', '-1'], 'INVALID_INPUT'],
    [['--data', 'nowhere'], 'DATA_NOT_FOUND'],
    [['--train-ann', 'missing.json'], 'FILE_NOT_FOUND'],
  ])('refuses %j with %s', async (args, code) => {
    const cwd = await copyFixture(HELMET);
    const run = await runCli(['config', '--data', 'datasets/helmet', ...args], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`[${code}]`);
  });

  it('needs --train-images when the annotations do not say where images are', async () => {
    const cwd = await copyFixture(COCO);
    const run = await runCli(['config', '--data', 'data/coco', '--train-ann', 'annotations/instances_train2017.json', '--val-ann', 'annotations/instances_val2017.json'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--train-images');
  });

  it('--help lists the choices from the code constants and examples', async () => {
    const run = await runCli(['config', '--help']);
    run.stdout = run.stdout.replace(/\s+/g, ' ');
    expect(run.stdout).toContain('choices: "finetune", "prompt", "reparam"');
    expect(run.stdout).toContain('choices: "vlpan", "efficient", "dual-vlpan"');
    expect(run.stdout).toContain('Examples:');
  });
});

const HOSTILE = [
  "it's", 'say "hi"', 'back\\slash\\', 'new\nline', 'cr\rret', '{{_base_.model}}', '{{ fileDirname }}', "'''", '"""',
  'nul\u0000byte', 'ünïcödé 猫 🐱', 'bidi\u202eevil', 'sep\u2028line', "__import__('os').system('touch PWNED')",
  "'); import os; os.system('touch PWNED'); ('", '# comment', '\\x41 \\N{BULLET}',
];

describe('hostile class names and paths', () => {
  it('round-trip exactly through Python in both styles, and nothing is executed', async () => {
    const cwd = await copyFixture(HELMET);
    const train = JSON.parse(await readFile(join(cwd, 'datasets/helmet/annotations/train.json'), 'utf8'));
    train.categories = HOSTILE.map((name, i) => ({ id: i + 1, name }));
    train.annotations[1].category_id = HOSTILE.length;
    const root = join(cwd, 'datasets', 'we{{ird}}\nname');
    await mkdir(join(root, 'annotations'), { recursive: true });
    for (const split of ['train', 'val']) await writeFile(join(root, 'annotations', `${split}.json`), JSON.stringify({ ...train, info: { yw: { split, data_prefix: "im'g{{x}}/" } } }));
    const files: string[] = [];
    for (const style of ['inherit', 'standalone']) {
      const run = await runCli(['config', '--data', root, '--style', style, '--out', `${style}.py`, '--quiet'], { cwd });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      files.push(join(cwd, `${style}.py`));
    }
    for (const file of files) expect(await readFile(file, 'utf8')).not.toMatch(/\{\{|\}\}/);
    const [inherit, standalone] = runPyconfig<{ ok: boolean; value: Record<string, any>; error?: string }>([ // eslint-disable-line @typescript-eslint/no-explicit-any
      { kind: 'eval', file: files[0], base: new URL('../../../fixtures/config-reference/mmyolo/yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.json', import.meta.url).pathname },
      { kind: 'eval', file: files[1], base: null },
    ]);
    for (const r of [inherit!, standalone!]) {
      expect(r.error).toBeUndefined();
      const ds = r.value.train_dataloader.dataset;
      expect(ds.dataset.metainfo.classes).toEqual({ __tuple__: HOSTILE });
      expect(ds.dataset.data_prefix.img).toBe("im'g{{x}}/");
      expect(ds.dataset.data_root).toBe('datasets/we{{ird}}\nname');
    }
    await expect(readFile(join(cwd, 'PWNED'))).rejects.toThrow();
  });
});
