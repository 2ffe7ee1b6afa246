#!/usr/bin/env python3
"""Writes fixtures/checkpoints/: real pickles and torch checkpoints for yw's checkpoint reader/writer.

    /usr/bin/python3 scripts/make-checkpoint-fixtures.py pickles      stdlib pickle + numpy only
    /usr/bin/python3 scripts/make-checkpoint-fixtures.py model        needs the train harness (../shared/train-harness,
                                                                     $SA/site: mmengine, mmdet, mmyolo, YOLO-World b1b09f2)
    /usr/bin/python3 scripts/make-checkpoint-fixtures.py reference    needs torch + the YOLO-World mirror: runs the real
                                                                     tools/reparameterize_yoloworld.py on the model fixtures

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


if __name__ == '__main__':
    what = sys.argv[1:] or ['pickles']
    for step in what:
        {'pickles': pickles, 'torch': torch_files}[step]()
