import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import type { CheckSummary } from './check-report.js';
import type { RunContext } from './context.js';
import { runChecks } from '../core/check/run-checks.js';
import { readConfig } from '../core/config-reader/read-config.js';
import type { PyDict } from '../core/config-reader/values.js';
import { finding, type Finding } from '../core/findings.js';
import { YwError } from '../errors.js';
import { gatherCheckInput, readConfigText } from '../io/config/check-inputs.js';
import { hasMmengine, readConfigWithMmengine } from '../io/config/mmengine-config.js';

export const READERS = ['auto', 'builtin', 'mmengine'] as const;
export type Reader = (typeof READERS)[number];

/** How the config is read (yw check --config and yw prepare). */
export function addReaderOptions(command: Command): Command {
  return command
    .addOption(new Option('--reader <how>', 'how to read the config: mmengine when importable, else built-in').choices(READERS).default('auto'))
    .option('--python <exe>', 'Python used for --reader mmengine/auto', 'python3');
}

export interface ConfigCheckOptions {
  /** The config as typed (relative to the cwd). */
  config: string;
  /** The YOLO-World root as typed. */
  yoloWorld: string;
  reader: Reader;
  python: string;
}

export interface ConfigCheck {
  summary: CheckSummary;
  findings: Finding[];
  /** The resolved config (absent when a `_base_` was not found). */
  config?: PyDict;
}

/** `yw check --config`'s work: read the config, gather the files it names, run the checks. Writes nothing. */
export async function checkConfigFile(ctx: RunContext, opts: ConfigCheckOptions): Promise<ConfigCheck> {
  const root = resolve(ctx.cwd, opts.yoloWorld);
  const read = await loadConfig(resolve(ctx.cwd, opts.config), root, opts.reader, opts.python, ctx.env);
  const summary: CheckSummary = { config: opts.config, reader: read.reader, files: read.files };
  if (!read.config) return { summary, findings: read.findings };
  const result = runChecks(await gatherCheckInput(read.config, opts.config, root));
  if (result.classes) summary.classes = result.classes;
  return { summary, findings: result.findings, config: read.config };
}

interface Loaded {
  config?: PyDict;
  reader: CheckSummary['reader'];
  files: number;
  findings: Finding[];
}

/** Reads the config; a missing `_base_` is a finding (the one problem that stops the other checks). */
async function loadConfig(file: string, root: string, reader: Reader, python: string, env: RunContext['env']): Promise<Loaded> {
  const useMmengine = reader === 'mmengine' || (reader === 'auto' && (await hasMmengine(python)));
  if (reader === 'mmengine' && !(await hasMmengine(python))) {
    throw new YwError('MMENGINE_MISSING', `${python} cannot import mmengine`, { hint: 'install it (pip install mmengine==0.10.3) or use --reader builtin' });
  }
  const used = useMmengine ? 'mmengine' : 'builtin';
  try {
    if (useMmengine) return { config: await readConfigWithMmengine(python, file, root), reader: used, files: 1, findings: [] };
    const resolved = await readConfig(file, readConfigText, { env });
    return { config: resolved.value, reader: used, files: resolved.files.length, findings: [] };
  } catch (error) {
    if (!(error instanceof YwError) || error.code !== 'CONFIG_BASE_NOT_FOUND') throw error;
    const f = finding('BASE_NOT_FOUND', 'error', `_base_: ${error.message}`, {
      file: error.file ?? file,
      ...(error.line ? { line: error.line } : {}),
      hint: error.hint,
      data: { key: '_base_' },
    });
    return { reader: used, files: 0, findings: [f] };
  }
}
