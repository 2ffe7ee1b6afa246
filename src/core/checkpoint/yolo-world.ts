/**
 * What a YOLO-World state dict is, from its key names and shapes (yolo_world/models at b1b09f2):
 * a v2 head (`BNContrastiveHead`: norm + logit_scale + bias), a reparameterized one
 * (`RepBNContrastiveHead`: norm + a 1x1 conv with one output per class), and the neck's text-guided
 * attention blocks (`guide_fc`, or after reparameterization `guide_convs.{h}` / `guide_weight`).
 */
export const HEAD_BRANCHES = [0, 1, 2].map((i) => `bbox_head.head_module.cls_contrasts.${i}`);
export const NECK_ATTN_BLOCKS = [
  'neck.top_down_layers.0.attn_block',
  'neck.top_down_layers.1.attn_block',
  'neck.bottom_up_layers.0.attn_block',
  'neck.bottom_up_layers.1.attn_block',
];
/** tools/reparameterize_yoloworld.py drops every key containing this. */
export const TEXT_MODEL_MARK = 'text_model';

export type HeadKind = 'v2' | 'v1-l2' | 'reparameterized' | 'none';
export type NeckKind = 'guide_fc' | 'rep-conv' | 'rep-linear' | 'none';

export interface YoloWorldState {
  head: HeadKind;
  neck: NeckKind;
  /** Classes folded into a reparameterized head (conv.weight rows). */
  repClasses?: number;
  /** Classes folded into a reparameterized neck (guide_convs / guide_weight rows). */
  repNeckClasses?: number;
  /** Text embedding width the head expects (norm.weight of a v2 head, conv.weight columns when reparameterized). */
  embedDim?: number;
  hasTextModel: boolean;
  /** Output channels of the backbone stem: 8-rounded 64 x widen_factor (s 32, m 48, l 64, x 80, xl 96). */
  stemChannels?: number;
}

export function describeYoloWorld(shapes: ReadonlyMap<string, number[]>): YoloWorldState {
  const h0 = HEAD_BRANCHES[0]!;
  const conv = shapes.get(`${h0}.conv.weight`);
  const norm = shapes.get(`${h0}.norm.weight`);
  const head: HeadKind = conv ? 'reparameterized'
    : shapes.has(`${h0}.logit_scale`) ? (norm ? 'v2' : 'v1-l2')
      : 'none';
  const b0 = NECK_ATTN_BLOCKS[0]!;
  const repConv = shapes.get(`${b0}.guide_convs.0.weight`);
  const repLinear = shapes.get(`${b0}.guide_weight`);
  const neck: NeckKind = shapes.has(`${b0}.guide_fc.weight`) ? 'guide_fc' : repConv ? 'rep-conv' : repLinear ? 'rep-linear' : 'none';
  const state: YoloWorldState = { head, neck, hasTextModel: [...shapes.keys()].some((k) => k.includes(TEXT_MODEL_MARK)) };
  if (conv) state.repClasses = conv[0];
  const neckRows = (repConv ?? repLinear)?.[0];
  if (neckRows !== undefined) state.repNeckClasses = neckRows;
  const dim = norm?.[0] ?? conv?.[1];
  if (dim !== undefined) state.embedDim = dim;
  const stem = shapes.get('backbone.image_model.stem.conv.weight')?.[0];
  if (stem !== undefined) state.stemChannels = stem;
  return state;
}

/** The model size whose backbone stem has `channels` outputs (YOLOv8CSPDarknet: make_divisible(64 * widen, 8)). */
export function sizeFromStem(channels: number | undefined): string | undefined {
  return ({ 32: 's', 48: 'm', 64: 'l', 80: 'x', 96: 'xl' } as Record<number, string>)[channels ?? -1];
}

export function stemChannelsFor(widenFactor: number): number {
  return Math.ceil((64 * widenFactor) / 8) * 8;
}
