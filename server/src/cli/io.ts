/** Reading drafts: binary and invalid UTF-8 are errors with a plain message, never a crash. */
import * as fs from 'node:fs';
import { FileReadError, describeFsError, readRegularFile, type ReadBuffer } from '../engine/read-file';

export { describeFsError, type ReadBuffer };

/** What the command line reads and writes: its streams and working folder, so tests run it in-process. */
export interface CliIO {
  argv: string[];
  cwd: string;
  stdout: (text: string) => void;
  /** Writes bytes to standard output (large reports skip decoding); `stdout` is used without it. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  /** Standard input whole, or its first bytes once they pass `maxBytes` (then it is refused). */
  readStdin?: (maxBytes: number) => Promise<Uint8Array>;
  /** Standard output is a terminal: colour by default (see useColor in args.ts). */
  color?: boolean;
  /** FORCE_COLOR and NO_COLOR are read from it. */
  env?: Record<string, string | undefined>;
}

export class InputError extends Error {}

export interface DraftText {
  text: string;
  /** The file started with a UTF-8 BOM (kept when writing fixes back). */
  bom: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeDraft(bytes: Uint8Array): DraftText {
  // Notepad's "Unicode" and Word's UTF-16 start with a byte order mark and are full of NUL bytes.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new InputError('UTF-16 text: save the draft as UTF-8');
  }
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

/**
 * The bytes of a draft, with readDraft's checks but not decoded. With `reuse`, they are read
 * into that buffer and valid until the next read into it. The size is checked before the file
 * is opened (a 50 MB file is never opened); the read itself is engine/read-file.ts, the
 * reader every file the tool reads goes through.
 */
export function readDraftBytes(file: string, maxBytes: number, reuse?: ReadBuffer): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputError(describeFsError(error, 'cannot read'));
  }
  if (stat.isDirectory()) throw new InputError('is a directory');
  if (!stat.isFile()) throw new InputError(NOT_REGULAR);
  if (stat.size > maxBytes) throw new InputError(tooLarge(stat.size, maxBytes));
  try {
    return readRegularFile(file, maxBytes, reuse);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    if (error.problem === 'not-regular') throw new InputError(NOT_REGULAR);
    if (error.problem === 'too-large') throw new InputError(tooLarge(error.size, maxBytes));
    if (error.problem === 'grew') throw new InputError(tooLarge(error.size, maxBytes, true));
    throw new InputError(error.message);
  }
}

const NOT_REGULAR = 'not a regular file (a device, pipe or socket), not a draft';

/** Standard input over `maxBytes` (maxFileSize) is refused like a file: reading stops there. */
export function checkStdinSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw new InputError(`standard input is over the limit of ${maxBytes} bytes (maxFileSize)`);
}

function tooLarge(size: number, maxBytes: number, growing = false): string {
  return growing ? `file grew past the limit of ${maxBytes} bytes while being read (maxFileSize)` : `file is ${size} bytes, over the limit of ${maxBytes} (maxFileSize)`;
}
