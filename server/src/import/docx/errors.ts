/** A .docx that cannot be imported: the message is one line, said after the file name (exit 2). */
export class DocxError extends Error {}
