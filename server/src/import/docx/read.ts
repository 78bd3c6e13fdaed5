/**
 * Reading a .docx from disk with the tool's one bounded reader (regular files only, at most
 * `maxBytes`), then recognising it by its first bytes, so a password-protected document, an
 * old .doc or a renamed text file gets a plain reason.
 */
import { FileReadError, readRegularFile } from '../../engine/read-file';
import { DocxError } from './errors';

/**
 * Word files are larger than Markdown drafts (styles, fonts, pictures): a 200-page plan with
 * a few pictures is 2–10 MB. 50 MB leaves room without letting a stray video through.
 */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: Word 97-2003 .doc, or a .docx saved with a password (ECMA-376 encryption). */
const COMPOUND = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/** The stream names an encrypted package stores, in the compound file's UTF-16 directory. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Why these bytes are not a .docx we can read, or null when they look like one (a zip). */
export function docxSignatureProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'file is empty';
  if (startsWith(bytes, ZIP)) return null;
  if (startsWith(bytes, COMPOUND)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)
      ? 'the Word document is password-protected: remove the password in Word (File › Info › Protect Document) and save again'
      : 'an old Word 97-2003 document (.doc): open it in Word or WPS and save it as .docx';
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'a Rich Text (RTF) file, not a .docx: save it as .docx';
  return 'not a Word document (.docx files are zip packages)';
}

/** The bytes of a .docx, at most `maxBytes`, from a regular file only. */
export function readDocxFile(file: string, maxBytes = MAX_DOCX_BYTES): Buffer {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, maxBytes);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    const forWord = error.problem === 'too-large' ? ' for a Word document' : error.problem === 'not-regular' ? ', not a Word document' : '';
    throw new DocxError(`${error.message}${forWord}`);
  }
  const problem = docxSignatureProblem(bytes);
  if (problem) throw new DocxError(problem);
  return bytes;
}
