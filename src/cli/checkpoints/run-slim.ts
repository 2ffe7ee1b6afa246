import { resolve } from 'node:path';
import type { RunContext } from '../context.js';
import { slimRoot } from '../../core/checkpoint/rebuild.js';
import { YwError } from '../../errors.js';
import { displayPath } from '../../io/fs/display-path.js';
import { withCheckpoint } from '../../io/checkpoints/open-checkpoint.js';
import { writeCheckpoint } from '../../io/checkpoints/write-checkpoint.js';

export interface SlimResult {
  input: string;
  output: string;
  inputBytes: number;
  outputBytes: number;
  kept: string[];
  dropped: string[];
}

/** Writes `output` with only the state dict and meta of `input` (absolute paths; `show` makes them readable). */
export interface SlimOptions {
  force: boolean;
  command: string;
  show: (p: string) => string;
  /** best.pth may be a link an earlier `yw best --link` made: replacing it is ours to do. */
  replacesLink?: boolean;
}

export async function slimCheckpoint(input: string, output: string, options: SlimOptions): Promise<SlimResult> {
  if (resolve(input) === resolve(output)) {
    throw new YwError('OUTPUT_IS_INPUT', `${options.show(output)} is the input checkpoint`, { hint: 'write the slim checkpoint to another file' });
  }
  return withCheckpoint(input, async (ckpt) => {
    const slim = slimRoot(ckpt.root);
    if (!slim) {
      throw new YwError('SLIM_NO_STATE_DICT', `${options.show(input)} has no state_dict entry: it is a bare state dict already, nothing to drop`, {
        file: options.show(input),
        hint: 'it is as slim as it gets; use it as it is',
      });
    }
    const outputBytes = await writeCheckpoint(output, slim.root, ckpt, new Map(), {
      force: options.force, command: options.command, role: 'slim checkpoint', replacesLink: options.replacesLink ?? false,
    });
    return {
      input: options.show(input),
      output: options.show(output),
      inputBytes: ckpt.size,
      outputBytes,
      kept: slim.kept,
      dropped: slim.dropped,
    };
  }, options.show(input));
}

export async function runSlim(ctx: RunContext, input: string, output: string, force: boolean): Promise<SlimResult> {
  const show = (p: string) => displayPath(ctx.cwd, p);
  return slimCheckpoint(resolve(ctx.cwd, input), resolve(ctx.cwd, output), { force, command: 'yw slim', show });
}
