import { basename, dirname, extname, join, resolve } from 'node:path';
import type { RunContext } from '../context.js';
import { parseClipTextConfig, type ClipTextConfig } from '../../core/clip/config.js';
import { embedClassTexts, type EmbedResult } from '../../core/clip/embed.js';
import { runInThisThread } from '../../core/clip/run-model.js';
import { parseMerges } from '../../core/clip/bpe.js';
import { ClipTokenizer, parseVocab } from '../../core/clip/tokenizer.js';
import { npyFloat32 } from '../../core/npy-header.js';
import { assertWritable, writeFileAtomic } from '../../io/fs/atomic-write.js';
import { displayPath } from '../../io/fs/display-path.js';
import { readJson, readText } from '../../io/fs/read-text.js';
import { openPytorchBin } from '../../io/checkpoints/pytorch-bin-source.js';
import { openSafetensors, type ClosableWeightSource } from '../../io/checkpoints/safetensors-source.js';
import { resolveClipSnapshot, type ClipSnapshot } from '../../io/models/clip-snapshot.js';
import { parallelRunner } from '../../io/clip/parallel-runner.js';

export interface EmbedRun extends EmbedResult {
  texts: string;
  out: string;
  model: { arg: string; dir: string; repoId?: string; weights: string; config: ClipTextConfig };
}

/** `<dir>/<stem>_embeddings.npy` beside the class-text JSON. */
export function defaultEmbeddingsPath(textsPath: string): string {
  return join(dirname(textsPath), `${basename(textsPath, extname(textsPath))}_embeddings.npy`);
}

/** io → core → io for `yw embed`: the snapshot and texts, the text model, the .npy. */
export async function runEmbed(ctx: RunContext, textsArg: string, options: { model: string; out?: string; threads?: number; force: boolean }): Promise<EmbedRun> {
  const show = (p: string) => displayPath(ctx.cwd, p);
  const textsPath = resolve(ctx.cwd, textsArg);
  const texts = await readJson(textsPath, 'class-text JSON');
  const target = options.out ? resolve(ctx.cwd, options.out) : defaultEmbeddingsPath(textsPath);
  await assertWritable(target, { force: options.force, command: 'yw embed', role: 'embeddings .npy' });
  const snapshot = await resolveClipSnapshot(options.model, { cwd: ctx.cwd, env: ctx.env });
  const file = (name: string) => join(snapshot.dir, name);
  const config = parseClipTextConfig(await readJson(file('config.json'), 'CLIP config.json'), show(file('config.json')));
  const vocab = parseVocab(await readJson(file('vocab.json'), 'CLIP vocab.json'), show(file('vocab.json')));
  const tokenizer = new ClipTokenizer(vocab, parseMerges(await readText(file('merges.txt'), 'CLIP merges.txt')), show(file('vocab.json')));
  const weights = await openWeights(snapshot, show);
  let result: EmbedResult;
  try {
    result = await embedClassTexts({
      config, configFile: show(file('config.json')), tokenizer, vocabFile: show(file('vocab.json')),
      texts, textsFile: show(textsPath), weights,
    }, options.threads === 2 ? parallelRunner() : runInThisThread);
  } finally {
    await weights.close();
  }
  await writeFileAtomic(target, npyFloat32([result.rows, result.dims], result.embeddings), { force: options.force, command: 'yw embed', role: 'embeddings .npy' });
  const model = { arg: options.model, dir: show(snapshot.dir), weights: show(snapshot.weights), config, ...(snapshot.repoId ? { repoId: snapshot.repoId } : {}) };
  return { ...result, texts: show(textsPath), out: show(target), model };
}

async function openWeights(snapshot: ClipSnapshot, show: (p: string) => string): Promise<ClosableWeightSource> {
  if (snapshot.weights.endsWith('.safetensors')) return openSafetensors(snapshot.weights, show(snapshot.weights));
  // pytorch_model.bin: torch.save's zip (or legacy) format, read with yw's own checkpoint reader
  return openPytorchBin(snapshot.weights, show(snapshot.weights));
}
