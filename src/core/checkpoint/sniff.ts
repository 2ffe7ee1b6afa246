/** How many leading bytes `sniffCheckpoint` looks at. */
export const SNIFF_BYTES = 512;

export type Sniffed = { format: 'zip' | 'legacy' } | { format: 'none'; why: string };

// pickle PROTO 2, LONG1 of 10 bytes: torch's legacy magic number 0x1950a86a20f9469cfc6c, little-endian
const LEGACY_MAGIC = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19];

/**
 * What a file that should be a torch checkpoint is, from its first bytes: torch.save's zip format
 * (torch >= 1.6), the legacy pickle format (torch < 1.6), or a one-line reason why it is neither
 * (a failed download, a Git LFS pointer, a safetensors file...).
 */
export function sniffCheckpoint(head: Uint8Array, size: number): Sniffed {
  if (size === 0) return { format: 'none', why: 'the file is empty' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { format: 'zip' };
  if (startsWith(head, LEGACY_MAGIC)) return { format: 'legacy' };
  return { format: 'none', why: whatElse(head, size) };
}

function whatElse(head: Uint8Array, size: number): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, 200)).trimStart().toLowerCase();
  if (size < 64) return `it is only ${size} byte${size === 1 ? '' : 's'} long (a failed or cut-short download?)`;
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<?xml') || text.startsWith('<head')) {
    return 'it is an HTML page (the download saved an error or login page instead of the file)';
  }
  if (text.startsWith('version https://git-lfs')) return 'it is a Git LFS pointer, not the file (run `git lfs pull` in that repository)';
  if (text.startsWith('{') || text.startsWith('[')) return 'it is JSON text (a failed download?)';
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'it is an empty zip archive';
  if (looksLikeSafetensors(head)) return 'it is a safetensors file; torch.load (load_from) reads only .pth/.bin checkpoints';
  if (head[0] === 0x80 && head[1] !== undefined && head[1] <= 5) return "it is a pickle, but not one torch.save wrote (no torch magic number)";
  if (size > 262 && new TextDecoder('latin1').decode(head.subarray(257, 262)) === 'ustar') {
    return 'it is a tar archive (the torch < 0.4 format, which yw does not read)';
  }
  const hex = [...head.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `its format is unknown (first bytes ${hex})`;
}

/** 8-byte little-endian header length, then the JSON header. */
function looksLikeSafetensors(head: Uint8Array): boolean {
  if (head.length < 10) return false;
  const length = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0, true);
  return head[4] === 0 && head[5] === 0 && head[6] === 0 && head[7] === 0 && length > 0 && head[8] === 0x7b;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
