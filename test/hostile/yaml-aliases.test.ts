import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

/** Issue 11, point 5: a data.yaml that expands to billions of values is refused, exit 1, no stack trace. */

/** "Billion laughs": nine levels of nine aliases each stand for 9^9 strings in a 700-byte file. */
function billionLaughs(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'bcdefghi';
  for (let i = 0; i < names.length; i++) {
    const prev = i === 0 ? 'a' : names[i - 1]!;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\nnames: [helmet]\n`;
}

async function dataset(yaml: string): Promise<string> {
  const root = await tempDir();
  await mkdir(join(root, 'images', 'train'), { recursive: true });
  await mkdir(join(root, 'labels', 'train'), { recursive: true });
  await writeFile(join(root, 'data.yaml'), yaml);
  return root;
}

describe('YAML alias bombs', () => {
  it.each([
    ['convert', (root: string) => ['convert', root, '--out', join(root, 'out')]],
    ['texts', (root: string) => ['texts', root, '-o', join(root, 'texts.json')]],
    ['check', (root: string) => ['check', root]],
  ])('yw %s refuses a billion-laughs data.yaml with DATA_YAML_INVALID, exit 1', async (_name, args) => {
    const root = await dataset(billionLaughs());
    const run = await runCli(args(root));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data.yaml cannot be read: Excessive alias count indicates a resource exhaustion attack [DATA_YAML_INVALID]');
    expect(run.stderr).toContain('hint: write the values out instead of aliases (*name)');
    expect(run.stderr).not.toContain('internal error');
  });

  it('refuses thousands of distinct aliases before the yaml package resolves them one scan each', async () => {
    const n = 5000;
    const anchors = Array.from({ length: n }, (_, i) => `&a${i} x${i}`).join(', ');
    const aliases = Array.from({ length: n }, (_, i) => `*a${i}`).join(', ');
    const root = await dataset(`a: [${anchors}]\nb: [${aliases}]\nnames: [helmet]\n`);
    const run = await runCli(['convert', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data.yaml has more than 1000 aliases (*name) [DATA_YAML_INVALID]');
  });

  it('names an alias without its anchor instead of crashing', async () => {
    const run = await runCli(['convert', await dataset('names: *nowhere\n')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('data.yaml cannot be read: Unresolved alias (the anchor must be set before the alias): nowhere [DATA_YAML_INVALID]');
  });

  it('still reads a data.yaml that uses a few aliases the ordinary way', async () => {
    const root = await dataset('base: &names [helmet, head]\nnames: *names\ntrain: images/train\nval: images/train\n');
    await writeFile(join(root, 'labels', 'train', 'a.txt'), '0 0.5 0.5 0.2 0.2\n');
    const { default: sharp } = await import('sharp');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#808080' } }).jpeg().toFile(join(root, 'images', 'train', 'a.jpg'));
    const run = await runCli(['convert', root, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ classes: 2, images: 2, annotations: 2 });
  });
});
