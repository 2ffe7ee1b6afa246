import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, commandsFor } from '../../src/cli/commands/index.js';
import { runCli } from '../helpers/run-cli.js';

describe('commandsFor (lazy command loading)', () => {
  it('loads only the command argv names, all of them for help and typos, none for --version', async () => {
    expect(COMMAND_NAMES).toEqual(['convert', 'texts', 'config', 'reparam', 'best', 'slim', 'check']);
    expect(await commandsFor(['convert', 'datasets/x', '--force'])).toHaveLength(1);
    expect(await commandsFor(['check', '--config', 'x.py'])).toHaveLength(1);
    expect(await commandsFor(['--help'])).toHaveLength(COMMAND_NAMES.length);
    expect(await commandsFor(['help', 'convert'])).toHaveLength(COMMAND_NAMES.length);
    expect(await commandsFor(['conver'])).toHaveLength(COMMAND_NAMES.length);
    expect(await commandsFor([])).toHaveLength(COMMAND_NAMES.length);
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
