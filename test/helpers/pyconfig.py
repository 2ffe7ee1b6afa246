"""Test helper: evaluates yw-emitted configs WITHOUT executing them, mmengine-style.

Reads a JSON list of jobs on stdin, prints a JSON list of results. Jobs:
  {"kind": "eval", "file": F, "base": J|null}  walk F's AST (only literals, dict(), names, _base_.x,
      slices, */+/-/// and starred items are allowed; anything else is an error, so nothing can run),
      then merge it into the resolved base J like mmengine 0.10.3 (_merge_a_into_b, _delete_).
  {"kind": "literal", "text": T}                ast.literal_eval(T)
  {"kind": "expr", "text": T}                   T evaluated with the same restricted walker
  {"kind": "ref", "file": J}                    a reference JSON file, floats tagged
Values come back tagged: tuples {"__tuple__": [...]}, floats {"__float__": repr(x)}.
"""
import ast, copy, json, sys


class Disallowed(Exception):
    pass


def untag(o):
    if isinstance(o, dict):
        if list(o) == ['__tuple__']:
            return tuple(untag(x) for x in o['__tuple__'])
        return {k: untag(v) for k, v in o.items()}
    if isinstance(o, list):
        return [untag(x) for x in o]
    return o


def tag(o):
    if isinstance(o, bool) or o is None or isinstance(o, (int, str)):
        return o
    if isinstance(o, float):
        return {'__float__': repr(o)}
    if isinstance(o, tuple):
        return {'__tuple__': [tag(x) for x in o]}
    if isinstance(o, list):
        return [tag(x) for x in o]
    if isinstance(o, dict):
        return {k: tag(v) for k, v in o.items()}
    raise Disallowed('unexpected value type %r' % type(o))


class AttrDict(dict):
    pass


BINOPS = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
          ast.Mult: lambda a, b: a * b, ast.FloorDiv: lambda a, b: a // b}


def ev(node, env, base):
    where = 'line %s' % getattr(node, 'lineno', '?')
    if isinstance(node, ast.Constant):
        if isinstance(node.value, (str, int, float, bool)) or node.value is None:
            return node.value
        raise Disallowed('constant %r at %s' % (node.value, where))
    if isinstance(node, (ast.List, ast.Tuple)):
        items = []
        for elt in node.elts:
            if isinstance(elt, ast.Starred):
                items.extend(ev(elt.value, env, base))
            else:
                items.append(ev(elt, env, base))
        return items if isinstance(node, ast.List) else tuple(items)
    if isinstance(node, ast.Dict):
        out = {}
        for k, v in zip(node.keys, node.values):
            if not (isinstance(k, ast.Constant) and isinstance(k.value, str)):
                raise Disallowed('dict key at %s' % where)
            out[k.value] = ev(v, env, base)
        return out
    if isinstance(node, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id == 'dict') or len(node.args) > 1:
            raise Disallowed('call at %s' % where)
        out = dict(copy.deepcopy(ev(node.args[0], env, base))) if node.args else {}
        for kw in node.keywords:
            if kw.arg is None:
                raise Disallowed('**kwargs at %s' % where)
            out[kw.arg] = ev(kw.value, env, base)
        return out
    if isinstance(node, ast.Name):
        if node.id not in env:
            raise Disallowed('unknown name %s at %s' % (node.id, where))
        return copy.deepcopy(env[node.id])
    if isinstance(node, ast.Attribute):
        path = []
        cur = node
        while isinstance(cur, ast.Attribute):
            path.insert(0, cur.attr)
            cur = cur.value
        if not (isinstance(cur, ast.Name) and cur.id == '_base_') or base is None:
            raise Disallowed('attribute at %s' % where)
        value = base
        for p in path:
            value = value[p]
        return copy.deepcopy(value)
    if isinstance(node, ast.Subscript):
        target = ev(node.value, env, base)
        s = node.slice
        if isinstance(s, ast.Slice):
            bounds = [None if b is None else ev(b, env, base) for b in (s.lower, s.upper, s.step)]
            return target[slice(*bounds)]
        return target[ev(s, env, base)]
    if isinstance(node, ast.BinOp) and type(node.op) in BINOPS:
        return BINOPS[type(node.op)](ev(node.left, env, base), ev(node.right, env, base))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -ev(node.operand, env, base)
    raise Disallowed('%s at %s' % (type(node).__name__, where))


def merge_a_into_b(a, b):
    """mmengine 0.10.3 Config._merge_a_into_b (without list keys)."""
    b = dict(b)
    for k, v in a.items():
        if isinstance(v, dict):
            if k in b and not v.pop('_delete_', False):
                if not isinstance(b[k], dict):
                    raise Disallowed('cannot merge dict %s into %r' % (k, type(b[k])))
                b[k] = merge_a_into_b(v, b[k])
            else:
                b[k] = v
        else:
            b[k] = v
    return b


def evaluate(text, base):
    if '{{' in text:
        raise Disallowed('the file text contains "{{" (mmengine would substitute it)')
    tree = ast.parse(text)
    env = {}
    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
            raise Disallowed('%s statement at line %s' % (type(stmt).__name__, stmt.lineno))
        name = stmt.targets[0].id
        if name == '_base_':
            if base is None:
                raise Disallowed('_base_ without a base file')
            ev(stmt.value, {}, None)
            continue
        env[name] = ev(stmt.value, env, base)
    cfg = {k: copy.deepcopy(v) for k, v in env.items()}
    return merge_a_into_b(cfg, base) if base is not None else cfg


def run(job):
    kind = job['kind']
    if kind == 'literal':
        return tag(ast.literal_eval(job['text']))
    if kind == 'expr':
        return tag(ev(ast.parse(job['text'], mode='eval').body, {}, None))
    if kind == 'ref':
        with open(job['file'], encoding='utf-8') as f:
            return tag(untag(json.load(f)))
    base = None
    if job.get('base'):
        with open(job['base'], encoding='utf-8') as f:
            base = untag(json.load(f))
    with open(job['file'], encoding='utf-8') as f:
        return tag(evaluate(f.read(), base))


def main():
    out = []
    for job in json.load(sys.stdin):
        try:
            out.append({'ok': True, 'value': run(job)})
        except (Disallowed, SyntaxError, ValueError, KeyError, TypeError) as e:
            out.append({'ok': False, 'error': '%s: %s' % (type(e).__name__, e)})
    json.dump(out, sys.stdout)


main()
