import { OP } from './pickle-opcodes.js';
import { global, str, type ObjectOp, type PickleNode, type PickleObject } from './pickle-node.js';
import { ATOM_HANDLERS } from './pickle-read-atoms.js';
import { parseLongText } from './pickle-text.js';
import { PickleReader } from './pickle-machine.js';

export { PickleError } from './pickle-machine.js';

export interface Unpickled {
  root: PickleNode;
  /** Offset just past the STOP opcode (legacy torch files hold several pickles back to back). */
  end: number;
  /** The PROTO number, 0 when the pickle has none. */
  protocol: number;
}

type Item = PickleNode;

/**
 * Reads one pickle starting at `start` into a graph of nodes. Nothing is executed or imported:
 * GLOBAL becomes a name, REDUCE/NEWOBJ a call node, BINPERSID a persistent-id node.
 */
export function unpickle(bytes: Uint8Array, start = 0): Unpickled {
  const reader = new PickleReader(bytes, start);
  return reader.run(OP.STOP, (op) => {
    const handler = HANDLERS[op];
    if (!handler) throw reader.fail(`unknown or unsupported opcode 0x${op.toString(16).padStart(2, '0')}`);
    handler(reader);
  });
}

type Handler = (r: PickleReader) => void;

function addOp(r: PickleReader, target: Item, op: ObjectOp): void {
  // Loops, not push(...items): a batch may hold more items than a call can take arguments.
  if (op.op === 'setitems' && target.kind === 'dict') return append(target.entries, op.entries);
  if (op.op === 'appends' && target.kind === 'list') return append(target.items, op.items);
  if (target.kind !== 'object') throw r.fail(`${op.op.toUpperCase()} on a ${target.kind}`);
  const last = target.ops[target.ops.length - 1];
  if (last?.op === 'setitems' && op.op === 'setitems') append(last.entries, op.entries);
  else if (last?.op === 'appends' && op.op === 'appends') append(last.items, op.items);
  else target.ops.push(op);
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}

function pairs(r: PickleReader, items: Item[]): [Item, Item][] {
  if (items.length % 2 !== 0) throw r.fail('odd number of items for a dict');
  const out: [Item, Item][] = [];
  for (let i = 0; i < items.length; i += 2) out.push([items[i]!, items[i + 1]!]);
  return out;
}

function obj(how: PickleObject['how'], callable: Item, args: Item, kwargs?: Item): PickleObject {
  return kwargs === undefined ? { kind: 'object', how, callable, args, ops: [] } : { kind: 'object', how, callable, args, kwargs, ops: [] };
}

const HANDLERS: Partial<Record<number, Handler>> = {
  [OP.PROTO]: (r) => r.setProtocol(r.u8()),
  [OP.FRAME]: (r) => void r.take(8),
  [OP.MARK]: (r) => r.mark(),
  [OP.POP]: (r) => void r.pop(),
  [OP.POP_MARK]: (r) => void r.popMark(),
  [OP.DUP]: (r) => r.push(r.top()),
  ...ATOM_HANDLERS,
  [OP.EMPTY_TUPLE]: (r) => r.push({ kind: 'tuple', items: [] }),
  [OP.TUPLE1]: (r) => r.push({ kind: 'tuple', items: [r.pop()] }),
  [OP.TUPLE2]: (r) => {
    const b = r.pop();
    r.push({ kind: 'tuple', items: [r.pop(), b] });
  },
  [OP.TUPLE3]: (r) => {
    const c = r.pop();
    const b = r.pop();
    r.push({ kind: 'tuple', items: [r.pop(), b, c] });
  },
  [OP.TUPLE]: (r) => r.push({ kind: 'tuple', items: r.popMark() }),
  [OP.EMPTY_LIST]: (r) => r.push({ kind: 'list', items: [] }),
  [OP.LIST]: (r) => r.push({ kind: 'list', items: r.popMark() }),
  [OP.EMPTY_DICT]: (r) => r.push({ kind: 'dict', entries: [] }),
  [OP.DICT]: (r) => r.push({ kind: 'dict', entries: pairs(r, r.popMark()) }),
  [OP.EMPTY_SET]: (r) => r.push({ kind: 'set', frozen: false, items: [] }),
  [OP.FROZENSET]: (r) => r.push({ kind: 'set', frozen: true, items: r.popMark() }),
  [OP.ADDITEMS]: (r) => {
    const items = r.popMark();
    const target = r.top();
    if (target.kind !== 'set' || target.frozen) throw r.fail(`ADDITEMS on a ${target.kind}`);
    append(target.items, items);
  },
  [OP.APPEND]: (r) => {
    const item = r.pop();
    addOp(r, r.top(), { op: 'appends', items: [item] });
  },
  [OP.APPENDS]: (r) => {
    const items = r.popMark();
    addOp(r, r.top(), { op: 'appends', items });
  },
  [OP.SETITEM]: (r) => {
    const value = r.pop();
    const key = r.pop();
    addOp(r, r.top(), { op: 'setitems', entries: [[key, value]] });
  },
  [OP.SETITEMS]: (r) => {
    const items = r.popMark();
    addOp(r, r.top(), { op: 'setitems', entries: pairs(r, items) });
  },
  [OP.BUILD]: (r) => {
    const state = r.pop();
    const target = r.top();
    if (target.kind !== 'object') throw r.fail(`BUILD on a ${target.kind}`);
    target.ops.push({ op: 'build', state });
  },
  [OP.GLOBAL]: (r) => {
    const module = r.line('utf-8');
    r.push(global(module, r.line('utf-8')));
  },
  [OP.STACK_GLOBAL]: (r) => {
    const name = r.pop();
    const module = r.pop();
    if (module.kind !== 'str' || name.kind !== 'str') throw r.fail('STACK_GLOBAL needs two strings');
    r.push(global(module.value, name.value));
  },
  [OP.REDUCE]: (r) => {
    const args = r.pop();
    r.push(obj('reduce', r.pop(), args));
  },
  [OP.NEWOBJ]: (r) => {
    const args = r.pop();
    r.push(obj('newobj', r.pop(), args));
  },
  [OP.NEWOBJ_EX]: (r) => {
    const kwargs = r.pop();
    const args = r.pop();
    r.push(obj('newobj_ex', r.pop(), args, kwargs));
  },
  [OP.INST]: (r) => {
    const module = r.line('utf-8');
    const cls = global(module, r.line('utf-8'));
    const args = r.popMark();
    r.push(obj(args.length ? 'reduce' : 'newobj', cls, { kind: 'tuple', items: args }));
  },
  [OP.OBJ]: (r) => {
    const [cls, ...args] = r.popMark();
    if (cls === undefined) throw r.fail('OBJ without a class');
    r.push(obj(args.length ? 'reduce' : 'newobj', cls, { kind: 'tuple', items: args }));
  },
  [OP.BINPERSID]: (r) => r.push({ kind: 'persid', pid: r.pop() }),
  [OP.PERSID]: (r) => r.push({ kind: 'persid', pid: str(r.line()) }),
  [OP.PUT]: (r) => r.put(Number(parseLongText(r.line(), () => r.fail('bad PUT')))),
  [OP.BINPUT]: (r) => r.put(r.u8()),
  [OP.LONG_BINPUT]: (r) => r.put(r.u32()),
  [OP.MEMOIZE]: (r) => r.memoize(),
  [OP.GET]: (r) => r.get(Number(parseLongText(r.line(), () => r.fail('bad GET')))),
  [OP.BINGET]: (r) => r.get(r.u8()),
  [OP.LONG_BINGET]: (r) => r.get(r.u32()),
};
