import type { RegisterCommand } from '../host.js';

type CommandModule = { register: RegisterCommand };

/**
 * The subcommands, in the order `yw --help` lists them (the order of the workflow). Each module is
 * imported only when needed: loading every command's modules (zod schemas, yaml, config tables)
 * cost ~0.3 s of CPU on every run, more than `yw convert` spends converting 10,000 images.
 */
const COMMAND_MODULES: Readonly<Record<string, () => Promise<CommandModule>>> = {
  prepare: () => import('./prepare.js'),
  convert: () => import('./convert.js'),
  texts: () => import('./texts.js'),
  embed: () => import('./embed.js'),
  config: () => import('./config.js'),
  reparam: () => import('./reparam.js'),
  best: () => import('./best.js'),
  slim: () => import('./slim.js'),
  check: () => import('./check.js'),
  completion: () => import('./completion.js'),
};

export const COMMAND_NAMES: readonly string[] = Object.keys(COMMAND_MODULES);

/**
 * The commands `argv` (without node and script) can reach: when it starts with a command name, as
 * commander dispatches it (the program has no options of its own that take a value), only that one;
 * none for `--version`; otherwise (`--help`, `help convert`, a typo that commander answers with
 * suggestions, and `completion`, whose scripts list every command) all of them.
 */
export async function commandsFor(argv: readonly string[]): Promise<RegisterCommand[]> {
  const first = argv[0];
  const only = first !== undefined && first !== 'completion' && Object.hasOwn(COMMAND_MODULES, first) ? [first] : undefined;
  const names = only ?? (first === '-V' || first === '--version' ? [] : COMMAND_NAMES);
  const modules = await Promise.all(names.map((name) => COMMAND_MODULES[name]!()));
  return modules.map((m) => m.register);
}
