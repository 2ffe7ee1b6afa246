import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { stageFixture } from '../helpers/fixture-run.js';

const OUT = 'data/texts/helmet_class_texts.json';

describe('yw texts (CLI)', () => {
  it('refuses to overwrite without --force and replaces the file with it', async () => {
    const cwd = await stageFixture('texts-check');
    expect((await runCli(['texts', 'helmet'], { cwd })).code).toBe(0);
    await writeFile(join(cwd, OUT), 'edited by hand\n');
    const refused = await runCli(['texts', 'helmet'], { cwd });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${join(cwd, OUT)} already exists [OUTPUT_EXISTS]`);
    expect(refused.stderr).toContain('hint: run `yw texts ... --force` to overwrite it');
    expect(await readFile(join(cwd, OUT), 'utf8')).toBe('edited by hand\n');
    const forced = await runCli(['texts', 'helmet', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, OUT), 'utf8'))).toEqual([['person'], ['helmet', 'hard hat'], ['vest'], ['café']]);
  });

  it('--check exits 0 with one OK line when the file agrees', async () => {
    const cwd = await stageFixture('texts-check');
    const run = await runCli(['texts', 'helmet', '--check', 'ok.json'], { cwd });
    expect(run).toEqual({
      code: 0,
      stdout: 'OK ok.json matches helmet/classes.txt (4 classes)\n',
      stderr: 'order from helmet/classes.txt (classes file order, the order yw convert writes)\n',
    });
  });

  it('--check exits 1 with a per-entry diff and writes nothing', async () => {
    const cwd = await stageFixture('texts-check');
    const run = await runCli(['texts', 'helmet/classes.txt', '--check', 'wrong-order.json'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'order from helmet/classes.txt (classes file order)\n' +
        'wrong-order.json does not match helmet/classes.txt (2 problems):\n' +
        '  entry 1: expected primary "helmet", found "vest" (the primary of entry 2: wrong order)\n' +
        '  entry 2: expected primary "vest", found "helmet" (the primary of entry 1: wrong order)\n' +
        '  hint: regenerate it with `yw texts helmet/classes.txt -o wrong-order.json --force`, or fix the entries by hand\n',
    );
    await expect(readFile(join(cwd, OUT))).rejects.toThrow();
  });

  it('--check only warns about other synonyms, unless --strict', async () => {
    const cwd = await stageFixture('texts-check');
    const run = await runCli(['texts', 'helmet', '--check', 'synonyms-differ.json'], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'warning TEXTS_SYNONYMS_DIFFER synonyms-differ.json: entry 1: synonyms differ from the source: expected ["hard hat"], found []\n',
    );
    expect((await runCli(['texts', 'helmet', '--check', 'synonyms-differ.json', '--strict'], { cwd })).code).toBe(1);
  });

  it('--check --json prints the verdict and the diff as data', async () => {
    const cwd = await stageFixture('texts-check');
    const run = await runCli(['texts', 'helmet', '--check', 'missing-class.json', '--json'], { cwd });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ source: 'helmet', order_from: 'helmet/classes.txt', check: 'missing-class.json', ok: false });
    expect((result.findings as { message: string }[]).map((f) => f.message)).toEqual([
      'expected 4 entries (one per class), found 3',
      'entry 3: missing, expected ["café"]',
    ]);
  });

  it('rejects --check together with --out, and a check file that is not JSON', async () => {
    const cwd = await stageFixture('texts-check');
    const both = await runCli(['texts', 'helmet', '--check', 'ok.json', '-o', 'x.json'], { cwd });
    expect(both.code).toBe(1);
    expect(both.stderr).toContain('[TEXTS_OPTIONS]');
    const notJson = await runCli(['texts', 'helmet', '--check', 'helmet/classes.txt'], { cwd });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('is not valid JSON');
  });

  it('fails with exit 1 on a missing source or a root without classes', async () => {
    const cwd = await stageFixture('texts-check');
    const missing = await runCli(['texts', 'nope'], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('source not found: nope [FILE_NOT_FOUND]');
    await mkdir(join(cwd, 'empty', 'images'), { recursive: true });
    const empty = await runCli(['texts', 'empty'], { cwd });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no classes found in empty [TEXTS_NO_CLASSES]');
  });

  it('reports a COCO file without categories or with broken JSON instead of crashing', async () => {
    const cwd = await stageFixture('texts-check');
    await writeFile(join(cwd, 'no-categories.json'), '{"images": [], "annotations": [], "categories": []}\n');
    await writeFile(join(cwd, 'broken.json'), '{"images": [], "categories": [{"id": 1, "name": "a"}\n');
    const empty = await runCli(['texts', 'no-categories.json'], { cwd });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('no-categories.json is not a COCO detection file: categories:');
    const broken = await runCli(['texts', 'broken.json'], { cwd });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.json is not valid JSON');
    const textsAsSource = await runCli(['texts', 'ok.json'], { cwd });
    expect(textsAsSource.code).toBe(1);
    expect(textsAsSource.stderr).toContain('[COCO_INVALID]');
  });

  it('reads a COCO file with two "categories" keys as Python does: the last one wins (issue 11, point 9)', async () => {
    const cwd = await stageFixture('texts-check');
    await writeFile(join(cwd, 'twice.json'), '{"categories": [{"id": 1, "name": "stale"}], "images": [], "annotations": [], "categories": [{"id": 1, "name": "helmet"}, {"id": 2, "name": "head"}]}\n');
    const run = await runCli(['texts', 'twice.json', '-o', 'out.json'], { cwd });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(cwd, 'out.json'), 'utf8'))).toEqual([['helmet'], ['head']]);
    await writeFile(join(cwd, 'deep.json'), `{"categories": [{"id": 1, "name": "a"}], "x": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const deep = await runCli(['texts', 'deep.json', '-o', 'deep-out.json'], { cwd });
    expect(deep.code).toBe(1);
    expect(deep.stderr).toContain("deep.json is not valid JSON: nested more than 1000 levels deep (Python's json.load raises RecursionError near there): line 1 column 1046 (byte 1045) [INVALID_JSON]");
  });

  it('names file and line when a synonym names another class', async () => {
    const cwd = await stageFixture('texts-synonym-conflict');
    const inline = await runCli(['texts', 'site'], { cwd });
    expect(inline.code).toBe(1);
    expect(inline.stderr).toBe(
      'error site/classes.txt:2: synonym "person" given for class "worker" names another class, "person" [SYNONYM_NAMES_OTHER_CLASS]\n' +
        '  hint: a synonym is another name for the same class; remove it, or merge the two classes\n',
    );
    const fromFile = await runCli(['texts', 'site-ok', '--synonyms', 'other-class.txt'], { cwd });
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(
      'error other-class.txt:2: synonym "Person" given for class "forklift" names another class, "person" [SYNONYM_NAMES_OTHER_CLASS]',
    );
    const unknown = await runCli(['texts', 'site-ok', '--synonyms', 'unknown-class.json'], { cwd });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('error unknown-class.json:3: synonyms given for "Forklift", which is not a class of the source');
    expect(unknown.stderr).toContain('hint: did you mean "forklift"?');
  });

  it('refuses converted splits that disagree, naming both files', async () => {
    const cwd = await stageFixture('texts-splits-disagree');
    const run = await runCli(['texts', 'mixed'], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'mixed/annotations/train.json and mixed/annotations/val.json list different classes (entry 1: "dog" vs "bird") [TEXTS_SPLITS_DISAGREE]',
    );
  });

  it('--quiet prints nothing on success; --report writes the findings', async () => {
    const cwd = await stageFixture('texts-converted-stale');
    const run = await runCli(['texts', 'site', '--quiet', '--report', 'report.json'], { cwd });
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const report = JSON.parse(await readFile(join(cwd, 'report.json'), 'utf8')) as { findings: { code: string }[] };
    expect(report.findings.map((f) => f.code)).toEqual(['TEXTS_CLASSES_STALE']);
  });

  it('shows examples and the looked-for class files in --help', async () => {
    const run = await runCli(['texts', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('yw texts datasets/helmet');
    expect(run.stdout).toContain('--check <file>');
    expect(run.stdout).toContain(
      "A dataset folder's classes come from annotations/*.json, else **/classes.txt, **/obj.names (any depth, sorted), the",
    );
  });
});
