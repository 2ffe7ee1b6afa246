import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { decodeReferenceJson, encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { PyTuple, type PyDict, type PyValue } from '../../../src/core/config-reader/values.js';
import { YwError } from '../../../src/errors.js';

const fixture = fileURLToPath(new URL('../../../fixtures/check-reader/', import.meta.url));
const RUNNER_KEYS = ['model', 'train_dataloader', 'val_dataloader', 'test_dataloader', 'train_cfg', 'val_cfg',
  'test_cfg', 'optim_wrapper', 'param_scheduler', 'val_evaluator', 'test_evaluator', 'default_hooks', 'custom_hooks',
  'load_from', 'resume', 'default_scope', 'env_cfg', 'log_processor', 'log_level', 'visualizer', 'custom_imports',
  'tta_model', 'tta_pipeline'];

/** Reads configs from an in-memory tree rooted at /v. */
async function read(files: Record<string, string>, entry = 'configs/x.py'): Promise<PyDict> {
  const tree = new Map(Object.entries(files).map(([k, v]) => [`/v/${k}`, v]));
  return (await readConfig(`/v/${entry}`, async (p) => tree.get(p))).value;
}

async function readError(files: Record<string, string>): Promise<YwError> {
  const error = await read(files).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(YwError);
  return error as YwError;
}

const json = (v: PyValue | undefined) => (v === undefined ? 'undefined' : encodeReferenceJson(v).trim());

describe('readConfig on a YOLO-World fine-tune config', () => {
  it('reproduces every runner key of the resolved official config, int/float and tuples included', async () => {
    const config = `${fixture}configs/finetune_coco/v2_l_vlpan_bn_mask-refine_finetune_coco.py`;
    const { value, files } = await readConfig(config, (p) => readFile(p, 'utf8').catch(() => undefined));
    const refFile = fileURLToPath(new URL('../../../fixtures/check-official/finetune_coco/yolo_world_v2_l_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco.json', import.meta.url));
    const reference = decodeReferenceJson(await readFile(refFile, 'utf8'), refFile) as PyDict;
    for (const key of RUNNER_KEYS) expect(json(value.get(key)), key).toBe(json(reference.get(key)));
    expect(files.map((f) => f.slice(fixture.length))).toEqual([
      'configs/finetune_coco/v2_l_vlpan_bn_mask-refine_finetune_coco.py',
      'third_party/mmyolo/configs/yolov8/yolov8_l_mask-refine_syncbn_fast_8xb16-500e_coco.py',
      'third_party/mmyolo/configs/_base_/default_runtime.py',
      'third_party/mmyolo/configs/_base_/det_p5_tta.py',
    ]);
    // Helpers keep `_delete_` (mmengine consumes it only where the base has the key).
    expect((value.get('coco_train_dataset') as PyDict).get('_delete_')).toBe(true);
  });
});

describe('readConfig literals and expressions', () => {
  it('reads strings of every kind', async () => {
    const v = await read({
      'configs/x.py': [
        "a = 'x' \"y\"  # implicit concatenation",
        "b = '''two\nlines'''",
        String.raw`c = 'tab\there\x41\u00e9\101\\'`,
        String.raw`d = r'C:\new\dir'`,
        "e = ('head')",
        "f = ('head',)",
        'g = ()',
      ].join('\n'),
    });
    expect(v.get('a')).toBe('xy');
    expect(v.get('b')).toBe('two\nlines');
    expect(v.get('c')).toBe('tab\thereAéA\\');
    expect(v.get('d')).toBe(String.raw`C:\new\dir`);
    expect(v.get('e')).toBe('head');
    expect(v.get('f')).toEqual(new PyTuple(['head']));
    expect(v.get('g')).toEqual(new PyTuple([]));
  });

  it('keeps ints and floats apart and computes like Python', async () => {
    const v = await read({
      'configs/x.py': 'a = 114\nb = 114.0\nc = 1 - 0.9\nd = -640 // 2\ne = 7 / 2\nf = 2e-4\ng = 1_000\nh = -7 % 3\ni = 0x10',
    });
    expect([...v.values()]).toEqual([114n, 114, 1 - 0.9, -320n, 3.5, 2e-4, 1000n, 2n, 16n]);
    expect(json(v.get('c'))).toBe('0.09999999999999998');
    expect(json(v.get('f'))).toBe('0.0002');
  });

  it('evaluates lists, unpacking, slices, dict calls and methods', async () => {
    const v = await read({
      'configs/x.py': [
        'a = [1, 2, 3, 4]',
        'b = [*a[:-1], *a[-1:], *(5,)]',
        'c = a[::-2] + [a[-1]]',
        'd = dict(x=1, **dict(y=2))',
        "e = {**d, 'z': (3, [4])}",
        'f = d.copy()',
        'f.update(x=9)',
        "g = dict(d, w=f['x'])",
        'h, i = 1, 2',
        'j = len(a) * [0]',
      ].join('\n'),
    });
    expect(v.get('b')).toEqual([1n, 2n, 3n, 4n, 5n]);
    expect(v.get('c')).toEqual([4n, 2n, 4n]);
    expect(json(v.get('e'))).toBe(json(new Map<string, PyValue>([['x', 1n], ['y', 2n], ['z', new PyTuple([3n, [4n]])]])));
    expect(v.get('d')).toEqual(new Map([['x', 1n], ['y', 2n]]));
    expect(v.get('g')).toEqual(new Map([['x', 1n], ['y', 2n], ['w', 9n]]));
    expect([v.get('h'), v.get('i'), v.get('j')]).toEqual([1n, 2n, [0n, 0n, 0n, 0n]]);
  });

  it('substitutes {{ fileBasenameNoExtension }} in the text like mmengine', async () => {
    const v = await read({ 'configs/x.py': "work_dir = './work_dirs/{{ fileBasenameNoExtension }}'" });
    expect(v.get('work_dir')).toBe('./work_dirs/x');
  });
});

describe('readConfig on a standalone config (no _base_, every value a literal)', () => {
  it('reads untrusted class names exactly as Python would', async () => {
    const v = await read({
      'configs/x.py': [
        '# -*- coding: utf-8 -*-',
        "classes = ('t\u00eate', 'hard\\'hat', 'a\"b', '{{ not a var }}', 'back\\\\slash')",
        'train_dataloader = dict(dataset=dict(type=\'YOLOv5CocoDataset\', metainfo=dict(classes=classes)))',
        'train_cfg = dict(dynamic_intervals=[(70, 1)])',
      ].join('\n'),
    });
    expect(v.get('classes')).toEqual(new PyTuple(['tête', "hard'hat", 'a"b', '{{ not a var }}', 'back\\slash']));
    expect(json(v.get('train_cfg'))).toBe(json(new Map([['dynamic_intervals', [new PyTuple([70n, 1n])]]])));
  });
});

describe('readConfig inheritance', () => {
  const runtime = "default_scope = 'mmyolo'\nresume = False\n";
  const s = [
    "_base_ = ['./_base_/runtime.py']",
    'num_classes = 80',
    "pre = [dict(type='Load'), dict(type='Ann', with_bbox=True)]",
    "model = dict(type='D', backbone=dict(type='B', widen=0.5), head=dict(num_classes=num_classes))",
    "custom_hooks = [dict(type='EMA'), dict(type='Switch', switch_pipeline=[*pre])]",
    "train = dict(dataset=dict(type='Coco', data_root='data/coco/', test_mode=True), pipeline=pre)",
  ].join('\n');
  const m = [
    "_base_ = './s.py'",
    "pre = [*_base_.pre[:-1], dict(type='Ann', with_mask=True)]",
    '_base_.custom_hooks[1].switch_pipeline = pre  # mutates the base, as mmyolo does',
    'model = dict(backbone=dict(widen=0.75))',
  ].join('\n');

  it('merges dicts recursively, replaces lists, and applies _base_ mutations', async () => {
    const v = await read({ 'configs/_base_/runtime.py': runtime, 'configs/s.py': s, 'configs/x.py': m });
    expect(json(v.get('model'))).toBe(json(new Map<string, PyValue>([['type', 'D'],
      ['backbone', new Map<string, PyValue>([['type', 'B'], ['widen', 0.75]])],
      ['head', new Map([['num_classes', 80n]])]])));
    const hooks = v.get('custom_hooks') as PyDict[];
    expect((hooks[1]!.get('switch_pipeline') as PyDict[])[1]!.get('with_mask')).toBe(true);
    expect(v.get('default_scope')).toBe('mmyolo');
  });

  it('replaces a base dict with _delete_=True and mutates through .update()', async () => {
    const x = [
      "_base_ = './s.py'",
      'backbone = _base_.model.backbone',
      'backbone.update(widen=1.5)',
      "model = dict(backbone=dict(_delete_=True, type='MM', image_model=backbone))",
      "train = dict(dataset=dict(_delete_=True, type='Wrap', dataset=dict(data_root='d/')))",
    ].join('\n');
    const v = await read({ 'configs/_base_/runtime.py': runtime, 'configs/s.py': s, 'configs/x.py': x });
    const model = v.get('model') as PyDict;
    expect(json(model.get('backbone'))).toBe(json(new Map<string, PyValue>([['type', 'MM'],
      ['image_model', new Map<string, PyValue>([['type', 'B'], ['widen', 1.5]])]])));
    const dataset = (v.get('train') as PyDict).get('dataset') as PyDict;
    expect([...dataset.keys()].sort()).toEqual(['dataset', 'type']);
  });

  it('uses an absolute _base_ as it is', async () => {
    const v = await read({ 'base/b.py': 'k = 1', 'configs/x.py': "_base_ = '/v/base/b.py'\nj = _base_.k + 1" });
    expect([v.get('k'), v.get('j')]).toEqual([1n, 2n]);
  });

  it('reports a missing base with the submodule hint', async () => {
    const error = await readError({ 'configs/x.py': "_base_ = '../third_party/mmyolo/configs/yolov8/y.py'\n" });
    expect(error.code).toBe('CONFIG_BASE_NOT_FOUND');
    expect(error.message).toBe(
      "_base_ file not found: /v/third_party/mmyolo/configs/yolov8/y.py (named '../third_party/mmyolo/configs/yolov8/y.py' at /v/configs/x.py:1)");
    expect(error.hint).toContain('git submodule update --init');
  });

  it('reports a name the bases do not define, like mmengine', async () => {
    const error = await readError({ 'configs/_base_/runtime.py': runtime, 'configs/x.py': "_base_ = './_base_/runtime.py'\n\np = _base_.mixup_prob\n" });
    expect(error.code).toBe('CONFIG_ERROR');
    expect(error.message).toBe("/v/configs/x.py:3: 'mixup_prob' is not defined in the _base_ files");
  });

  it('refuses duplicate keys among bases', async () => {
    const error = await readError({ 'configs/a.py': 'k = 1', 'configs/b.py': 'k = 2', 'configs/x.py': "_base_ = ['a.py', 'b.py']" });
    expect(error.message).toBe("/v/configs/x.py:1: key 'k' is defined in more than one _base_ file");
  });
});

describe('readConfig outside the subset', () => {
  it.each([
    ["a = f'{x}'", 'cannot read an f-string at /v/configs/x.py:1'],
    ['a = 1\nb = lambda x: x', 'cannot read a lambda at /v/configs/x.py:2'],
    ['if True:\n    a = 1', "cannot read 'if' at /v/configs/x.py:1"],
    ['a = {i for i in [1]}', 'cannot read a set comprehension at /v/configs/x.py:1'],
    ['a = {1, 2}', 'cannot read a set literal at /v/configs/x.py:1'],
    ['a = print(1)', "cannot read a call of 'print' at /v/configs/x.py:1"],
    ['a = (1,\n  2', 'unexpected end of the file at /v/configs/x.py:2'],
    ['import numpy as np', "cannot read the import of 'numpy' (mmengine 0.10.3 reads a config importing a non-built-in module before _base_ as a lazy-import config; on Python 3.11+ that includes os: import it after _base_ = ...) at /v/configs/x.py:1"],
    ["_base_ = []\nimport numpy", "cannot read the import of 'numpy' (only standard-library modules) at /v/configs/x.py:2"],
    ['from .base import *', 'cannot read a relative import (a lazy-import config) at /v/configs/x.py:1'],
    ['with read_base():\n    pass', "cannot read 'with' (a lazy-import config, `with read_base():`) at /v/configs/x.py:1"],
    ["_base_ = ['mmdet::x.py']", "cannot read the package-scoped _base_ 'mmdet::x.py' at /v/configs/x.py:1"],
    ["_base_ = []\nimport copy\na = copy", "cannot read the imported name 'copy' as a value at /v/configs/x.py:3"],
    ['a = len', "cannot read the built-in 'len' as a value at /v/configs/x.py:1"],
    ['a = range(3)', 'cannot read a range object used as a value (only iterated over) at /v/configs/x.py:1'],
    ["a = dict(x=1)\nb = a.get", "cannot read the attribute 'get' of a dict as a value at /v/configs/x.py:2"],
    ["a = '{}'.format(1)", "cannot read '.format()' (write the string as a plain literal) at /v/configs/x.py:1"],
    ["a = 'x %s' % 1", "cannot read string formatting with '%' at /v/configs/x.py:1"],
    ['a: int = 1', 'cannot read an annotated assignment at /v/configs/x.py:1'],
  ])('%s', async (source, message) => {
    const error = await readError({ 'configs/x.py': source });
    expect(error.code).toBe('CONFIG_UNREADABLE');
    expect(error.message).toBe(message);
  });
});

describe('readConfig errors mmengine raises too', () => {
  it.each([
    ['model = dict(a=1)\nb = model.a', "/v/configs/x.py:2: AttributeError: 'dict' object has no attribute 'a'"],
    ['model = dict(a=1)\nmodel.b = 2', "/v/configs/x.py:2: AttributeError: 'dict' object has no attribute 'b'"],
    ["_base_ = ('a.py',)", '/v/configs/x.py:1: _base_ must be a string or a list of strings, not a tuple (mmengine: TypeError in os.path.join)'],
    ["filename = 'x'", "/v/configs/x.py:1: KeyError: 'filename is reserved for config file'"],
    ['a = b', "/v/configs/x.py:1: NameError: name 'b' is not defined"],
  ])('%s', async (source, message) => {
    const error = await readError({ 'configs/x.py': source, 'configs/a.py': '' });
    expect([error.code, error.message]).toEqual(['CONFIG_ERROR', message]);
  });

  it('refuses a {{_base_.x}} placeholder left inside a string (mmengine would keep random text there)', async () => {
    const error = await readError({ 'configs/b.py': 'k = 1', 'configs/x.py': "_base_ = './b.py'\n\nname = 'v{{_base_.k}}'" });
    expect(error.message).toBe('cannot read {{_base_.k}} inside a string or an expression (mmengine leaves a random placeholder there) at /v/configs/x.py:3');
  });
});
