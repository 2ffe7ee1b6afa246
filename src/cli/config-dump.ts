import { resolve } from 'node:path';
import type { RunContext } from './context.js';
import type { CommonOptions } from './common-options.js';
import { encodeReferenceJson } from '../core/config-reader/reference-json.js';
import type { PyDict } from '../core/config-reader/values.js';
import { YwError } from '../errors.js';
import { writeFileAtomic } from '../io/fs/atomic-write.js';
import { Output } from './output.js';

/** `--dump-config -` puts the resolved config on stdout, so the readable report moves to stderr. */
export function dumpsToStdout(target: string | undefined): boolean {
  return target === '-';
}

export function assertDumpTarget(target: string | undefined, common: CommonOptions): void {
  if (dumpsToStdout(target) && common.json) {
    throw new YwError('CHECK_STDOUT_TWICE', '--dump-config - and --json both want stdout', {
      hint: 'write the resolved config to a file (--dump-config resolved.json), or drop --json',
    });
  }
}

/**
 * Writes the resolved config in the reference JSON encoding (sorted keys, tuples and non-finite floats
 * marked, Python float repr): the same bytes whichever reader produced it. Returns the path written.
 */
export async function dumpConfig(ctx: RunContext, common: CommonOptions, target: string, config: PyDict): Promise<string> {
  const text = encodeReferenceJson(config);
  if (dumpsToStdout(target)) {
    new Output(ctx, common).jsonText(text);
    return '-';
  }
  const path = resolve(ctx.cwd, target);
  await writeFileAtomic(path, text, { force: common.force, command: 'yw check', role: '--dump-config file' });
  return path;
}
