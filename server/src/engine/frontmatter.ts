/**
 * A cheap look at a draft's frontmatter, before any parse: is this Markdown file a policy
 * draft because its frontmatter names a schema (`schema: five-nets`)?
 */

const FRONTMATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
const SCHEMA_LINE = /^schema[ \t]*:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s#][^#\r\n]*?))[ \t]*(?:#.*)?$/mu;

/** How much of a draft's start frontmatterSchema reads. */
export const FRONTMATTER_HEAD = 64 * 1024;

/** The first look at a draft's start: most frontmatter blocks close well inside it. */
export const SHORT_HEAD = 8 * 1024;

/**
 * Where a block `pattern` matches at the start of `head` ends, or -1 when it may end past the
 * head (no match, or one that reaches its end). A match that ends before the head's end is the
 * match in the whole text too: a frontmatter pattern tries closing fences in order, and one
 * ending inside the head read no character past it.
 */
export function blockEndWithin(pattern: RegExp, head: string): number {
  const block = pattern.exec(head);
  return block && block[0].length < head.length ? block[0].length : -1;
}

/** Where the frontmatter block (as frontmatterSchema reads it) ends in `head` (blockEndWithin). */
export function frontmatterBlockEnd(head: string): number {
  return blockEndWithin(FRONTMATTER, head);
}

/** Whether a text opens with a frontmatter fence (`---`, after a BOM if any): its first four characters are enough. */
export function opensFrontmatter(start: string): boolean {
  return start.startsWith('---') || start.startsWith('\ufeff---');
}

/**
 * The `schema:` value of the YAML frontmatter, or null when there is none. Reads no more than
 * FRONTMATTER_HEAD characters, of a string or anything sliced like one (a draft kept in pieces).
 */
export function frontmatterSchema(text: { slice(start: number, end: number): string }): string | null {
  if (!opensFrontmatter(text.slice(0, 4))) return null;
  // Frontmatter is short: read 8 K first, never more than FRONTMATTER_HEAD.
  const short = text.slice(0, SHORT_HEAD);
  const found = frontmatterBlockEnd(short);
  const block = FRONTMATTER.exec(found > 0 ? short : text.slice(0, FRONTMATTER_HEAD));
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
