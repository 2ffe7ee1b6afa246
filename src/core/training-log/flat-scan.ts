/**
 * Fast path for the train lines mmengine writes by the million
 * (`{"lr": 0.0002, "loss": 47.75, ..., "epoch": 1, "iter": 50, "step": 50}`).
 * A regular expression validates the whole flat-object grammar (NaN/Infinity included) and only the
 * values yw needs are converted: JSON.parse spends its time building 13 doubles per line. Measured
 * over 1,000,000 realistic lines (334 MB): the general expression ~0.45 s CPU, the learnt line shape
 * ~0.25 s, JSON.parse per line ~1.8 s, a charCodeAt scanner ~2.4 s (V8 compiles expressions to
 * machine code).
 * Lines it does not accept (nested values, escaped strings, invalid JSON) go to JSON.parse.
 */
export interface TrainScan {
  /** -1 when absent or not an integer. */
  epoch: number;
  /** NaN when absent or not a number. */
  loss: number;
  /** Whether a value is NaN or ±Infinity (Python literals). */
  nonFinite: boolean;
  /** Learnt from accepted lines: the exact text of the last train line shape with its numbers as patterns. */
  shape?: LineShape;
  /** How many shapes were learnt (bounded, so that a log with varying shapes cannot thrash). */
  shapes?: number;
}

const NUMBER = String.raw`-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?`;
const SCALAR = String.raw`"[^"\\\u0000-\u001f]*"|true|false|null`;
/** JSON's own whitespace (\s would also accept e.g. U+00A0, which JSON.parse rejects). */
const WS = '[ \\t\\n\\r]*';
const flatObject = (value: string): RegExp => {
  const member = String.raw`"[^"\\\u0000-\u001f]*"${WS}:${WS}(?:${value})${WS}`;
  return new RegExp(String.raw`^${WS}\{${WS}(?:${member}(?:,${WS}${member})*)?\}${WS}$`);
};
/** Tried first: finite numbers only, so that the common line needs no extra NaN/Infinity search. */
const FLAT_FINITE = flatObject(`${NUMBER}|${SCALAR}`);
const FLAT_OBJECT = flatObject(`${NUMBER}|-?Infinity|NaN|${SCALAR}`);
const MAX_SHAPES = 8;
const VALUE_NUMBER = new RegExp(String.raw`(?<=:${WS})${NUMBER}(?=${WS}[,}])`, 'g');

/** A learnt line shape: the expression, and which of its groups hold `epoch` and `loss` (0 = absent). */
export interface LineShape {
  re: RegExp;
  epochGroup: number;
  lossGroup: number;
}

/**
 * The line's own text as an expression, its number values replaced by the number pattern. Lines of
 * one log share their keys and spacing, and literal text matches ~40% faster than the general
 * grammar. Whatever it matches is valid JSON with the same keys (the literal parts came from a
 * valid line), so it is as strict as FLAT_FINITE on what it accepts. The `epoch` and `loss` numbers
 * are captured, so a matching line needs no second search for them.
 */
function shapeOf(line: string): LineShape {
  const parts = line.split(VALUE_NUMBER);
  let group = 0;
  let epochGroup = 0;
  let lossGroup = 0;
  const source = parts
    .map((part, i) => {
      const literal = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (i === parts.length - 1) return literal;
      const key = /"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*$/.exec(part)?.[1];
      if (key === 'epoch' || key === 'loss') {
        group += 1;
        if (key === 'epoch') epochGroup = group;
        else lossGroup = group;
        return `${literal}(${NUMBER})`;
      }
      return `${literal}${NUMBER}`;
    })
    .join('');
  return { re: new RegExp(`^${source}$`), epochGroup, lossGroup };
}

/** True (and `out` filled) when `line` is a valid flat JSON object with a train key (iter, loss, lr, epoch). */
export function scanTrainLine(line: string, out: TrainScan): boolean {
  const shape = out.shape;
  const match = shape?.re.exec(line);
  if (shape && match) {
    out.nonFinite = false;
    out.epoch = shape.epochGroup ? epochOf(Number(match[shape.epochGroup])) : -1;
    out.loss = shape.lossGroup ? Number(match[shape.lossGroup]) : Number.NaN;
    return true;
  }
  if (!scanGeneral(line, out)) return false;
  if (!out.nonFinite && (out.shapes ?? 0) < MAX_SHAPES) {
    out.shape = shapeOf(line);
    out.shapes = (out.shapes ?? 0) + 1;
  }
  return true;
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

const epochOf = (e: number | undefined): number => (e !== undefined && Number.isInteger(e) && e >= 0 ? e : -1);

function scanGeneral(line: string, out: TrainScan): boolean {
  out.nonFinite = !FLAT_FINITE.test(line);
  if (out.nonFinite && !FLAT_OBJECT.test(line)) return false;
  const e = numberAfterKey(line, 'epoch"');
  const loss = numberAfterKey(line, 'loss"');
  if (e === undefined && loss === undefined && numberAfterKey(line, 'iter"') === undefined && numberAfterKey(line, 'lr"') === undefined) {
    return false; // a validation line: JSON.parse reads all of it
  }
  out.epoch = epochOf(e);
  out.loss = loss ?? Number.NaN;
  return true;
}

/**
 * The value after `"key":` in a validated flat line as a number (NaN for a string, NaN or null), or
 * undefined when the key is absent. In such a line a quoted word followed by a colon can only be a key.
 * The search starts from the key's second character: V8 scans for the first character, and `"`
 * occurs ~26 times per line.
 */
function numberAfterKey(line: string, tail: string): number | undefined {
  for (let at = line.indexOf(tail); at !== -1; at = line.indexOf(tail, at + 1)) {
    if (line.charCodeAt(at - 1) !== 0x22) continue; // "xloss" is another key
    let i = at + tail.length;
    while (isJsonSpace(line.charCodeAt(i))) i += 1;
    if (line.charCodeAt(i) !== 0x3a) continue; // a string value that happens to equal the key
    i += 1;
    while (isJsonSpace(line.charCodeAt(i))) i += 1;
    let end = i;
    for (let c = line.charCodeAt(end); c !== 0x2c && c !== 0x7d && !isJsonSpace(c) && end < line.length; c = line.charCodeAt(end)) end += 1;
    return Number(line.slice(i, end));
  }
  return undefined;
}
