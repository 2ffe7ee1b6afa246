import { describe, expect, it } from 'vitest';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';
import { ORACLE_TIMEOUT, TORCH_EQUAL, runTorch, torchPython } from '../helpers/torch.js';
import { withCheckpoint } from '../../src/io/checkpoints/open-checkpoint.js';
import { stateDictOf } from '../../src/core/checkpoint/state-dict.js';
import { mappingEntries } from '../../src/core/checkpoint/pickle-node.js';
import { pickle } from '../../src/core/checkpoint/pickle-write.js';

const yw = fileURLToPath(new URL('../../fixtures/checkpoints/yolo-world/', import.meta.url));

/** A temp folder with copies of the named fixture files. */
async function workspace(...files: string[]): Promise<string> {
  const dir = await tempDir();
  for (const f of files) await copyFile(join(yw, f), join(dir, f));
  return dir;
}

/** State dict of a checkpoint as [key, shape, float32 values] in order, read with our reader. */
async function stateDict(path: string): Promise<[string, number[], Float32Array][]> {
  return withCheckpoint(path, async (c) => {
    const out: [string, number[], Float32Array][] = [];
    for (const e of stateDictOf(c.root)!.entries) {
      out.push([e.key, e.tensor!.shape, await c.readFloat32(e.tensor!)]);
    }
    return out;
  });
}

/** Ours against the Python tool's: same keys in the same order, same shapes, values within float32 rounding. */
async function expectLikeReference(ours: string, reference: string): Promise<void> {
  const [a, b] = [await stateDict(ours), await stateDict(reference)];
  expect(a.map(([k, s]) => [k, s])).toEqual(b.map(([k, s]) => [k, s]));
  for (let i = 0; i < a.length; i++) {
    const [key, , x] = a[i]!;
    const y = b[i]![2];
    const worst = x.reduce((m, v, j) => Math.max(m, Math.abs(v - y[j]!) / Math.max(1, Math.abs(y[j]!))), 0);
    // the head is a product of two float32 numbers (exact); the neck a 512-term dot product summed in another order
    expect(worst, key).toBeLessThanOrEqual(key.includes('cls_contrasts') ? 0 : 4e-7);
  }
}

describe('yw reparam against tools/reparameterize_yoloworld.py', () => {
  it('writes <stem>_rep_conv.pth beside the input, tensor for tensor what the Python tool writes, and says what is next', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512.npy');
    const run = await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote v2_tiny_rep_conv\.pth \(\d+\.\d MB; v2_tiny\.pth is 2\.3 MB\)\n/);
    expect(run.stdout).toContain('  head: bbox_head.head_module.cls_contrasts.{0,1,2}.conv <- 3 classes x 512 dims from embeddings_3x512.npy\n');
    expect(run.stdout).toContain('  neck: 4 attention blocks -> guide_convs (2 heads each)\n');
    expect(run.stdout).toContain('  removed 21 text_model keys; kept meta, message_hub, optimizer, ema_state_dict as they were\n');
    expect(run.stdout).toContain('\n  yw config --data <dataset> --mode reparam --weights v2_tiny_rep_conv.pth\n');
    await expectLikeReference(join(dir, 'v2_tiny_rep_conv.pth'), join(yw, 'v2_tiny_rep_conv.reference.pth'));
  });

  it('--neck linear: guide_weight, as without --conv-neck', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512.npy');
    const run = await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy', '--neck', 'linear', '--out', 'rep/out.pth'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('neck: 4 attention blocks -> guide_weight (2 heads each)');
    await expectLikeReference(join(dir, 'rep/out.pth'), join(yw, 'v2_tiny_rep_linear.reference.pth'));
  });

  it('an efficient neck has nothing to fold: only the head changes, and the next step says --neck efficient', async () => {
    const dir = await workspace('v2_tiny_efficient.pth', 'embeddings_3x512.npy');
    const run = await runCli(['reparam', '--weights', 'v2_tiny_efficient.pth', '--embeddings', 'embeddings_3x512.npy', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { neckBlocks: unknown[]; output: string; next_step: string; keptAsIs: string[] };
    expect(json.neckBlocks).toEqual([]);
    expect(json.keptAsIs).toEqual(['meta']);
    expect(json.next_step).toBe('yw config --data <dataset> --mode reparam --neck efficient --weights v2_tiny_efficient_rep_conv.pth');
    await expectLikeReference(join(dir, json.output), join(yw, 'v2_tiny_efficient_rep_conv.reference.pth'));
  });

  it('reads float64 Fortran-order embeddings as the same matrix', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512_f64_fortran.npy');
    expect((await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512_f64_fortran.npy'], { cwd: dir })).code).toBe(0);
    await expectLikeReference(join(dir, 'v2_tiny_rep_conv.pth'), join(yw, 'v2_tiny_rep_conv.reference.pth'));
  });

  it('keeps every other entry of the checkpoint (meta, message_hub, optimizer, EMA) exactly as it was', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512.npy');
    expect((await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy'], { cwd: dir })).code).toBe(0);
    const entries = (path: string) => withCheckpoint(path, async (c) => {
      const out: Record<string, { pickle: string; data: string[] }> = {};
      for (const [k, v] of mappingEntries(c.root)!) {
        if (k.kind !== 'str' || k.value === 'state_dict') continue;
        const data: string[] = [];
        for (const t of c.tensors.filter((x) => x.path[0] === k.value)) data.push(Buffer.from((await c.readFloat32(t)).buffer).toString('base64'));
        out[k.value] = { pickle: Buffer.from(pickle(v)).toString('base64'), data };
      }
      return out;
    });
    const [before, after] = [await entries(join(dir, 'v2_tiny.pth')), await entries(join(dir, 'v2_tiny_rep_conv.pth'))];
    expect(Object.keys(after)).toEqual(['meta', 'message_hub', 'optimizer', 'ema_state_dict']);
    expect(after).toEqual(before);
  });
});

describe('yw reparam refuses, with the reason', () => {
  const cases: [string, string[], string, RegExp][] = [
    ['a reparameterized checkpoint (YOLO-World issue #622)', ['v2_tiny_rep_conv.reference.pth', 'embeddings_3x512.npy'], 'ALREADY_REPARAMETERIZED',
      /v2_tiny_rep_conv\.reference\.pth is reparameterized already: bbox_head\.head_module\.cls_contrasts\.0\.conv\.weight holds 3 classes/],
    ['a v1 (L2 head) checkpoint', ['v1_tiny.pth', 'embeddings_3x512.npy'], 'REPARAM_UNSUPPORTED', /has a v1 head \(L2-normalised ContrastiveHead, no BatchNorm\)/],
    ['embeddings of the wrong width', ['v2_tiny.pth', 'embeddings_3x768.npy'], 'EMBEDDINGS_SHAPE',
      /the embeddings have 768 dims per class but the head \(bbox_head\.head_module\.cls_contrasts\.0\.norm\.weight\) of v2_tiny\.pth expects 512/],
  ];
  for (const [what, [weights, embeddings], code, message] of cases) {
    it(what, async () => {
      const dir = await workspace(weights!, embeddings!);
      const run = await runCli(['reparam', '--weights', weights!, '--embeddings', embeddings!], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(`[${code}]`);
      expect(run.stderr).toMatch(/\n  hint: .+/);
      expect(run.stdout).toBe('');
    });
  }

  it('a checkpoint that is not YOLO-World, embeddings that are not 2-D, a file that is not a checkpoint, an existing output', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512.npy');
    await copyFile(fileURLToPath(new URL('../../fixtures/checkpoints/torch/pytorch_model.bin', import.meta.url)), join(dir, 'other.bin'));
    const reparam = (...args: string[]) => runCli(['reparam', ...args], { cwd: dir });
    expect((await reparam('--weights', 'other.bin', '--embeddings', 'embeddings_3x512.npy')).stderr).toMatch(/other\.bin is not a YOLO-World detector checkpoint: no bbox_head\.head_module\.cls_contrasts\.0\.logit_scale.*\[REPARAM_KEYS_MISSING\]/);
    const npy = await readFile(join(dir, 'embeddings_3x512.npy'));
    await writeFile(join(dir, 'flat.npy'), Buffer.from(npy.toString('latin1').replace("'shape': (3, 512)", "'shape': (1536,)  "), 'latin1'));
    expect((await reparam('--weights', 'v2_tiny.pth', '--embeddings', 'flat.npy')).stderr).toMatch(/the embeddings have shape \(1536\); expected \(classes, dims\).*\[EMBEDDINGS_SHAPE\]/);
    await writeFile(join(dir, 'page.pth'), `<html><body>${'x'.repeat(300)}</body></html>`);
    expect((await reparam('--weights', 'page.pth', '--embeddings', 'embeddings_3x512.npy')).stderr).toMatch(/page\.pth is not a PyTorch checkpoint: it is an HTML page.*\[CHECKPOINT_INVALID\]/);
    expect((await reparam('--weights', 'v2_tiny.pth', '--embeddings', 'missing.npy')).stderr).toMatch(/\[FILE_NOT_FOUND\]/);
    expect((await reparam('--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy', '--out', 'v2_tiny.pth', '--force')).stderr).toMatch(/\[OUTPUT_IS_INPUT\]/);
    expect((await reparam('--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy')).code).toBe(0);
    const again = await reparam('--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/v2_tiny_rep_conv\.pth already exists \[OUTPUT_EXISTS\]\n  hint: run `yw reparam \.\.\. --force`/);
    expect((await reparam('--embeddings', 'embeddings_3x512.npy')).stderr).toMatch(/--weights FILE\.pth is required/);
  });
});

describe.skipIf(!torchPython)('torch.load reads what yw reparam wrote (oracle: python3-torch)', () => {
  it('as the Python tool\'s output: the same state dict within float32 rounding, every other entry equal to the input\'s', async () => {
    const dir = await workspace('v2_tiny.pth', 'embeddings_3x512.npy');
    expect((await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['reparam', '--weights', 'v2_tiny.pth', '--embeddings', 'embeddings_3x512.npy', '--neck', 'linear'], { cwd: dir })).code).toBe(0);
    const out = runTorch(`${TORCH_EQUAL}
import sys
src = load(sys.argv[1])
for ours, ref in zip(sys.argv[2::2], sys.argv[3::2]):
    got, want = load(ours), load(ref)
    assert list(got['state_dict'].keys()) == list(want.keys())
    for k, v in want.items():
        assert got['state_dict'][k].dtype == v.dtype and got['state_dict'][k].shape == v.shape, k
        assert torch.allclose(got['state_dict'][k], v, rtol=1e-6, atol=1e-7), k
    for k in src:
        if k != 'state_dict':
            same(src[k], got[k], k)
    assert list(got.keys()) == list(src.keys())
print('ok')
`, [join(dir, 'v2_tiny.pth'), join(dir, 'v2_tiny_rep_conv.pth'), join(yw, 'v2_tiny_rep_conv.reference.pth'),
      join(dir, 'v2_tiny_rep_linear.pth'), join(yw, 'v2_tiny_rep_linear.reference.pth')]);
    expect(out.trim()).toBe('ok');
  }, ORACLE_TIMEOUT);
});
