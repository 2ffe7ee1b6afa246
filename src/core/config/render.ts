import { PyDict, type PyValue } from './py-value.js';
import { printPython } from './python-literal.js';
import { mergeInto } from './merge.js';
import { RUNNER_KEYS } from './recipe.js';
import type { Scope } from './scope.js';

/** The config after mmengine would load it: overrides merged into the resolved base. */
export function resolveConfig(scope: Scope): PyDict {
  return mergeInto(new PyDict(scope.assignments), scope.baseDict);
}

/** Runner keys in the order a reader expects them (data, model, schedule, runtime). */
const STANDALONE_ORDER = [
  'custom_imports', 'default_scope', 'load_from', 'resume', 'model', 'train_dataloader', 'val_dataloader',
  'test_dataloader', 'val_evaluator', 'test_evaluator', 'train_cfg', 'val_cfg', 'test_cfg', 'optim_wrapper',
  'param_scheduler', 'default_hooks', 'custom_hooks', 'find_unused_parameters', 'env_cfg', 'log_processor',
  'log_level', 'visualizer', 'tta_model', 'tta_pipeline',
];

/** Every runner key with its value resolved: no `_base_`, no names, only literals and dict(). */
export function renderStandaloneBody(scope: Scope): string {
  const resolved = resolveConfig(scope);
  const keys = [...STANDALONE_ORDER, ...RUNNER_KEYS.filter((k) => !STANDALONE_ORDER.includes(k))];
  const lines: string[] = [];
  for (const key of keys) {
    const value = resolved.get(key);
    if (value === undefined) continue;
    lines.push(assignment(key, stripDelete(value), 'value'));
  }
  return lines.join('\n');
}

/** `_base_ = '...'` then the overrides as the official files write them. */
export function renderInheritBody(scope: Scope, basePath: string): string {
  const lines = [assignment('_base_', basePath, 'value')];
  for (const [name, value] of scope.assignments) lines.push(assignment(name, value, 'code'));
  return lines.join('\n');
}

function assignment(name: string, value: PyValue, exprs: 'code' | 'value'): string {
  return `${name} = ${printPython(value, { exprs }, 0, name.length + 3)}`;
}

/** A resolved config has no `_delete_` left in runner keys; keep the standalone file free of it. */
function stripDelete(value: PyValue): PyValue {
  if (value instanceof PyDict) return new PyDict(value.entries.filter(([k]) => k !== '_delete_').map(([k, v]) => [k, stripDelete(v)] as const));
  if (Array.isArray(value)) return (value as PyValue[]).map(stripDelete);
  return value;
}
