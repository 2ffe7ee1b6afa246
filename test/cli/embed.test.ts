import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseNpyHeader } from '../../src/core/npy-header.js';
import { FIXTURES } from '../helpers/fixture-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const FIXTURE = join(FIXTURES, 'embed-tiny-clip');
const SNAPSHOT = join(FIXTURE, 'input', 'snapshot');
const TEXTS = join(FIXTURE, 'input', 'hard-cases.json');
const SNAPSHOT_FILES = ['config.json', 'vocab.json', 'merges.txt', 'model.safetensors', 'tokenizer_config.json'];

/** rows x dims float32 of a .npy, with its header. */
async function readNpy(path: string): Promise<{ shape: number[]; values: Float32Array; head: Buffer }> {
  const bytes = await readFile(path);
  const header = parseNpyHeader(bytes, path);
  const values = new Float32Array(bytes.buffer.slice(bytes.byteOffset + header.dataOffset, bytes.byteOffset + bytes.length));
  return { shape: header.shape, values, head: bytes.subarray(0, header.dataOffset) };
}

async function expectReference(path: string): Promise<void> {
  const [got, want] = await Promise.all([readNpy(path), readNpy(join(FIXTURE, 'expected', 'hard-cases.npy'))]);
  expect(got.shape).toEqual([19, 512]);
  expect(got.head.equals(want.head)).toBe(true); // the same header bytes np.save writes
  const worst = got.values.reduce((m, v, i) => Math.max(m, Math.abs(v - want.values[i]!)), 0);
  expect(worst).toBeLessThan(1e-5);
}

/** A copy of the snapshot; `edit` changes it before use. */
async function snapshotCopy(files = SNAPSHOT_FILES): Promise<string> {
  const dir = join(await tempDir(), 'clip');
  await mkdir(dir);
  for (const f of files) await cp(join(SNAPSHOT, f), join(dir, f));
  return dir;
}

/** A Hugging Face cache as huggingface_hub lays it out: snapshot files are links to blobs. */
async function hfCache(): Promise<string> {
  const home = await tempDir();
  const repo = join(home, 'hub', 'models--openai--clip-vit-base-patch32');
  const revision = 'a'.repeat(40);
  await mkdir(join(repo, 'blobs'), { recursive: true });
  await mkdir(join(repo, 'snapshots', revision), { recursive: true });
  await mkdir(join(repo, 'refs'));
  await writeFile(join(repo, 'refs', 'main'), revision);
  for (const [i, f] of SNAPSHOT_FILES.entries()) {
    await cp(join(SNAPSHOT, f), join(repo, 'blobs', `blob${i}`));
    await symlink(join('..', '..', 'blobs', `blob${i}`), join(repo, 'snapshots', revision, f));
  }
  return home;
}

describe('yw embed', () => {
  it('writes what generate_text_prompts.py writes for the hard cases (within 1e-5), beside the texts by default', async () => {
    const dir = await tempDir();
    await cp(TEXTS, join(dir, 'hard-cases.json'));
    const run = await runCli(['embed', 'hard-cases.json', '--model', SNAPSHOT], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote hard-cases_embeddings.npy: shape (19, 512) float32, model ${SNAPSHOT} (${join(SNAPSHOT, 'model.safetensors')})\n`);
    await expectReference(join(dir, 'hard-cases_embeddings.npy'));
  });

  it('gives the same bytes on two threads as on one (the built binary: the worker is compiled JavaScript)', async () => {
    const dir = await tempDir();
    const bin = fileURLToPath(new URL('../../bin/yw.js', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'embed', TEXTS, '--model', SNAPSHOT, '-o', join(dir, 'two.npy'), '--threads', '2', '--json']);
    // both threads compute the start token: one position more than on one thread
    expect(JSON.parse(stdout)).toMatchObject({ threads: 2, computed_positions: 180 });
    await expectReference(join(dir, 'two.npy'));
    const one = await runCli(['embed', TEXTS, '--model', SNAPSHOT, '-o', join(dir, 'one.npy'), '--threads', '1', '--json']);
    expect(JSON.parse(one.stdout)).toMatchObject({ threads: 1, computed_positions: 179 });
    expect((await readFile(join(dir, 'two.npy'))).equals(await readFile(join(dir, 'one.npy')))).toBe(true);
  });

  it('pools the first end token when config.json says eos_token_id 49407 (newer configs): the same rows', async () => {
    const model = await snapshotCopy();
    const config = JSON.parse(await readFile(join(model, 'config.json'), 'utf8'));
    config.text_config.eos_token_id = 49407;
    await writeFile(join(model, 'config.json'), JSON.stringify(config));
    const out = join(model, 'out.npy');
    expect((await runCli(['embed', TEXTS, '--model', model, '-o', out])).code).toBe(0);
    await expectReference(out);
  });

  it('finds the model in the Hugging Face cache by repo id (HF_HOME, refs/main) and by cache folder', async () => {
    const home = await hfCache();
    const out = join(home, 'out.npy');
    const byId = await runCli(['embed', TEXTS, '--model', 'openai/clip-vit-base-patch32', '-o', out, '--json'], { env: { HF_HOME: home } });
    expect(byId.code).toBe(0);
    expect(JSON.parse(byId.stdout)).toMatchObject({
      shape: [19, 512],
      dtype: 'float32',
      model: { repo_id: 'openai/clip-vit-base-patch32', layers: 2, width: 8, heads: 2, mlp: 20, positions: 77, projection: 512 },
    });
    await expectReference(out);
    const entry = join(home, 'hub', 'models--openai--clip-vit-base-patch32');
    const byFolder = await runCli(['embed', TEXTS, '--model', entry, '-o', out, '--force'], { env: {} });
    expect(byFolder.code).toBe(0);
    expect(byFolder.stdout).toContain('model openai/clip-vit-base-patch32 (');
    const hubCache = await runCli(['embed', TEXTS, '--model', 'openai/clip-vit-base-patch32', '-o', out, '--force'], { env: { HF_HUB_CACHE: join(home, 'hub'), HF_HOME: '/nonexistent' } });
    expect(hubCache.code).toBe(0);
  });

  it('says where the cache was looked for when the repo id is not there, and downloads nothing', async () => {
    const home = await tempDir();
    const run = await runCli(['embed', TEXTS, '--model', 'openai/clip-vit-base-patch32'], { env: { HF_HOME: home } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`openai/clip-vit-base-patch32 is neither a folder here nor in the Hugging Face cache (${join(home, 'hub', 'models--openai--clip-vit-base-patch32')}) [MODEL_NOT_FOUND]`);
    expect(run.stderr).toContain('https://huggingface.co/openai/clip-vit-base-patch32/resolve/main/vocab.json');
  });

  it('takes a folder, not the weights file', async () => {
    const run = await runCli(['embed', TEXTS, '--model', join(SNAPSHOT, 'model.safetensors')], { cwd: FIXTURE });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error input/snapshot/model.safetensors is a file; --model takes the snapshot folder that holds it [MODEL_NOT_A_FOLDER]\n  hint: pass --model input/snapshot\n');
  });

  it('names the missing files and where to get them', async () => {
    const model = await snapshotCopy(['config.json', 'vocab.json']);
    const run = await runCli(['embed', TEXTS, '--model', model]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${model} lacks merges.txt, model.safetensors (or pytorch_model.bin) [MODEL_FILES_MISSING]`);
    expect(run.stderr).toContain(`hint: download them into ${model}, e.g. wget -P ${model} https://huggingface.co/openai/clip-vit-base-patch32/resolve/main/merges.txt https://huggingface.co/openai/clip-vit-base-patch32/resolve/main/model.safetensors`);
  });

  it('reads pytorch_model.bin alone (torch.save of the same weights) and writes the same bytes as from model.safetensors', async () => {
    const model = await snapshotCopy(['config.json', 'vocab.json', 'merges.txt']);
    await cp(join(SNAPSHOT, 'pytorch_model.bin'), join(model, 'pytorch_model.bin'));
    const fromBin = await runCli(['embed', TEXTS, '--model', model, '-o', join(model, 'bin.npy')]);
    expect(fromBin.stderr).toBe('');
    expect(fromBin.code).toBe(0);
    expect(fromBin.stdout).toContain(`(${join(model, 'pytorch_model.bin')})`);
    expect((await runCli(['embed', TEXTS, '--model', SNAPSHOT, '-o', join(model, 'safetensors.npy')])).code).toBe(0);
    expect((await readFile(join(model, 'bin.npy'))).equals(await readFile(join(model, 'safetensors.npy')))).toBe(true);
  });

  it('refuses a weights file that lacks a text-model tensor (transformers would use random values)', async () => {
    const model = await snapshotCopy();
    const bytes = await readFile(join(model, 'model.safetensors'));
    const at = bytes.indexOf('"text_projection.weight"');
    bytes.write('"text_projectioX.weight"', at);
    await writeFile(join(model, 'model.safetensors'), bytes);
    const run = await runCli(['embed', TEXTS, '--model', model, '-o', join(model, 'x.npy')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lacks 1 text-model tensor: text_projection.weight [CLIP_WEIGHTS_MISSING]');
  });

  it('refuses a vocabulary whose ids the config says the model does not have', async () => {
    const model = await snapshotCopy();
    const config = JSON.parse(await readFile(join(model, 'config.json'), 'utf8'));
    config.text_config.vocab_size = 1000;
    await writeFile(join(model, 'config.json'), JSON.stringify(config));
    const run = await runCli(['embed', TEXTS, '--model', model, '-o', join(model, 'x.npy')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${join(model, 'vocab.json')} gives token id 49406, but ${join(model, 'config.json')} has vocab_size 1000 [CLIP_VOCAB_MISMATCH]`);
  });

  it('refuses a text longer than the 77 positions and an empty text, naming the entries', async () => {
    const dir = await tempDir();
    const long = 'a '.repeat(76).trim(); // 76 tokens + start + end = 78
    await writeFile(join(dir, 'long.json'), JSON.stringify([['person'], [long], ['car']]));
    await writeFile(join(dir, 'empty.json'), JSON.stringify([['person'], [' \u200b '], ['car'], ['']]));
    await writeFile(join(dir, 'flat.json'), JSON.stringify(['person', ['car']]));
    const tooLong = await runCli(['embed', 'long.json', '--model', SNAPSHOT], { cwd: dir });
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toContain('long.json: the first name of entry 1 is too long: entry 1 is 78 tokens with the start and end tokens, the model has 77 positions [EMBED_TEXT_TOO_LONG]');
    const empty = await runCli(['embed', 'empty.json', '--model', SNAPSHOT], { cwd: dir });
    expect(empty.stderr).toContain('empty.json: the first name of entries 1, 3 is empty (or only spaces and control characters) [EMBED_TEXT_EMPTY]');
    const flat = await runCli(['embed', 'flat.json', '--model', SNAPSHOT], { cwd: dir });
    expect(flat.stderr).toContain('flat.json: entry 0 is not a list starting with a name [EMBED_TEXTS_INVALID]');
    for (const name of ['long', 'empty', 'flat']) await expect(readFile(join(dir, `${name}_embeddings.npy`))).rejects.toThrow();
  });

  it('warns when two classes tokenise alike; --strict makes it exit 1', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'texts.json'), JSON.stringify([['Person'], ['car'], ['person ']]));
    const run = await runCli(['embed', 'texts.json', '--model', SNAPSHOT, '--strict'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('warning EMBED_SAME_TEXT texts.json: entries 0, 2 ("Person", "person ") tokenise alike, so their embeddings are identical and the model cannot tell these classes apart (give each class a distinct first name)\n');
    const { values } = await readNpy(join(dir, 'texts_embeddings.npy'));
    expect(values.subarray(0, 512)).toEqual(values.subarray(1024, 1536));
  });

  it('never overwrites without --force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'out.npy'), 'mine');
    const run = await runCli(['embed', TEXTS, '--model', SNAPSHOT, '-o', 'out.npy'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('already exists [OUTPUT_EXISTS]');
    expect(await readFile(join(dir, 'out.npy'), 'utf8')).toBe('mine');
    expect((await runCli(['embed', TEXTS, '--model', SNAPSHOT, '-o', 'out.npy', '--force'], { cwd: dir })).code).toBe(0);
    await expectReference(join(dir, 'out.npy'));
  });
});
