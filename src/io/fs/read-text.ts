import { YwError } from '../../errors.js';
import { readRegular } from './regular-file.js';

/**
 * Reads a UTF-8 text file; a missing, unreadable or special file (FIFO, device, /proc) becomes a
 * YwError naming it (see regular-file.ts).
 */
export async function readText(path: string, what = 'file'): Promise<string> {
  return (await readRegular(path, what)).toString('utf8');
}

export async function readBytes(path: string, what = 'file'): Promise<Buffer> {
  return readRegular(path, what);
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
