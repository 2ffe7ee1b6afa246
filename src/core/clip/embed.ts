import { YwError } from '../../errors.js';
import { finding, type Finding } from '../findings.js';
import type { WeightSource } from '../tensors.js';
import { encodeClassTexts } from './class-texts.js';
import { createCompute } from './compute.js';
import type { ClipTextConfig } from './config.js';
import { runTextModel, scratchFloats } from './text-model.js';
import { buildTokenTree, type TokenTree } from './token-tree.js';
import type { ClipTokenizer } from './tokenizer.js';
import { planTower, type TensorRead } from './tower.js';
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

export interface EmbedResult {
  /** rows x dims, row-major, each row L2-normalised. */
  embeddings: Float32Array;
  rows: number;
  dims: number;
  /** Tokens of all texts with start and end tokens, and the distinct positions actually computed. */
  tokens: number;
  computed: number;
  simd: boolean;
  findings: Finding[];
}

/** What tools/generate_text_prompts.py computes, on the CPU, reading only the text tower's weights. */
export async function embedClassTexts(input: EmbedInput): Promise<EmbedResult> {
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
  const { layout, reads, layerReads } = planTower(config, tree.tokens);
  const compute = createCompute(layout.end + scratchFloats(config, tree.tokens.length, tree.pooled.length));
  // Issued together: each read is a request to the I/O threads, which work while JavaScript computes.
  const load = (list: TensorRead[]) =>
    Promise.all(list.map((r) => input.weights.read(r.name, compute.f32.subarray(r.offset, r.offset + r.length), r.rows))).then(() => {});
  await load(reads);
  const embeddings = await runTextModel(config, layout, tree, compute, (i) => load(layerReads[i]!));
  return {
    embeddings,
    rows: sequences.length,
    dims: config.projectionDim,
    tokens: sequences.reduce((sum, ids) => sum + ids.length, 0),
    computed: tree.tokens.length,
    simd: compute.simd,
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
