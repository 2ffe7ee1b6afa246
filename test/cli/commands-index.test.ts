import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandsFor } from '../../src/cli/commands/index.js';
import { runCli } from '../helpers/run-cli.js';

describe('commandsFor (lazy command loading)', () => {
  it('loads only the command argv names, all of them for help, typos and completion, none for --version', async () => {
    expect(COMMAND_NAMES.slice(0, 9)).toEqual(['prepare', 'convert', 'texts', 'embed', 'config', 'reparam', 'best', 'slim', 'check']);
    expect(COMMAND_NAMES).toContain('completion');
    const all = COMMAND_NAMES.length;
    expect(await commandsFor(['convert', 'datasets/x', '--force'])).toHaveLength(1);
    expect(await commandsFor(['check', '--config', 'x.py'])).toHaveLength(1);
    expect(await commandsFor(['prepare', 'datasets/x'])).toHaveLength(1);
    expect(await commandsFor(['--help'])).toHaveLength(all);
    expect(await commandsFor(['help', 'convert'])).toHaveLength(all);
    expect(await commandsFor(['conver'])).toHaveLength(all);
    expect(await commandsFor([])).toHaveLength(all);
    expect(await commandsFor(['completion', 'bash'])).toHaveLength(all);
    expect(await commandsFor(['-V'])).toHaveLength(0);
  });

  it('still lists every command in yw --help and suggests the right one for a typo', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    const typo = await runCli(['conver', 'x']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('(Did you mean convert?)');
  });
});
