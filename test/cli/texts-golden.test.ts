import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { FIXTURES, listFiles, stageFixture } from '../helpers/fixture-run.js';

interface GoldenCase {
  fixture: string;
  case: string;
  args: string[];
  /** The list the written JSON must parse to: checked apart from the golden bytes. */
  texts: string[][];
}

const CASES: GoldenCase[] = [
  {
    fixture: 'texts-classes-txt',
    case: 'root',
    args: ['helmet'],
    texts: [
      ['person', 'human', 'pedestrian'], ['hard hat', 'helmet', 'safety helmet'], ['traffic light'], ['café'], ['行人'],
      ['sign "stop"'], ['C:\\path'], ['red, green'], ['🚗 car'],
    ],
  },
  {
    fixture: 'texts-classes-txt',
    case: 'synonyms-lines',
    args: ['helmet/classes.txt', '--synonyms', 'synonyms.txt'],
    texts: [
      ['person', 'human', 'pedestrian', 'man', 'woman'], ['hard hat', 'helmet', 'safety helmet'], ['traffic light', 'signal'],
      ['café', 'coffee shop'], ['行人'], ['sign "stop"'], ['C:\\path'], ['red, green'], ['🚗 car'],
    ],
  },
  {
    fixture: 'texts-classes-txt',
    case: 'synonyms-json',
    args: ['helmet/classes.txt', '--synonyms', 'synonyms.json', '-o', 'out/helmet.json'],
    texts: [
      ['person', 'human', 'pedestrian'], ['hard hat', 'helmet', 'safety helmet'], ['traffic light'], ['café'], ['行人', '步行者'],
      ['sign "stop"', 'stop sign'], ['C:\\path'], ['red, green'], ['🚗 car', 'automobile'],
    ],
  },
  {
    fixture: 'texts-obj-names',
    case: 'file',
    args: ['street/obj.names'],
    texts: [['person'], ['bicycle'], ['car'], ['motorcycle'], ['traffic light']],
  },
  {
    fixture: 'texts-data-yaml-list',
    case: 'root',
    args: ['ppe'],
    texts: [['person'], ['hard hat'], ['safety vest'], ['Gerät']],
  },
  {
    fixture: 'texts-data-yaml-sparse',
    case: 'file',
    args: ['sparse/data.yaml'],
    texts: [['worker'], ['pallet jack'], ['forklift']],
  },
  {
    fixture: 'texts-coco',
    case: 'file',
    args: ['exports/wildlife_v2.json'],
    texts: [['zebra'], ['ant'], ['mule deer']],
  },
  {
    fixture: 'texts-converted',
    case: 'root',
    args: ['helmet', '--json'],
    texts: [['head'], ['helmet', 'hard hat', 'safety helmet'], ['person', 'human']],
  },
  {
    fixture: 'texts-converted',
    case: 'annotation-file',
    args: ['helmet/annotations/val.json'],
    texts: [['head'], ['helmet'], ['person']],
  },
  {
    fixture: 'texts-converted-stale',
    case: 'root',
    args: ['site'],
    texts: [['helmet'], ['head']],
  },
  {
    fixture: 'texts-split-folders',
    case: 'root',
    args: ['seed'],
    texts: [['bus'], ['truck'], ['van']],
  },
];

describe('yw texts golden outputs', () => {
  it.each(CASES)('$fixture / $case', async (c) => {
    const cwd = await stageFixture(c.fixture);
    const before = await listFiles(cwd);
    const run = await runCli(['texts', ...c.args], { cwd });
    const expected = join(FIXTURES, c.fixture, 'expected', c.case);
    const transcript = `$ yw texts ${c.args.join(' ')}\nexit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
    await expect(transcript).toMatchFileSnapshot(join(expected, 'run.txt'));
    const produced = (await listFiles(cwd)).filter((f) => !before.includes(f));
    await expect(`${produced.join('\n')}\n`).toMatchFileSnapshot(join(expected, 'files.txt'));
    expect(run.code).toBe(0);
    expect(produced).toHaveLength(1);
    for (const file of produced) {
      const content = await readFile(join(cwd, file), 'utf8');
      await expect(content).toMatchFileSnapshot(join(expected, file));
      expect(JSON.parse(content)).toEqual(c.texts);
    }
  });
});

/** YOLO-World reads the file with Python's json.load: prove every golden output loads to the same list. */
const python = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!python)('golden outputs under Python json.load', () => {
  it('loads every expected class-text JSON to the list Node parses', async () => {
    const files: string[] = [];
    for (const c of CASES) {
      const expected = join(FIXTURES, c.fixture, 'expected', c.case);
      const listed = (await readFile(join(expected, 'files.txt'), 'utf8')).split('\n').filter(Boolean);
      files.push(...listed.map((f) => join(expected, f)));
    }
    const script = 'import json,sys\nprint(json.dumps([json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]))';
    const loaded: unknown = JSON.parse(execFileSync('python3', ['-c', script, ...files], { encoding: 'utf8' }));
    const parsed = await Promise.all(files.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as unknown));
    expect(files).toHaveLength(CASES.length);
    expect(loaded).toEqual(parsed);
  });
});
