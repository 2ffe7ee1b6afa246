import type { RegisterCommand } from '../host.js';
import { register as convert } from './convert.js';
import { register as texts } from './texts.js';
import { register as config } from './config.js';
import { register as best } from './best.js';
import { register as check } from './check.js';

/** The subcommands, in the order `yw --help` lists them (the order of the workflow). */
export const COMMANDS: readonly RegisterCommand[] = [convert, texts, config, best, check];
