import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../../src/core/config-reader/reference-json.js';
import { readConfigText } from '../../../src/io/config/check-inputs.js';
import { YwError } from '../../../src/errors.js';
import { sharedReference, skipNote, yoloWorldConfigRoot } from '../../helpers/shared-reference.js';

const reference = sharedReference();
if (!reference) skipNote('the upstream-config reader tests');
const resolvedDir = reference && join(reference, 'upstream-configs/resolved/configs');
/** The 42 YOLO-World configs with mmengine 0.10.3's resolution of each (`resolved/configs/<dir>/<name>.json`). */
const official = resolvedDir ? readdirSync(resolvedDir, { recursive: true }).map(String).filter((f) => f.endsWith('.json')).sort() : [];

async function resolved(file: string): Promise<string> {
  const { value } = await readConfig(file, readConfigText);
  return encodeReferenceJson(value);
}

describe.skipIf(!reference)('the built-in reader on the real upstream configs (mmengine 0.10.3 resolutions)', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'yw-upstream-'));
    await yoloWorldConfigRoot(reference!, root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds the 42 official YOLO-World configs', () => {
    expect(official).toHaveLength(42);
  });

  it.each(official)('resolves configs/%s byte for byte', async (json) => {
    const expected = await readFile(join(resolvedDir!, json), 'utf8');
    expect(await resolved(join(root, 'configs', json.replace(/\.json$/, '.py')))).toBe(expected);
  });

  it('resolves the 8 mmyolo YOLOv8 bases byte for byte', async () => {
    const dir = join(reference!, 'mmyolo-base-configs');
    const names = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(names).toHaveLength(8);
    for (const name of names) {
      const file = join(root, 'third_party/mmyolo/configs/yolov8', name.replace(/\.json$/, '.py'));
      expect(await resolved(file), name).toBe(await readFile(join(dir, name), 'utf8'));
    }
  });

  it('resolves every mmyolo config as mmengine does (sha256 of its resolution, fixtures/reader-mmyolo)', async () => {
    const digestsFile = fileURLToPath(new URL('../../../fixtures/reader-mmyolo/digests.json', import.meta.url));
    const digests = JSON.parse(await readFile(digestsFile, 'utf8')) as Record<string, string | { error: string }>;
    const mmyolo = join(root, 'third_party/mmyolo');
    const files = readdirSync(join(mmyolo, 'configs'), { recursive: true }).map(String).filter((f) => f.endsWith('.py'));
    expect(files.map((f) => `configs/${f}`).sort()).toEqual(Object.keys(digests).sort());
    const mismatched: string[] = [];
    for (const [file, digest] of Object.entries(digests)) {
      if (typeof digest !== 'string') {
        // mmengine needs mmrazor/mmcls installed for these `pkg::` bases; the reader refuses them by name.
        const error = await resolved(join(mmyolo, file)).catch((e: unknown) => e);
        expect(error, file).toBeInstanceOf(YwError);
        expect((error as YwError).message, file).toMatch(/^cannot read the package-scoped _base_ '(mmrazor|mmcls)::/);
        continue;
      }
      const text = await resolved(join(mmyolo, file));
      if (createHash('sha256').update(text).digest('hex') !== digest) mismatched.push(file);
    }
    expect(mismatched).toEqual([]);
    expect(Object.values(digests).filter((d) => typeof d === 'string')).toHaveLength(143);
  });
});
