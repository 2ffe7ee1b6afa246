#!/usr/bin/env node
// Times `yw embed` (whole process, built dist/) on the 80 COCO class names through a real-size CLIP
// ViT-B/32 text tower: 12 layers, width 512, 8 heads, MLP 2048, 77 positions, projection 512, with
// random weights (not CLIP's: no download here) and the real CLIP vocabulary from the tiny fixture.
// The generated model.safetensors also holds a vision-tower-sized block (~350 MB) that yw must not read,
// as the published file does. It is written once to $TMPDIR/yw-bench-embed and never committed.
// Usage: npm run build && node scripts/bench-embed.js [runs=7]
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { COCO80 } from '../dist/core/check/coco80.js';

const RUNS = Number(process.argv[2] ?? 7);
const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, 'fixtures', 'embed-tiny-clip', 'input', 'snapshot');
const work = join(tmpdir(), 'yw-bench-embed');
const snapshot = join(work, 'clip-vit-base-patch32');
const TEXT = { vocab: 49408, width: 512, layers: 12, heads: 8, mlp: 2048, positions: 77, projection: 512 };
const VISION_FLOATS = 87_800_000; // CLIP ViT-B/32's vision tower (~351 MB of float32)

/** The text tower's tensors in the order transformers saves them, then the vision block. */
function tensors() {
  const { vocab, width: h, layers, mlp, positions, projection } = TEXT;
  const list = [
    ['logit_scale', []],
    ['text_model.embeddings.position_embedding.weight', [positions, h]],
    ['text_model.embeddings.token_embedding.weight', [vocab, h]],
  ];
  for (let i = 0; i < layers; i++) {
    const p = `text_model.encoder.layers.${i}.`;
    list.push([`${p}layer_norm1.bias`, [h]], [`${p}layer_norm1.weight`, [h]], [`${p}layer_norm2.bias`, [h]], [`${p}layer_norm2.weight`, [h]],
      [`${p}mlp.fc1.bias`, [mlp]], [`${p}mlp.fc1.weight`, [mlp, h]], [`${p}mlp.fc2.bias`, [h]], [`${p}mlp.fc2.weight`, [h, mlp]]);
    for (const proj of ['k_proj', 'out_proj', 'q_proj', 'v_proj']) list.push([`${p}self_attn.${proj}.bias`, [h]], [`${p}self_attn.${proj}.weight`, [h, h]]);
  }
  list.push(['text_model.final_layer_norm.bias', [h]], ['text_model.final_layer_norm.weight', [h]], ['text_projection.weight', [projection, h]]);
  list.push(['vision_model.all_weights_of_the_vision_tower', [VISION_FLOATS]], ['visual_projection.weight', [projection, 768]]);
  return list;
}

/** A deterministic pseudo-random float in [-scale, scale) (xorshift32). */
let seed = 0x2545f491;
function random(scale) {
  seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
  return ((seed >>> 0) / 4294967296 - 0.5) * 2 * scale;
}

function writeSafetensors(path) {
  const header = {};
  let offset = 0;
  for (const [name, shape] of tensors()) {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = JSON.stringify({ __metadata__: { format: 'pt' }, ...header });
  json += ' '.repeat((8 - (json.length % 8)) % 8);
  const fd = openSync(path, 'w');
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(json.length));
  writeSync(fd, prefix);
  writeSync(fd, json);
  for (const [name, shape] of tensors()) {
    const count = shape.reduce((a, b) => a * b, 1);
    const norm = name.includes('layer_norm') && name.endsWith('weight');
    const scale = name.startsWith('vision') ? 0 : name.includes('embedding') ? 0.5 : 1 / Math.sqrt(shape[shape.length - 1] ?? 1);
    for (let start = 0; start < count; start += 1 << 20) {
      const chunk = new Float32Array(Math.min(1 << 20, count - start));
      if (scale > 0) for (let i = 0; i < chunk.length; i++) chunk[i] = (norm ? 1 : 0) + random(norm ? 0.1 : scale);
      writeSync(fd, new Uint8Array(chunk.buffer));
    }
  }
  closeSync(fd);
}

function prepare() {
  if (!existsSync(join(fixture, 'vocab.json'))) throw new Error(`${fixture}/vocab.json missing: the tiny CLIP fixture provides the vocabulary`);
  mkdirSync(snapshot, { recursive: true });
  for (const f of ['vocab.json', 'merges.txt']) copyFileSync(join(fixture, f), join(snapshot, f));
  const config = {
    model_type: 'clip', projection_dim: TEXT.projection,
    text_config: {
      bos_token_id: 0, eos_token_id: 2, pad_token_id: 1, hidden_act: 'quick_gelu', hidden_size: TEXT.width,
      intermediate_size: TEXT.mlp, layer_norm_eps: 1e-5, max_position_embeddings: TEXT.positions, model_type: 'clip_text_model',
      num_attention_heads: TEXT.heads, num_hidden_layers: TEXT.layers, projection_dim: TEXT.projection, vocab_size: TEXT.vocab,
    },
  };
  writeFileSync(join(snapshot, 'config.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(work, 'coco_class_texts.json'), JSON.stringify(COCO80.map((name) => [name])));
  if (!existsSync(join(snapshot, 'model.safetensors'))) writeSafetensors(join(snapshot, 'model.safetensors'));
}

prepare();
const child = join(root, 'scripts', 'bench-child.js');
const args = [child, 'embed', join(work, 'coco_class_texts.json'), '--model', snapshot, '-o', join(work, 'out.npy'), '--force', '--json', ...process.argv.slice(3)];
const walls = [];
const rss = [];
const cpus = [];
let result;
for (let r = 0; r < RUNS; r++) {
  const t = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  walls.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (run.status !== 0) throw new Error(`yw embed failed (${run.status}): ${run.stderr}`);
  result = JSON.parse(run.stdout);
  const usage = /maxRSS=(\d+) cpu=([\d.]+)/.exec(run.stderr);
  rss.push(Number(usage[1]) / 1024);
  cpus.push(Number(usage[2]) * 1000);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`yw embed, 80 COCO names (${result.tokens} tokens, ${result.computed_positions} positions computed), ViT-B/32-size text tower, ${RUNS} runs, load average ${loadavg()[0].toFixed(1)}:`);
console.log(`  wall median ${median(walls).toFixed(0)} ms (min ${Math.min(...walls).toFixed(0)}, max ${Math.max(...walls).toFixed(0)}); CPU (user+sys) median ${median(cpus).toFixed(0)} ms`);
console.log(`  peak RSS median ${median(rss).toFixed(0)} MB (max ${Math.max(...rss).toFixed(0)}); simd ${result.simd}`);
