import { describe, expect, it } from 'vitest';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../helpers/run-cli.js';
import { copyFixture, tempDir } from '../helpers/tmp.js';
import { sharedReference, skipNote, yoloWorldConfigRoot } from '../helpers/shared-reference.js';
import { readConfig } from '../../src/core/config-reader/read-config.js';
import { encodeReferenceJson } from '../../src/core/config-reader/reference-json.js';
import { readConfigText } from '../../src/io/config/check-inputs.js';

const clean = fileURLToPath(new URL('../../fixtures/check-clean', import.meta.url));
const CONFIG = 'configs/custom/yolo_world_v2_l_helmet.py';

describe('yw check --config --dump-config', () => {
  it('writes the resolved config in the reference encoding, and refuses to overwrite it without --force', async () => {
    const dir = await copyFixture(clean);
    const expected = encodeReferenceJson((await readConfig(join(dir, CONFIG), readConfigText)).value);
    const run = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--dump-config', 'out/resolved.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no problems found');
    expect(run.stderr).toContain(`resolved config: ${join(dir, 'out/resolved.json')}`);
    expect(await readFile(join(dir, 'out/resolved.json'), 'utf8')).toBe(expected);
    expect(expected).toContain('"__tuple__"');
    const again = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--dump-config', 'out/resolved.json'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('[OUTPUT_EXISTS]');
    const forced = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--dump-config', 'out/resolved.json', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
  });

  it('puts the resolved config alone on stdout with -, the report on stderr; - and --json conflict', async () => {
    const dir = await copyFixture(clean);
    const run = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--dump-config', '-'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(encodeReferenceJson((await readConfig(join(dir, CONFIG), readConfigText)).value));
    expect(run.stderr).toContain('no problems found');
    const both = await runCli(['check', '-c', CONFIG, '--reader', 'builtin', '--dump-config', '-', '--json'], { cwd: dir });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('[CHECK_STDOUT_TWICE]');
  });

  it('dumps what the mmengine reader returned, re-encoded to the same bytes (stand-in interpreter)', async () => {
    const dir = await copyFixture(clean);
    const expected = encodeReferenceJson((await readConfig(join(dir, CONFIG), readConfigText)).value);
    // json.dumps output as the bridge prints it: no newline at the end.
    await writeFile(join(dir, 'resolved.json'), expected.trimEnd());
    const fake = join(dir, 'fake-python');
    await writeFile(fake, `#!/bin/sh\n[ "$2" = "import mmengine" ] && exit 0\ncat "${join(dir, 'resolved.json')}"\n`);
    await chmod(fake, 0o755);
    const run = await runCli(['check', '-c', CONFIG, '--python', fake, '--dump-config', '-'], { cwd: dir });
    expect(run.stderr).toContain('read with mmengine (exact)');
    expect(run.stdout).toBe(expected);
  });

  it('substitutes {{$VAR:default}} from the environment yw runs in', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.py'), "data_root = '{{$YW_DATA:data/coco/}}'\n");
    const run = (env: Record<string, string>) => runCli(['check', '-c', 'x.py', '--reader', 'builtin', '--dump-config', '-'], { cwd: dir, env });
    expect((await run({ NO_COLOR: '1' })).stdout).toContain('"data_root": "data/coco/"');
    expect((await run({ NO_COLOR: '1', YW_DATA: 'data/helmet/' })).stdout).toContain('"data_root": "data/helmet/"');
  });
});

const reference = sharedReference();
if (!reference) skipNote('the --dump-config test on an official config');

describe.skipIf(!reference)('yw check --dump-config on an official YOLO-World config in a real root', () => {
  it('prints exactly what mmengine 0.10.3 resolves it to', async () => {
    const root = await yoloWorldConfigRoot(reference!);
    const name = 'finetune_coco/yolo_world_v2_xl_vlpan_bn_2e-4_80e_8gpus_mask-refine_finetune_coco';
    const run = await runCli(['check', '-c', `configs/${name}.py`, '--reader', 'builtin', '--dump-config', '-'], { cwd: root });
    expect(run.stdout).toBe(await readFile(join(reference!, 'upstream-configs/resolved/configs', `${name}.json`), 'utf8'));
    // The config, yolov8 x-MR, x, l, m, s, and the s base's default_runtime.py and det_p5_tta.py.
    expect(run.stderr).toContain('read with built-in reader (no Python): 8 file(s)');
  });
});
