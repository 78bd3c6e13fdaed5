/**
 * The text of a draft version as the engine reads it: by position (`charCodeAt`, `slice`,
 * `length`), which a string does and so does `PieceText`, a draft kept as the pieces it was
 * split into. The language server lints an edit of a large draft without building the new
 * version's whole text: the pieces are the sections' own copies of their text, and an edit
 * makes one new piece (`PieceText.edited`). A whole new string per version, however it is made,
 * is a large object of fresh memory: on a 1 M-character draft 4.5–6.5 ms of an edit
 * (docs/performance.md, the per-edit path).
 */

export interface TextSource {
  readonly length: number;
  /** NaN outside [0, length), as a string's. */
  charCodeAt(index: number): number;
  /** Offsets in [0, length] (no negative offsets, unlike a string's). */
  slice(start?: number, end?: number): string;
  /** The whole text as one string. */
  toString(): string;
}

/** One replacement: [start, end) of the text became `text`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** A copy of a string (V8 slices point into their whole parent; concatenating and reading one makes a flat copy). */
export function detached(slice: string): string {
  return slice.length < 16 ? slice : ` ${slice}`.slice(1);
}

/**
 * A text held as pieces, each starting at a line start (the sections of a draft, or what an
 * edit made of them). Read by position like a string; `toString()` joins it (once).
 */
export class PieceText implements TextSource {
  /** The piece last read by charCodeAt: sequential reads find it at once. */
  private cursor = 0;
  private joined: string | null = null;

  private constructor(
    readonly pieces: readonly string[],
    /** Where each piece starts. */
    readonly starts: readonly number[],
    readonly length: number,
  ) {}

  /** `pieces` in order, the first at 0. */
  static of(pieces: readonly string[]): PieceText {
    const starts: number[] = [];
    let at = 0;
    for (const piece of pieces) {
      starts.push(at);
      at += piece.length;
    }
    return new PieceText(pieces, starts, at);
  }

  /** The piece holding `index` (the last piece for the end). */
  private pieceAt(index: number): number {
    const cursor = this.cursor;
    if (index >= this.starts[cursor] && (cursor + 1 >= this.starts.length || index < this.starts[cursor + 1])) return cursor;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  charCodeAt(index: number): number {
    if (!(index >= 0 && index < this.length)) return NaN;
    const piece = (this.cursor = this.pieceAt(index));
    return this.pieces[piece].charCodeAt(index - this.starts[piece]);
  }

  slice(start = 0, end = this.length): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (this.joined !== null) return this.joined.slice(from, to);
    if (from === to) return '';
    const first = this.pieceAt(from);
    const last = this.pieceAt(to - 1);
    if (first === last) return this.pieces[first].slice(from - this.starts[first], to - this.starts[first]);
    let text = this.pieces[first].slice(from - this.starts[first]);
    for (let piece = first + 1; piece < last; piece++) text += this.pieces[piece];
    return text + this.pieces[last].slice(0, to - this.starts[last]);
  }

  toString(): string {
    this.joined ??= this.pieces.join('');
    return this.joined;
  }

  /**
   * This text with `edit` applied: the pieces it touches (from the one holding its start to the
   * one holding its end, so the next piece still starts after an unchanged line break) become
   * one new piece; the others are shared.
   */
  edited(edit: Replacement): PieceText {
    const start = Math.max(0, Math.min(edit.start, this.length));
    const end = Math.max(start, Math.min(edit.end, this.length));
    if (this.pieces.length === 0) return PieceText.of([edit.text]);
    const first = this.pieceAt(start);
    const last = this.pieceAt(end);
    const merged = detached(this.pieces[first].slice(0, start - this.starts[first]) + edit.text + this.pieces[last].slice(end - this.starts[last]));
    const pieces = [...this.pieces.slice(0, first), merged, ...this.pieces.slice(last + 1)];
    const delta = edit.text.length - (end - start);
    const starts = [...this.starts.slice(0, first + 1), ...this.starts.slice(last + 1).map((offset) => offset + delta)];
    return new PieceText(pieces, starts, this.length + delta);
  }
}

/** A string, or the joined text of a PieceText. */
export function textOf(source: TextSource): string {
  return typeof source === 'string' ? source : source.toString();
}

/** Whether `test` holds for some line-aligned block of the text: the string itself, or a PieceText's pieces (each starts at a line start). */
export function someBlock(source: TextSource, test: (block: string) => boolean): boolean {
  if (typeof source === 'string') return test(source);
  if (source instanceof PieceText) return source.pieces.some(test);
  return test(textOf(source));
}
