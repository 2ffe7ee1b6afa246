#!/usr/bin/env python3
"""Writes fixtures/checkpoints/: real pickles and torch checkpoints for yw's checkpoint reader/writer.

    /usr/bin/python3 scripts/make-checkpoint-fixtures.py pickles      stdlib pickle + numpy only
    /usr/bin/python3 scripts/make-checkpoint-fixtures.py model        needs the train harness (../shared/train-harness,
                                                                     $SA/site: mmengine, mmdet, mmyolo, YOLO-World b1b09f2)
    /usr/bin/python3 scripts/make-checkpoint-fixtures.py embeddings   numpy only
    /usr/bin/python3 scripts/make-checkpoint-fixtures.py reference    needs the same environment as model: runs the real
                                                                     tools/reparameterize_yoloworld.py on the model fixtures

model and reference: PYTHONPATH=$SA/site YOLO_WORLD=<YOLO-World checkout at b1b09f2>, e.g.
    mkdir /tmp/yw && git --git-dir=MIRROR/AILab-CVC+YOLO-World/repo archive b1b09f2 | tar -x -C /tmp/yw
    PYTHONPATH=/tmp/yw-train/site YOLO_WORLD=/tmp/yw /usr/bin/python3 scripts/make-checkpoint-fixtures.py model embeddings reference

Everything is seeded, so a rerun writes the same tensors (torch.save and mmengine add no timestamps that
matter to the tests; meta['time'] is mmengine's own and differs run to run).
"""
import collections
import os
import pickle
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'fixtures', 'checkpoints')


def pickles():
    """Objects that exercise every pickle feature torch.save and mmengine use, written by CPython itself."""
    import numpy as np

    out = os.path.join(OUT, 'pickles')
    os.makedirs(out, exist_ok=True)
    shared_list = [1]
    shared_str = 'shared'
    loop_list = []
    loop_list.append(loop_list)
    loop_dict = {}
    loop_dict['self'] = loop_dict
    numbers = [0, 1, 255, 256, 65535, 65536, -1, -128, -129, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
               2**53, 2**63, -2**63, 2**64, 10**40, -10**40, 2**2100]
    cases = {
        'scalars': {'none': None, 'bools': [True, False], 'ints': numbers,
                    'floats': [0.0, -0.0, 1.5, 1e300, 5e-324, float('inf'), float('-inf'), float('nan')],
                    'text': ['', 'ascii', 'h\xe9llo \u20ac \U0001F600', 'a\udc80b', '\ud800']},
        'containers': {'t0': (), 't1': (1,), 't2': (1, 2), 't3': (1, 2, 3), 't4': (1, 2, 3, 4),
                       'list1': [[1]], 'dict1': {'x': 1}, 'nested': {'a': [{'b': (None, [])}]},
                       'sets': [set(), {1, 2}, frozenset([3])], 'bytes': [b'', b'abc\x00\xff\x80']},
        'batches': {'d999': {str(i): i for i in range(999)}, 'd1000': {str(i): i for i in range(1000)},
                    'd1001': {str(i): i for i in range(1001)}, 'd2000': {str(i): i for i in range(2000)},
                    'l1000': list(range(1000)), 'l1001': list(range(1001)), 'l2001': list(range(2001)),
                    'od1': collections.OrderedDict([('a', 1)]),
                    'od1000': collections.OrderedDict((str(i), i) for i in range(1000)),
                    'od1001': collections.OrderedDict((str(i), i) for i in range(1001)),
                    'od2001': collections.OrderedDict((str(i), i) for i in range(2001))},
        'sharing': {'same_str': [shared_str, shared_str], 'same_list': [shared_list, shared_list, (shared_list,)],
                    'loops': [loop_list, loop_dict]},
        'numpy': {'f64': np.arange(5, dtype=np.float64), 'f32': np.linspace(0, 1, 7, dtype=np.float32).reshape(7, 1),
                  'scalar': np.int64(3), 'half': np.float16(2.5)},
    }
    for name, value in cases.items():
        with open(os.path.join(out, f'{name}.pkl'), 'wb') as f:
            pickle.dump(value, f, protocol=2)
    mixed = dict(cases['scalars'], containers=cases['containers'], od=collections.OrderedDict([('k', b'v')]))
    for protocol in (0, 1, 3, 4, 5):
        with open(os.path.join(out, f'protocol{protocol}.pkl'), 'wb') as f:
            pickle.dump(mixed, f, protocol=protocol)
        # what CPython writes for the same object at protocol 2: the writer's expected output
        with open(os.path.join(out, f'protocol{protocol}.as2.pkl'), 'wb') as f:
            pickle.dump(pickle.loads(pickle.dumps(mixed, protocol=protocol)), f, protocol=2)


def torch_files():
    """torch.save's own files: every dtype, views, shared storages, a Parameter, zip and legacy format."""
    import json
    import numpy as np
    import torch

    out = os.path.join(OUT, 'torch')
    os.makedirs(out, exist_ok=True)
    g = torch.Generator().manual_seed(0)
    base = torch.randn(4, 6, generator=g)
    tensors = collections.OrderedDict()
    tensors['f32'] = base
    tensors['f32_transposed'] = base.t()                     # a view: strides (1, 6), same storage
    tensors['f32_slice'] = base[1:3, 2:5]                    # a view with a storage offset
    tensors['f16'] = torch.randn(3, 2, generator=g).half()
    tensors['bf16'] = torch.randn(5, generator=g).bfloat16()
    tensors['f64'] = torch.randn(2, 2, generator=g).double()
    tensors['i64'] = torch.tensor([-3, 0, 2**40], dtype=torch.int64)
    tensors['i32'] = torch.tensor([[-7, 8]], dtype=torch.int32)
    tensors['i16'] = torch.tensor([-300, 300], dtype=torch.int16)
    tensors['i8'] = torch.tensor([-128, 127], dtype=torch.int8)
    tensors['u8'] = torch.tensor([0, 255], dtype=torch.uint8)
    tensors['bool'] = torch.tensor([True, False, True])
    tensors['scalar'] = torch.tensor(2.5)
    tensors['empty'] = torch.zeros(0, 3)
    tensors['param'] = torch.nn.Parameter(torch.ones(2, 2) * 3)
    obj = {'meta': {'epoch': 3, 'classes': ('a', 'b'), 'np': np.arange(3, dtype=np.float32), 'big': 2**70},
           'tensors': tensors, 'list': [tensors['f32'], {'deep': torch.arange(4).reshape(2, 2)}]}
    torch.save(obj, os.path.join(out, 'mixed.pth'))
    torch.save(obj, os.path.join(out, 'mixed-legacy.pth'), _use_new_zipfile_serialization=False)
    # like a Hugging Face pytorch_model.bin: torch.save(model.state_dict(), path), a bare OrderedDict
    linear = torch.nn.Linear(3, 2)
    with torch.no_grad():
        linear.weight.copy_(torch.arange(6, dtype=torch.float32).reshape(2, 3))
        linear.bias.copy_(torch.tensor([0.5, -0.5]))
    torch.save(linear.state_dict(), os.path.join(out, 'pytorch_model.bin'))
    expected = {}
    for name, t in list(tensors.items()) + [('list.0', tensors['f32']), ('list.1.deep', obj['list'][1]['deep'])]:
        t = t.detach()
        expected[name] = {'dtype': str(t.dtype).replace('torch.', ''), 'shape': list(t.shape), 'stride': list(t.stride()),
                          'offset': t.storage_offset(), 'values': t.double().flatten().tolist()}
    with open(os.path.join(out, 'mixed.expected.json'), 'w') as f:
        json.dump({'torch': torch.__version__, 'tensors': expected}, f, indent=1)
        f.write('\n')


REPO = os.path.join(HERE, '..')
W = 0.03125
TINY = [f'model.backbone.image_model.widen_factor={W}', f'model.neck.widen_factor={W}', f'model.bbox_head.head_module.widen_factor={W}',
        # 64 * W = 2 heads per attention block, so the conv neck splits into more than one guide conv
        'model.neck.num_heads=[64,64,64]',
        # the box branch is at least 4 * reg_max channels wide: 16 would make it most of the file
        'model.bbox_head.head_module.reg_max=4']


def tiny_clip(folder):
    """A CLIP text model small enough to commit: byte-level vocabulary (no merges), 8 wide, 1 layer,
    the real 512-d projection (YOLO-World's text_channels). Key names are transformers' own."""
    import json
    import torch
    from transformers import CLIPConfig, CLIPModel

    os.makedirs(folder, exist_ok=True)
    bs = list(range(ord('!'), ord('~') + 1)) + list(range(ord('\xa1'), ord('\xac') + 1)) + list(range(ord('\xae'), ord('\xff') + 1))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    chars = [chr(c) for c in cs]
    vocab = chars + [c + '</w>' for c in chars] + ['<|startoftext|>', '<|endoftext|>']
    with open(os.path.join(folder, 'vocab.json'), 'w', encoding='utf-8') as f:
        json.dump({t: i for i, t in enumerate(vocab)}, f, ensure_ascii=False)
    with open(os.path.join(folder, 'merges.txt'), 'w', encoding='utf-8') as f:
        f.write('#version: 0.2\n')
    specials = {'bos_token': '<|startoftext|>', 'eos_token': '<|endoftext|>', 'unk_token': '<|endoftext|>', 'pad_token': '<|endoftext|>'}
    with open(os.path.join(folder, 'tokenizer_config.json'), 'w') as f:
        json.dump(dict(specials, model_max_length=77, do_lower_case=True, errors='replace', add_prefix_space=False), f)
    with open(os.path.join(folder, 'special_tokens_map.json'), 'w') as f:
        json.dump(specials, f)
    torch.manual_seed(0)
    text = dict(vocab_size=len(vocab), hidden_size=8, intermediate_size=16, num_hidden_layers=1, num_attention_heads=2,
                max_position_embeddings=77, bos_token_id=len(vocab) - 2, eos_token_id=len(vocab) - 1, pad_token_id=1)
    vision = dict(hidden_size=8, intermediate_size=16, num_hidden_layers=1, num_attention_heads=2, image_size=32, patch_size=16)
    CLIPModel(CLIPConfig(text_config=text, vision_config=vision, projection_dim=512)).save_pretrained(folder)


def train_tiny(root, clip, name, extra):
    """One real epoch of tools/train.py (YOLO-World b1b09f2, mmengine's Runner) on 2 images, on CPU: the
    epoch_1.pth it saves is exactly what mmengine writes (meta, state_dict = EMA weights, message_hub,
    optimizer, param_schedulers, ema_state_dict)."""
    import shutil
    import subprocess

    yolo_world = os.environ['YOLO_WORLD']
    config = os.path.join(root, 'configs', f'{name}.py')
    subprocess.run(['node', os.path.join(REPO, 'bin', 'yw.js'), 'config', '--data', 'data/helmet', '--size', 's', '--mode', 'finetune',
                    '--style', 'standalone', '--epochs', '1', '--close-mosaic', '0', '--batch', '2', '--workers', '0',
                    '--save-interval', '1', '--val-interval', '1', '--out', config, '--force', '-q'], cwd=root, check=True)
    work = os.path.join(root, 'work_dirs', name)
    shutil.rmtree(work, ignore_errors=True)
    options = ['load_from=None', f'model.backbone.text_model.model_name={clip}', 'randomness.seed=0', *TINY, *extra]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([yolo_world, os.environ.get('PYTHONPATH', '')]),
               HF_HUB_OFFLINE='1', TRANSFORMERS_OFFLINE='1', CUDA_VISIBLE_DEVICES='')
    subprocess.run([sys.executable, os.path.join(yolo_world, 'tools', 'train.py'), config, '--work-dir', work,
                    '--cfg-options', *options], cwd=root, env=env, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(work, 'epoch_1.pth')


def weights_only(src, dst):
    import torch
    ckpt = torch.load(src, map_location='cpu')
    torch.save({'meta': ckpt['meta'], 'state_dict': ckpt['state_dict']}, dst)


def model():
    """Tiny YOLO-World v2 s checkpoints with the real key names (the real model code, widen W)."""
    import shutil
    import tempfile

    out = os.path.join(OUT, 'yolo-world')
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix='yw-ckpt-')
    root = os.path.join(tmp, 'root')
    shutil.copytree(os.path.join(REPO, 'fixtures', 'check-clean', 'data'), os.path.join(root, 'data'))
    clip = os.path.join(tmp, 'tiny-clip')
    tiny_clip(clip)
    shutil.copy(train_tiny(root, clip, 'v2_tiny', []), os.path.join(out, 'v2_tiny.pth'))
    # the variants keep only state_dict and meta (saved by torch here, to keep the fixtures small):
    # the efficient neck has no text-guided attention, so reparameterization leaves it alone
    efficient = train_tiny(root, clip, 'v2_tiny_efficient', ['model.neck.block_cfg.type=EfficientCSPLayerWithTwoConv'])
    weights_only(efficient, os.path.join(out, 'v2_tiny_efficient.pth'))
    # v1: the L2-normalised ContrastiveHead (no BatchNorm), which cannot be reparameterized
    weights_only(train_tiny(root, clip, 'v1_tiny', ['model.bbox_head.head_module.use_bn_head=False']), os.path.join(out, 'v1_tiny.pth'))
    shutil.rmtree(tmp)


def keys():
    """yolo-world/v2_l_keys.json: the state dict key names and shapes of the real YOLO-World v2 L detector
    (yw config --size l, finetune) with CLIP ViT-B/32's text tower (transformers' CLIPTextConfig defaults are
    that model), and which keys the optimizer holds (the text model is frozen). scripts/make-bench-checkpoint.py
    builds the benchmark's full-size checkpoint from it with torch alone."""
    import json
    import shutil
    import subprocess
    import tempfile
    from mmengine.config import Config
    from mmyolo.utils import register_all_modules
    from transformers import CLIPTextConfig, CLIPTextModelWithProjection

    sys.path.insert(0, os.environ['YOLO_WORLD'])
    import yolo_world  # noqa: F401  (registers the YOLO-World modules)
    from mmyolo.registry import MODELS

    register_all_modules()
    tmp = tempfile.mkdtemp(prefix='yw-keys-')
    root = os.path.join(tmp, 'root')
    shutil.copytree(os.path.join(REPO, 'fixtures', 'check-clean', 'data'), os.path.join(root, 'data'))
    clip = os.path.join(tmp, 'tiny-clip')
    tiny_clip(clip)
    config = os.path.join(root, 'l.py')
    subprocess.run(['node', os.path.join(REPO, 'bin', 'yw.js'), 'config', '--data', 'data/helmet', '--size', 'l', '--mode', 'finetune',
                    '--style', 'standalone', '--out', config, '--force', '-q'], cwd=root, check=True)
    cfg = Config.fromfile(config)
    cfg.model.backbone.text_model.model_name = clip
    model = MODELS.build(cfg.model)
    text = CLIPTextModelWithProjection(CLIPTextConfig(projection_dim=512)).state_dict()
    out, placed = [], False
    for k, v in model.state_dict().items():
        if 'text_model' in k:
            if not placed:
                out += [[f'backbone.text_model.model.{tk}', list(tv.shape), False] for tk, tv in text.items()]
                placed = True
            continue
        out.append([k, list(v.shape), True])
    trainable = {n for n, p in model.named_parameters() if 'text_model' not in n}
    out = [[k, shape, k in trainable] for k, shape, _ in out]
    with open(os.path.join(OUT, 'yolo-world', 'v2_l_keys.json'), 'w') as f:
        json.dump({'about': 'YOLO-World v2 L (yw config --size l) state dict: [key, shape, in the optimizer]', 'keys': out}, f)
        f.write('\n')
    shutil.rmtree(tmp)


def embeddings():
    """Class-text embeddings as tools/generate_text_prompts.py writes them: rows L2-normalised, float32."""
    import numpy as np

    out = os.path.join(OUT, 'yolo-world')
    rng = np.random.RandomState(0)
    unit = lambda n, d: (lambda e: e / np.linalg.norm(e, axis=1, keepdims=True))(rng.randn(n, d))
    three = unit(3, 512)
    np.save(os.path.join(out, 'embeddings_3x512.npy'), three.astype(np.float32))
    # the same values as float64 in Fortran order (np.save keeps both): read back they must give the same result
    np.save(os.path.join(out, 'embeddings_3x512_f64_fortran.npy'), np.asfortranarray(three.astype(np.float32).astype(np.float64)))
    np.save(os.path.join(out, 'embeddings_80x512.npy'), unit(80, 512).astype(np.float32))
    np.save(os.path.join(out, 'embeddings_3x768.npy'), unit(3, 768).astype(np.float32))


def reference():
    """Runs the real tools/reparameterize_yoloworld.py (YOLO-World b1b09f2, from $YOLO_WORLD or the mirror)
    on the model fixtures; keeps the state dict of each output (the part it changes; the test checks that
    the rest of the checkpoint is the input's)."""
    import shutil
    import subprocess
    import tempfile
    import torch

    out = os.path.join(OUT, 'yolo-world')
    tool = os.path.join(os.environ['YOLO_WORLD'], 'tools', 'reparameterize_yoloworld.py')
    tmp = tempfile.mkdtemp(prefix='yw-reparam-')
    runs = [('v2_tiny', 'embeddings_3x512.npy', True), ('v2_tiny', 'embeddings_3x512.npy', False),
            ('v2_tiny_efficient', 'embeddings_3x512.npy', True)]
    for stem, emb, conv in runs:
        args = [sys.executable, tool, '--model', os.path.join(out, f'{stem}.pth'), '--out-dir', tmp, '--text-embed', os.path.join(out, emb)]
        subprocess.run(args + (['--conv-neck'] if conv else []), check=True, stdout=subprocess.DEVNULL)
        name = f"{stem}_rep_{'conv' if conv else 'linear'}"
        written = torch.load(os.path.join(tmp, f'{name}.pth'), map_location='cpu')
        torch.save(written['state_dict'], os.path.join(out, f'{name}.reference.pth'))
    shutil.rmtree(tmp)


if __name__ == '__main__':
    what = sys.argv[1:] or ['pickles']
    for step in what:
        {'pickles': pickles, 'torch': torch_files, 'model': model, 'keys': keys, 'embeddings': embeddings, 'reference': reference}[step]()
