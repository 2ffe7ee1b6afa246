import type CliProgress from 'cli-progress';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { RunContext } from './context.js';
import type { CommonOptions } from './common-options.js';
import { countBySeverity, sortFindings, type Finding } from '../core/findings.js';
import { YwError } from '../errors.js';
import { writeFileAtomic } from '../io/fs/atomic-write.js';
import { jsonSafe, terminalSafe } from './terminal-safe.js';

/** How many findings are printed to stderr before "... and N more". The report has them all. */
export const FINDINGS_SHOWN = 20;

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { increment() {}, stop() {} };

/**
 * All user-facing printing goes through here: results on stdout (or one JSON object with --json),
 * messages, findings and progress on stderr, and nothing but errors with --quiet.
 */
export class Output {
  readonly color: boolean;

  constructor(
    readonly ctx: RunContext,
    readonly options: Pick<CommonOptions, 'json' | 'quiet' | 'debug'>,
  ) {
    this.color = ctx.isTTY && !('NO_COLOR' in ctx.env) && ctx.env.TERM !== 'dumb';
  }

  /** Human-readable result on stdout; suppressed by --json (print `json()` instead) and --quiet. */
  result(text: string): void {
    if (this.options.json || this.options.quiet) return;
    this.plain('stdout', text.endsWith('\n') ? text : `${text}\n`);
  }

  /** The machine-readable result; printed only with --json. Escapes keep it valid JSON of the same value. */
  json(value: unknown): void {
    if (!this.options.json) return;
    this.jsonText(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** JSON text already encoded (e.g. `--dump-config -`), on stdout, with the same JSON-safe escapes. */
  jsonText(text: string): void {
    this.ctx.stdout.write(jsonSafe(text));
  }

  info(message: string): void {
    if (this.options.quiet) return;
    this.plain('stderr', `${message}\n`);
  }

  warn(message: string): void {
    if (this.options.quiet) return;
    this.ctx.stderr.write(`${this.paint('33', 'warning')} ${terminalSafe(message)}\n`);
  }

  error(error: YwError): void {
    this.ctx.stderr.write(`${this.paint('31', 'error')} ${terminalSafe(formatError(error), false)}\n`);
    if (error.hint) this.ctx.stderr.write(`  hint: ${terminalSafe(error.hint, false)}\n`);
  }

  /** A problem that is the run's answer (shown even with --quiet), e.g. `yw texts --check` differences. */
  problem(text: string): void {
    this.plain('stderr', text.endsWith('\n') ? text : `${text}\n`);
  }

  /** Text as it is (help, commander's output), escaped like everything else. */
  plain(stream: 'stdout' | 'stderr', text: string): void {
    this.ctx[stream].write(terminalSafe(text));
  }

  /** An error that is a bug in yw: its message, and the stack with --debug. */
  internalError(error: unknown, debug: boolean): void {
    const message = error instanceof Error ? error.message : String(error);
    this.plain('stderr', `internal error: ${message}\n`);
    if (debug && error instanceof Error && error.stack) this.plain('stderr', `${error.stack}\n`);
    else this.plain('stderr', 'this is a bug in yw; run again with --debug for the stack trace and report it\n');
  }

  /** Prints the first FINDINGS_SHOWN findings, one line each (errors and warnings first). */
  findings(list: readonly Finding[], reportPath?: string): void {
    if (this.options.quiet || list.length === 0) return;
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const ordered = sortFindings(list).sort((a, b) => rank[a.severity] - rank[b.severity]);
    for (const f of ordered.slice(0, FINDINGS_SHOWN)) this.ctx.stderr.write(`${this.formatFinding(f)}\n`);
    const rest = ordered.length - FINDINGS_SHOWN;
    if (rest > 0) {
      const where = reportPath ? `see ${reportPath}` : 'use --report FILE.json to see them all';
      this.plain('stderr', `... and ${rest} more (${where})\n`);
    }
  }

  formatFinding(f: Finding): string {
    const colour = f.severity === 'error' ? '31' : f.severity === 'warning' ? '33' : '36';
    const where = f.file ? `${f.file}${f.line ? `:${f.line}` : ''}: ` : '';
    const hint = f.hint ? ` (${f.hint})` : '';
    return `${this.paint(colour, f.severity)} ${terminalSafe(`${f.code} ${where}${f.message}${hint}`, false)}`;
  }

  /** A progress bar on a TTY only; a no-op otherwise and with --quiet or --json. */
  progress(total: number, label: string): Progress {
    if (!this.ctx.isTTY || this.options.quiet || this.options.json || total === 0) return NO_PROGRESS;
    const stream = this.ctx.stderr as unknown as NodeJS.WritableStream;
    // Loaded only when a bar is shown (a TTY): it costs ~20 ms of start-up otherwise wasted.
    const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta}s`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by = 1) => bar.increment(by), stop: () => bar.stop() };
  }

  paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
}

export function formatError(error: YwError): string {
  const where = error.file && !error.message.includes(error.file)
    ? `${error.file}${error.line ? `:${error.line}` : ''}: `
    : error.line && error.file ? `line ${error.line}: ` : '';
  return `${where}${error.message} [${error.code}]`;
}

/** What the report is called when an output of the run would land on it (see io/fs/output-path.ts). */
export const REPORT_ROLE = '--report file';

/** Writes every finding (sorted) to `--report` as JSON, with the summary beside them. */
export async function writeReport(
  ctx: RunContext,
  options: CommonOptions,
  command: string,
  summary: unknown,
  findings: readonly Finding[],
): Promise<string | undefined> {
  if (!options.report) return undefined;
  const path = resolve(ctx.cwd, options.report);
  const body = { command, summary, counts: countBySeverity(findings), findings: sortFindings(findings) };
  await writeFileAtomic(path, `${JSON.stringify(body, null, 2)}\n`, { force: options.force, command: `yw ${command}`, role: REPORT_ROLE });
  return path;
}

/**
 * The exit code of a run that completed, one rule for every command: 1 when any finding is an error
 * (the outputs that could be written were written: a dropped label line, an unreadable image, an empty
 * split), or with --strict any warning; else 0. Info findings (an image without labels kept as
 * background) are notes, not problems, and never fail a run.
 */
export function findingsExitCode(findings: readonly Finding[], strict: boolean): number {
  const problem = findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'));
  return problem ? 1 : 0;
}
