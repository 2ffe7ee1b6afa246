import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { WeightSource } from '../tensors.js';
import { encodeClassTexts } from './class-texts.js';
import type { ClipTextConfig } from './config.js';
import { runInThisThread, type TextModelRun, type TextModelRunner } from './run-model.js';
import { buildTokenTree, type TokenTree } from './token-tree.js';
import type { ClipTokenizer } from './tokenizer.js';
import { planTower } from './tower.js';
import { checkTensors } from './weights.js';

export interface EmbedInput {
  config: ClipTextConfig;
  configFile: string;
  tokenizer: ClipTokenizer;
  vocabFile: string;
  /** The parsed class-text JSON. */
  texts: unknown;
  textsFile: string;
  weights: WeightSource;
}

export interface EmbedResult extends TextModelRun {
  rows: number;
  dims: number;
  /** Tokens of all texts, start and end tokens included (`computed` counts the positions run). */
  tokens: number;
  findings: Finding[];
}

/** What tools/generate_text_prompts.py computes, on the CPU, reading only the text tower's weights. */
export async function embedClassTexts(input: EmbedInput, runner: TextModelRunner = runInThisThread): Promise<EmbedResult> {
  const { config } = input;
  const sequences = encodeClassTexts(input.texts, input.tokenizer, config.maxPositions, input.textsFile);
  const tooHigh = sequences.flat().find((id) => id >= config.vocabSize);
  if (tooHigh !== undefined) {
    throw new YwError('CLIP_VOCAB_MISMATCH', `${input.vocabFile} gives token id ${tooHigh}, but ${input.configFile} has vocab_size ${config.vocabSize}`, {
      file: input.vocabFile,
      hint: 'vocab.json and config.json must come from the same snapshot',
    });
  }
  const tree = buildTokenTree(sequences, config.eosTokenId);
  checkTensors(input.weights, config, input.configFile);
  const { weights } = input;
  const run = await runner({
    config,
    plan: planTower(config, tree.tokens),
    sequences,
    read: (r, f32) => weights.read(r.name, f32.subarray(r.offset, r.offset + r.length), r.rows),
  });
  return {
    ...run,
    rows: sequences.length,
    dims: config.projectionDim,
    tokens: sequences.reduce((sum, ids) => sum + ids.length, 0),
    findings: duplicateFindings(input.texts as string[][], tree, input.textsFile),
  };
}

/** Entries whose first names tokenise alike ("Person", "person ") get the same row: the classes merge. */
function duplicateFindings(texts: string[][], tree: TokenTree, file: string): Finding[] {
  const byNode = new Map<number, number[]>();
  tree.pooled.forEach((node, entry) => byNode.set(node, [...(byNode.get(node) ?? []), entry]));
  return [...byNode.values()].filter((entries) => entries.length > 1).map((entries) =>
    finding('EMBED_SAME_TEXT', 'warning',
      `entries ${entries.join(', ')} (${entries.map((e) => JSON.stringify(texts[e]![0])).join(', ')}) tokenise alike, so their embeddings are identical and the model cannot tell these classes apart`,
      { file, hint: 'give each class a distinct first name', data: { entries } }));
}
