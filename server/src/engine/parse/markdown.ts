/**
 * The one Markdown pipeline: unified + remark-parse with GFM tables and YAML frontmatter.
 *
 * Only the syntax the policy model reads is parsed. The model works on source slices, so
 * emphasis, links, images, character references and hard breaks would be tokenized for
 * nothing: they are disabled (micromark's `disable.null`), and of GFM only tables are
 * loaded (micromark-extension-gfm-table rather than all of remark-gfm: autolink literals
 * alone cost a third of the parse). Inline code and inline HTML stay on: code spans are
 * skipped by text rules, and HTML comments carry the fivenets-disable directives.
 * Measured on the benchmark corpus: about 2.5× faster than remark-parse + remark-gfm.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import type { Position } from 'unist';
import { limitNesting } from './nesting';
import { TABLE_SLICE_ROWS, parseSliced } from './tables';
import { parseSimple } from './fastpath';

interface ParserData {
  micromarkExtensions?: unknown[];
  fromMarkdownExtensions?: unknown[];
}

/** A unified plugin adding GFM tables only. */
function remarkTables(this: Processor): void {
  const data = this.data() as ParserData;
  (data.micromarkExtensions ??= []).push(gfmTable(), {
    disable: { null: ['attention', 'labelStartImage', 'labelStartLink', 'labelEnd', 'characterReference', 'characterEscape', 'autolink', 'hardBreakEscape', 'hardBreakTrailing'] },
  });
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables).freeze();
const withoutFrontmatter = unified().use(remarkParse).use(remarkTables).freeze();

/**
 * A closed YAML front matter block: `---` on the first line, a `---` line further down.
 * micromark-extension-frontmatter 2.0.0 has a bug with an unclosed one (a draft that opens
 * with a `---` rule, or front matter still being typed): after its failed attempt no list or
 * block quote is recognised anywhere in the draft (micromark/micromark-extension-frontmatter#5).
 * So front matter is parsed only when it is closed; otherwise `---` is plain Markdown.
 */
const CLOSED_FRONTMATTER = /^\uFEFF?---[ \t]*(?:\r\n?|\n)(?:[^]*?(?:\r\n?|\n))?---[ \t]*(?:\r\n?|\n|$)/u;

export function hasClosedFrontmatter(text: string): boolean {
  return (text.startsWith('---') || text.startsWith('\uFEFF---')) && CLOSED_FRONTMATTER.test(text);
}

/** `fastPath: false` parses everything with remark-parse (the tests compare the two). */
export const parserSettings = { fastPath: true };

export function parseMarkdown(text: string, sliceRows = TABLE_SLICE_ROWS, fastPath = parserSettings.fastPath): Root {
  // Plain sections take the fast path (parse/fastpath.ts); it declines anything uncertain.
  if (fastPath) {
    const simple = parseSimple(text, hasClosedFrontmatter(text));
    if (simple) return simple;
  }
  const parse = (part: string, first: boolean): Root => {
    const tree = (first && hasClosedFrontmatter(part) ? processor : withoutFrontmatter).parse(part);
    // micromark skips a leading BOM and counts offsets from after it: count them in the draft.
    if (first && part.charCodeAt(0) === 0xfeff) shiftOffsets(tree, 1);
    return tree;
  };
  // Same length, same offsets: only containers nested past MAX_NESTING are flattened.
  const limited = limitNesting(text);
  // Long tables are parsed a slice of rows at a time (parse/tables.ts).
  const children = parseSliced(limited, parse, sliceRows);
  if (children === null) return parse(limited, true);
  const end = children[children.length - 1]?.position?.end ?? { line: 1, column: 1, offset: 0 };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...end, offset: text.length } } };
}

/** Add `delta` to every node's start and end offset (iteratively: trees can be deep). */
function shiftOffsets(tree: Root, delta: number): void {
  const stack: Array<{ position?: Position; children?: unknown[] }> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as { position?: Position; children?: unknown[] };
    if (node.position) {
      if (node.position.start.offset !== undefined) node.position.start.offset += delta;
      if (node.position.end.offset !== undefined) node.position.end.offset += delta;
    }
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child as { position?: Position; children?: unknown[] });
  }
}
