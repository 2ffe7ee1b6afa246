import { describe, expect, it } from 'vitest';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listCheckpoints, locateRuns, readScalars } from '../../../src/io/logs/training-runs.js';
import { tempDir } from '../../helpers/tmp.js';

describe('readScalars', () => {
  it('decodes UTF-8 split across chunks and a BOM, whatever the chunk size', async () => {
    const dir = await tempDir();
    const file = join(dir, 'scalars.json');
    const text = '\uFEFF{"loss": 1.0, "epoch": 1, "iter": 1}\n{"coco/bbox_mAP": 0.5, "note": "café ✓", "step": 1}\n';
    await writeFile(file, text);
    for (const size of [1, 2, 3, 5, 64]) {
      const log = await readScalars(file, 'x', size);
      expect(log.findings).toEqual([]);
      expect(log.trainLines).toBe(1);
      expect(log.validations[0]?.raw).toBe('{"coco/bbox_mAP": 0.5, "note": "café ✓", "step": 1}');
    }
  });
});

describe('locateRuns', () => {
  it('finds run folders in time order and the checkpoints beside them', async () => {
    const parent = await tempDir();
    const dir = join(parent, 'yolo_world_custom');
    for (const run of ['20240620_150000', '20240620_090000', 'not_a_run']) await mkdir(join(dir, run, run === 'not_a_run' ? '' : 'vis_data'), { recursive: true });
    await writeFile(join(dir, '20240620_150000/vis_data/scalars.json'), '');
    await writeFile(join(dir, '20240620_090000/vis_data/scalars.json'), '');
    await writeFile(join(dir, 'epoch_5.pth'), '');
    await writeFile(join(dir, 'best.pth'), '');
    await symlink('epoch_99.pth', join(dir, 'epoch_100.pth'));
    const source = await locateRuns(dir);
    expect(source.runs.map((r) => r.name)).toEqual(['20240620_090000', '20240620_150000']);
    expect(await listCheckpoints(source.workDir)).toEqual(['epoch_5.pth']);
    await expect(locateRuns(join(dir, 'not_a_run'))).rejects.toThrow(/NO_TRAINING_LOG|no <run>/);
    await expect(locateRuns(join(dir, 'missing'))).rejects.toThrow(/not found/);
    await expect(locateRuns(parent)).rejects.toMatchObject({ code: 'NO_TRAINING_LOG', hint: `it holds work dirs; pass one of: ${dir}` });
  });
});
