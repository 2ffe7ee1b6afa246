import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { buildProgram } from '../../src/cli/main.js';
import { COMMAND_NAMES } from '../../src/cli/commands/index.js';
import { READERS } from '../../src/cli/commands/check.js';
import { completionSpec } from '../../src/cli/completion-spec.js';
import { completionScript } from '../../src/core/completion/script.js';
import { SHELLS, type Shell } from '../../src/core/completion/spec.js';
import { MODES } from '../../src/core/config/options.js';
import { SIZES } from '../../src/core/config/sizes.js';
import { LAYOUTS } from '../../src/core/dataset/layout-kinds.js';
import { available } from '../helpers/oracle.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/tmp.js';

const bin = fileURLToPath(new URL('../../bin/yw.js', import.meta.url));
const zshHelper = fileURLToPath(new URL('../helpers/zsh-complete.zsh', import.meta.url));
const sorted = (list: readonly string[]) => [...list].sort();

/** `yw completion SHELL` as printed, saved to a temp file the shell can source. */
async function scriptFile(shell: Shell): Promise<string> {
  const run = await runCli(['completion', shell]);
  expect(run.code).toBe(0);
  const file = join(await tempDir('yw-completion-'), `yw.${shell}`);
  await writeFile(file, run.stdout);
  return file;
}

/**
 * Runs the bash completion function on `words` (as bash splits a command line: `--size=x` is
 * `--size`, `=`, `x`; the last word is the one being completed) and returns COMPREPLY.
 */
function bashComplete(script: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const body = `source '${script}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _yw; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', body], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** Every command line the shells are tested on, with the candidates expected from the constants the code uses. */
const CASES: { line: string; words: string[]; expected: readonly string[] }[] = [
  { line: 'yw con', words: ['yw', 'con'], expected: ['config', 'convert'] },
  { line: 'yw convert --layout ', words: ['yw', 'convert', '--layout', ''], expected: LAYOUTS },
  { line: 'yw check data --layout ', words: ['yw', 'check', 'data', '--layout', ''], expected: LAYOUTS },
  { line: 'yw config --mode ', words: ['yw', 'config', '--mode', ''], expected: MODES },
  { line: 'yw config --size=', words: ['yw', 'config', '--size', '=', ''], expected: SIZES },
  { line: 'yw check --reader b', words: ['yw', 'check', '--reader', 'b'], expected: READERS.filter((r) => r.startsWith('b')) },
  { line: 'yw completion ', words: ['yw', 'completion', ''], expected: SHELLS },
  { line: 'yw convert --val', words: ['yw', 'convert', '--val'], expected: ['--val-fraction'] },
  { line: 'yw pre', words: ['yw', 'pre'], expected: ['prepare'] },
  { line: 'yw prepare data --size ', words: ['yw', 'prepare', 'data', '--size', ''], expected: SIZES },
  { line: 'yw prepare data --mode ', words: ['yw', 'prepare', 'data', '--mode', ''], expected: MODES },
  { line: 'yw prepare data --layout ', words: ['yw', 'prepare', 'data', '--layout', ''], expected: LAYOUTS },
  { line: 'yw help co', words: ['yw', 'help', 'co'], expected: COMMAND_NAMES.filter((n) => n.startsWith('co')) },
];

describe('yw completion: the scripts come from the commander program', () => {
  it('names every command and every option of every command, in each shell', async () => {
    const program = await buildProgram({ stdout: { write: () => true }, stderr: { write: () => true }, cwd: '.', env: {}, isTTY: false }, () => {});
    for (const shell of SHELLS) {
      const run = await runCli(['completion', shell]);
      expect(run.code).toBe(0);
      for (const command of program.commands) {
        expect(run.stdout).toContain(command.name());
        for (const option of command.options) {
          const spelled = shell === 'fish' ? ` -l ${option.long!.slice(2)} ` : option.long!;
          expect(run.stdout, `${shell}: ${command.name()} ${option.long}`).toContain(spelled);
        }
      }
    }
  });

  it('a command added to the program appears with its options and choices, no script edited', () => {
    const program = new Command('yw').version('1.0.0');
    program.command('slim').description('a later command').argument('<checkpoint-file>', 'weights')
      .addOption(new Option('--dtype <type>', 'storage type').choices(['fp16', 'fp32']));
    const spec = completionSpec(program);
    expect(spec.commands.map((c) => c.name)).toEqual(['slim', 'help']);
    expect(spec.commands[0]!.options.find((o) => o.long === '--dtype')?.value).toEqual({ name: 'type', kind: 'choices', choices: ['fp16', 'fp32'] });
    expect(spec.commands[0]!.arguments[0]!.value).toEqual({ kind: 'file' });
    for (const shell of SHELLS) expect(completionScript(shell, spec)).toMatch(/fp16 fp32/);
  });

  it('rejects an unknown shell with exit 1 and the choices', async () => {
    const run = await runCli(['completion', 'powershell']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bash, zsh, fish');
  });
});

describe('bash', () => {
  it('registers _yw for yw when sourced from the built binary', () => {
    const out = execFileSync('bash', ['-c', `source <('${process.execPath}' '${bin}' completion bash); complete -p yw`], { encoding: 'utf8' });
    expect(out.trim()).toBe('complete -o default -F _yw yw');
  });

  it.each(CASES)('completes "$line"', async ({ words, expected }) => {
    expect(sorted(bashComplete(await scriptFile('bash'), words))).toEqual(sorted(expected));
  });

  it('leaves paths to readline (empty reply, complete -o default) and skips option values when counting arguments', async () => {
    const script = await scriptFile('bash');
    expect(bashComplete(script, ['yw', 'convert', '--out', ''])).toEqual([]);
    expect(bashComplete(script, ['yw', 'convert', 'da'])).toEqual([]);
    // "yw completion --help b": --help takes no value, so "b" is still the first argument.
    expect(bashComplete(script, ['yw', 'completion', '--help', 'b'])).toEqual(['bash']);
  });
});

const hasZsh = available('zsh', ['-c', 'zmodload zsh/zpty'], 'apt-get install -y zsh');
describe.skipIf(!hasZsh)('zsh (a real interactive zsh through zpty)', () => {
  it('completes every case line', async () => {
    const script = await scriptFile('zsh');
    const dir = await tempDir('yw-zsh-');
    // One zsh session for all lines: compinit alone takes seconds on a busy machine.
    execFileSync('zsh', ['-f', zshHelper, script, dir, ...CASES.map((c) => c.line)], { timeout: 120_000 });
    for (const [i, c] of CASES.entries()) {
      const hits = await readFile(join(dir, String(i + 1)), 'utf8').catch(() => '');
      expect([...new Set(hits.split('\n').filter(Boolean))].sort(), c.line).toEqual(sorted(c.expected));
    }
  });
});

const hasFish = available('fish', ['--version'], 'apt-get install -y fish');
describe.skipIf(!hasFish)('fish (complete -C)', () => {
  it.each(CASES)('completes "$line"', async ({ line, expected }) => {
    const script = await scriptFile('fish');
    const out = execFileSync('fish', ['--no-config', '-c', `source '${script}'; complete -C '${line}'`], { encoding: 'utf8' });
    const candidates = out.split('\n').filter(Boolean).map((l) => l.split('\t')[0]!.replace(/^--[a-z-]+=/, ''));
    expect(sorted(candidates)).toEqual(sorted(expected));
  });
});
