import { describe, expect, it } from 'vitest';
import { copyFile, lstat, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { copyFixture, tempDir } from '../helpers/tmp.js';
import { ORACLE_TIMEOUT, TORCH_EQUAL, runTorch, torchPython } from '../helpers/torch.js';
import { withCheckpoint } from '../../src/io/checkpoints/open-checkpoint.js';
import { mappingKeys } from '../../src/core/checkpoint/pickle-node.js';

const tiny = fileURLToPath(new URL('../../fixtures/checkpoints/yolo-world/v2_tiny.pth', import.meta.url));
const bestUnsaved = fileURLToPath(new URL('../../fixtures/best-unsaved', import.meta.url));

describe('yw slim', () => {
  it('keeps state_dict and meta, drops the rest, prints the sizes before and after', async () => {
    const dir = await tempDir();
    await copyFile(tiny, join(dir, 'epoch_1.pth'));
    const run = await runCli(['slim', 'epoch_1.pth', 'out/epoch_1_slim.pth'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const size = (await stat(join(dir, 'out/epoch_1_slim.pth'))).size;
    expect(run.stdout).toBe(`wrote out/epoch_1_slim.pth: 2.3 MB -> ${(size / 1e3).toFixed(1)} kB (-${(100 * (1 - size / 2289638)).toFixed(0)}%); dropped message_hub, optimizer, ema_state_dict\n`);
    expect(size).toBeLessThan(2289638 / 3);
    await withCheckpoint(join(dir, 'out/epoch_1_slim.pth'), async (c) => expect(mappingKeys(c.root)).toEqual(['meta', 'state_dict']));
    const json = JSON.parse((await runCli(['slim', 'epoch_1.pth', 'out/epoch_1_slim.pth', '--json', '--force'], { cwd: dir })).stdout) as Record<string, unknown>;
    expect(json).toEqual({ input: 'epoch_1.pth', output: 'out/epoch_1_slim.pth', inputBytes: 2289638, outputBytes: size, kept: ['meta', 'state_dict'], dropped: ['message_hub', 'optimizer', 'ema_state_dict'] });
  });

  it('refuses a bare state dict, its own input, an existing output, a file that is not a checkpoint', async () => {
    const dir = await tempDir();
    await copyFile(tiny, join(dir, 'a.pth'));
    await copyFile(fileURLToPath(new URL('../../fixtures/checkpoints/torch/pytorch_model.bin', import.meta.url)), join(dir, 'bare.bin'));
    const slim = (...args: string[]) => runCli(['slim', ...args], { cwd: dir });
    expect((await slim('bare.bin', 'x.pth')).stderr).toMatch(/bare\.bin has no state_dict entry: it is a bare state dict already, nothing to drop \[SLIM_NO_STATE_DICT\]/);
    expect((await slim('a.pth', 'a.pth', '--force')).stderr).toMatch(/\[OUTPUT_IS_INPUT\]/);
    expect((await slim('a.pth', 'b.pth')).code).toBe(0);
    const again = await slim('a.pth', 'b.pth');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/b\.pth already exists \[OUTPUT_EXISTS\]/);
    expect((await slim('missing.pth', 'c.pth')).stderr).toMatch(/checkpoint not found: .*missing\.pth \[FILE_NOT_FOUND\]/);
  });
});

describe('yw best --link --slim', () => {
  it('writes best.pth as a slim copy of the chosen checkpoint, with the sizes', async () => {
    const cwd = await copyFixture(bestUnsaved);
    await copyFile(tiny, join(cwd, 'epoch_80.pth'));
    const run = await runCli(['best', '.', '--link', '--slim'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\nwrote best\.pth: slim copy of epoch_80\.pth, 2\.3 MB -> \d+\.\d kB \(dropped message_hub, optimizer, ema_state_dict\)\n/);
    expect((await lstat(join(cwd, 'best.pth'))).isSymbolicLink()).toBe(false);
    await withCheckpoint(join(cwd, 'best.pth'), async (c) => expect(mappingKeys(c.root)).toEqual(['meta', 'state_dict']));
    expect((await runCli(['best', '.', '--link', '--slim'], { cwd })).stderr).toMatch(/\[OUTPUT_EXISTS\]/);
    expect((await runCli(['best', '.', '--slim'], { cwd })).stderr).toMatch(/--slim changes what --link writes; it needs --link \[SLIM_NEEDS_LINK\]/);
  });

  it('with --force replaces the best.pth link an earlier --link made', async () => {
    const cwd = await copyFixture(bestUnsaved);
    await copyFile(tiny, join(cwd, 'epoch_80.pth'));
    expect((await runCli(['best', '.', '--link'], { cwd })).code).toBe(0);
    expect((await lstat(join(cwd, 'best.pth'))).isSymbolicLink()).toBe(true);
    const run = await runCli(['best', '.', '--link', '--slim', '--force'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('error');
    expect((await lstat(join(cwd, 'best.pth'))).isFile()).toBe(true);
    expect((await lstat(join(cwd, 'epoch_80.pth'))).size).toBe(2289638);
  });
});

describe.skipIf(!torchPython)('torch.load reads a slim checkpoint (oracle: python3-torch)', () => {
  it('state_dict and meta equal to the input\'s, nothing else', async () => {
    const dir = await tempDir();
    await copyFile(tiny, join(dir, 'in.pth'));
    expect((await runCli(['slim', 'in.pth', 'slim.pth'], { cwd: dir })).code).toBe(0);
    const out = runTorch(`${TORCH_EQUAL}
import sys
a, b = load(sys.argv[1]), load(sys.argv[2])
assert list(b.keys()) == ['meta', 'state_dict'], list(b.keys())
same(a['meta'], b['meta']); same(a['state_dict'], b['state_dict'])
print('ok')
`, [join(dir, 'in.pth'), join(dir, 'slim.pth')]);
    expect(out.trim()).toBe('ok');
  }, ORACLE_TIMEOUT);
});
