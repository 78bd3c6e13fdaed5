/**
 * Word documents in the CLI: `fivenets import` writes a .docx as a Markdown draft, and lint,
 * export and report read a .docx through the same conversion, in memory, with each
 * diagnostic pointing at its Word paragraph (¶N and the first words).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fail, parse } from './args';
import { InputError, type DraftText, type CliIO } from './io';
import { replaceFileAtomic } from './safe-write';
import { describeFsError } from '../engine/read-file';
import type { ReportedDiagnostic, WordParagraphRef } from './formatters/types';
import type { ImportedDraft, WordParagraph } from '../import/docx';

export const isDocx = (file: string): boolean => /\.docx$/iu.test(file);

/** The converter loads mammoth and rehype: only when a .docx is met. */
const converter = () => require('../import/docx') as typeof import('../import/docx');

/** A Word document as a draft: its Markdown (as if read from disk) and where each line came from. */
export async function readDocxDraft(file: string): Promise<{ draft: DraftText; imported: ImportedDraft }> {
  const { readDocxFile, convertDocx, DocxError } = converter();
  try {
    const imported = await convertDocx(readDocxFile(file));
    return { draft: { text: imported.markdown, bom: false }, imported };
  } catch (error) {
    if (error instanceof DocxError) throw new InputError(error.message);
    throw error;
  }
}

/** "推进政务服务事项全程…": enough of a paragraph to find it in Word. */
export function firstWords(paragraph: WordParagraph): string {
  const text = `${paragraph.label ?? ''}${paragraph.text}`.replace(/\s+/gu, ' ').trim();
  const words = text.split(' ');
  // Latin text by words, Chinese (no spaces) by characters.
  if (words.length > 1 && /^[\x20-\x7e]*$/u.test(text.slice(0, 40))) return words.length > 6 ? `${words.slice(0, 6).join(' ')}…` : text;
  const characters = Array.from(text);
  return characters.length > 16 ? `${characters.slice(0, 16).join('')}…` : text;
}

/** The Word paragraph of a line of the imported draft (null for front matter). */
export function paragraphOfLine(imported: ImportedDraft, line: number): WordParagraphRef | null {
  const number = imported.paragraphOfLine[line] ?? 0;
  const paragraph = number > 0 ? imported.paragraphs[number - 1] : undefined;
  return paragraph ? { number, words: firstWords(paragraph) } : null;
}

/**
 * Diagnostics of the imported draft, located in the Word document. A fix would edit the
 * Markdown, which is not on disk: fixes are dropped (--fix refuses .docx).
 */
export function locateInDocx<T extends ReportedDiagnostic>(diagnostics: readonly T[], imported: ImportedDraft): T[] {
  return diagnostics.map((diagnostic) => {
    const paragraph = paragraphOfLine(imported, diagnostic.range.start.line);
    return { ...diagnostic, fix: null, ...(paragraph ? { paragraph } : {}) };
  });
}

/** The ¶ number of a 1-based line of the imported draft: what the report shows for a Word document. */
export function paragraphNumberOf(imported: ImportedDraft): (line: number) => number | null {
  return (line) => paragraphOfLine(imported, line - 1)?.number ?? null;
}

/** `paragraph` and `excerpt` for an exported row of a Word document. */
export function paragraphField(imported: ImportedDraft, line: number): { paragraph?: number; excerpt?: string } {
  const paragraph = paragraphOfLine(imported, line);
  return paragraph ? { paragraph: paragraph.number, excerpt: paragraph.words } : {};
}

export const FIX_REFUSED = (file: string) => `--fix cannot change a Word document (${file}): import it first (fivenets import ${file}) and lint --fix the .policy.md`;

const IMPORT_USAGE = `Usage: fivenets import FILE.docx [-o FILE.policy.md] [--force]

Converts a Word document to a Markdown draft: automatic numbering kept as text, title lines
as headings, tables with merged cells flattened, title and date as front matter.

  -o, --output <file>  Where to write (default: FILE.policy.md beside FILE.docx; - for stdout)
      --force          Replace the output file if it exists`;

export async function runImport(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(`${IMPORT_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) fail('import needs one Word document (fivenets import FILE.docx [-o FILE.policy.md])');
  const input = positionals[0];
  const absolute = path.resolve(io.cwd, input);
  let markdown: string;
  try {
    markdown = (await readDocxDraft(absolute)).draft.text;
  } catch (error) {
    if (error instanceof InputError) fail(`${input}: ${error.message}`);
    throw error;
  }
  const output = values.output ?? path.join(path.dirname(input), `${path.basename(input).replace(/\.docx$/iu, '')}.policy.md`);
  if (output === '-') {
    io.stdout(markdown);
    return 0;
  }
  const target = path.resolve(io.cwd, output);
  writeNewFile(target, markdown, values.force === true, output);
  io.stderr(`fivenets: wrote ${output}\n`);
  return 0;
}

/**
 * Write `text` to `file` atomically (safe-write.ts: a temporary file beside it, then a
 * rename), so a reader never sees half a draft. An existing file is kept unless `force`
 * (then its mode too), and never replaced through a symbolic link or when it is not a
 * regular file.
 */
function writeNewFile(file: string, text: string, force: boolean, shown: string): void {
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(file);
  } catch {
    existing = null;
  }
  if (existing?.isSymbolicLink()) fail(`${shown} is a symbolic link: not written (choose another -o)`);
  if (existing && !existing.isFile()) fail(`${shown} exists and is not a regular file: not written`);
  if (existing && !force) fail(`${shown} exists: not replaced (use --force, or -o another file)`);
  try {
    replaceFileAtomic(file, text, existing ? existing.mode : 0o644);
  } catch (error) {
    fail(`cannot write ${shown}: ${describeFsError(error, 'cannot write')}`);
  }
}
