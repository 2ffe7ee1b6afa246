import type { Command, Option } from 'commander';

/**
 * The flags of `options` that were given on the command line, as they would be typed again (values
 * as commander parsed them, in the order the options are defined), defaults left out. `yw prepare`
 * passes them on to the step each belongs to and prints the equivalent commands.
 */
export function givenFlags(command: Command, options: readonly Option[]): string[] {
  const argv: string[] = [];
  for (const option of options) {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== 'cli' || option.long === undefined) continue;
    const value: unknown = command.getOptionValue(key);
    if (option.negate) {
      if (value === false) argv.push(option.long);
    } else if (option.isBoolean()) {
      if (value === true) argv.push(option.long);
    } else argv.push(option.long, String(value));
  }
  return argv;
}

/** Runs `add` on `command` and returns the options it added (to pass them on as one group). */
export function optionGroup(command: Command, add: (command: Command) => unknown): Option[] {
  const before = command.options.length;
  add(command);
  return command.options.slice(before);
}
