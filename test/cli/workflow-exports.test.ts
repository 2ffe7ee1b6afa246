import { describe, expect, it } from 'vitest';
import { copyFile, cp, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES } from '../helpers/convert-run.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/** A real (tiny) YOLO-World v2 training checkpoint stands in for the published weights yw check opens. */
const tinyWeights = fileURLToPath(new URL('../../fixtures/checkpoints/yolo-world/v2_tiny.pth', import.meta.url));

interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  data?: { command?: string };
}

/**
 * Each exporter's dataset, as the tool writes it, goes through convert -> texts -> config -> check
 * with no flag and comes out clean: no error or warning finding anywhere, and a config yw check finds
 * nothing wrong with but WARMUP_LONG (a few images never leave mmyolo's lr warm-up). A dataset the tool exports without a validation split (CVAT, Label Studio,
 * labelImg) gets exactly one warning, SPLIT_NO_VAL, whose command is run as printed.
 * Label Studio's val split made that way is its one background image: yw check --config then warns
 * that val has no annotations (every COCO mAP would be -1), and nothing else.
 */
const EXPORTS: { fixture: string; tool: string; trainOnly?: boolean; valWithoutBoxes?: boolean }[] = [
  { fixture: 'export-roboflow', tool: 'Roboflow YOLOv8' },
  { fixture: 'export-roboflow-obb', tool: 'Roboflow YOLOv5 OBB (labelTxt/)' },
  { fixture: 'export-cvat-yolo11', tool: 'CVAT YOLO 1.1' },
  { fixture: 'export-cvat-ultralytics', tool: 'CVAT Ultralytics YOLO Detection Track' },
  { fixture: 'export-ultralytics', tool: 'Ultralytics (coco8)' },
  { fixture: 'export-ultralytics-pose', tool: 'Ultralytics pose (kpt_shape)' },
  { fixture: 'export-ultralytics-obb', tool: 'Ultralytics OBB (dota8)' },
  { fixture: 'export-fiftyone', tool: 'FiftyOne YOLOv5Dataset' },
  { fixture: 'export-darknet', tool: 'darknet obj.data' },
  { fixture: 'export-supervision', tool: 'supervision as_yolo' },
  { fixture: 'export-label-studio', tool: 'Label Studio YOLO', trainOnly: true, valWithoutBoxes: true },
  { fixture: 'export-labelimg', tool: 'labelImg', trainOnly: true },
];

const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info').map((f) => f.code);

describe('convert -> texts -> config -> check, per exporter', () => {
  for (const e of EXPORTS) {
    it(`${e.tool}: clean with no flags${e.trainOnly ? ', after the --val-fraction command convert prints' : ''}`, async () => {
      const root = await tempDir();
      const name = e.fixture.replace(/^export-/, '');
      const data = `data/${name}`;
      await cp(join(FIXTURES, e.fixture, 'input'), join(root, data), { recursive: true });
      const cli = (argv: string[]) => runCli(argv, { cwd: root });
      const report = async () => (JSON.parse(await readFile(join(root, 'convert.json'), 'utf8')) as { findings: Finding[] }).findings;

      const converted = await cli(['convert', data, '--report', 'convert.json']);
      expect(converted.code).toBe(0);
      if (e.trainOnly) {
        const findings = await report();
        expect(problems(findings)).toEqual(['SPLIT_NO_VAL']);
        const command = findings.find((f) => f.code === 'SPLIT_NO_VAL')!.data!.command!;
        expect(command).toBe(`yw convert ${data} --val-fraction 0.2 --force`);
        expect(converted.stderr).toContain(command);
        // Without a val split yw config stops, and its hint is the same command.
        const early = await cli(['config', '--data', data, '--mode', 'finetune', '--size', 's']);
        expect([early.code, early.stderr]).toEqual([1, expect.stringContaining(command)]);
        const again = await cli([...command.split(' ').slice(1), '--report', 'convert.json']);
        expect(again.code).toBe(0);
      }
      expect(problems(await report())).toEqual([]);

      expect((await cli(['texts', data])).code).toBe(0);
      const config = await cli(['config', '--data', data, '--mode', 'finetune', '--size', 's', '--style', 'standalone', '--out', `configs/custom/${name}.py`, '--json']);
      expect([config.code, config.stderr]).toEqual([0, expect.any(String)]);
      const written = JSON.parse(config.stdout) as { load_from: string; classes: string[] };
      await mkdir(join(root, 'pretrained_models'), { recursive: true });
      await copyFile(tinyWeights, join(root, written.load_from));
      const check = await cli(['check', '--config', `configs/custom/${name}.py`, '--reader', 'builtin', '--json']);
      const checked = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
      // Every exporter's sample is a few images: mmyolo's 1000-iteration warm-up floor is the whole run.
      const warmup = ['WARMUP_LONG', 'warning'];
      expect(checked.map((f) => [f.code, f.severity])).toEqual(e.valWithoutBoxes ? [['ANN_FILE_EMPTY', 'warning'], warmup] : [warmup]);
      expect(check.code).toBe(0);
      const texts = JSON.parse(await readFile(join(root, 'data/texts', `${name}_class_texts.json`), 'utf8')) as string[][];
      expect(texts.map((t) => t[0])).toEqual(written.classes);
    });
  }
});
