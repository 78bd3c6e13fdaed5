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
