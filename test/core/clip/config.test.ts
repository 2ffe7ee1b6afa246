import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { activate, erf } from '../../../src/core/clip/activations.js';
import { parseClipTextConfig } from '../../../src/core/clip/config.js';
import { cacheRepoDir, hubCacheDir, isRepoId } from '../../../src/core/clip/hf-cache.js';
import { errorOf } from '../../helpers/errors.js';

const FIXTURE_CONFIG = JSON.parse(readFileSync(new URL('../../../fixtures/embed-tiny-clip/input/snapshot/config.json', import.meta.url), 'utf8'));

describe('parseClipTextConfig', () => {
  it('reads the text_config of a CLIPModel config, with CLIPTextConfig defaults for what save_pretrained left out', () => {
    expect(parseClipTextConfig(FIXTURE_CONFIG, 'config.json')).toEqual({
      vocabSize: 49408, hiddenSize: 8, intermediateSize: 20, projectionDim: 512, layers: 2, heads: 2,
      maxPositions: 77, hiddenAct: 'quick_gelu', layerNormEps: 1e-5, eosTokenId: 2,
    });
  });

  it('reads a text-only config as it is, and its projection_dim rather than a top-level one', () => {
    const c = parseClipTextConfig({ model_type: 'clip_text_model', hidden_size: 768, num_attention_heads: 12, projection_dim: 768, hidden_act: 'gelu' }, 'c.json');
    expect(c).toMatchObject({ hiddenSize: 768, heads: 12, projectionDim: 768, hiddenAct: 'gelu', layers: 12, eosTokenId: 49407 });
    expect(parseClipTextConfig({ model_type: 'clip', projection_dim: 256, text_config: {} }, 'c.json').projectionDim).toBe(512);
  });

  it('refuses what the model cannot run, with the key', () => {
    expect(errorOf(() => parseClipTextConfig({ model_type: 'clip' }, 'c.json')).message).toBe('c.json has model_type "clip" but no text_config object');
    expect(errorOf(() => parseClipTextConfig({ model_type: 'clip', text_config: { hidden_size: '512' } }, 'c.json')).message).toMatch(/^c\.json: text_config\.hidden_size: /);
    expect(errorOf(() => parseClipTextConfig({ hidden_act: 'mish' }, 'c.json')).code).toBe('CLIP_CONFIG_UNSUPPORTED');
    expect(errorOf(() => parseClipTextConfig({ hidden_size: 100, num_attention_heads: 8 }, 'c.json')).message).toContain('not a multiple of num_attention_heads 8');
  });
});

describe('activations', () => {
  it('erf to 1e-7 (GELU in torch is erf-based)', () => {
    const known: Array<[number, number]> = [[0, 0], [0.5, 0.5204998778130465], [1, 0.8427007929497149], [-2, -0.9953222650189527], [3.5, 0.9999992569016276]];
    for (const [x, want] of known) expect(Math.abs(erf(x) - want)).toBeLessThan(2e-7);
  });

  it('quick_gelu is x * sigmoid(1.702 x)', () => {
    const data = new Float32Array([-2, 0, 1.5]);
    activate('quick_gelu', data);
    // torch: (x * torch.sigmoid(1.702 * x)).tolist() == [-0.0643413737, 0.0, 1.3916622400]
    expect([...data].map((v) => +v.toFixed(6))).toEqual([-0.064341, 0, 1.391662]);
  });
});

describe('Hugging Face cache location (as huggingface_hub resolves it)', () => {
  it('HF_HUB_CACHE, then HUGGINGFACE_HUB_CACHE, then HF_HOME/hub, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(hubCacheDir({ HF_HUB_CACHE: '/a', HUGGINGFACE_HUB_CACHE: '/b', HF_HOME: '/c' }, '/home/u')).toBe('/a');
    expect(hubCacheDir({ HUGGINGFACE_HUB_CACHE: '/b', HF_HOME: '/c' }, '/home/u')).toBe('/b');
    expect(hubCacheDir({ HF_HOME: '~/hf', XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/home/u/hf/hub');
    expect(hubCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/huggingface/hub');
    expect(hubCacheDir({}, '/home/u')).toBe('/home/u/.cache/huggingface/hub');
    expect(cacheRepoDir('/h', 'openai/clip-vit-base-patch32')).toBe('/h/models--openai--clip-vit-base-patch32');
  });

  it('tells a repo id from a path', () => {
    expect(isRepoId('openai/clip-vit-base-patch32')).toBe(true);
    expect(isRepoId('./models/clip')).toBe(false);
    expect(isRepoId('/abs/clip')).toBe(false);
    expect(isRepoId('a/b/c')).toBe(false);
  });
});
