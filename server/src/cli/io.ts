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

export function readDraft(file: string, maxBytes: number): DraftText {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new InputError(describeFsError(error, 'cannot read'));
  }
  if (stat.isDirectory()) throw new InputError('is a directory');
  if (stat.size > maxBytes) throw new InputError(`file is ${stat.size} bytes, over the limit of ${maxBytes} (maxFileSize)`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new InputError(describeFsError(error, 'cannot read'));
  }
  return decodeDraft(bytes);
}

export function describeFsError(error: unknown, verb: string): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return `${verb}: permission denied`;
  if (code === 'EISDIR') return 'is a directory';
  return `${verb}: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}
