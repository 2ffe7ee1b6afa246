import { PyDict, expr, spread, type PyExpr, type PySpread, type PyValue } from './py-value.js';
import type { ConfigSpec } from './options.js';
import { mmyoloBase } from './mmyolo-base.js';
import { SIZE_FACTS } from './sizes.js';

/**
 * The config being written: top-level assignments in order, like the official files. Names can be
 * referenced later (`ref`) and `_base_.x` values looked up in the resolved mmyolo base (`base`);
 * both give a PyExpr that prints as the name and evaluates to the value.
 */
export class Scope {
  readonly assignments: [string, PyValue][] = [];
  readonly baseDict: PyDict;

  constructor(readonly spec: ConfigSpec) {
    this.baseDict = mmyoloBase(SIZE_FACTS[spec.size].base, spec.maskRefine);
  }

  assign(name: string, value: PyValue): void {
    this.assignments.push([name, value]);
  }

  ref(name: string): PyExpr {
    const found = [...this.assignments].reverse().find(([n]) => n === name);
    if (!found) throw new Error(`config name ${name} used before it is assigned`);
    return expr(name, found[1]);
  }

  base(path: string): PyExpr {
    return expr(`_base_.${path}`, this.lookup(path));
  }

  /** `*_base_.name` or `*_base_.name[:-1]`. */
  baseSpread(name: string, dropLast = false): PySpread {
    const items = this.lookup(name) as PyValue[];
    return spread(`_base_.${name}${dropLast ? '[:-1]' : ''}`, dropLast ? items.slice(0, -1) : items);
  }

  spreadRef(name: string): PySpread {
    return spread(name, this.ref(name).value as PyValue[]);
  }

  private lookup(path: string): PyValue {
    let value: PyValue | undefined = this.baseDict;
    for (const key of path.split('.')) value = value instanceof PyDict ? value.get(key) : undefined;
    if (value === undefined) throw new Error(`_base_.${path} is not defined by ${this.spec.size} base`);
    return value;
  }
}
