/** Reading drafts: binary and invalid UTF-8 are errors with a plain message, never a crash. */
import * as fs from 'node:fs';

export class InputError extends Error {}

export interface DraftText {
  text: string;
  /** The file started with a UTF-8 BOM (kept when writing fixes back). */
  bom: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeDraft(bytes: Uint8Array): DraftText {
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) throw new InputError('binary file (contains NUL bytes), not a draft');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError('not valid UTF-8: save the draft as UTF-8');
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim().length === 0) throw new InputError('file is empty');
  return { text, bom };
}

/**
 * Read a draft of at most `maxBytes`. Only regular files: a device (/dev/zero), a named pipe
 * or a socket never ends or blocks the run. The size is checked on the open file and the
 * read stops at `maxBytes` + 1, so a file that grows after the check is not read whole.
 */
export function readDraft(file: string, maxBytes: number): DraftText {
  return decodeDraft(readDraftBytes(file, maxBytes));
}

/** A buffer reused from read to read (readDraftBytes grows it as needed). */
export interface ReadBuffer {
  bytes: Buffer;
}

/**
 * The bytes of a draft, with readDraft's checks but not decoded. With `reuse`, they are read
 * into that buffer and valid until the next read into it.
 */
export function readDraftBytes(file: string, maxBytes: number, reuse?: ReadBuffer): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputError(describeFsError(error, 'cannot read'));
  }
  if (stat.isDirectory()) throw new InputError('is a directory');
  // Checked before opening: opening a FIFO with no writer blocks.
  if (!stat.isFile()) throw new InputError('not a regular file (a device, pipe or socket), not a draft');
  if (stat.size > maxBytes) throw new InputError(tooLarge(stat.size, maxBytes));
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new InputError(describeFsError(error, 'cannot read'));
  }
  try {
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw new InputError('not a regular file (a device, pipe or socket), not a draft');
    if (opened.size > maxBytes) throw new InputError(tooLarge(opened.size, maxBytes));
    const limit = Math.max(0, maxBytes) + 1;
    const wanted = Math.min(limit, Math.max(opened.size + 1, 64 * 1024));
    let target = reuse && reuse.bytes.length >= Math.min(limit, opened.size + 1) ? reuse.bytes : Buffer.allocUnsafe(wanted);
    let length = 0;
    for (;;) {
      if (length === target.length) {
        if (target.length >= limit) break;
        const grown = Buffer.allocUnsafe(Math.min(limit, target.length * 2));
        target.copy(grown, 0, 0, length);
        target = grown;
      }
      const read = fs.readSync(fd, target, length, target.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (reuse) reuse.bytes = target;
    if (length > maxBytes) throw new InputError(tooLarge(length, maxBytes, true));
    return target.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error, 'cannot read'));
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input over `maxBytes` (maxFileSize) is refused like a file: reading stops there. */
export function checkStdinSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new InputError(`standard input is over the limit of ${maxBytes} bytes (maxFileSize)`);
}

function tooLarge(size: number, maxBytes: number, growing = false): string {
  return growing
    ? `file grew past the limit of ${maxBytes} bytes while being read (maxFileSize)`
    : `file is ${size} bytes, over the limit of ${maxBytes} (maxFileSize)`;
}

export function describeFsError(error: unknown, verb: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return `${verb}: permission denied`;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOTDIR') return 'no such file or directory (a part of the path is a file)';
  if (code === 'ELOOP') return `${verb}: too many symbolic links (a link loop?)`;
  if (code === 'ENAMETOOLONG') return `${verb}: the path is too long`;
  if (code === 'EMFILE' || code === 'ENFILE') return `${verb}: too many open files`;
  if (code === 'EIO') return `${verb}: input/output error`;
  return `${verb}: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}
