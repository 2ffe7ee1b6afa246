import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarizeCocoText, cocoSummaryReader } from '../../../src/core/dataset/coco-summary.js';
import { JsonTextError, StreamingJsonParser } from '../../../src/core/json/stream-parser.js';
import { NOT_UTF8 } from '../../../src/core/json/string-scanner.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/json-python/cases.json', import.meta.url));
const SCRIPT = fileURLToPath(new URL('../../../scripts/json-oracle.py', import.meta.url));

interface Case {
  name: string;
  hex: string;
  python: { ok: true } | { error: string; offset: number };
  coco?: { categories: [number, string][]; images: number; annotations: number; withPolygon: number; perCategory: Record<string, number>; sample: string[] };
}
const { cases } = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: Case[] };

/** Parses `bytes` fed in chunks of `size`; the error if it fails. */
function parse(bytes: Uint8Array, size: number): JsonTextError | undefined {
  const parser = new StreamingJsonParser({});
  try {
    for (let at = 0; at < bytes.length; at += size) parser.push(bytes.subarray(at, at + size));
    parser.end();
    return undefined;
  } catch (error) {
    if (error instanceof JsonTextError) return error;
    throw error;
  }
}

/** Python's wording, except where it names Python's own decode step. */
function expectedReason(python: string): string {
  if (python === 'UnicodeDecodeError') return NOT_UTF8;
  return python.startsWith('Unexpected UTF-8 BOM') ? "Unexpected UTF-8 BOM (Python's json.load rejects a byte-order mark)" : python;
}

describe('the streaming JSON reader agrees with Python json.load (fixtures/json-python)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const bytes = Buffer.from(c.hex, 'hex');
      for (const size of [Math.max(1, bytes.length), 1, 3]) {
        const error = parse(bytes, size);
        if ('ok' in c.python) expect(error?.message, `chunks of ${size}`).toBeUndefined();
        else {
          expect(error, `chunks of ${size}`).toBeDefined();
          expect([error!.reason, error!.offset], `chunks of ${size}`).toEqual([expectedReason(c.python.error), c.python.offset]);
        }
      }
      if (c.coco) {
        const summary = summarizeCocoText(bytes.toString('utf8'), 'case.json');
        expect({
          categories: summary.categories.map((k) => [k.id, k.name]),
          images: summary.images,
          annotations: summary.annotations,
          withPolygon: summary.withPolygon,
          perCategory: Object.fromEntries([...summary.perCategory].map(([id, n]) => [id, n])),
          sample: summary.sample,
        }).toEqual({ ...c.coco, perCategory: Object.fromEntries(Object.entries(c.coco.perCategory).map(([id, n]) => [Number(id), n])) });
      }
    });
  }

  it('gives the same COCO summary for every chunk size', () => {
    for (const c of cases.filter((k) => k.coco)) {
      const bytes = Buffer.from(c.hex, 'hex');
      const whole = summarizeCocoText(bytes.toString('utf8'), 'case.json');
      for (const size of [1, 2, 7]) {
        const reader = cocoSummaryReader('case.json');
        for (let at = 0; at < bytes.length; at += size) reader.parser.push(bytes.subarray(at, at + size));
        expect(reader.finish(), `${c.name}, chunks of ${size}`).toEqual(whole);
      }
    }
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('fixtures/json-python/cases.json is what scripts/json-oracle.py gives today', () => {
    const run = spawnSync('python3', [SCRIPT, '-'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const fresh = JSON.parse(run.stdout) as { cases: Case[] };
    expect(fresh.cases).toEqual(cases);
  });
  if (!python) console.log('python-oracle.test.ts: python3 not found; the committed Python results are used without re-running the oracle');
});
