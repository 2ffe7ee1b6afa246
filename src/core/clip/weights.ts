import { YwError } from '../../errors.js';
import type { ClipTextConfig } from './config.js';
import { FLOAT_DTYPES, type WeightSource } from '../tensors.js';

/** Hugging Face names: the same in a CLIPModel and a CLIPTextModelWithProjection checkpoint. */
export const TENSOR = {
  token: 'text_model.embeddings.token_embedding.weight',
  position: 'text_model.embeddings.position_embedding.weight',
  finalNormWeight: 'text_model.final_layer_norm.weight',
  finalNormBias: 'text_model.final_layer_norm.bias',
  projection: 'text_projection.weight',
  layer: (i: number, part: string) => `text_model.encoder.layers.${i}.${part}`,
} as const;

export const LAYER_PARTS = [
  'layer_norm1.weight', 'layer_norm1.bias',
  'self_attn.q_proj.weight', 'self_attn.q_proj.bias',
  'self_attn.k_proj.weight', 'self_attn.k_proj.bias',
  'self_attn.v_proj.weight', 'self_attn.v_proj.bias',
  'self_attn.out_proj.weight', 'self_attn.out_proj.bias',
  'layer_norm2.weight', 'layer_norm2.bias',
  'mlp.fc1.weight', 'mlp.fc1.bias',
  'mlp.fc2.weight', 'mlp.fc2.bias',
] as const;
export type LayerPart = (typeof LAYER_PARTS)[number];

function layerShape(part: LayerPart, c: ClipTextConfig): number[] {
  const h = c.hiddenSize;
  if (part.startsWith('mlp.fc1.')) return part.endsWith('weight') ? [c.intermediateSize, h] : [c.intermediateSize];
  if (part.startsWith('mlp.fc2.')) return part.endsWith('weight') ? [h, c.intermediateSize] : [h];
  if (part.startsWith('self_attn.') && part.endsWith('weight')) return [h, h];
  return [h];
}

/** Every tensor the text tower reads, with the shape config.json implies. */
export function expectedTensors(c: ClipTextConfig): Map<string, number[]> {
  const wanted = new Map<string, number[]>([
    [TENSOR.token, [c.vocabSize, c.hiddenSize]],
    [TENSOR.position, [c.maxPositions, c.hiddenSize]],
    [TENSOR.finalNormWeight, [c.hiddenSize]],
    [TENSOR.finalNormBias, [c.hiddenSize]],
    [TENSOR.projection, [c.projectionDim, c.hiddenSize]],
  ]);
  for (let i = 0; i < c.layers; i++) for (const part of LAYER_PARTS) wanted.set(TENSOR.layer(i, part), layerShape(part, c));
  return wanted;
}

/**
 * All tensors present with the configured shapes. transformers would fill a missing one with random
 * values and only warn (the embeddings would be noise), so a missing tensor is refused here.
 */
export function checkTensors(source: WeightSource, c: ClipTextConfig, configFile: string): void {
  const missing: string[] = [];
  const wrong: string[] = [];
  for (const [name, shape] of expectedTensors(c)) {
    const info = source.info(name);
    if (!info) missing.push(name);
    else if (!FLOAT_DTYPES.includes(info.dtype)) wrong.push(`${name} is ${info.dtype}, expected one of ${FLOAT_DTYPES.join(', ')}`);
    else if (info.shape.length !== shape.length || info.shape.some((n, i) => n !== shape[i])) {
      wrong.push(`${name} is [${info.shape.join(', ')}], config.json says [${shape.join(', ')}]`);
    }
  }
  if (missing.length > 0) {
    const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
    throw new YwError('CLIP_WEIGHTS_MISSING', `${source.file} lacks ${missing.length} text-model tensor${missing.length === 1 ? '' : 's'}: ${missing.slice(0, 3).join(', ')}${more}`, {
      file: source.file,
      hint: 'use the weights of a CLIP model saved by transformers (CLIPModel or CLIPTextModelWithProjection), e.g. openai/clip-vit-base-patch32',
    });
  }
  if (wrong.length > 0) {
    throw new YwError('CLIP_WEIGHTS_MISMATCH', `${source.file} has text-model tensors yw embed cannot use with ${configFile}: ${wrong.slice(0, 2).join('; ')}${wrong.length > 2 ? ` and ${wrong.length - 2} more` : ''}`, {
      file: source.file,
      hint: 'config.json and the weights file must come from the same snapshot',
    });
  }
}
