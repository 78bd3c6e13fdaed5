/**
 * A cap on block nesting before the Markdown parser sees the text. micromark's cost grows
 * faster than linearly with the depth of nested lists and block quotes (a list nested
 * 1,000 deep takes minutes; 10,000 deep never finishes, or overflows the stack), and a
 * pasted draft can hold such garbage (`> > > > …`, `- - - - …`). markdown-it caps nesting
 * (`maxNesting`) for the same reason.
 *
 * Container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) that would open a container deeper
 * than MAX_NESTING are replaced by spaces, one for one, so every offset still points at the
 * same character of the draft: the model reads the original text, only the parse of those
 * lines changes (their content stays in the deepest allowed container). No real draft
 * nests anywhere near the cap.
 */

export const MAX_NESTING = 64;

const SPACE = 32;
const TAB = 9;

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** After a list marker: a space, a tab or the end of the line. */
function endsMarker(text: string, index: number): boolean {
  return index >= text.length || text.charCodeAt(index) === SPACE || text.charCodeAt(index) === TAB || isLineBreak(text.charCodeAt(index));
}

/** A thematic break (`* * *`, `- - -`) from `index` to the end of the line: not list markers. */
function isThematicBreak(text: string, index: number, lineEnd: number): boolean {
  const mark = text.charCodeAt(index);
  let count = 0;
  for (let i = index; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === mark) count++;
    else if (code !== SPACE && code !== TAB) return false;
  }
  return count >= 3;
}

/**
 * An upper bound on the nesting level each container marker of a line opens: markers
 * before it on the line, plus one level per two columns of extra indentation (a nested
 * container needs at least that much room). Markers above the cap become spaces.
 */
export function limitNesting(text: string, maxNesting = MAX_NESTING): string {
  // A copy of the text, made at the first marker to blank (most drafts never need one).
  let codes: Uint16Array | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && !isLineBreak(text.charCodeAt(lineEnd))) lineEnd++;

    let index = lineStart;
    let markers = 0;
    let extraColumns = 0;
    let column = 0;
    let afterMarker = false;
    for (;;) {
      // Whitespace: indentation before the first marker, beyond one space after a marker.
      let spaces = 0;
      while (index < lineEnd && (text.charCodeAt(index) === SPACE || text.charCodeAt(index) === TAB)) {
        const width = text.charCodeAt(index) === TAB ? 4 - (column % 4) : 1;
        column += width;
        spaces += width;
        index++;
      }
      extraColumns += afterMarker ? Math.max(0, spaces - 1) : spaces;
      if (index >= lineEnd) break;
      const code = text.charCodeAt(index);
      let markerEnd = -1;
      if (code === 0x3e /* > */) markerEnd = index + 1;
      else if ((code === 0x2d || code === 0x2a || code === 0x2b) /* - * + */ && endsMarker(text, index + 1)) {
        if (code !== 0x2b && isThematicBreak(text, index, lineEnd)) break;
        markerEnd = index + 1;
      } else if (code >= 0x30 && code <= 0x39) {
        let end = index;
        while (end < lineEnd && end - index < 9 && text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end++;
        const mark = text.charCodeAt(end);
        if ((mark === 0x2e || mark === 0x29) /* . ) */ && endsMarker(text, end + 1)) markerEnd = end + 1;
      }
      if (markerEnd < 0) break;
      markers++;
      const level = markers + Math.floor(extraColumns / 2);
      if (level > maxNesting) {
        codes ??= copyOf(text);
        codes.fill(SPACE, index, markerEnd);
      }
      column += markerEnd - index;
      index = markerEnd;
      afterMarker = true;
    }

    if (lineEnd >= text.length) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  return codes ? stringOf(codes) : text;
}

function copyOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

/** Code units back to a string, exactly (lone surrogates included), in chunks the call stack can take. */
function stringOf(codes: Uint16Array): string {
  const chunks: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) chunks.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
  return chunks.join('');
}
