/**
 * What a shell completion script needs to know about the program, taken from the commander program
 * itself (cli/completion-spec.ts) so that a script cannot drift from the options it completes.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What a value completes to: one of fixed choices, a path, a folder, a command, or nothing (free text). */
export type ValueKind =
  | { kind: 'choices'; choices: readonly string[] }
  | { kind: 'file' }
  | { kind: 'dir' }
  | { kind: 'command' }
  | { kind: 'text' };

export interface CompletionOption {
  /** `-q`, absent when the option has no short form. */
  short?: string;
  /** `--quiet`; absent when the option has only a short form. */
  long?: string;
  description: string;
  /** Present when the option takes a value. */
  value?: { name: string } & ValueKind;
}

export interface CompletionArgument {
  name: string;
  description: string;
  variadic: boolean;
  value: ValueKind;
}

export interface CompletionCommand {
  name: string;
  description: string;
  options: CompletionOption[];
  arguments: CompletionArgument[];
}

export interface CompletionSpec {
  /** The executable name (`yw`). */
  program: string;
  /** Options before a command (`--version`, `--help`). */
  options: CompletionOption[];
  commands: CompletionCommand[];
}

/** Every spelling of an option (`-q`, `--quiet`). */
export function optionNames(option: CompletionOption): string[] {
  return [option.short, option.long].filter((name): name is string => name !== undefined);
}

/** A shell function name made of the program name (`yw` → `_yw`). */
export function functionName(spec: CompletionSpec, suffix = ''): string {
  return `_${spec.program.replace(/[^A-Za-z0-9_]/g, '_')}${suffix}`;
}

/** One line of a description: shells show a single line per candidate. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `text` inside single quotes for bash, zsh and fish alike ('it'\''s'). */
export function singleQuoted(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
