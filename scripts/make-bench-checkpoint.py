#!/usr/bin/env python3
"""Writes a checkpoint the size of a YOLO-World v2 L training checkpoint, for npm run bench:checkpoints.

    python3 scripts/make-bench-checkpoint.py OUT.pth      (needs only torch; ~820 MB, not committed)

Key names and shapes come from fixtures/checkpoints/yolo-world/v2_l_keys.json (the real v2 L detector
with CLIP ViT-B/32's text tower, 110 M values). Like an mmengine checkpoint it holds meta, state_dict
(an OrderedDict with _metadata), message_hub and the AdamW state of the 47 M trainable values (the text
model is frozen): 441 MB of weights + 375 MB of optimizer state. The values are random (seeded); EMA is
left out (it would add another 441 MB).
"""
import collections
import json
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
keys = json.load(open(os.path.join(HERE, '..', 'fixtures', 'checkpoints', 'yolo-world', 'v2_l_keys.json')))['keys']
torch.manual_seed(0)
state = collections.OrderedDict()
for key, shape, _ in keys:
    if key.endswith('num_batches_tracked'):
        state[key] = torch.tensor(1000, dtype=torch.int64)
    elif key.endswith('logit_scale'):
        state[key] = torch.tensor(2.6)
    else:
        state[key] = torch.randn(shape) * 0.02
state._metadata = collections.OrderedDict((k.rsplit('.', 1)[0], {'version': 1}) for k, _, _ in keys)
trainable = [k for k, _, t in keys if t]
optimizer = {
    'state': {i: {'step': torch.tensor(1000.0), 'exp_avg': torch.randn(state[k].shape) * 1e-4, 'exp_avg_sq': torch.rand(state[k].shape) * 1e-8}
              for i, k in enumerate(trainable)},
    'param_groups': [{'lr': 2e-4, 'betas': (0.9, 0.999), 'eps': 1e-8, 'weight_decay': 0.05, 'amsgrad': False, 'maximize': False,
                      'foreach': None, 'capturable': False, 'differentiable': False, 'fused': None, 'initial_lr': 2e-4,
                      'params': list(range(len(trainable)))}],
}
classes = tuple(f'class_{i}' for i in range(80))
checkpoint = {
    'meta': {'epoch': 80, 'iter': 100000, 'cfg': '# config\n' * 2000, 'seed': 123456789, 'experiment_name': 'bench',
             'time': '20240101_000000', 'mmengine_version': '0.10.3', 'dataset_meta': {'classes': classes}},
    'state_dict': state,
    'message_hub': {'log_scalars': {}, 'runtime_info': {'epoch': 80, 'iter': 100000, 'max_epochs': 80, 'dataset_meta': {'classes': classes}},
                    'resumed_keys': {'epoch': True, 'iter': True}},
    'optimizer': optimizer,
}
torch.save(checkpoint, sys.argv[1])
print(f'wrote {sys.argv[1]}: {os.path.getsize(sys.argv[1]) / 1e6:.0f} MB')
