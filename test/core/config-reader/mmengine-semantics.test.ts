import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { readConfigText } from '../../../src/io/config/check-inputs.js';
import { YwError } from '../../../src/errors.js';

/** Small configs, each resolved by the real mmengine 0.10.3 (`scripts/reader-references.js`) into expected.json. */
const dir = fileURLToPath(new URL('../../../fixtures/reader-semantics/', import.meta.url));
const cases = readdirSync(dir).filter((d) => !d.includes('.')).sort();

describe('the built-in reader agrees with mmengine 0.10.3 on its semantics', () => {
  it('has the cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s', async (name) => {
    const expected = await readFile(join(dir, name, 'expected.json'), 'utf8');
    const result = await readConfig(join(dir, name, 'config.py'), readConfigText, { env: {} }).then(
      (r) => encodeReferenceJson(r.value),
      (e: unknown) => e,
    );
    const mmengineError = (JSON.parse(expected) as { error?: string }).error;
    if (mmengineError === undefined) {
      expect(result).toBe(expected);
      return;
    }
    // mmengine failed: so must the reader, with the same Python exception where it is a Python-level one.
    expect(result).toBeInstanceOf(YwError);
    const error = result as YwError;
    const exception = mmengineError.split(':')[0]!;
    if (exception === 'ConfigParsingError') {
      expect([error.code, error.message]).toEqual(['CONFIG_UNREADABLE', expect.stringContaining('lazy-import config')]);
    } else {
      expect([error.code, error.message]).toEqual(['CONFIG_ERROR', expect.stringContaining(exception)]);
    }
  });
});
