import { describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { copyFixture } from '../helpers/tmp.js';
import type { Finding } from '../../src/core/findings.js';

const clean = fileURLToPath(new URL('../../fixtures/check-clean', import.meta.url));
const ckpts = fileURLToPath(new URL('../../fixtures/checkpoints/', import.meta.url));
const CONFIG = 'configs/custom/yolo_world_v2_l_helmet.py';
const WEIGHTS = 'pretrained_models/yolo_world_v2_l_obj365v1_goldg_cc3mlite_pretrain-ca93cd1f.pth';

async function check(dir: string): Promise<{ code: number; findings: Finding[] }> {
  const run = await runCli(['check', '--config', CONFIG, '--reader', 'builtin', '--json'], { cwd: dir });
  return { code: run.code, findings: (JSON.parse(run.stdout) as { findings: Finding[] }).findings };
}

async function editConfig(dir: string, change: (text: string) => string): Promise<void> {
  const path = join(dir, CONFIG);
  const before = await readFile(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(path, after);
}

/** The clean tree with load_from replaced by `content` (a fixture path, or bytes). */
async function withWeights(content: string | Buffer): Promise<string> {
  const dir = await copyFixture(clean);
  if (typeof content === 'string') await copyFile(content, join(dir, WEIGHTS));
  else await writeFile(join(dir, WEIGHTS), content);
  return dir;
}

/** The clean config turned into a reparameterized one (the parts the load_from checks read). */
const toRep = (block = 'RepConvMaxSigmoidCSPLayerWithTwoConv') => (t: string) => t
  .replace("type='YOLOWorldDetector', mm_neck=True,", "type='SimpleYOLOWorldDetector', reparameterized=True, mm_neck=True,")
  .replace("text_model=dict(type='HuggingCLIPLanguageBackbone',\n                                  model_name='openai/clip-vit-base-patch32', frozen_modules=['all'])",
    'text_model=None, with_text_model=False')
  .replace("block_cfg=dict(type='MaxSigmoidCSPLayerWithTwoConv')", `block_cfg=dict(type='${block}', guide_channels=num_classes)`)
  .replace('guide_channels=text_channels', 'guide_channels=num_classes');

const codes = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.code}`);

describe('yw check --config reads load_from', () => {
  it.each([
    ['a 1-byte file', Buffer.from('x'), 'is not a PyTorch checkpoint: it is only 1 byte long (a failed or cut-short download?)'],
    ['an HTML page', Buffer.from(`<!DOCTYPE html>\n<html><head><title>404</title></head><body>${'Not Found '.repeat(30)}</body></html>\n`),
      'is not a PyTorch checkpoint: it is an HTML page (the download saved an error or login page instead of the file)'],
  ])('%s is an error, as the trainer stops at start-up (issue 10)', async (_what, bytes, message) => {
    const { code, findings } = await check(await withWeights(bytes));
    expect(code).toBe(1);
    expect(findings).toEqual([expect.objectContaining({
      code: 'LOAD_FROM_INVALID', severity: 'error', message: `load_from: ${WEIGHTS} ${message}`, data: { key: 'load_from', file: WEIGHTS },
    })]);
  });

  it('a checkpoint cut short is an error', async () => {
    const whole = await readFile(join(ckpts, 'yolo-world/v2_tiny.pth'));
    const { findings } = await check(await withWeights(whole.subarray(0, 1_000_000)));
    expect(codes(findings)).toEqual(['error LOAD_FROM_INVALID']);
    expect(findings[0]!.message).toMatch(/no zip end record .* cut short/);
  });

  it('a reparameterized checkpoint under a normal config is an error, whatever its name', async () => {
    const { findings } = await check(await withWeights(join(ckpts, 'yolo-world/v2_tiny_rep_conv.reference.pth')));
    expect(codes(findings)).toEqual(['error LOAD_FROM_REP_MISMATCH']);
    expect(findings[0]!.message).toBe(`load_from: ${WEIGHTS} is reparameterized (3 classes folded into its head) but model.reparameterized is not True`);
  });

  it('a normal checkpoint under a reparameterized config is an error with the yw reparam command', async () => {
    const dir = await withWeights(join(ckpts, 'yolo-world/v2_tiny.pth'));
    await editConfig(dir, toRep());
    const { findings } = await check(dir);
    expect(codes(findings)).toEqual(['error LOAD_FROM_REP_MISMATCH']);
    expect(findings[0]!.message).toBe(`load_from: model.reparameterized is True but ${WEIGHTS} is not reparameterized (its head has logit_scale, not a conv with one row per class)`);
    expect(findings[0]!.hint).toBe(`fold the class embeddings in first: yw reparam --weights ${WEIGHTS} --embeddings <classes>.npy`);
  });

  it('a reparameterized checkpoint with the right classes and neck is clean; other classes or the other neck are errors', async () => {
    const dir = await withWeights(join(ckpts, 'yolo-world/v2_tiny_rep_conv.reference.pth'));
    await editConfig(dir, toRep());
    expect((await check(dir)).findings).toEqual([]);

    await copyFile(join(ckpts, 'yolo-world/v2_tiny.pth'), join(dir, 'v2.pth'));
    await copyFile(join(ckpts, 'yolo-world/embeddings_80x512.npy'), join(dir, 'e80.npy'));
    expect((await runCli(['reparam', '--weights', 'v2.pth', '--embeddings', 'e80.npy', '--out', WEIGHTS, '--force', '-q'], { cwd: dir })).code).toBe(0);
    const eighty = await check(dir);
    expect(codes(eighty.findings)).toEqual(['error LOAD_FROM_CLASSES_MISMATCH']);
    expect(eighty.findings[0]!.message).toBe(`load_from: ${WEIGHTS} has 80 classes folded into it but the config trains 3: the head does not load (size mismatch) and the class order is lost`);

    await copyFile(join(ckpts, 'yolo-world/v2_tiny_rep_linear.reference.pth'), join(dir, WEIGHTS));
    const linear = await check(dir);
    expect(codes(linear.findings)).toEqual(['error LOAD_FROM_REP_MISMATCH']);
    expect(linear.findings[0]!.message).toBe(`load_from: ${WEIGHTS} has a _rep_linear neck (guide_weight) but model.neck.block_cfg.type is RepConvMaxSigmoidCSPLayerWithTwoConv`);
  });

  it('names the modules a checkpoint lacks or has beyond the configured model', async () => {
    const hf = await check(await withWeights(join(ckpts, 'torch/pytorch_model.bin')));
    expect(codes(hf.findings)).toEqual(['warning LOAD_FROM_MODULES_MISSING', 'info LOAD_FROM_MODULES_MISSING', 'warning LOAD_FROM_MODULES_UNEXPECTED']);
    expect(hf.findings.map((f) => f.data?.modules)).toEqual([['backbone.image_model', 'neck', 'bbox_head'], ['backbone.text_model'], ['weight', 'bias']]);
    expect(hf.findings[1]!.message).toBe(`load_from: ${WEIGHTS} has no backbone.text_model weights: the text model keeps the weights it is built from (openai/clip-vit-base-patch32)`);
    expect(hf.findings[0]!.message).toBe(`load_from: ${WEIGHTS} has no weights for backbone.image_model, neck, bbox_head: the trainer reports them as missing keys and they start from random initialisation`);

    // prompt tuning builds no text model: the checkpoint's text weights are ignored (issue #276), an info
    const dir = await withWeights(join(ckpts, 'yolo-world/v2_tiny.pth'));
    await editConfig(dir, (t) => t.replace("type='YOLOWorldDetector', mm_neck=True,", "type='SimpleYOLOWorldDetector', mm_neck=True,")
      .replace("text_model=dict(type='HuggingCLIPLanguageBackbone',\n                                  model_name='openai/clip-vit-base-patch32', frozen_modules=['all'])", 'text_model=None, with_text_model=False'));
    const prompt = await check(dir);
    expect(codes(prompt.findings)).toEqual(['info LOAD_FROM_MODULES_UNEXPECTED']);
    expect(prompt.code).toBe(0);
  });
});
