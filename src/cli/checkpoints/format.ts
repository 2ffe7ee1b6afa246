import type { ReparamResult } from './run-reparam.js';
import type { SlimResult } from './run-slim.js';

/** Sizes as people quote checkpoint sizes: decimal megabytes, one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(1)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(2)} GB`;
}

export function formatReparam(r: ReparamResult): string {
  const blocks = r.neckBlocks;
  const heads = [...new Set(blocks.map((b) => b.heads))];
  const neck = blocks.length === 0
    ? 'neck: no text-guided attention blocks (efficient neck): unchanged'
    : `neck: ${blocks.length} attention blocks -> ${r.neck === 'conv' ? 'guide_convs' : 'guide_weight'} (${heads.length === 1 ? `${heads[0]} heads each` : `${blocks.map((b) => b.heads).join(', ')} heads`})`;
  const lines = [
    `wrote ${r.output} (${formatBytes(r.outputBytes)}; ${r.input} is ${formatBytes(r.inputBytes)})`,
    `  head: bbox_head.head_module.cls_contrasts.{0,1,2}.conv <- ${r.classes} classes x ${r.dims} dims from ${r.embeddings}`,
    `  ${neck}`,
    `  removed ${r.textKeysRemoved} text_model keys${r.keptAsIs.length ? `; kept ${r.keptAsIs.join(', ')} as they were` : ''}`,
    '',
    'next step (run from the YOLO-World root; the config must have the same classes, in the same order):',
    `  ${reparamNextStep(r)}`,
  ];
  if (r.neck === 'linear' && blocks.length > 0) {
    lines.push('  note: yw config writes the conv neck (RepConvMaxSigmoidCSPLayerWithTwoConv); a _rep_linear checkpoint needs',
      '  block_cfg=dict(type=\'RepMaxSigmoidCSPLayerWithTwoConv\', ...) in the config instead');
  }
  return `${lines.join('\n')}\n`;
}

export function reparamNextStep(r: ReparamResult): string {
  const size = r.size ? ` --size ${r.size}` : '';
  const neck = r.neckBlocks.length === 0 ? ' --neck efficient' : '';
  return `yw config --data <dataset> --mode reparam${size}${neck} --weights ${quote(r.output)}`;
}

function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

export function formatSlim(r: SlimResult): string {
  const saved = r.inputBytes > 0 ? ` (-${(100 * (1 - r.outputBytes / r.inputBytes)).toFixed(0)}%)` : '';
  const dropped = r.dropped.length ? `dropped ${r.dropped.join(', ')}` : 'nothing to drop: it held only state_dict and meta';
  return `wrote ${r.output}: ${formatBytes(r.inputBytes)} -> ${formatBytes(r.outputBytes)}${saved}; ${dropped}\n`;
}
