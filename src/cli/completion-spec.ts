import type { Argument, Command, Option } from 'commander';
import type { CompletionArgument, CompletionCommand, CompletionOption, CompletionSpec, ValueKind } from '../core/completion/spec.js';

/**
 * The completion spec of a commander program, read from the program itself: every visible command
 * (commander's own `help` included), option and choice list. A command added later appears
 * in the scripts without touching them.
 */
export function completionSpec(program: Command): CompletionSpec {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.map((c) => c.name()).filter((name) => name !== 'help');
  return {
    program: program.name(),
    options: help.visibleOptions(program).map(option),
    commands: commands.map((command): CompletionCommand => ({
      name: command.name(),
      description: command.description(),
      options: command.createHelp().visibleOptions(command).map(option),
      // `yw help <command>` completes command names.
      arguments: command.registeredArguments.map((a) => argument(a, command.name() === 'help' ? names : undefined)),
    })),
  };
}

function option(o: Option): CompletionOption {
  const spec: CompletionOption = { description: o.description };
  if (o.short) spec.short = o.short;
  if (o.long) spec.long = o.long;
  if (o.required || o.optional) {
    const name = /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? 'value';
    spec.value = { name, ...valueKind(name, o.argChoices) };
  }
  return spec;
}

function argument(a: Argument, choices?: readonly string[]): CompletionArgument {
  return { name: a.name(), description: a.description, variadic: a.variadic, value: valueKind(a.name(), a.argChoices ?? choices) };
}

/**
 * What a value completes to, from its choices or else its placeholder name as the help shows it:
 * `<dir>`, `[dataset-root]` are folders, `<file>`, `<file.py>`, `<path>`, `<source>` paths (folders
 * included), `<exe>` a command; anything else (`<n>`, `<metric>`) is free text.
 */
export function valueKind(name: string, choices?: readonly string[]): ValueKind {
  if (choices?.length) return { kind: 'choices', choices };
  if (/dir|root|folder/i.test(name)) return { kind: 'dir' };
  if (/file|path|source/i.test(name)) return { kind: 'file' };
  if (/exe|command/i.test(name)) return { kind: 'command' };
  return { kind: 'text' };
}
