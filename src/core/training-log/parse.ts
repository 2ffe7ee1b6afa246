import type { Finding } from '../findings.js';
import { replacePythonLiterals } from './literals.js';
import { isTrainObject, validationKeys } from './classify.js';
import { scanTrainLine, type TrainScan } from './flat-scan.js';
import { LogFindings } from './log-findings.js';
import type { ParsedLog, TrainEpoch, Validation } from './types.js';

export { FINDINGS_PER_CODE } from './log-findings.js';

/**
 * Reads mmengine's `vis_data/scalars.json` (JSON lines) in chunks of any size. Train lines are reduced
 * to per-epoch loss sums on the fly, so a million-line log costs little memory. Train lines take the
 * validating fast path (flat-scan.ts); other lines JSON.parse, and only a line that fails gets its
 * Python literals (NaN, Infinity) rewritten and parsed again. Never throws on bad data.
 */
export class ScalarsParser {
  private rest = '';
  private lineNo = 0;
  private trainLines = 0;
  private noEpoch = 0;
  private readonly train = new Map<number, TrainEpoch>();
  private current: TrainEpoch | undefined;
  private readonly validations = new Map<number, Validation>();
  private readonly findings: LogFindings;
  private readonly scan: TrainScan = { epoch: -1, loss: Number.NaN, nonFinite: false };

  constructor(readonly file: string) {
    this.findings = new LogFindings(file);
  }

  feed(chunk: string): void {
    let text = this.rest + chunk;
    if (this.lineNo === 0 && this.rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl), false);
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  finish(): ParsedLog {
    if (this.rest !== '') this.line(this.rest, true);
    this.rest = '';
    if (this.noEpoch > 0) {
      this.findings.add('LOG_TRAIN_NO_EPOCH', 'info', `${this.noEpoch} train line(s) have no "epoch" (iteration-based training?); their loss is not plotted`, 0, { data: { lines: this.noEpoch } });
    }
    return {
      file: this.file,
      validations: [...this.validations.values()].sort((a, b) => a.line - b.line),
      train: [...this.train.values()].sort((a, b) => a.epoch - b.epoch),
      trainLines: this.trainLines,
      trainLinesWithoutEpoch: this.noEpoch,
      lines: this.lineNo,
      findings: this.findings.close(),
    };
  }

  private line(raw: string, last: boolean): void {
    this.lineNo += 1;
    const text = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    if (text.length === 0 || (text.charCodeAt(0) <= 0x20 && text.trim() === '')) return;
    // Fast path for the (millions of) train lines; everything else goes through JSON.parse.
    if (scanTrainLine(text, this.scan)) {
      if (this.scan.nonFinite) this.findings.noteNonFinite(JSON.parse(replacePythonLiterals(text) ?? text), this.lineNo);
      this.addTrain(this.scan.epoch, this.scan.loss);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = this.slowParse(text, last);
      if (value === undefined) return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add('LOG_BAD_LINE', 'warning', 'line is not a JSON object; skipped');
      return;
    }
    this.classify(value as Record<string, unknown>, text);
  }

  private slowParse(text: string, last: boolean): unknown {
    const replaced = replacePythonLiterals(text);
    if (replaced !== undefined) {
      try {
        const value: unknown = JSON.parse(replaced);
        this.findings.noteNonFinite(value, this.lineNo);
        return value;
      } catch {
        // fall through: not a literal problem
      }
    }
    if (last) {
      this.add('LOG_TRUNCATED_LINE', 'warning', 'the last line is incomplete (training killed while writing?); skipped', {
        hint: 'harmless: only that line is lost',
      });
    } else {
      this.add('LOG_BAD_LINE', 'warning', 'line is not valid JSON; skipped', { data: { text: text.slice(0, 80) } });
    }
    return undefined;
  }

  private classify(o: Record<string, unknown>, raw: string): void {
    if (isTrainObject(o)) return this.trainLine(o);
    const { metrics, unknown } = validationKeys(o);
    const hasMetric = Object.keys(metrics).length > 0;
    const step = o.step;
    if (!hasMetric && unknown) return this.add('LOG_UNKNOWN_LINE', 'info', 'line is neither a train nor a validation line; skipped');
    if (typeof step !== 'number' || !Number.isInteger(step) || step < 0) {
      return this.add('LOG_BAD_STEP', 'warning', 'validation line without an integer "step" (the epoch); skipped');
    }
    if (!hasMetric) {
      this.add('VAL_NO_METRICS', 'warning', `validation after epoch ${step} logged no metrics`, {
        hint: 'the model made no predictions: check metainfo classes and the class-text file',
        data: { epoch: step },
      });
    }
    if (this.validations.has(step)) {
      this.add('LOG_DUPLICATE_VALIDATION', 'info', `epoch ${step} was validated again; the later line wins`);
      this.validations.delete(step);
    }
    this.validations.set(step, { epoch: step, metrics, raw, file: this.file, line: this.lineNo });
  }

  private trainLine(o: Record<string, unknown>): void {
    const epoch = o.epoch;
    const loss = o.loss;
    this.addTrain(typeof epoch === 'number' && Number.isInteger(epoch) ? epoch : -1, typeof loss === 'number' ? loss : Number.NaN);
  }

  private addTrain(epoch: number, loss: number): void {
    this.trainLines += 1;
    if (epoch < 0) {
      this.noEpoch += 1;
      return;
    }
    // consecutive train lines share their epoch: skip the map lookup for them
    let entry = this.current?.epoch === epoch ? this.current : this.train.get(epoch);
    if (entry === undefined) {
      entry = { epoch, lossSum: 0, lossCount: 0, lines: 0 };
      this.train.set(epoch, entry);
    }
    this.current = entry;
    entry.lines += 1;
    if (Number.isFinite(loss)) {
      entry.lossSum += loss;
      entry.lossCount += 1;
    }
  }

  private add(code: string, severity: Exclude<Finding['severity'], 'error'>, message: string, extra: Partial<Finding> = {}): void {
    this.findings.add(code, severity, message, this.lineNo, extra);
  }
}

/** Parses a whole scalars.json text (tests, small files). */
export function parseScalars(text: string, file: string): ParsedLog {
  const parser = new ScalarsParser(file);
  parser.feed(text);
  return parser.finish();
}
