import { cocoSummaryReader, type CocoSummary } from '../../core/dataset/coco-summary.js';
import { JsonTextError } from '../../core/json/stream-parser.js';
import { isYwError, YwError } from '../../errors.js';
import { osError } from '../fs/os-error.js';
import { openRegular } from '../fs/regular-file.js';

/** Big enough to keep the per-read cost small, small enough to keep memory flat. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a COCO annotation file through the summary reader: memory stays flat whatever the file size
 * (a 600 MB file is more than one JavaScript string can hold). `shown` names the file in messages.
 */
export async function readCocoSummary(path: string, shown = path, only?: 'categories'): Promise<CocoSummary> {
  const what = 'COCO annotation file';
  // the regular-file gate: a FIFO, device or /proc file named as ann_file is refused, not read
  const handle = await openRegular(path, what);
  let total = 0;
  try {
    const reader = cocoSummaryReader(shown, only);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      reader.parser.push(buffer.subarray(0, bytesRead));
    }
    if (total === 0) {
      throw new YwError('COCO_EMPTY', `${shown} is empty (0 bytes)`, { file: shown, hint: 'write the annotations again (yw convert), or point at the right file' });
    }
    return reader.finish();
  } catch (error) {
    if (error instanceof JsonTextError) {
      const cut = error.atEnd && total > 0 ? ', where the file ends: cut short (an interrupted download or copy?)' : '';
      throw new YwError('INVALID_JSON', `${shown} is not valid JSON: ${error.message}${cut}`, {
        file: shown,
        line: error.line,
        hint: 'the trainer reads it with Python\'s json.load, which fails here too; fix or re-export the file',
      });
    }
    if (isYwError(error)) throw error;
    throw osError(error, { path: shown, what, verb: 'read' }) ?? error;
  } finally {
    await handle.close();
  }
}
