/**
 * The open documents' text on Node: UTF-16 code units in a Buffer with room to grow, decoded
 * into a string once per version, when something reads it.
 *
 * Why not vscode-languageserver-textdocument's TextDocument (the one the browser build keeps):
 * it applies an edit as `substring + text + substring` and reads a character of the result at
 * once, so V8 flattens a new string on its own heap for every edit: for a 1 M-character draft a
 * fresh 2 MB large object, 6.5 ms per edit on the bench machine (min 5.5, up to 16 with the
 * collections it brings), the largest single cost of an edit (docs/performance.md). Patching a
 * Buffer moves only the bytes after the edit (memmove). Decoding it is no cheaper when done per
 * edit (0.2 ms in isolation, 4.5 ms in the server, where each version's text lives until the
 * next is linted: fresh memory again), so nothing on the edit path asks for the whole text: the
 * store keeps the replacements of its last versions (`editsSince`) for the linter to lint the
 * edit alone (engine/text-source.ts) and is read in place (`slice`, `charCodeAt`) for the
 * draft's head. The whole string is decoded only when asked for (a document the linter has not
 * seen, a full change, the not-a-draft status); features read the linter's own copy. The line
 * index is patched per edit as the library's is.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { Replacement, TextSource } from '../engine/text-source';
import type { EditedDocument } from '../handlers/drafts';

const LF = 10;
const CR = 13;

/** The edit log's bounds: versions, and characters inserted (beyond them the linter is given the whole text). */
const LOG_VERSIONS = 64;
const LOG_CHARACTERS = 1 << 20;

/** Room added when the buffer grows: a quarter of the text, at least 64 K code units. */
function capacityFor(units: number): number {
  return units + Math.max(units >> 2, 65536);
}

export class BufferDocument implements TextDocument, TextSource, EditedDocument {
  private bytes: Buffer;
  /** The text's length in UTF-16 code units. */
  private units: number;
  /** This version's text, once read. */
  private text: string | null;
  /** Where each line after the first starts (the first starts at 0). */
  private starts: number[];
  /** The replacements that made each logged version from the one before, oldest first. */
  private log: Array<{ from: number; edits: Replacement[] }> = [];
  private logged = 0;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    content: string,
  ) {
    this.bytes = Buffer.allocUnsafeSlow(capacityFor(content.length) * 2);
    this.units = content.length;
    this.bytes.write(content, 0, 'utf16le');
    this.text = content;
    this.starts = this.lineStarts(0, content.length);
  }

  get lineCount(): number {
    return this.starts.length + 1;
  }

  getText(range?: Range): string {
    this.text ??= this.bytes.toString('utf16le', 0, this.units * 2);
    if (!range) return this.text;
    return this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  get length(): number {
    return this.units;
  }

  charCodeAt(index: number): number {
    return index >= 0 && index < this.units ? this.bytes.readUInt16LE(index * 2) : NaN;
  }

  slice(start = 0, end = this.units): string {
    const from = Math.max(0, Math.min(start, this.units));
    const to = Math.max(from, Math.min(end, this.units));
    if (this.text !== null || to - from > this.units / 2) return this.getText().slice(from, to);
    return this.bytes.toString('utf16le', from * 2, to * 2);
  }

  toString(): string {
    return this.getText();
  }

  /**
   * The replacements (each in the offsets of the text before it) that made this version from
   * `version`, or null when the log does not go back that far (or a full change came since).
   */
  editsSince(version: number): readonly Replacement[] | null {
    if (version === this.version) return [];
    const first = this.log.findIndex((entry) => entry.from === version);
    if (first < 0) return null;
    return this.log.slice(first).flatMap((entry) => entry.edits);
  }

  private record(from: number, edits: Replacement[] | null): void {
    if (edits === null) {
      this.log = [];
      this.logged = 0;
      return;
    }
    this.log.push({ from, edits });
    for (const edit of edits) this.logged += edit.text.length;
    while (this.log.length > LOG_VERSIONS || (this.logged > LOG_CHARACTERS && this.log.length > 0)) {
      for (const edit of this.log.shift()?.edits ?? []) this.logged -= edit.text.length;
    }
  }

  /** Whether a line starts at `offset` (0 < offset ≤ length): after \n, or after a \r not followed by \n. */
  private isLineStart(offset: number): boolean {
    const before = this.charCodeAt(offset - 1);
    return before === LF || (before === CR && this.charCodeAt(offset) !== LF);
  }

  /** The line starts in [from, to] (each > 0). */
  private lineStarts(from: number, to: number): number[] {
    const found: number[] = [];
    for (let offset = Math.max(from, 1); offset <= to; offset++) if (this.isLineStart(offset)) found.push(offset);
    return found;
  }

  /** The first index of `starts` whose offset is ≥ `offset`. */
  private firstStartAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Replace [start, end) with `insert`. */
  replace(start: number, end: number, insert: string): void {
    const delta = insert.length - (end - start);
    const length = this.units + delta;
    if (length * 2 > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(capacityFor(length) * 2);
      this.bytes.copy(grown, 0, 0, start * 2);
      this.bytes.copy(grown, (start + insert.length) * 2, end * 2, this.units * 2);
      this.bytes = grown;
    } else if (delta !== 0) {
      this.bytes.copyWithin((start + insert.length) * 2, end * 2, this.units * 2);
    }
    this.bytes.write(insert, start * 2, 'utf16le');
    this.units = length;
    this.text = null;
    // Line starts in [start, end] depend on the replaced text (or pair a \r before it with a \n in it): found again.
    const first = this.firstStartAtOrAfter(start);
    const after = this.firstStartAtOrAfter(end + 1);
    const found = this.lineStarts(start, start + insert.length);
    const tail = this.starts.length - after;
    if (found.length !== after - first) {
      const moved = this.starts.slice(after);
      this.starts.length = first + found.length + tail;
      for (let i = 0; i < tail; i++) this.starts[first + found.length + i] = moved[i];
    }
    for (let i = 0; i < found.length; i++) this.starts[first + i] = found[i];
    if (delta !== 0) for (let i = first + found.length; i < this.starts.length; i++) this.starts[i] += delta;
  }

  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    let edits: Replacement[] | null = [];
    for (const change of changes) {
      if ('range' in change) {
        const a = this.offsetAt(change.range.start);
        const b = this.offsetAt(change.range.end);
        const [start, end] = [Math.min(a, b), Math.max(a, b)];
        this.replace(start, end, change.text);
        edits?.push({ start, end, text: change.text });
      } else {
        this.replace(0, this.units, change.text);
        edits = null;
      }
    }
    this.record(this.version, edits);
    this.version = version;
  }

  /** Back from an offset that falls between a line's last character and its line break (\r\n counted as one). */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && (this.charCodeAt(offset - 1) === LF || this.charCodeAt(offset - 1) === CR)) offset--;
    return offset;
  }

  private lineStart(line: number): number {
    return line === 0 ? 0 : this.starts[line - 1];
  }

  /** Where line `line` ends: before its line break, and after it. */
  private lineEnd(line: number): { text: number; next: number } {
    const next = line + 1 < this.lineCount ? this.lineStart(line + 1) : this.units;
    return { text: this.beforeEol(next, this.lineStart(line)), next };
  }

  getLineRange(line: number): Range {
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const at = Math.min(line, this.lineCount - 1);
    const start = this.lineStart(at);
    const end = line >= this.lineCount ? this.units : this.lineEnd(at).text;
    return { start: { line: at, character: 0 }, end: { line: at, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lineCount) return '';
    const { text, next } = this.lineEnd(line);
    return this.getText().substring(text, next);
  }

  positionAt(offset: number): Position {
    const at = Math.max(Math.min(offset, this.units), 0);
    const line = this.firstStartAtOrAfter(at + 1);
    const start = this.lineStart(line);
    return { line, character: this.beforeEol(at, start) - start };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineCount) return this.units;
    if (position.line < 0) return 0;
    const start = this.lineStart(position.line);
    if (position.character <= 0) return start;
    const next = position.line + 1 < this.lineCount ? this.lineStart(position.line + 1) : this.units;
    return this.beforeEol(Math.min(start + position.character, next), start);
  }
}

/** The document store of the Node server (TextDocuments' configuration). */
export const bufferDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new BufferDocument(uri, languageId, version, content),
  update(document, changes, version) {
    if (!(document instanceof BufferDocument)) throw new Error(`${document.uri}: not a document of this store`);
    document.update(changes, version);
    return document;
  },
};
