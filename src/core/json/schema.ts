/**
 * What a streaming read wants from a JSON document, as a tree of nodes that mirrors the document's
 * shape. Only the parts a node describes are decoded and handed to its callbacks; everything else is
 * checked for syntax and skipped, so memory stays flat however large the document is.
 */
export type JsonScalar = string | number | boolean | null;
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface ValueNode {
  /** Each scalar at this position, decoded (NaN and ±Infinity included, as Python's json reads them). */
  scalar?: (value: JsonScalar) => void;
  /** Look into an object here. */
  object?: ObjectNode;
  /** Look into an array here. */
  array?: ArrayNode;
  /** A value of a kind this node does not take (e.g. an object where `scalar` expected a string). */
  other?: (kind: JsonKind) => void;
}

export interface ObjectNode {
  /** Members to look into; the others are skipped. A key given twice reaches its node twice (the last one wins). */
  keys: Readonly<Record<string, ValueNode>>;
  start?: () => void;
  end?: () => void;
}

export interface ArrayNode {
  item: ValueNode;
  start?: () => void;
  end?: (count: number) => void;
}

/** A node with its keys as UTF-8 bytes, for matching raw key bytes without decoding them. */
export interface CompiledValue {
  node: ValueNode;
  object: CompiledObject | undefined;
  array: CompiledArray | undefined;
}

export interface CompiledObject {
  node: ObjectNode;
  names: readonly string[];
  bytes: readonly Uint8Array[];
  values: readonly CompiledValue[];
}

export interface CompiledArray {
  node: ArrayNode;
  item: CompiledValue;
}

export function compileNode(node: ValueNode, seen = new Map<ValueNode, CompiledValue>()): CompiledValue {
  const known = seen.get(node);
  if (known) return known;
  const compiled: CompiledValue = { node, object: undefined, array: undefined };
  seen.set(node, compiled);
  if (node.object) {
    const names = Object.keys(node.object.keys);
    const encoder = new TextEncoder();
    compiled.object = {
      node: node.object,
      names,
      bytes: names.map((name) => encoder.encode(name)),
      values: names.map((name) => compileNode(node.object!.keys[name]!, seen)),
    };
  }
  if (node.array) compiled.array = { node: node.array, item: compileNode(node.array.item, seen) };
  return compiled;
}

/** The index of `bytes[from..to)` among `keys`, or -1. */
export function matchKey(keys: readonly Uint8Array[], bytes: Uint8Array, from: number, to: number): number {
  const length = to - from;
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k]!;
    if (key.length !== length) continue;
    let j = 0;
    while (j < length && key[j] === bytes[from + j]) j += 1;
    if (j === length) return k;
  }
  return -1;
}
