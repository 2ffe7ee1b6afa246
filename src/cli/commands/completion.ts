import { Argument, type Command } from 'commander';
import { action, type CommandHost } from '../host.js';
import { completionSpec } from '../completion-spec.js';
import { Output } from '../output.js';
import { completionScript } from '../../core/completion/script.js';
import { SHELLS, type Shell } from '../../core/completion/spec.js';

export function register(program: Command, host: CommandHost): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, options and their choices)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .addHelpText('after', `
Examples:
  source <(yw completion bash)                        bash, this shell only
  yw completion bash > ~/.local/share/bash-completion/completions/yw
  yw completion zsh > "\${fpath[1]}/_yw"               zsh (or: source <(yw completion zsh) after compinit)
  yw completion fish > ~/.config/fish/completions/yw.fish`)
    .action(action(host, async (shell: Shell, _options: unknown, command: Command) => {
      // main() registered every command for this argv (commandsFor), so the parent is the whole program.
      // Through Output like every printed line (output.ts escapes control characters; a script has none).
      new Output(host.ctx, { json: false, quiet: false, debug: false }).plain('stdout', completionScript(shell, completionSpec(command.parent ?? program)));
      return 0;
    }));
}
