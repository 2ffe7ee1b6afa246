import { Option, type Command } from 'commander';

/** Flags that work the same on every command (see README "Common flags"). */
export interface CommonOptions {
  json: boolean;
  quiet: boolean;
  strict: boolean;
  report?: string;
  force: boolean;
  debug: boolean;
}

export function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--json', 'print the result as one JSON object on stdout').default(false))
    .addOption(new Option('-q, --quiet', 'print nothing but errors').default(false))
    .addOption(new Option('--strict', 'exit 1 on warning findings too (error findings always exit 1)').default(false))
    .addOption(new Option('--report <file>', 'write every finding to this JSON file'))
    .addOption(new Option('-f, --force', 'overwrite existing output files').default(false))
    .addOption(new Option('--debug', 'show stack traces for internal errors').default(false));
}

export function pickCommonOptions(opts: Record<string, unknown>): CommonOptions {
  return {
    json: opts.json === true,
    quiet: opts.quiet === true,
    strict: opts.strict === true,
    report: typeof opts.report === 'string' ? opts.report : undefined,
    force: opts.force === true,
    debug: opts.debug === true,
  };
}
