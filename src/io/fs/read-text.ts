import { readFile } from 'node:fs/promises';
import { YwError } from '../../errors.js';

/** Reads a UTF-8 text file; a missing or unreadable file becomes a YwError naming it. */
export async function readText(path: string, what = 'file'): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw readError(path, what, error);
  }
}

export async function readBytes(path: string, what = 'file'): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw readError(path, what, error);
  }
}

/** Reads and parses a JSON file; a syntax error names the file. */
export async function readJson(path: string, what = 'JSON file'): Promise<unknown> {
  const text = await readText(path, what);
  try {
    return JSON.parse(stripBom(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new YwError('INVALID_JSON', `${path} is not valid JSON: ${reason}`, {
      file: path,
      hint: `check the ${what} with a JSON validator`,
    });
  }
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readError(path: string, what: string, error: unknown): YwError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return new YwError('FILE_NOT_FOUND', `${what} not found: ${path}`, { file: path, hint: 'check the path' });
  }
  if (code === 'EISDIR') {
    return new YwError('NOT_A_FILE', `${path} is a folder, expected a ${what}`, { file: path });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new YwError('READ_FAILED', `could not read ${path}: ${reason}`, { file: path, cause: error });
}
