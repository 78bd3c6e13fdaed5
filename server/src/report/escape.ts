/** Escaping for HTML text and attributes, and link targets that can only be local paths. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

/**
 * A relative link to a draft: each path segment percent-encoded (CJK names, spaces, `#`,
 * `:`), so a path can never become a URL with a scheme and the page loads nothing.
 */
export function fileHref(path: string, line?: number): string {
  const encoded = path
    .replace(/\\/gu, '/')
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
  return line === undefined ? encoded : `${encoded}#L${line}`;
}

/** Where a row is: its line, or in a Word document its paragraph (¶13). */
export function placeLabel(place: { line: number; paragraph?: number }): string {
  return place.paragraph ? `¶${place.paragraph}` : String(place.line);
}

/** The link to a row's draft: at its line, or the Word document itself (no line to go to). */
export function placeHref(href: string, place: { line: number; paragraph?: number }): string {
  return fileHref(href, place.paragraph ? undefined : place.line);
}

/** Rough rendered width of a label, in em: CJK and full-width characters are 1em, others about 0.6em. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      code >= 0x1100 &&
      (code <= 0x115f ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6) ||
        code >= 0x20000)
        ? 1
        : 0.6;
  }
  return width;
}
