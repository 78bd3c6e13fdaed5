/** Word documents (.docx) to Markdown drafts: see convert.ts. Node only (zip, files): not part of the engine. */
export { convertDocx, type ImportedDraft } from './convert';
export { DocxError } from './errors';
export { MAX_DOCX_BYTES, docxSignatureProblem, readDocxFile } from './read';
export type { WordParagraph } from './paragraphs';
