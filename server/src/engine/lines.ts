/** Offset <-> LSP position conversion. Lines end at \r\n, \n or \r, as in LSP. */
import type { TextSource } from './text-source';
import type { Position, Range, Span } from './types';

/** Push the starts of the lines that begin after a line break in text[from, to) (a break may end past `to`). */
function scanBreaks(text: TextSource, from: number, to: number, starts: number[]): void {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
}

export class LineIndex {
  /** Offsets where lines start (typed: an edit copies and shifts it in one go). */
  private readonly starts: Int32Array;

  constructor(
    private readonly text: TextSource,
    starts?: Int32Array,
  ) {
    if (starts) this.starts = starts;
    else {
      const found = [0];
      scanBreaks(text, 0, text.length, found);
      this.starts = Int32Array.from(found);
    }
  }

  /**
   * The index of an edited text, from the index before the edit ([start, oldEnd) of the old
   * text became [start, newEnd) of `text`): lines before the edit are kept, the edited ones
   * scanned, later ones shifted. Whether a line starts at q depends on the characters at
   * q - 2 .. q only (a \r\n pair is one break), so starts two past the edit are the old ones.
   */
  static edited(before: LineIndex, text: TextSource, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const old = before.starts;
    // Old starts before the edit: a binary search (the first start >= change.start), kept as they are.
    let low = 0;
    let high = old.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (old[mid] < change.start) low = mid + 1;
      else high = mid;
    }
    const kept = Math.max(1, low);
    // A break ending at change.start - 1 (or a \r there now paired with an inserted \n) starts a line at or after the edit.
    const scanned: number[] = [];
    scanBreaks(text, Math.max(0, change.start - 1), Math.min(text.length, change.newEnd + 1), scanned);
    const last = scanned.length > 0 ? scanned[scanned.length - 1] : old[kept - 1];
    const delta = change.newEnd - change.oldEnd;
    // Old starts two past the edit, shifted; the first of them after the last one found.
    let tail = low;
    while (tail < old.length && (old[tail] < change.oldEnd + 2 || old[tail] + delta <= last)) tail++;
    const starts = new Int32Array(kept + scanned.length + old.length - tail);
    starts.set(old.subarray(0, kept));
    starts.set(scanned, kept);
    let at = kept + scanned.length;
    for (let k = tail; k < old.length; k++) starts[at++] = old[k] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** End of a line's content, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line holding an offset (positionAt without the object). */
  lineAt(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** rangeOf without a span object. */
  rangeBetween(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
