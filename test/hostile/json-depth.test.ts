import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonTooDeepAt, MAX_JSON_DEPTH } from '../../src/core/json-depth.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/** Issue 11, point 5: deeply nested JSON ends in a clear error (it overflowed the stack: exit 2). */

describe('JSON nesting depth', () => {
  it('finds the line where nesting passes the limit, not counting brackets inside strings', () => {
    expect(jsonTooDeepAt('[[1]]', 2)).toBeUndefined();
    expect(jsonTooDeepAt('[\n[\n[1]]]', 2)).toBe(3);
    expect(jsonTooDeepAt('{"a": "[[[[[[", "b": ["x\\"[[[[", {"c": 1}]}', 3)).toBeUndefined();
    expect(jsonTooDeepAt('["\\\\", [[1]]]', 2)).toBe(1); // an escaped backslash does not escape the quote
    expect(jsonTooDeepAt(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).toBeUndefined();
    expect(jsonTooDeepAt('['.repeat(MAX_JSON_DEPTH + 1))).toBe(1);
  });

  it.each([
    ['100,000 levels of [', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000 levels of {"a":', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['a real list, then 100,000 levels inside it', `[["helmet"],\n["head", ${'['.repeat(100_000)}${']'.repeat(100_000)}]]`],
  ])('yw texts --check refuses %s with JSON_TOO_DEEP, exit 1', async (_what, json) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'classes.txt'), 'helmet\nhead\n');
    await writeFile(join(dir, 'texts.json'), json);
    const run = await runCli(['texts', 'classes.txt', '--check', 'texts.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/error (line \d+: )?\/.*texts\.json nests deeper than 1000 levels of \[ \] or \{ \} \[JSON_TOO_DEEP\]/);
    expect(run.stderr).toContain('hint: no class-text JSON nests like this; check that this is the right file');
    expect(run.stderr).not.toContain('internal error');
  });

  it('yw check --config refuses a deeply nested class-text file the config names', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'texts.json'), '['.repeat(20_000));
    await writeFile(join(dir, 'cfg.py'), "_base_ = []\ntrain_dataloader = dict(dataset=dict(class_text_path='texts.json'))\n");
    const run = await runCli(['check', '--config', 'cfg.py'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('texts.json nests deeper than 1000 levels of [ ] or { }');
  });
});
