import type { Command } from 'commander';
import { addCommonOptions } from '../common-options.js';
import { action, type CommandHost } from '../host.js';
import { YwError } from '../../errors.js';

export function register(program: Command, host: CommandHost): void {
  addCommonOptions(program.command('check').description('(not built yet)')).action(
    action(host, async () => {
      throw new YwError('NOT_IMPLEMENTED', 'yw check is not built yet');
    }),
  );
}
