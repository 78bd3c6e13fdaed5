/**
 * A cheap look at a draft's frontmatter, before any parse: is this Markdown file a policy
 * draft because its frontmatter names a schema (`schema: five-nets`)?
 */

const FRONTMATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
const SCHEMA_LINE = /^schema[ \t]*:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s#][^#\r\n]*?))[ \t]*(?:#.*)?$/mu;

/** The `schema:` value of the YAML frontmatter, or null when there is none. */
export function frontmatterSchema(text: string): string | null {
  if (!text.startsWith('---') && !text.startsWith('\ufeff---')) return null;
  // Frontmatter is short; never scan a large document for its closing fence.
  const head = text.slice(0, 64 * 1024);
  const block = FRONTMATTER.exec(head);
  if (!block) return null;
  const line = SCHEMA_LINE.exec(block[1]);
  if (!line) return null;
  const value = (line[1] ?? line[2] ?? line[3] ?? '').trim();
  return value.length > 0 ? value : null;
}

/** An edit in UTF-16 offsets (the engine's TextEdit without its import: the client compiles this file too). */
export interface FrontmatterEdit {
  start: number;
  end: number;
  newText: string;
}

const OPENING_FENCE = /^\ufeff?---[ \t]*(\r?\n)/u;
const EMPTY_BLOCK = /^\ufeff?---[ \t]*\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

/**
 * The edit that makes the frontmatter name `schema` ("Treat as Policy Draft"): its
 * `schema:` line replaced, else a `schema:` line added first in the block, else a new block
 * at the top. Only that line changes: other keys, comments and the text stay as written.
 */
export function schemaFrontmatterEdit(text: string, schema: string): FrontmatterEdit {
  const value = /^[A-Za-z0-9_.-]+$/u.test(schema) ? schema : JSON.stringify(schema);
  const line = `schema: ${value}`;
  const head = text.slice(0, 64 * 1024);
  const opening = OPENING_FENCE.exec(head);
  if (opening && (FRONTMATTER.test(head) || EMPTY_BLOCK.test(head))) {
    const eol = opening[1];
    const block = FRONTMATTER.exec(head);
    const existing = block ? SCHEMA_LINE.exec(block[1]) : null;
    if (block && existing) {
      // Only the value: a comment after it stays. block[1] starts after the opening fence's line break.
      const prefix = /^schema[ \t]*:[ \t]*/u.exec(existing[0])?.[0] ?? '';
      const written = existing[1] !== undefined ? `"${existing[1]}"` : existing[2] !== undefined ? `'${existing[2]}'` : (existing[3] ?? '');
      const start = opening[0].length + existing.index + prefix.length;
      return { start, end: start + written.length, newText: value };
    }
    return { start: opening[0].length, end: opening[0].length, newText: `${line}${eol}` };
  }
  const eol = /\r\n/u.exec(head.slice(0, head.indexOf('\n') + 1 || head.length)) ? '\r\n' : '\n';
  const start = text.startsWith('\ufeff') ? 1 : 0;
  return { start, end: start, newText: `---${eol}${line}${eol}---${eol}${text.length > start ? eol : ''}` };
}
