import { closeSync, constants, fstatSync, openSync, statfsSync, statSync, type Stats } from 'node:fs';
import { open, stat, statfs, type FileHandle } from 'node:fs/promises';
import { YwError } from '../../errors.js';
import { osError } from './os-error.js';

/**
 * The one gate for reading a path the user gave (or a config or dataset names): regular files only.
 * A FIFO blocks the read until someone writes to it, a device never ends (/dev/zero) or acts when
 * opened (/dev/watchdog), and kernel file systems (/proc, /sys) hold views that can block or be
 * endless. Each is refused by its `stat`, before it is opened; the file is then opened non-blocking
 * and checked again by `fstat`, so a swap between the two calls cannot slip a FIFO through.
 * Per-image reads (labels, images) do not come here: the dataset listing keeps regular files only.
 */

/** statfs magic numbers of kernel file systems (linux/magic.h). */
const KERNEL_FILE_SYSTEMS: ReadonlyMap<number, string> = new Map([
  [0x9fa0, '/proc'], [0x62656572, 'sysfs'], [0x64626720, 'debugfs'], [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'], [0x62656570, 'configfs'], [0xde5e81e4, 'efivarfs'], [0x6165676c, 'pstore'],
  [0x27e0eb, 'cgroup'], [0x63677270, 'cgroup2'], [0xcafe4a11, 'bpf'], [0x6e736673, 'nsfs'],
]);

/** The kernel file system `path` is on ("/proc", "sysfs"), or undefined for ordinary storage. */
export function kernelFileSystem(path: string): string | undefined {
  return KERNEL_FILE_SYSTEMS.get(Number(statfsSync(path).type));
}

function kindOf(info: Stats): string | undefined {
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** What is wrong with a path that `stat` showed as `info`, or undefined for a regular data file. */
function unusable(info: Stats, fsType: () => number): string | undefined {
  const kind = kindOf(info);
  if (kind) return kind;
  const kernel = KERNEL_FILE_SYSTEMS.get(fsType());
  return kernel && `on ${kernel}, a kernel file system`;
}

/** Why the open file differs from what `stat` saw (a swap in between), or undefined. */
function swapped(before: Stats, now: Stats): string | undefined {
  if (now.ino === before.ino && now.dev === before.dev && now.isFile()) return undefined;
  return kindOf(now) ?? 'a different file than a moment ago';
}

function refuse(path: string, what: string, kind: string): YwError {
  if (kind === 'a directory') {
    return new YwError('NOT_A_FILE', `${path} is a folder, expected a ${what}`, { file: path, hint: `name the ${what} itself, not its folder` });
  }
  return new YwError('NOT_A_REGULAR_FILE', `${path} is ${kind}, not a regular file; yw reads a ${what} only from a regular file`, {
    file: path,
    hint: 'copy the data into a regular file and pass that (pipes, devices and /proc files can block or never end)',
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function readFailure(path: string, what: string, error: unknown): YwError {
  if (error instanceof YwError) return error;
  if (isMissing(error)) {
    return new YwError('FILE_NOT_FOUND', `${what} not found: ${path}`, { file: path, hint: 'check the path (ls it); relative paths start at the current folder', cause: error });
  }
  const mapped = osError(error, { path, what, verb: 'read' });
  if (mapped) return mapped;
  const reason = error instanceof Error ? error.message : String(error);
  return new YwError('READ_FAILED', `could not read ${what} ${path}: ${reason}`, { file: path, hint: 'check that the file is readable (cat it) and run again', cause: error });
}

type Opened = { handle: FileHandle; info: Stats } | { refused: string };

/** Opens `path` when it is a regular data file; says why not otherwise. OS errors are thrown as they are. */
async function openChecked(path: string): Promise<Opened> {
  const before = await stat(path);
  const type = before.isFile() ? Number((await statfs(path)).type) : 0;
  const kind = unusable(before, () => type);
  if (kind) return { refused: kind };
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const now = await handle.stat().catch(async (error: unknown) => {
    await handle.close();
    throw error;
  });
  const change = swapped(before, now);
  if (change === undefined) return { handle, info: now };
  await handle.close();
  return { refused: change };
}

/** The file's stats when it is a regular file; a YwError naming `path` otherwise. */
export async function checkRegular(path: string, what = 'file'): Promise<Stats> {
  try {
    const info = await stat(path);
    const type = info.isFile() ? Number((await statfs(path)).type) : 0;
    const kind = unusable(info, () => type);
    if (kind) throw refuse(path, what, kind);
    return info;
  } catch (error) {
    throw readFailure(path, what, error);
  }
}

/** Opens a regular file for reading (see above); the caller closes the handle. */
export async function openRegular(path: string, what = 'file'): Promise<FileHandle> {
  let opened: Opened;
  try {
    opened = await openChecked(path);
  } catch (error) {
    throw readFailure(path, what, error);
  }
  if ('refused' in opened) throw refuse(path, what, opened.refused);
  return opened.handle;
}

/** `openRegular` for synchronous readers; returns a file descriptor the caller closes. */
export function openRegularSync(path: string, what = 'file'): number {
  let fd: number | undefined;
  try {
    const before = statSync(path);
    const kind = unusable(before, () => Number(statfsSync(path).type));
    if (kind) throw refuse(path, what, kind);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const change = swapped(before, fstatSync(fd));
    if (change) throw refuse(path, what, change);
    return fd;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw readFailure(path, what, error);
  }
}

/** The whole regular file. */
export async function readRegular(path: string, what = 'file'): Promise<Buffer> {
  const handle = await openRegular(path, what);
  try {
    return await handle.readFile();
  } catch (error) {
    throw readFailure(path, what, error);
  } finally {
    await handle.close();
  }
}

/**
 * Whether a regular file is at `path`: false when nothing is there, true for a regular file, and a
 * YwError for a folder, FIFO, device or /proc file (a path the user named must not silently count
 * as "missing" when it is there but unusable).
 */
export async function regularFileExists(path: string, what = 'file'): Promise<boolean> {
  try {
    await checkRegular(path, what);
    return true;
  } catch (error) {
    if (error instanceof YwError && error.code === 'FILE_NOT_FOUND') return false;
    throw error;
  }
}

export type RegularFileRead =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'missing' }
  /** A folder, FIFO, device or /proc file: never opened for reading, so `/dev/zero` or a pipe cannot hang a read. */
  | { kind: 'not-regular'; what: string }
  | { kind: 'too-large'; size: number };

/**
 * The same gate as a result instead of an error, with a size limit, for callers that word their own
 * message (the config reader's file callback). Other OS errors (EACCES, ELOOP...) are thrown as
 * YwErrors naming the path.
 */
export async function readRegularFile(path: string, maxBytes: number, what = 'file'): Promise<RegularFileRead> {
  let opened: Opened | undefined;
  try {
    opened = await openChecked(path);
    if ('refused' in opened) return { kind: 'not-regular', what: opened.refused };
    if (opened.info.size > maxBytes) return { kind: 'too-large', size: opened.info.size };
    const bytes = await opened.handle.readFile();
    return bytes.length > maxBytes ? { kind: 'too-large', size: bytes.length } : { kind: 'bytes', bytes };
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw readFailure(path, what, error);
  } finally {
    if (opened && 'handle' in opened) await opened.handle.close();
  }
}
