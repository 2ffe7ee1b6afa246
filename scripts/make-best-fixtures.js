#!/usr/bin/env node
// Writes fixtures/best-*/: realistic mmengine work dirs (vis_data/scalars.json as LocalVisBackend
// writes it with Python's json.dump, plus empty checkpoint files). Deterministic: seeded PRNG, no clock.
// Run: node scripts/make-best-fixtures.js   (rewrites the folders)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../fixtures/', import.meta.url).pathname;
const ITERS = 70; // iterations per epoch: train lines at iter 50 and at the epoch's last iter (facts §7.2)
const INT_KEYS = new Set(['epoch', 'iter', 'memory', 'step']);

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Python's repr of a float (json.dump spelling): 1e-05, 0.5, -1.0, nan → NaN. */
function pyFloat(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return `${x}.0`;
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e16)) {
    const [m, e] = x.toExponential().split('e');
    const sign = e.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${e.replace(/^[-+]/, '').padStart(2, '0')}`;
  }
  return String(x);
}

/** One line exactly as Python's json.dump(dict) writes it. */
function pyLine(entries) {
  const body = entries.map(([k, v]) => {
    if (v === undefined) return undefined;
    const value = INT_KEYS.has(k) && Number.isInteger(v) ? String(v) : typeof v === 'string' ? JSON.stringify(v) : pyFloat(v);
    return `${JSON.stringify(k)}: ${value}`;
  });
  return `{${body.filter(Boolean).join(', ')}}`;
}

/** Official 80/10 schedule: every 5 epochs, then every epoch from max-close-1 (facts §7.2). */
function validatedEpochs(max, close = 10, interval = 5) {
  const out = [];
  for (let e = 1; e <= max; e += 1) {
    const dense = e + 1 >= max - close; // val_interval is re-chosen with bisect before the check
    if (dense || e % interval === 0) out.push(e);
  }
  return out;
}

function trainLine(rand, epoch, iter, overrides = {}) {
  const progress = iter / (80 * ITERS);
  const loss = 40 - 25 * Math.min(1, progress * 1.4) + rand() * 1.5;
  const cls = loss * 0.28;
  const bbox = loss * 0.34;
  const lr = 2e-4 * Math.min(1, iter / 1000) * (1 - 0.99 * progress);
  const v = { base_lr: lr, lr, data_time: 0.003 + rand() * 0.004, grad_norm: 300 + rand() * 200, loss, loss_cls: cls, loss_bbox: bbox, loss_dfl: loss - cls - bbox, time: 0.12 + rand() * 0.02, epoch, iter, memory: 4455 + Math.floor(rand() * 40), step: iter, ...overrides };
  return pyLine(Object.entries(v));
}

const r3 = (x) => Math.round(x * 1000) / 1000;

function cocoLine(rand, epoch, mAP, overrides = {}) {
  const v = {
    'coco/bbox_mAP': r3(mAP),
    'coco/bbox_mAP_50': r3(mAP * 1.42 + rand() * 0.004),
    'coco/bbox_mAP_75': r3(mAP * 1.08 + rand() * 0.004),
    'coco/bbox_mAP_s': -1.0, // no small objects in the val set: COCO writes -1 for an empty area range
    'coco/bbox_mAP_m': r3(mAP * 0.8 + rand() * 0.004),
    'coco/bbox_mAP_l': r3(mAP * 1.12 + rand() * 0.004),
    data_time: 0.0004 + rand() * 0.0002,
    time: 0.023 + rand() * 0.002,
    step: epoch,
    ...overrides,
  };
  return pyLine(Object.entries(v));
}

/** A smooth learning curve with noise, kept below `cap` so the designed best stays the best. */
function curve(rand, epoch, cap) {
  const base = 0.3 + 0.13 * (1 - Math.exp(-epoch / 14)) + (epoch > 70 ? 0.006 : 0);
  return Math.min(cap, base + (rand() - 0.5) * 0.006);
}

/** Lines of one training run for epochs [from, to]; `designed` pins mAP (and overrides) per epoch. */
function runLines({ seed, from, to, max = 80, designed = {}, cap }) {
  const rand = prng(seed);
  const val = new Set(validatedEpochs(max));
  const lines = [];
  for (let e = from; e <= to; e += 1) {
    lines.push(trainLine(rand, e, (e - 1) * ITERS + 50), trainLine(rand, e, e * ITERS));
    if (!val.has(e)) continue;
    const d = designed[e];
    lines.push(cocoLine(rand, e, d?.mAP ?? curve(rand, e, cap), d?.overrides));
  }
  return lines;
}

function writeRun(dir, run, lines, tail = '\n') {
  const vis = join(dir, run, 'vis_data');
  mkdirSync(vis, { recursive: true });
  writeFileSync(join(vis, 'scalars.json'), lines.join('\n') + tail);
}

function checkpoints(dir, epochs, extra = []) {
  for (const e of epochs) writeFileSync(join(dir, `epoch_${e}.pth`), '');
  for (const f of extra) writeFileSync(join(dir, f), '');
  const last = Math.max(...epochs);
  writeFileSync(join(dir, 'last_checkpoint'), `work_dirs/custom/epoch_${last}.pth`);
}

function fixture(name, readme, build) {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'README.md'), `${readme.join('\n')}\n`);
  build(dir);
}

const every5 = Array.from({ length: 16 }, (_, i) => (i + 1) * 5);

fixture('best-80e', [
  '80-epoch fine-tune, official validation schedule (5..65 by 5, then 69..80): best coco/bbox_mAP 0.448 at epoch 75 (saved; mAP_50 0.637).',
  'coco/bbox_mAP_50 peaks at epoch 72 (0.655, not saved); checkpoints every 5 epochs; mAP_s is -1.0 (no small objects).',
], (dir) => {
  const best = { 'coco/bbox_mAP_50': 0.637, 'coco/bbox_mAP_75': 0.485, 'coco/bbox_mAP_m': 0.359, 'coco/bbox_mAP_l': 0.502 };
  const designed = { 75: { mAP: 0.448, overrides: best }, 72: { mAP: 0.446, overrides: { 'coco/bbox_mAP_50': 0.655 } } };
  writeRun(dir, '20240618_101010', runLines({ seed: 1, from: 1, to: 80, designed, cap: 0.445 }));
  checkpoints(dir, every5);
});

fixture('best-unsaved', [
  'Work dir where the best epoch (72, coco/bbox_mAP 0.451) was not saved: checkpoints every 5 epochs + last.',
  'Among saved epochs the best validated one is 80 (0.449); 70 is nearer but lower (0.445).',
], (dir) => {
  const designed = { 72: { mAP: 0.451 }, 80: { mAP: 0.449 }, 75: { mAP: 0.447 }, 70: { mAP: 0.445 } };
  writeRun(dir, '20240619_080000', runLines({ seed: 2, from: 1, to: 80, designed, cap: 0.444 }));
  checkpoints(dir, every5);
});

fixture('best-saved-best', [
  "Work dir trained with save_best='auto': best_coco_bbox_mAP_epoch_71.pth holds the best epoch 71 (0.452), which has no epoch_71.pth.",
  'Regular checkpoints every 5 epochs.',
], (dir) => {
  writeRun(dir, '20240619_120000', runLines({ seed: 3, from: 1, to: 80, designed: { 71: { mAP: 0.452 } }, cap: 0.447 }));
  checkpoints(dir, every5, ['best_coco_bbox_mAP_epoch_71.pth']);
});

fixture('best-resumed', [
  'Training resumed into a second run folder: run 1 (killed in epoch 33, truncated last line) validated 5..30; run 2 resumed from epoch 25.',
  'Epoch 30 is in both runs (run 1: 0.460, run 2: 0.401; later wins); merged best is epoch 77 (0.452, not saved) -> epoch_75.pth (0.441).',
], (dir) => {
  const first = runLines({ seed: 4, from: 1, to: 33, designed: { 30: { mAP: 0.46 } }, cap: 0.44 });
  writeRun(dir, '20240620_090000', first, '\n{"base_lr": 0.00013, "lr": 0.00013, "data_ti');
  writeRun(dir, '20240620_150000', runLines({ seed: 5, from: 26, to: 80, designed: { 30: { mAP: 0.401 }, 75: { mAP: 0.441 }, 77: { mAP: 0.452 } }, cap: 0.438 }));
  checkpoints(dir, every5);
});

fixture('best-nan', [
  '20-epoch run (validation every 5) with NaN/Infinity/-Infinity grad_norm, a NaN loss, blank lines, a bad line, keys in any order,',
  'CRLF line ends and a truncated last line. Best coco/bbox_mAP 0.312 at epoch 15; the NaN loss line is left out of the epoch-7 mean.',
], (dir) => {
  const rand = prng(6);
  const lines = [];
  for (let e = 1; e <= 20; e += 1) {
    const o = e === 3 ? { grad_norm: Number.NaN } : e === 4 ? { grad_norm: Infinity } : e === 5 ? { grad_norm: -Infinity } : e === 7 ? { loss: Number.NaN } : {};
    lines.push(trainLine(rand, e, (e - 1) * ITERS + 50, o), trainLine(rand, e, e * ITERS));
    if (e === 9) lines.push('', '   ', 'this is not json');
    if (e % 5 === 0) {
      const mAP = { 5: 0.25, 10: 0.301, 15: 0.312, 20: 0.309 }[e];
      const line = cocoLine(rand, e, mAP);
      // reversed key order: mmengine does not promise one
      lines.push(e === 10 ? `{${line.slice(1, -1).split(', ').reverse().join(', ')}}` : line);
    }
  }
  writeRun(dir, '20240621_070000', lines.map((l, i) => (i % 2 === 0 ? `${l}\r` : l)), '\n{"coco/bbox_mAP": 0.3');
  checkpoints(dir, [5, 10, 15, 20]);
});

fixture('best-no-preds', [
  'A run whose model made no predictions: the validation lines have no coco/ keys (only data_time, time, step).',
  'yw best must say so (NO_METRICS) instead of picking an epoch.',
], (dir) => {
  const rand = prng(7);
  const lines = [];
  for (let e = 1; e <= 10; e += 1) {
    lines.push(trainLine(rand, e, (e - 1) * ITERS + 50, { loss_bbox: 0.0, loss_dfl: 0.0 }), trainLine(rand, e, e * ITERS, { loss_bbox: 0.0, loss_dfl: 0.0 }));
    if (e % 5 === 0) lines.push(pyLine([['data_time', 0.0004], ['time', 0.021], ['step', e]]));
  }
  writeRun(dir, '20240622_100000', lines);
  checkpoints(dir, [5, 10]);
});

fixture('best-lvis', [
  'LVIS-evaluated run (lvis/bbox_AP ... lvis/bbox_APf keys), 12 epochs, validation every 4: best lvis/bbox_AP 0.284 at epoch 8.',
  'mmengine cannot infer the rule for lvis/bbox_AP; yw assumes greater and warns (RULE_ASSUMED) unless --rule is given.',
], (dir) => {
  const rand = prng(8);
  const lines = [];
  for (let e = 1; e <= 12; e += 1) {
    lines.push(trainLine(rand, e, (e - 1) * ITERS + 50), trainLine(rand, e, e * ITERS));
    if (e % 4 !== 0) continue;
    const ap = { 4: 0.251, 8: 0.284, 12: 0.279 }[e];
    const keys = ['AP', 'AP50', 'AP75', 'APs', 'APm', 'APl', 'APr', 'APc', 'APf'];
    const scale = [1, 1.45, 1.1, 0.6, 0.9, 1.2, 0.7, 0.95, 1.05];
    lines.push(pyLine([...keys.map((k, i) => [`lvis/bbox_${k}`, i === 0 ? ap : r3(ap * scale[i])]), ['data_time', 0.0005], ['time', 0.03], ['step', e]]));
  }
  writeRun(dir, '20240623_110000', lines);
  checkpoints(dir, [4, 8, 12]);
});
console.log('fixtures written to', ROOT);
