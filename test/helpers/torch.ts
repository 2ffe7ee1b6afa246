import { spawnSync } from 'node:child_process';

/**
 * A Python that can `import torch` (the oracle for checkpoint tests): $YW_TORCH_PYTHON, python3, or
 * Debian's /usr/bin/python3 (python3-torch). undefined when there is none; tests then skip and say so.
 */
export const torchPython: string | undefined = (() => {
  const candidates = [process.env.YW_TORCH_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find((exe) => spawnSync(exe, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
})();

if (!torchPython) {
  console.warn('torch oracle tests SKIPPED: no python with `import torch` (apt-get install python3-torch, or set YW_TORCH_PYTHON)');
}

/** Starting Python and importing torch takes seconds on a busy machine: oracle tests get this much (not a timing assertion). */
export const ORACLE_TIMEOUT = 180_000;

/** Runs a Python snippet with torch; argv after the script; returns stdout (throws with stderr on failure). */
export function runTorch(script: string, args: string[] = []): string {
  if (!torchPython) throw new Error('no torch');
  const result = spawnSync(torchPython, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`python failed:\n${result.stderr}`);
  return result.stdout;
}

/**
 * Python: \`load(path)\` is torch.load with classes it cannot import (mmengine's HistoryBuffer in
 * message_hub) stood in by plain records, never executed; \`same(a, b)\` is deep equality of two loads
 * (tensors bitwise, dict key order, OrderedDict _metadata, stand-ins by their state).
 */
export const TORCH_EQUAL = `
import torch, numpy as np, math, collections, pickle
_stubs = {}
class _StubType(type):
    def __getattr__(cls, attr):  # HistoryBuffer.min and the like: pickled as getattr(class, name)
        if attr.startswith('__'):
            raise AttributeError(attr)
        key = (cls.__module__, f'{cls.__name__}.{attr}')
        return _stubs.setdefault(key, _StubType(attr, (_Stub,), {'__module__': cls.__module__}))
class _Stub(metaclass=_StubType):
    pass
class _Unpickler(pickle.Unpickler):
    def find_class(self, module, name):
        try:
            return super().find_class(module, name)
        except (ImportError, AttributeError):
            return _stubs.setdefault((module, name), _StubType(name, (_Stub,), {'__module__': module}))
# torch.load subclasses pickle.Unpickler when it is called (Debian's 1.13 ignores pickle_module=)
pickle.Unpickler = _Unpickler
def load(path):
    return torch.load(path, map_location='cpu')
def same(a, b, path='root'):
    if isinstance(a, torch.Tensor):
        assert isinstance(b, torch.Tensor), path
        assert (a.dtype, tuple(a.shape), a.stride(), a.storage_offset(), a.requires_grad, type(a)) == (b.dtype, tuple(b.shape), b.stride(), b.storage_offset(), b.requires_grad, type(b)), path
        assert torch.equal(a, b), path
        return
    assert type(a) == type(b), (path, type(a), type(b))
    if isinstance(a, _Stub):
        same(a.__dict__, b.__dict__, path)
    elif isinstance(a, dict):
        assert list(a.keys()) == list(b.keys()), path
        assert getattr(a, '_metadata', None) == getattr(b, '_metadata', None), path
        for k in a: same(a[k], b[k], f'{path}.{k}')
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)): same(x, y, f'{path}[{i}]')
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and np.array_equal(a, b), path
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b), path
    else:
        assert a == b, (path, a, b)
`;
