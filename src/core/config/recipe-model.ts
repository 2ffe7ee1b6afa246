import { dict, expr, float, PyDict, type PyValue } from './py-value.js';
import type { Scope } from './scope.js';
import { SIZE_FACTS } from './sizes.js';

/** The text model every official F config ends up with (the last `text_model_name` assignment wins). */
export const TEXT_MODEL = 'openai/clip-vit-base-patch32';

/** `model = dict(...)` for the three modes (facts §1.2, F1–F13, P1, P2). */
export function modelOverride(s: Scope): PyDict {
  const { mode, maskRefine } = s.spec;
  const common = { mm_neck: true };
  if (mode === 'finetune') {
    return dict({
      type: 'YOLOWorldDetector', ...common,
      num_train_classes: s.ref('num_training_classes'), num_test_classes: s.ref('num_classes'),
      data_preprocessor: dict({ type: 'YOLOWDetDataPreprocessor' }),
      backbone: dict({
        _delete_: true, type: 'MultiModalYOLOBackbone', image_model: imageModel(s),
        text_model: dict({ type: 'HuggingCLIPLanguageBackbone', model_name: TEXT_MODEL, frozen_modules: ['all'] }),
      }),
      neck: neckOverride(s),
      bbox_head: dict({ type: 'YOLOWorldHead', head_module: headModule(s, { use_bn_head: s.spec.head === 'bn' ? true : undefined }) }),
      train_cfg: dict({ assigner: dict({ num_classes: s.ref('num_training_classes') }) }),
    });
  }
  if (mode === 'prompt' || mode === 'prompt-all') {
    // prompt: only the embeddings train (P1/P2); prompt-all: embeddings frozen, the rest trains (P3)
    const all = mode === 'prompt-all';
    return dict({
      type: 'SimpleYOLOWorldDetector', ...common,
      num_train_classes: s.ref('num_training_classes'), num_test_classes: s.ref('num_classes'),
      embedding_path: s.spec.embeddings, prompt_dim: s.ref('text_channels'), num_prompts: s.ref('num_classes'),
      // P2 (no mask-refine) writes the default explicitly; P1 leaves it out.
      freeze_prompt: all ? true : maskRefine ? undefined : false,
      data_preprocessor: dict({ type: 'YOLOv5DetDataPreprocessor' }),
      backbone: dict({ _delete_: true, type: 'MultiModalYOLOBackbone', text_model: null, image_model: imageModel(s), frozen_stages: all ? undefined : 4, with_text_model: false }),
      neck: neckOverride(s, { freeze_all: !all }),
      bbox_head: dict({ type: 'YOLOWorldHead', head_module: headModule(s, { freeze_all: !all, use_bn_head: true }) }),
      train_cfg: dict({ assigner: dict({ num_classes: s.ref('num_training_classes') }) }),
    });
  }
  return dict({
    type: 'SimpleYOLOWorldDetector', ...common,
    num_train_classes: s.ref('num_classes'), num_test_classes: s.ref('num_classes'), reparameterized: true,
    data_preprocessor: dict({ type: 'YOLOv5DetDataPreprocessor' }),
    backbone: dict({ _delete_: true, type: 'MultiModalYOLOBackbone', text_model: null, image_model: imageModel(s), with_text_model: false }),
    neck: neckOverride(s),
    bbox_head: dict({ head_module: headModule(s, { type: 'RepYOLOWorldHeadModule', num_guide: s.ref('num_classes') }, 'num_classes') }),
    train_cfg: dict({ assigner: dict({ num_classes: s.ref('num_classes') }) }),
  });
}

/** The base backbone; xl widens it (F13 mutates `_base_.model.backbone`, this copies it instead). */
function imageModel(s: Scope): PyValue {
  const backbone = s.base('model.backbone');
  if (s.spec.size !== 'xl') return backbone;
  const value = backbone.value as PyDict;
  const widened = new PyDict(value.entries.map(([k, v]) => [k, k === 'deepen_factor' ? s.ref('deepen_factor').value : k === 'widen_factor' ? s.ref('widen_factor').value : v] as const));
  return expr('dict(_base_.model.backbone, deepen_factor=deepen_factor, widen_factor=widen_factor)', widened);
}

const xlFactors = (s: Scope) => (s.spec.size === 'xl' ? { deepen_factor: s.ref('deepen_factor'), widen_factor: s.ref('widen_factor') } : {});

function neckOverride(s: Scope, extra: Record<string, PyValue> = {}): PyDict {
  const { mode, neck } = s.spec;
  const repConv = mode === 'reparam' && neck === 'vlpan';
  const block = neck === 'efficient' ? dict({ type: 'EfficientCSPLayerWithTwoConv' })
    : repConv ? dict({ type: 'RepConvMaxSigmoidCSPLayerWithTwoConv', guide_channels: s.ref('num_classes') })
    : dict({ type: 'MaxSigmoidCSPLayerWithTwoConv' });
  return dict({
    type: neck === 'dual-vlpan' ? 'YOLOWorldDualPAFPN' : 'YOLOWorldPAFPN',
    ...extra,
    ...xlFactors(s),
    guide_channels: repConv ? s.ref('num_classes') : s.ref('text_channels'),
    embed_channels: s.ref('neck_embed_channels'),
    num_heads: s.ref('neck_num_heads'),
    block_cfg: block,
    text_enhancder: neck === 'dual-vlpan' ? dict({ type: 'ImagePoolingAttentionModule', embed_channels: 256, num_heads: 8 }) : undefined,
  });
}

function headModule(s: Scope, extra: Record<string, PyValue | undefined>, classesName = 'num_training_classes'): PyDict {
  const { type = 'YOLOWorldHeadModule', ...rest } = extra;
  return dict({
    type,
    ...(rest.freeze_all !== undefined ? { freeze_all: rest.freeze_all } : {}),
    ...(s.spec.size === 'xl' ? { widen_factor: s.ref('widen_factor') } : {}),
    use_bn_head: rest.use_bn_head,
    embed_dims: s.ref('text_channels'),
    num_guide: rest.num_guide,
    num_classes: s.ref(classesName),
  });
}

export const XL_DEEPEN = float(SIZE_FACTS.xl.deepen);
export const XL_WIDEN = float(SIZE_FACTS.xl.widen);
