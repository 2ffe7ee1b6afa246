import { Command, CommanderError } from 'commander';
import { processContext, type RunContext } from './context.js';
import { commandsFor } from './commands/index.js';
import { Output } from './output.js';
import { version } from './version.js';
import { YwError } from '../errors.js';

export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_BUG = 2;

/** The program with the commands `argv` can reach (see `commandsFor`); all of them without argv. */
export async function buildProgram(ctx: RunContext, setExitCode: (code: number) => void, argv: readonly string[] = []): Promise<Command> {
  const program = new Command('yw')
    .description('Prepare datasets and training configs for fine-tuning YOLO-World')
    .version(version, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    })
    .addHelpText(
      'after',
      `
Typical flow:
  yw convert datasets/helmet                 YOLO labels -> datasets/helmet/annotations/<split>.json
  yw texts datasets/helmet                   -> data/texts/helmet_class_texts.json
  yw config --data datasets/helmet --mode finetune --size l
  yw best work_dirs/<config>                 best epoch and checkpoint after training
  yw check --config configs/custom/<config>.py

Run \`yw <command> --help\` for the options and examples of each command.`,
    );
  const host = { ctx, setExitCode };
  for (const register of await commandsFor(argv)) register(program, host);
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/**
 * Runs yw with `argv` (without node and script) and returns the exit code:
 * 0 ok, 1 user error or strict findings, 2 internal bug. Never throws.
 */
export async function main(argv: readonly string[], ctx: RunContext = processContext()): Promise<number> {
  let exitCode = EXIT_OK;
  const debug = argv.includes('--debug');
  const out = new Output(ctx, { json: false, quiet: false, debug });
  try {
    const program = await buildProgram(ctx, (code) => {
      exitCode = code;
    }, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      const quietExit = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ||
        error.code === 'commander.help';
      return quietExit ? EXIT_OK : EXIT_USER;
    }
    if (error instanceof YwError) {
      out.error(error);
      return EXIT_USER;
    }
    // Imported here, not at the top: start-up does not pay for zod (a ZodError means a command loaded it already).
    const [{ ZodError }, { zodToYwError }] = await Promise.all([import('zod'), import('./zod-error.js')]);
    if (error instanceof ZodError) {
      out.error(zodToYwError(error));
      return EXIT_USER;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`internal error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    else ctx.stderr.write('this is a bug in yw; run again with --debug for the stack trace and report it\n');
    return EXIT_BUG;
  }
}
