import { YwError } from '../../errors.js';

/**
 * The one place where an operating-system error becomes a message with a fix. An errno below is a
 * fact about the user's files or machine (permissions, a full disk, a symlink loop, a path that
 * names a file where a folder belongs), so it is an input problem (exit 1), never a bug (exit 2).
 * `cli/main.ts` applies this to anything that escapes a command; readers and writers that want
 * their own wording ("classes file not found") call it with a `what` and the path the user typed.
 */
const ERRNO: Readonly<Record<string, { reason: string; hint: string }>> = {
  EACCES: { reason: 'permission denied', hint: 'check its permissions and those of its folders (ls -ld), or run as a user who may use it' },
  EPERM: { reason: 'operation not permitted', hint: 'check its permissions and attributes (ls -ld, lsattr), or choose another path' },
  ENOENT: { reason: 'no such file or folder', hint: 'check the path (ls it); relative paths start at the current folder' },
  EROFS: { reason: 'read-only file system', hint: 'write the output to a writable place (another --out / -o / --report path)' },
  ELOOP: { reason: 'too many levels of symbolic links (a symlink loop)', hint: 'fix or remove the symbolic link that points back at itself (ls -l shows the targets)' },
  EISDIR: { reason: 'it is a folder', hint: 'name a file, not a folder' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', hint: 'check the path: a file is named where a folder should be' },
  EEXIST: { reason: 'it already exists', hint: 'remove it or choose another path' },
  ENOTEMPTY: { reason: 'the folder is not empty', hint: 'choose another path' },
  ENOSPC: { reason: 'no space left on the device', hint: 'free some space (df -h shows how much is left) or write to another disk' },
  EDQUOT: { reason: 'disk quota exceeded', hint: 'free some space within your quota or write to another disk' },
  EFBIG: { reason: 'file too large for this file system', hint: 'write to another file system' },
  ENAMETOOLONG: { reason: 'file name too long', hint: 'use a shorter path' },
  EMFILE: { reason: 'too many open files', hint: 'raise the open-file limit (ulimit -n 4096) and run again' },
  ENFILE: { reason: 'too many open files in the system', hint: 'close other programs or raise the system limit, then run again' },
  EIO: { reason: 'input/output error', hint: 'the disk or network file system failed; check it (dmesg) and run again' },
  EBUSY: { reason: 'resource busy', hint: 'another program is using it; try again when it is done' },
  ETXTBSY: { reason: 'file busy', hint: 'another program is using it; try again when it is done' },
  ENXIO: { reason: 'no such device or address (a socket, or a pipe nobody reads)', hint: 'name a regular file' },
  ENODEV: { reason: 'no such device', hint: 'name a regular file' },
  ENOTSUP: { reason: 'operation not supported by this file system', hint: 'write to another file system' },
  EOPNOTSUPP: { reason: 'operation not supported by this file system', hint: 'write to another file system' },
  ESTALE: { reason: 'stale file handle (network file system)', hint: 'remount the network file system and run again' },
  EXDEV: { reason: 'the paths are on different file systems', hint: 'keep the paths on one file system' },
};

/** What the failed system call was doing, in words ("could not list /data"). */
const VERBS: Readonly<Record<string, string>> = {
  scandir: 'list', opendir: 'list', readdir: 'list',
  stat: 'reach', lstat: 'reach', access: 'reach', realpath: 'reach', statfs: 'reach', readlink: 'reach',
  read: 'read', open: 'open',
  write: 'write', mkdir: 'create the folder', rename: 'write', link: 'write', symlink: 'write',
  copyfile: 'write', unlink: 'remove', rmdir: 'remove', rm: 'remove', ftruncate: 'write', fsync: 'write', close: 'write',
  uv_cwd: 'use the current folder',
};

interface ErrnoError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** Whether `error` is a Node system error with an errno this file knows (an input problem). */
export function isOsError(error: unknown): error is Error & ErrnoError {
  if (!(error instanceof Error)) return false;
  const code = (error as Partial<ErrnoError>).code;
  return typeof code === 'string' && Object.hasOwn(ERRNO, code) && typeof (error as Partial<ErrnoError>).syscall === 'string';
}

export interface OsErrorOptions {
  /** The path to name instead of the one in the error (e.g. the output rather than its temp file). */
  path?: string;
  /** What the file is to yw ("classes file"), for the message. */
  what?: string;
  /** Overrides the verb taken from the system call ("write", "read"). */
  verb?: string;
}

/** The YwError for an OS error (code `FS_<ERRNO>`), or undefined when `error` is not one. */
export function osError(error: unknown, options: OsErrorOptions = {}): YwError | undefined {
  if (!isOsError(error)) return undefined;
  const known = ERRNO[error.code]!;
  const path = options.path ?? error.path;
  const verb = options.verb ?? VERBS[error.syscall ?? ''] ?? 'use';
  const object = path === undefined ? (options.what ?? '') : `${options.what ? `${options.what} ` : ''}${path}`;
  const message = error.syscall === 'uv_cwd'
    ? 'the current folder no longer exists (it was removed or renamed)'
    : `could not ${verb}${object ? ` ${object}` : ''}: ${known.reason}`;
  const hint = error.syscall === 'uv_cwd' ? 'cd to an existing folder and run again' : known.hint;
  return new YwError(`FS_${error.code}`, message, { hint, cause: error, ...(path === undefined ? {} : { file: path }) });
}
