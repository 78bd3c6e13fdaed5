/**
 * Text edits the editor applies: the smallest edits that turn one text into another (so
 * "fix all" touches only what changed, keeping cursors, folds and undo steps), and the
 * edit that adds a `fivenets-disable-line` directive to a line.
 *
 * The diff is Myers' O(ND) algorithm over lines, refined to characters inside each changed
 * hunk. Written here because no dependency of the engine offers a diff (jsdiff's
 * `diffLines` would do; it is only a transitive dev dependency).
 */
import type { LineIndex } from './lines';
import type { TextEdit } from './types';

/** Lines with their terminators, so joining them gives the text back. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Matching line pairs (index in a, index in b) of a shortest edit script, or null past `maxCost`. */
function myersMatches(a: readonly string[], b: readonly string[], maxCost: number): Array<[number, number]> | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v (for k in -d-1..d+1) as it was before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, maxCost); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): Array<[number, number]> {
  const matches: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const saved = trace[d];
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = previousX;
    y = previousY;
  }
  return matches.reverse();
}

function hunksOf(matches: Array<[number, number]>, n: number, m: number): Hunk[] {
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  for (const [i, j] of [...matches, [n, m] as [number, number]]) {
    if (i > ai || j > bi) hunks.push({ aStart: ai, aEnd: i, bStart: bi, bEnd: j });
    ai = i + 1;
    bi = j + 1;
  }
  return hunks;
}

/** One edit replacing `oldText` at `at` with `newText`, trimmed to the characters that differ. */
function trimmedEdit(at: number, oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  let prefix = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (prefix < shorter && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a \r\n between the kept and the replaced text.
  while (prefix > 0 && isLowSurrogateOrLf(oldText, prefix)) prefix--;
  while (suffix > 0 && isLowSurrogateOrLf(oldText, oldText.length - suffix)) suffix--;
  return { span: { start: at + prefix, end: at + oldText.length - suffix }, newText: newText.slice(prefix, newText.length - suffix) };
}

function isLowSurrogateOrLf(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 0xdc00 && code <= 0xdfff) return true;
  return code === 10 && text.charCodeAt(index - 1) === 13;
}

/**
 * The edits (sorted, not overlapping) that turn `before` into `after`. Past `maxCost`
 * changed lines the diff gives up and returns one edit over the changed region.
 */
export function diffEdits(before: string, after: string, maxCost = 2000): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const aMiddle = a.slice(head, a.length - tail);
  const bMiddle = b.slice(head, b.length - tail);
  const matches = myersMatches(aMiddle, bMiddle, maxCost) ?? [];
  const hunks = hunksOf(matches, aMiddle.length, bMiddle.length);

  const aOffsets = [0];
  for (const line of aMiddle) aOffsets.push(aOffsets[aOffsets.length - 1] + line.length);
  const base = a.slice(0, head).reduce((sum, line) => sum + line.length, 0);
  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    // Lines changed one for one (fixes inserting into several lines) become one edit per line.
    const pairs = hunk.aEnd - hunk.aStart === hunk.bEnd - hunk.bStart ? hunk.aEnd - hunk.aStart : 0;
    const groups = pairs > 0 ? Array.from({ length: pairs }, (_, i) => [hunk.aStart + i, hunk.aStart + i + 1, hunk.bStart + i, hunk.bStart + i + 1]) : [[hunk.aStart, hunk.aEnd, hunk.bStart, hunk.bEnd]];
    for (const [aStart, aEnd, bStart, bEnd] of groups) {
      const edit = trimmedEdit(base + aOffsets[aStart], aMiddle.slice(aStart, aEnd).join(''), bMiddle.slice(bStart, bEnd).join(''));
      if (edit) edits.push(edit);
    }
  }
  return edits;
}

/** Apply non-overlapping edits (any order), in one pass over the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    parts.push(text.slice(cursor, edit.span.start), edit.newText);
    cursor = Math.max(cursor, edit.span.end);
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

const EXISTING_DIRECTIVE = /(<!--\s*fivenets-disable-line\b([^>]*?))(\s*-->)/u;

/**
 * The edit that disables `ruleId` on a line: `<!-- fivenets-disable-line rule -->` at the end
 * of the line, or before the last `|` of a table row (so the comment stays inside the row).
 * An existing directive on the line gets the rule added. Null when the line already
 * disables the rule.
 */
export function disableLineEdit(text: string, lines: LineIndex, line: number, ruleId: string): TextEdit | null {
  const lineStart = lines.lineStart(line);
  const content = text.slice(lineStart, lines.lineEnd(line));
  const existing = EXISTING_DIRECTIVE.exec(content);
  if (existing) {
    const ids = existing[2].split(/[\s,]+/u).filter((id) => id.length > 0);
    if (ids.length === 0 || ids.includes(ruleId)) return null;
    const at = lineStart + (existing.index ?? 0) + existing[1].length;
    return { span: { start: at, end: at }, newText: ` ${ruleId}` };
  }
  const comment = `<!-- fivenets-disable-line ${ruleId} -->`;
  const trimmedLength = content.replace(/\s+$/u, '').length;
  const isTableRow = trimmedLength > 1 && content[trimmedLength - 1] === '|' && content[trimmedLength - 2] !== '\\' && content.slice(0, trimmedLength - 1).includes('|');
  if (isTableRow) {
    const pipe = lineStart + trimmedLength - 1;
    const spaced = /\s/u.test(content[trimmedLength - 2] ?? '');
    return { span: { start: pipe, end: pipe }, newText: spaced ? `${comment} ` : ` ${comment} ` };
  }
  const at = lineStart + trimmedLength;
  return { span: { start: at, end: at }, newText: trimmedLength === 0 ? comment : ` ${comment}` };
}
