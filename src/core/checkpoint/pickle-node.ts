/**
 * The object graph a pickle describes, without executing anything: globals stay names, REDUCE/NEWOBJ
 * stay "call this with these arguments" nodes. Node identity is object identity in the pickled
 * program: a memo GET yields the same node, so writing the graph back re-creates the same sharing.
 */
export type PickleNode =
  | PickleNone
  | PickleBool
  | PickleInt
  | PickleFloat
  | PickleStr
  | PickleBytes
  | PickleTuple
  | PickleList
  | PickleDict
  | PickleSet
  | PickleGlobal
  | PickleObject
  | PicklePersId;

export interface PickleNone { kind: 'none' }
export interface PickleBool { kind: 'bool'; value: boolean }
/** number when it is a safe integer, bigint beyond. */
export interface PickleInt { kind: 'int'; value: number | bigint }
/** `raw` keeps the 8 big-endian bytes of a NaN, whose payload a JS number may not carry. */
export interface PickleFloat { kind: 'float'; value: number; raw?: Uint8Array }
export interface PickleStr { kind: 'str'; value: string }
export interface PickleBytes { kind: 'bytes'; value: Uint8Array }
export interface PickleTuple { kind: 'tuple'; items: PickleNode[] }
export interface PickleList { kind: 'list'; items: PickleNode[] }
export interface PickleDict { kind: 'dict'; entries: [PickleNode, PickleNode][] }
export interface PickleSet { kind: 'set'; frozen: boolean; items: PickleNode[] }
export interface PickleGlobal { kind: 'global'; module: string; name: string }

/** What happened to an object after it was made: dict items, list items, or BUILD with a state. */
export type ObjectOp =
  | { op: 'setitems'; entries: [PickleNode, PickleNode][] }
  | { op: 'appends'; items: PickleNode[] }
  | { op: 'build'; state: PickleNode };

/** `callable(*args)` (REDUCE), `cls.__new__(cls, *args)` (NEWOBJ), or with keyword arguments (NEWOBJ_EX). */
export interface PickleObject {
  kind: 'object';
  how: 'reduce' | 'newobj' | 'newobj_ex';
  callable: PickleNode;
  args: PickleNode;
  kwargs?: PickleNode;
  ops: ObjectOp[];
}

/** A persistent id (BINPERSID): torch uses it for every tensor storage. */
export interface PicklePersId { kind: 'persid'; pid: PickleNode }

export const NONE: PickleNone = { kind: 'none' };
export const TRUE: PickleBool = { kind: 'bool', value: true };
export const FALSE: PickleBool = { kind: 'bool', value: false };

export const str = (value: string): PickleStr => ({ kind: 'str', value });
export const int = (value: number | bigint): PickleInt => ({ kind: 'int', value: normalizeInt(value) });
export const tuple = (...items: PickleNode[]): PickleTuple => ({ kind: 'tuple', items });
export const global = (module: string, name: string): PickleGlobal => ({ kind: 'global', module, name });

export function normalizeInt(value: number | bigint): number | bigint {
  if (typeof value === 'bigint') return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  return value;
}

export function isGlobal(node: PickleNode | undefined, module: string, name: string): boolean {
  return node?.kind === 'global' && node.module === module && node.name === name;
}

/** The (key, value) pairs of a dict-like node: a plain dict, or an object filled by SETITEMS (OrderedDict). */
export function mappingEntries(node: PickleNode | undefined): [PickleNode, PickleNode][] | undefined {
  if (node?.kind === 'dict') return node.entries;
  if (node?.kind === 'object' && isDictLikeObject(node)) return node.ops.flatMap((o) => (o.op === 'setitems' ? o.entries : []));
  return undefined;
}

/** `collections.OrderedDict()` (how torch and mmengine pickle state dicts) or any object that received dict items. */
function isDictLikeObject(node: PickleObject): boolean {
  return isGlobal(node.callable, 'collections', 'OrderedDict') || node.ops.some((o) => o.op === 'setitems');
}

/** The value under a string key of a dict-like node. */
export function mappingGet(node: PickleNode | undefined, key: string): PickleNode | undefined {
  const entries = mappingEntries(node);
  if (!entries) return undefined;
  for (const [k, v] of entries) if (k.kind === 'str' && k.value === key) return v;
  return undefined;
}

/** String keys of a dict-like node, in order (non-string keys are skipped). */
export function mappingKeys(node: PickleNode | undefined): string[] {
  return (mappingEntries(node) ?? []).flatMap(([k]) => (k.kind === 'str' ? [k.value] : []));
}

export function intValue(node: PickleNode | undefined): number | undefined {
  return node?.kind === 'int' && typeof node.value === 'number' ? node.value : undefined;
}

export function strValue(node: PickleNode | undefined): string | undefined {
  return node?.kind === 'str' ? node.value : undefined;
}
