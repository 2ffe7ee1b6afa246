import { describe, expect, it } from 'vitest';
import { copyFile, cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { sharedReference, skipNote, yoloWorldConfigRoot } from '../helpers/shared-reference.js';

const sample = fileURLToPath(new URL('../../fixtures/sample-helmet', import.meta.url));
/** A real (tiny) YOLO-World v2 training checkpoint stands in for the published weights; embeddings for its 3 classes. */
const tinyWeights = fileURLToPath(new URL('../../fixtures/checkpoints/yolo-world/v2_tiny.pth', import.meta.url));
const tinyEmbeddings = fileURLToPath(new URL('../../fixtures/checkpoints/yolo-world/embeddings_3x512.npy', import.meta.url));
/** An mmyolo l mask-refine base chain (one Python literal per resolved top-level name). */
const mmyolo = fileURLToPath(new URL('../../fixtures/check-reader/third_party', import.meta.url));

/**
 * The commands agree with each other: what convert writes, texts and config read, and check finds
 * nothing wrong with the result (given the pretrained weights that config names).
 */
async function yoloWorldRoot(): Promise<string> {
  const root = await tempDir();
  await cp(sample, join(root, 'data', 'helmet'), { recursive: true });
  return root;
}

/**
 * The weights load_from names: the tiny checkpoint for finetune; for reparam, the output of the
 * `yw reparam` step config printed, run on the published weights and embeddings it names.
 */
/**
 * The one finding on these configs: data/helmet is a few images, so mmyolo's 1000-iteration lr
 * warm-up floor outlasts the run (what yw check says then is tested in check-warmup.test.ts).
 */
const WARMUP_ONLY = { code: 'WARMUP_LONG', severity: 'warning', data: { key: 'default_hooks.param_scheduler', reachesBase: false } };

async function placeWeights(root: string, mode: 'finetune' | 'reparam', written: { load_from: string; next_steps: { command: string }[] }): Promise<void> {
  await mkdir(join(root, 'pretrained_models'), { recursive: true });
  if (mode === 'finetune') return copyFile(tinyWeights, join(root, written.load_from));
  const step = written.next_steps.find((s) => s.command.startsWith('yw reparam '))!.command.split(' ');
  await copyFile(tinyWeights, join(root, step[step.indexOf('--weights') + 1]!));
  await mkdir(join(root, 'embeddings'), { recursive: true });
  await copyFile(tinyEmbeddings, join(root, step[step.indexOf('--embeddings') + 1]!));
  expect((await runCli([...step.slice(1), '-q'], { cwd: root })).code).toBe(0);
}

describe('convert -> texts -> config -> check', () => {
  for (const style of ['standalone', 'inherit'] as const) {
    it(`gives a ${style} config that yw check finds clean`, async () => {
      const root = await yoloWorldRoot();
      const cli = (argv: string[]) => runCli(argv, { cwd: root });
      expect((await cli(['convert', 'data/helmet'])).code).toBe(0);
      expect((await cli(['texts', 'data/helmet'])).code).toBe(0);
      const config = await cli(['config', '--data', 'data/helmet', '--mode', 'finetune', '--size', 's', '--style', style, '--out', 'configs/custom/helmet.py', '--json']);
      expect(config.code).toBe(0);
      const written = JSON.parse(config.stdout) as { load_from: string; classes: string[] };
      expect(written.classes).toEqual(['helmet', 'head', 'safety vest']);
      await mkdir(join(root, 'pretrained_models'), { recursive: true });
      await copyFile(tinyWeights, join(root, written.load_from));
      if (style === 'inherit') {
        // inherit needs the mmyolo base chain; without it check must say exactly that.
        const check = await cli(['check', '--config', 'configs/custom/helmet.py', '--reader', 'builtin', '--json']);
        expect(check.code).toBe(1);
        expect((JSON.parse(check.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toEqual(['BASE_NOT_FOUND']);
        return;
      }
      const check = await cli(['check', '--config', 'configs/custom/helmet.py', '--reader', 'builtin', '--json']);
      expect(JSON.parse(check.stdout)).toMatchObject({ findings: [WARMUP_ONLY] });
      expect(check.code).toBe(0);
      const texts = JSON.parse(await readFile(join(root, 'data/texts/helmet_class_texts.json'), 'utf8')) as string[][];
      expect(texts.map((t) => t[0])).toEqual(written.classes);
    });
  }

  for (const mode of ['finetune', 'reparam'] as const) {
    it(`gives an inherit ${mode} config that the built-in reader resolves through the mmyolo base chain, clean`, async () => {
      const root = await yoloWorldRoot();
      await cp(mmyolo, join(root, 'third_party'), { recursive: true });
      const cli = (argv: string[]) => runCli(argv, { cwd: root });
      // Rectangle polygons make every annotation a polygon, so mask-refine (the l-MR base) is chosen.
      expect((await cli(['convert', 'data/helmet', '--box-polygons'])).code).toBe(0);
      expect((await cli(['texts', 'data/helmet'])).code).toBe(0);
      const weights = mode === 'reparam' ? ['--weights', 'pretrained_models/helmet_l_rep_conv.pth'] : [];
      const config = await cli(['config', '--data', 'data/helmet', '--mode', mode, '--size', 'l', '--out', 'configs/custom/helmet.py', '--json', ...weights]);
      expect(config.code).toBe(0);
      const written = JSON.parse(config.stdout) as { load_from: string; base: string; next_steps: { command: string }[] };
      expect(written.base).toContain('yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py');
      await placeWeights(root, mode, written);
      const check = await cli(['check', '--config', 'configs/custom/helmet.py', '--reader', 'builtin', '--json']);
      expect(JSON.parse(check.stdout)).toMatchObject({ findings: [WARMUP_ONLY], classes: { count: 3 } });
      expect(check.code).toBe(0);
    });
  }
});

const reference = sharedReference();
if (!reference) skipNote('the workflow tests in a real YOLO-World root');

describe.skipIf(!reference)('yw config --style inherit in a real YOLO-World root (the real mmyolo base chain), read without Python', () => {
  it.each([
    ['finetune', 'l', true, 'yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py', 7],
    ['finetune', 's', false, 'yolov8_s_syncbn_fast_8xb16-500e_coco.py', 4],
    ['reparam', 'm', true, 'yolov8_m_mask-refine_syncbn_fast_8xb16-500e_coco.py', 6],
  ] as const)('%s %s (polygons: %s) inherits %s and checks clean', async (mode, size, polygons, base, files) => {
    const root = await yoloWorldRoot();
    await yoloWorldConfigRoot(reference!, root);
    const cli = (argv: string[]) => runCli(argv, { cwd: root });
    expect((await cli(['convert', 'data/helmet', ...(polygons ? ['--box-polygons'] : [])])).code).toBe(0);
    expect((await cli(['texts', 'data/helmet'])).code).toBe(0);
    const weights = mode === 'reparam' ? ['--weights', `pretrained_models/helmet_${size}_rep_conv.pth`] : [];
    const config = await cli(['config', '--data', 'data/helmet', '--mode', mode, '--size', size, '--style', 'inherit',
      '--out', 'configs/custom/helmet.py', '--json', ...weights]);
    expect(config.code).toBe(0);
    const written = JSON.parse(config.stdout) as { load_from: string; base: string; next_steps: { command: string }[] };
    expect(written.base).toContain(`third_party/mmyolo/configs/yolov8/${base}`);
    await placeWeights(root, mode, written);
    const check = await cli(['check', '--config', 'configs/custom/helmet.py', '--reader', 'builtin', '--json']);
    const report = JSON.parse(check.stdout) as { reader: string; files: number; findings: unknown[]; classes: { count: number } };
    expect(report).toMatchObject({ reader: 'builtin', findings: [WARMUP_ONLY], classes: { count: 3 } });
    // helmet.py, the yolov8 chain down to s (x-MR -> x -> l -> m -> s), and s's default_runtime.py and det_p5_tta.py.
    expect(report.files).toBe(files);
    expect(check.code).toBe(0);
  });
});
