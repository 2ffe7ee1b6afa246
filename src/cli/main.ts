import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { processContext, type RunContext } from './context.js';
import { COMMAND_NAMES, commandsFor } from './commands/index.js';
import { Output, REPORT_ROLE } from './output.js';
import { version } from './version.js';
import { YwError } from '../errors.js';
import { assertWritable, beginRun } from '../io/fs/atomic-write.js';
import { osError } from '../io/fs/os-error.js';

export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_BUG = 2;

/** The program with the commands `argv` can reach (see `commandsFor`); all of them without argv. */
export async function buildProgram(ctx: RunContext, setExitCode: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const out = new Output(ctx, { json: false, quiet: false, debug: false });
  const program = new Command('yw')
    .description('Prepare datasets and training configs for fine-tuning YOLO-World')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => out.plain('stdout', text),
      writeErr: (text) => out.plain('stderr', text),
      // main() prints commander's errors itself, as YwErrors with a hint.
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      `
Typical flow (from the YOLO-World root):
  yw prepare datasets/helmet --size l        convert + check + texts + config + check --config, one summary
  python tools/train.py configs/custom/<config>.py
  yw best work_dirs/<config>                 best epoch and checkpoint after training

The same steps one at a time:
  yw convert datasets/helmet                 YOLO labels -> datasets/helmet/annotations/<split>.json
  yw texts datasets/helmet                   -> data/texts/helmet_class_texts.json
  yw config --data datasets/helmet --mode finetune --size l
  yw check --config configs/custom/<config>.py

Run \`yw <command> --help\` for the options and examples of each command.`,
    );
  const host = { ctx, setExitCode };
  for (const register of await commandsFor(argv)) register(program, host);
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  // Every command's --report is checked and claimed before any work, so that a long run does not end
  // in OUTPUT_EXISTS and no output of the run can land on the report (output-path.ts).
  program.hook('preAction', async (_program, action) => {
    const report = action.opts().report as unknown;
    if (typeof report !== 'string') return;
    await assertWritable(resolve(ctx.cwd, report), { force: action.opts().force === true, command: `yw ${action.name()}`, role: REPORT_ROLE });
  });
  return program;
}

/**
 * Runs yw with `argv` (without node and script) and returns the exit code:
 * 0 ok, 1 user error or strict findings, 2 internal bug. Never throws.
 */
export async function main(argv: readonly string[], given?: RunContext): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = argv.includes('--debug');
  let ctx = given;
  beginRun();
  try {
    ctx ??= processContext();
    const program = await buildProgram(ctx, (code) => {
      exitCode = code;
    }, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    const out = new Output(ctx ?? processContext(false), { json: false, quiet: false, debug });
    return report(out, error, argv, debug);
  }
}

/** The only catch-all: user problems (YwError, commander, zod, OS errors on paths) exit 1, bugs 2. */
async function report(out: Output, error: unknown, argv: readonly string[], debug: boolean): Promise<number> {
  const command = COMMAND_NAMES.includes(argv[0] ?? '') ? argv[0] : undefined;
  if (error instanceof CommanderError) {
    const quietExit = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ||
      error.code === 'commander.help';
    if (!quietExit) out.error(usageError(error, command));
    return quietExit ? EXIT_OK : EXIT_USER;
  }
  const userError = error instanceof YwError ? error : osError(error);
  if (userError) {
    out.error(userError);
    return EXIT_USER;
  }
  // Imported here, not at the top: start-up does not pay for zod (a ZodError means a command loaded it already).
  const [{ ZodError }, { zodToYwError }] = await Promise.all([import('zod'), import('./zod-error.js')]);
  if (error instanceof ZodError) {
    out.error(zodToYwError(error, command));
    return EXIT_USER;
  }
  out.internalError(error, debug);
  return EXIT_BUG;
}

/** A commander usage error (unknown option, missing argument, bad choice) with a fix. */
function usageError(error: CommanderError, command: string | undefined): YwError {
  const help = command && error.code !== 'commander.unknownCommand' ? `yw ${command} --help` : 'yw --help';
  const code = error.code.replace(/^commander\./, '').replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
  return new YwError(code, error.message.replace(/^error: /, ''), { hint: `run \`${help}\` for usage and examples` });
}
