import { z } from 'zod';
import { YwError } from '../../errors.js';
import { zodIssueLines } from '../zod-issues.js';
import { ACTIVATIONS, type Activation } from './activations.js';

/** The text tower's shape, as `CLIPTextConfig` reads it from config.json (4.45 defaults for absent keys). */
export interface ClipTextConfig {
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  projectionDim: number;
  layers: number;
  heads: number;
  maxPositions: number;
  hiddenAct: Activation;
  layerNormEps: number;
  /** 2 in the published openai/clip-vit-base-patch32 config (pooling by argmax of the ids), 49407 in newer ones. */
  eosTokenId: number;
}

const size = z.number().int().positive();
const textConfigSchema = z.object({
  vocab_size: size.default(49408),
  hidden_size: size.default(512),
  intermediate_size: size.default(2048),
  projection_dim: size.default(512),
  num_hidden_layers: size.default(12),
  num_attention_heads: size.default(8),
  max_position_embeddings: size.default(77),
  hidden_act: z.string().default('quick_gelu'),
  layer_norm_eps: z.number().positive().default(1e-5),
  eos_token_id: z.number().int().default(49407),
});

/**
 * `CLIPTextConfig.from_pretrained`: a full CLIP config (`model_type` "clip", what the published repo
 * holds) contributes its `text_config`; a text-only config (`CLIPTextModelWithProjection.save_pretrained`)
 * is read as it is. The projection size is the text config's `projection_dim`, not the top-level one.
 */
export function parseClipTextConfig(json: unknown, file: string): ClipTextConfig {
  const hint = 'use the config.json of a Hugging Face CLIP snapshot, e.g. openai/clip-vit-base-patch32';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new YwError('CLIP_CONFIG_INVALID', `${file} is not a JSON object`, { file, hint });
  }
  const top = json as Record<string, unknown>;
  const text = top.model_type === 'clip' ? top.text_config : top;
  if (text === null || typeof text !== 'object' || Array.isArray(text)) {
    throw new YwError('CLIP_CONFIG_INVALID', `${file} has model_type "clip" but no text_config object`, { file, hint });
  }
  const parsed = textConfigSchema.safeParse(text);
  if (!parsed.success) {
    const where = top.model_type === 'clip' ? 'text_config.' : '';
    throw new YwError('CLIP_CONFIG_INVALID', `${file}: ${zodIssueLines(parsed.error).map((l) => where + l).join('; ')}`, { file, hint });
  }
  const c = parsed.data;
  if (!(ACTIVATIONS as readonly string[]).includes(c.hidden_act)) {
    throw new YwError('CLIP_CONFIG_UNSUPPORTED', `${file}: hidden_act "${c.hidden_act}" is not supported (yw embed knows ${ACTIVATIONS.join(', ')})`, { file, hint });
  }
  if (c.hidden_size % c.num_attention_heads !== 0) {
    throw new YwError('CLIP_CONFIG_INVALID', `${file}: hidden_size ${c.hidden_size} is not a multiple of num_attention_heads ${c.num_attention_heads}`, { file, hint });
  }
  return {
    vocabSize: c.vocab_size,
    hiddenSize: c.hidden_size,
    intermediateSize: c.intermediate_size,
    projectionDim: c.projection_dim,
    layers: c.num_hidden_layers,
    heads: c.num_attention_heads,
    maxPositions: c.max_position_embeddings,
    hiddenAct: c.hidden_act as Activation,
    layerNormEps: c.layer_norm_eps,
    eosTokenId: c.eos_token_id,
  };
}
