import type { Mode, Neck } from './options.js';

/**
 * Per-mode facts (yolo-world-facts §1.2, §1.5): what each mode's official configs set. The recipe
 * modules read this table instead of testing mode names.
 */
export interface ModeFacts {
  detector: 'YOLOWorldDetector' | 'SimpleYOLOWorldDetector';
  dataPreprocessor: 'YOLOWDetDataPreprocessor' | 'YOLOv5DetDataPreprocessor';
  /** CLIP text model in the backbone and MultiModalDataset + class texts in the data (finetune). */
  textModel: boolean;
  /** Prompt embeddings from a .npy (embedding_path, prompt_dim, num_prompts). */
  embeddings: boolean;
  /** Backbone frozen_stages=4 and freeze_all on neck and head: only the prompts train (P1/P2). */
  frozen: boolean;
  /** freeze_prompt=True: the prompts stay fixed and the rest trains (P3). */
  freezePrompt: boolean;
  /** SimpleYOLOWorldDetector(reparameterized=True) with RepYOLOWorldHeadModule (F9/F10). */
  reparameterized: boolean;
  /** paramwise_cfg custom_keys (text model lr x0.01, logit_scale without decay). */
  paramwise: boolean;
  optimConstructor: 'YOLOWv5OptimizerConstructor' | 'YOLOv5OptimizerConstructor';
  necks: readonly Neck[];
}

const FINETUNE: ModeFacts = {
  detector: 'YOLOWorldDetector', dataPreprocessor: 'YOLOWDetDataPreprocessor', textModel: true, embeddings: false,
  frozen: false, freezePrompt: false, reparameterized: false, paramwise: true,
  optimConstructor: 'YOLOWv5OptimizerConstructor', necks: ['vlpan', 'efficient', 'dual-vlpan'],
};

export const MODE_FACTS: Record<Mode, ModeFacts> = {
  finetune: FINETUNE,
  prompt: { ...FINETUNE, detector: 'SimpleYOLOWorldDetector', dataPreprocessor: 'YOLOv5DetDataPreprocessor', textModel: false, embeddings: true, frozen: true, necks: ['vlpan'] },
  'prompt-all': {
    ...FINETUNE, detector: 'SimpleYOLOWorldDetector', dataPreprocessor: 'YOLOv5DetDataPreprocessor', textModel: false, embeddings: true,
    freezePrompt: true, paramwise: false, optimConstructor: 'YOLOv5OptimizerConstructor', necks: ['vlpan'],
  },
  reparam: {
    ...FINETUNE, detector: 'SimpleYOLOWorldDetector', dataPreprocessor: 'YOLOv5DetDataPreprocessor', textModel: false,
    reparameterized: true, paramwise: false, necks: ['vlpan', 'efficient'],
  },
};
