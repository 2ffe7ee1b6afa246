import { dict, expr, float, PyDict, type PyValue } from './py-value.js';
import type { Scope } from './scope.js';
import { SIZE_FACTS } from './sizes.js';
import { MODE_FACTS } from './modes.js';

/** The text model every official F config ends up with (the last `text_model_name` assignment wins). */
export const TEXT_MODEL = 'openai/clip-vit-base-patch32';

/** `model = dict(...)` for every mode (facts §1.2: F1–F13, P1–P3), driven by MODE_FACTS. */
export function modelOverride(s: Scope): PyDict {
  const f = MODE_FACTS[s.spec.mode];
  if (f.reparameterized) return repModel(s);
  return dict({
    type: f.detector,
    mm_neck: true,
    num_train_classes: s.ref('num_training_classes'),
    num_test_classes: s.ref('num_classes'),
    embedding_path: f.embeddings ? s.spec.embeddings : undefined,
    prompt_dim: f.embeddings ? s.ref('text_channels') : undefined,
    num_prompts: f.embeddings ? s.ref('num_classes') : undefined,
    // P3 freezes the prompts; P2 (no mask-refine) writes the default False explicitly, P1 leaves it out
    freeze_prompt: f.freezePrompt ? true : f.embeddings && !s.spec.maskRefine ? false : undefined,
    data_preprocessor: dict({ type: f.dataPreprocessor }),
    backbone: dict({
      _delete_: true,
      type: 'MultiModalYOLOBackbone',
      image_model: imageModel(s),
      text_model: f.textModel ? dict({ type: 'HuggingCLIPLanguageBackbone', model_name: TEXT_MODEL, frozen_modules: ['all'] }) : null,
      frozen_stages: f.frozen ? 4 : undefined,
      with_text_model: f.textModel ? undefined : false,
    }),
    neck: neckOverride(s, f.embeddings ? { freeze_all: f.frozen } : {}),
    bbox_head: dict({
      type: 'YOLOWorldHead',
      head_module: headModule(s, { freeze_all: f.embeddings ? f.frozen : undefined, use_bn_head: s.spec.head === 'bn' ? true : undefined }),
    }),
    train_cfg: dict({ assigner: dict({ num_classes: s.ref('num_training_classes') }) }),
  });
}

/** F9/F10: no text model, RepYOLOWorldHeadModule inside mmyolo's YOLOv8Head, num_classes everywhere. */
function repModel(s: Scope): PyDict {
  return dict({
    type: 'SimpleYOLOWorldDetector', mm_neck: true,
    num_train_classes: s.ref('num_classes'), num_test_classes: s.ref('num_classes'), reparameterized: true,
    data_preprocessor: dict({ type: MODE_FACTS.reparam.dataPreprocessor }),
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
