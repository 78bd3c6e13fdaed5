/**
 * The snippet form of a fix's edit, for editors that put the cursor on a placeholder (LSP
 * 3.18 SnippetTextEdit, VS Code's SnippetTextEdit): the same text, with each placeholder it
 * holds as a tab stop. Fixes stay data; this only derives a view of one edit's text, so
 * `fivenets lint --fix`, Neovim and the snippet insert the same characters.
 *
 * No imports: the VS Code client compiles this file too (client/tsconfig.json) and builds
 * the same snippets in its middleware (client/src/snippets.ts).
 */

/** Snippet syntax gives `$`, `}` and `\` a meaning: escaped, they are text (TextMate / LSP snippet grammar). */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/gu, '\\$&');
}

export interface SnippetText {
  /** The snippet: `text` escaped, each placeholder as `${n:placeholder}`. */
  value: string;
  /** The next free tab stop number. */
  nextTabstop: number;
}

/**
 * `text` as a snippet whose placeholders (any of `placeholders`, where they occur) are tab
 * stops numbered from `firstTabstop` in order, or null when it holds none. Editors link tab
 * stops that share a number (VS Code merges all snippet edits of a change into one
 * snippet), so the edits of one change number on from each other.
 */
export function snippetOf(text: string, placeholders: readonly string[], firstTabstop: number): SnippetText | null {
  const parts: string[] = [];
  let tabstop = firstTabstop;
  let cursor = 0;
  for (;;) {
    let at = -1;
    let found = '';
    for (const placeholder of placeholders) {
      if (placeholder === '') continue;
      const index = text.indexOf(placeholder, cursor);
      if (index >= 0 && (at < 0 || index < at || (index === at && placeholder.length > found.length))) {
        at = index;
        found = placeholder;
      }
    }
    if (at < 0) break;
    parts.push(escapeSnippetText(text.slice(cursor, at)), `\${${tabstop}:${escapeSnippetText(found)}}`);
    tabstop++;
    cursor = at + found.length;
  }
  if (tabstop === firstTabstop) return null;
  parts.push(escapeSnippetText(text.slice(cursor)));
  return { value: parts.join(''), nextTabstop: tabstop };
}
