"""Oracle for yw's warm-up arithmetic: mmyolo 0.6.0's real YOLOv5ParamSchedulerHook on a stand-in runner.

stdin: JSON list of {images, batch, drop_last, epochs, warmup_epochs, warmup_mim_iter, base_lr}.
stdout: JSON list of {iters_per_epoch, lrs: lr before each iteration, targets: base_lr * scheduler_fn(epoch)}.
The train dataloader is a real torch DataLoader over `images` items, so len() is torch's.
"""
import json
import sys
from types import SimpleNamespace

import torch
from mmyolo.engine.hooks import YOLOv5ParamSchedulerHook


def run(job):
    loader = torch.utils.data.DataLoader(list(range(job['images'])), batch_size=job['batch'], drop_last=job['drop_last'])
    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=job['base_lr'], momentum=0.9)
    runner = SimpleNamespace(optim_wrapper=SimpleNamespace(optimizer=optimizer), train_dataloader=loader, iter=0, epoch=0)
    hook = YOLOv5ParamSchedulerHook(scheduler_type='linear', lr_factor=0.01, max_epochs=job['epochs'],
                                    warmup_epochs=job['warmup_epochs'], warmup_mim_iter=job['warmup_mim_iter'])
    hook.before_train(runner)
    lrs, targets = [], []
    for epoch in range(job['epochs']):
        runner.epoch = epoch
        for batch_idx in range(len(loader)):
            hook.before_train_iter(runner, batch_idx)
            lrs.append(float(optimizer.param_groups[0]['lr']))
            targets.append(job['base_lr'] * hook.scheduler_fn(epoch))
            runner.iter += 1
        hook.after_train_epoch(runner)
    return {'iters_per_epoch': len(loader), 'lrs': lrs, 'targets': targets}


print(json.dumps([run(job) for job in json.load(sys.stdin)]))
