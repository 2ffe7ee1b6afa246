import { ByteSink } from './byte-sink.js';
import { OP } from './pickle-opcodes.js';
import { batchExact, batchIterated, writeFloat, writeGet, writeInt, writePut } from './pickle-emit.js';
import { str, type ObjectOp, type PickleNode } from './pickle-node.js';
import { encodeUtf8 } from './utf8.js';
import { py2Global } from './py2-names.js';

/** Python's pickler cannot go deeper either (its recursion limit); deeper graphs come only from crafted input. */
export const MAX_DEPTH = 1000;

/**
 * Writes a graph as protocol 2, opcode for opcode as CPython's pickler (`_pickle.c`, which torch.save
 * uses) writes the same objects: the same memo puts and gets, the same item batching. A graph read
 * from a CPython-written protocol-2 pickle therefore comes back byte for byte; a changed graph differs
 * only where it changed (and in the memo numbers after it).
 */
export function pickle(root: PickleNode): Uint8Array {
  const w = new PickleWriter();
  w.out.u8(OP.PROTO);
  w.out.u8(2);
  w.save(root, 0);
  w.out.u8(OP.STOP);
  return w.out.toBytes();
}

// What CPython writes for bytes and sets under protocol 2 (objects it shares: one memo entry each).
const LATIN1 = str('latin1');

class PickleWriter {
  readonly out = new ByteSink();
  private readonly memo = new Map<PickleNode, number>();
  private readonly globals = new Map<string, number>();
  private memoSize = 0;

  save(node: PickleNode, depth: number): void {
    if (depth > MAX_DEPTH) throw new Error(`the pickle nests more than ${MAX_DEPTH} levels deep`);
    switch (node.kind) {
      case 'none': return this.out.u8(OP.NONE);
      case 'bool': return this.out.u8(node.value ? OP.NEWTRUE : OP.NEWFALSE);
      case 'int': return writeInt(this.out, node.value);
      case 'float': return writeFloat(this.out, node.value, node.raw);
      case 'global': return this.saveGlobal(node.module, node.name);
      case 'persid':
        this.save(node.pid, depth + 1);
        return this.out.u8(OP.BINPERSID);
      default:
    }
    const seen = this.memo.get(node);
    if (seen !== undefined) return this.get(seen);
    this.saveMemoized(node, depth);
  }

  private saveMemoized(node: PickleNode, depth: number): void {
    const d = depth + 1;
    switch (node.kind) {
      case 'str': {
        const data = encodeUtf8(node.value);
        this.out.u8(OP.BINUNICODE);
        this.out.u32(data.length);
        this.out.bytes(data);
        return this.put(node);
      }
      case 'bytes': return this.saveBytes(node, d);
      case 'tuple': return this.saveTuple(node, node.items, d);
      case 'list':
        this.out.u8(OP.EMPTY_LIST);
        this.put(node);
        return batchExact(this.out, node.items.length, OP.APPEND, OP.APPENDS, (i) => this.save(node.items[i]!, d), false);
      case 'dict':
        this.out.u8(OP.EMPTY_DICT);
        this.put(node);
        return batchExact(this.out, node.entries.length, OP.SETITEM, OP.SETITEMS, (i) => this.savePair(node.entries[i]!, d), true);
      case 'set': {
        // protocol < 4: set(list) / frozenset(list) by REDUCE
        this.saveGlobal('__builtin__', node.frozen ? 'frozenset' : 'set');
        this.saveTuple(undefined, [{ kind: 'list', items: node.items }], d);
        this.out.u8(OP.REDUCE);
        return this.put(node);
      }
      case 'object': return this.saveObject(node, d);
      default: throw new Error(`cannot pickle a ${node.kind}`);
    }
  }

  private saveObject(node: Extract<PickleNode, { kind: 'object' }>, d: number): void {
    if (node.how === 'newobj_ex') {
      // NEWOBJ_EX is protocol 4; copyreg.__newobj_ex__(cls, args, kwargs) does the same call.
      this.saveGlobal('copyreg', '__newobj_ex__');
      this.saveTuple(undefined, [node.callable, node.args, node.kwargs ?? { kind: 'dict', entries: [] }], d);
      this.out.u8(OP.REDUCE);
    } else {
      this.save(node.callable, d);
      this.save(node.args, d);
      this.out.u8(node.how === 'newobj' ? OP.NEWOBJ : OP.REDUCE);
    }
    const recursive = this.memo.get(node);
    if (recursive !== undefined) {
      this.out.u8(OP.POP);
      return this.get(recursive);
    }
    this.put(node);
    for (const op of node.ops) this.saveOp(op, d);
  }

  private saveOp(op: ObjectOp, d: number): void {
    if (op.op === 'build') {
      this.save(op.state, d);
      return this.out.u8(OP.BUILD);
    }
    if (op.op === 'setitems') return batchIterated(this.out, op.entries.length, OP.SETITEM, OP.SETITEMS, (i) => this.savePair(op.entries[i]!, d));
    return batchIterated(this.out, op.items.length, OP.APPEND, OP.APPENDS, (i) => this.save(op.items[i]!, d));
  }

  private savePair([k, v]: [PickleNode, PickleNode], d: number): void {
    this.save(k, d);
    this.save(v, d);
  }

  private saveTuple(node: PickleNode | undefined, items: PickleNode[], d: number): void {
    if (items.length === 0) return this.out.u8(OP.EMPTY_TUPLE);
    const short = items.length <= 3;
    if (!short) this.out.u8(OP.MARK);
    for (const item of items) this.save(item, d);
    const recursive = node === undefined ? undefined : this.memo.get(node);
    if (recursive !== undefined) {
      // The tuple was reached through its own items: drop them and fetch it (CPython does the same).
      if (short) for (let i = 0; i < items.length; i++) this.out.u8(OP.POP);
      else this.out.u8(OP.POP_MARK);
      return this.get(recursive);
    }
    this.out.u8(short ? [OP.TUPLE1, OP.TUPLE2, OP.TUPLE3][items.length - 1]! : OP.TUPLE);
    if (node === undefined) this.putIndex();
    else this.put(node);
  }

  private saveBytes(node: Extract<PickleNode, { kind: 'bytes' }>, d: number): void {
    // protocol < 3 has no bytes opcode: CPython writes _codecs.encode(latin-1 text, 'latin1'), or bytes() when empty
    if (node.value.length === 0) {
      this.saveGlobal('__builtin__', 'bytes');
      this.out.u8(OP.EMPTY_TUPLE);
    } else {
      this.saveGlobal('_codecs', 'encode');
      let text = '';
      for (let i = 0; i < node.value.length; i += 8192) text += String.fromCharCode(...node.value.subarray(i, i + 8192));
      this.saveTuple(undefined, [str(text), LATIN1], d);
    }
    this.out.u8(OP.REDUCE);
    this.put(node);
  }

  /** Python 3 names become Python 2 names as CPython's fix_imports does at protocol 2 (`builtins` -> `__builtin__`). */
  private saveGlobal(py3Module: string, py3Name: string): void {
    const [module, name] = py2Global(py3Module, py3Name);
    const key = `${module}\n${name}`;
    const seen = this.globals.get(key);
    if (seen !== undefined) return this.get(seen);
    this.out.u8(OP.GLOBAL);
    this.out.bytes(encodeUtf8(`${module}\n${name}\n`));
    this.globals.set(key, this.putIndex());
  }

  private put(node: PickleNode): void {
    this.memo.set(node, this.putIndex());
  }

  private putIndex(): number {
    const index = this.memoSize++;
    writePut(this.out, index);
    return index;
  }

  private get(index: number): void {
    writeGet(this.out, index);
  }
}
