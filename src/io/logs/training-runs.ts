import { isAscii } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { basename, dirname, join } from 'node:path';
import { YwError } from '../../errors.js';
import { osError } from '../fs/os-error.js';
import { statIfExists } from '../fs/path-kind.js';
import { checkRegular, openRegularSync } from '../fs/regular-file.js';
import { ScalarsParser } from '../../core/training-log/parse.js';
import type { ParsedLog } from '../../core/training-log/types.js';

export interface RunFolder {
  name: string;
  scalars: string;
}

export interface LogSource {
  /** Where the checkpoints are: the folder above the run folders. */
  workDir: string;
  /** In time order (run folder names are timestamps, so name order is time order). */
  runs: RunFolder[];
}

const SCALARS = join('vis_data', 'scalars.json');

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/**
 * `path` is a work dir (`work_dirs/<config>/` with `<timestamp>/vis_data/scalars.json` runs), one run
 * folder, a vis_data folder, or a scalars.json file. `run` picks one run folder of a work dir by name.
 */
export async function locateRuns(path: string, run?: string): Promise<LogSource> {
  const info = await statIfExists(path);
  if (info === undefined) throw new YwError('FILE_NOT_FOUND', `not found: ${path}`, { file: path, hint: 'pass a work dir (work_dirs/<config>/), a run folder or a scalars.json' });
  if (!info.isDirectory()) await checkRegular(path, 'training log'); // a FIFO or device is refused, not read
  if (info.isFile()) return { workDir: workDirOfFile(path), runs: [{ name: runNameOfFile(path), scalars: path }] };
  if (await exists(join(path, SCALARS))) return { workDir: dirname(path), runs: [{ name: basename(path), scalars: join(path, SCALARS) }] };
  if (await exists(join(path, 'scalars.json'))) {
    const file = join(path, 'scalars.json');
    return { workDir: workDirOfFile(file), runs: [{ name: runNameOfFile(file), scalars: file }] };
  }
  const runs = await runFolders(path);
  if (runs.length === 0) throw await noLogError(path);
  if (run === undefined) return { workDir: path, runs };
  const picked = runs.find((r) => r.name === run);
  if (picked === undefined) {
    throw new YwError('RUN_NOT_FOUND', `no run ${run} in ${path}; runs: ${runs.map((r) => r.name).join(', ')}`, { file: path, hint: 'pass one of these names to --run' });
  }
  return { workDir: path, runs: [picked] };
}

/** Names the work dirs one level down when the user passed `work_dirs/` itself. */
async function noLogError(path: string): Promise<YwError> {
  const below: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).filter((d) => d.isDirectory())) {
    if ((await runFolders(join(path, entry.name))).length > 0) below.push(entry.name);
  }
  const hint = below.length > 0
    ? `it holds work dirs; pass one of: ${below.sort().map((b) => join(path, b)).join(', ')}`
    : 'pass the work dir of a training (work_dirs/<config>/), a run folder or a scalars.json file';
  return new YwError('NO_TRAINING_LOG', `no <run>/vis_data/scalars.json in ${path}`, { file: path, hint });
}

async function runFolders(workDir: string): Promise<RunFolder[]> {
  const entries = await readdir(workDir, { withFileTypes: true }).catch(() => []);
  const runs: RunFolder[] = [];
  for (const e of entries.filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const scalars = join(workDir, e, SCALARS);
    if (await exists(scalars)) runs.push({ name: e, scalars });
  }
  return runs;
}

/** `<work>/<run>/vis_data/scalars.json` → `<work>`; otherwise the file's own folder. */
function workDirOfFile(file: string): string {
  const dir = dirname(file);
  return basename(dir) === 'vis_data' ? dirname(dirname(dir)) : dir;
}

function runNameOfFile(file: string): string {
  const dir = dirname(file);
  return basename(dir) === 'vis_data' ? basename(dirname(dir)) : basename(file);
}

/**
 * Bytes per read (one system call), and bytes per string handed to the parser. 64 KB strings stay
 * below V8's large-object size, so they live and die in the young generation; measured on a 334 MB
 * log, 4 MB strings cost ~0.5 s more CPU (system time mapping large-object pages), and 64 KB async
 * reads ~0.3 s more than 1 MB synchronous reads.
 */
const READ_BYTES = 1 << 20;
const STRING_BYTES = 1 << 16;

/**
 * Streams a scalars.json through the parser (a long training log can be hundreds of MB). mmengine's
 * logs are ASCII, so bytes are decoded as latin1 (a plain copy) until a non-ASCII byte appears;
 * from then on a UTF-8 decoder takes over, which also joins characters split across pieces.
 * Synchronous reads: the command has nothing else to do meanwhile.
 */
export async function readScalars(file: string, label = file, pieceBytes = STRING_BYTES): Promise<ParsedLog> {
  const parser = new ScalarsParser(label);
  const buffer = Buffer.allocUnsafe(Math.max(READ_BYTES, pieceBytes));
  let utf8: StringDecoder | undefined;
  let fd: number | undefined;
  try {
    fd = openRegularSync(file, 'training log');
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) {
      for (let at = 0; at < n; at += pieceBytes) {
        const piece = buffer.subarray(at, Math.min(n, at + pieceBytes));
        if (utf8 === undefined && !isAscii(piece)) utf8 = new StringDecoder('utf8');
        parser.feed(utf8 === undefined ? piece.toString('latin1') : utf8.write(piece));
      }
    }
    if (utf8 !== undefined) parser.feed(utf8.end());
  } catch (error) {
    if (error instanceof YwError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw osError(error, { path: file, what: 'training log', verb: 'read' }) ??
      new YwError('READ_FAILED', `could not read ${file}: ${reason}`, { file, hint: 'check that the file is readable (cat it) and run again', cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return parser.finish();
}

/** The `.pth` files in the work dir (a symlink only when its target exists), sorted; not our best.pth. */
export async function listCheckpoints(workDir: string): Promise<string[]> {
  const entries = await readdir(workDir, { withFileTypes: true }).catch(() => []);
  const names: string[] = [];
  for (const e of entries) {
    if (!e.name.endsWith('.pth') || e.name === 'best.pth') continue;
    if (e.isFile() || (e.isSymbolicLink() && (await stat(join(workDir, e.name)).then((s) => s.isFile(), () => false)))) names.push(e.name);
  }
  return names.sort();
}
