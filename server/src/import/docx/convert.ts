/**
 * A Word document (.docx) to a Markdown draft: mammoth reads the document into HTML, the
 * unified tools (rehype-parse, rehype-remark, remark-gfm, remark-stringify) write the
 * Markdown. Between them, ./structure gives the draft its headings, lists and tables, and
 * ./paragraphs supplies the automatic numbering mammoth leaves out. Every line of the result
 * knows its Word paragraph (¶ number), so lint can point into the .docx.
 */
import mammoth from 'mammoth';
import type { Root as MdastRoot, RootContent as MdastContent, PhrasingContent } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { DocxError } from './errors';
import { encodeMarker, MARKER_PATTERN, readMarker, withoutMarkerCharacters } from './markers';
import { openPackage } from './package';
import { readParagraphs, type WordParagraph } from './paragraphs';
import { readProperties, type DocumentProperties } from './properties';
import { dropImages, flattenTables, numberedParagraphsToLists, placeHeadings } from './structure';

export interface ImportedDraft {
  /** The Markdown draft, front matter included. */
  markdown: string;
  properties: DocumentProperties;
  /** The Word paragraph (1-based ¶ number) of each line of `markdown` (0 only in an empty document). */
  paragraphOfLine: number[];
  /** The document's paragraphs by ¶ number - 1. */
  paragraphs: WordParagraph[];
}

/** Title and heading styles (Word writes the English names; WPS may write the Chinese ones). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.document-title:fresh",
  "p[style-name='标题'] => h1.document-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].map((level) => `p[style-name='标题 ${level}'] => h${level}:fresh`),
];

/** mammoth's document tree, as far as the numbering and markers need it. */
interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  numbering?: unknown;
}

export async function convertDocx(bytes: Uint8Array): Promise<ImportedDraft> {
  const pkg = await openPackage(bytes);
  const paragraphs = readParagraphs(pkg);
  const properties = readProperties(pkg);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        ignoreEmptyParagraphs: true,
        // Pictures are not read at all (mammoth would inline them as base64).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        transformDocument: (document: MammothNode) => annotate(document, paragraphs),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof DocxError) throw error;
    throw new DocxError(`corrupt Word document (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`);
  }
  const body = toMarkdown(html);
  const frontmatter = frontmatterOf(properties);
  return located(frontmatter + body, paragraphs, properties);
}

/**
 * Give each mammoth paragraph its automatic number (as text, its list numbering removed) and
 * its marker. mammoth's paragraphs are matched to document.xml's by text, in order: mammoth
 * skips a few (deleted ones, alternate content), so a match is looked for a little ahead.
 */
function annotate(document: MammothNode, words: readonly WordParagraph[]): MammothNode {
  let next = 0;
  const visit = (node: MammothNode) => {
    if (node.type === 'text' && node.value !== undefined) node.value = withoutMarkerCharacters(node.value);
    if (node.type === 'paragraph') {
      const text = plainText(node);
      let found = -1;
      for (let at = next; at < Math.min(words.length, next + 64); at++) {
        if (words[at].text === text) {
          found = at;
          break;
        }
      }
      const word = words[found >= 0 ? found : next] as WordParagraph | undefined;
      next = (found >= 0 ? found : next) + 1;
      if (word) label(node, word, text);
      return;
    }
    node.children?.forEach(visit);
  };
  visit(document);
  return document;
}

function plainText(node: MammothNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(plainText).join('');
}

function label(paragraph: MammothNode, word: WordParagraph, text: string): void {
  (paragraph.children ?? []).forEach(function clean(child: MammothNode) {
    if (child.type === 'text' && child.value !== undefined) child.value = withoutMarkerCharacters(child.value);
    child.children?.forEach(clean);
  });
  const children = paragraph.children ?? [];
  const runLike = (run: MammothNode | undefined, value: string): MammothNode => ({ ...(run?.type === 'run' ? run : { type: 'run' }), children: [{ type: 'text', value }] });
  if (word.label !== null) {
    children.unshift(runLike(children[0], word.label));
    paragraph.numbering = null;
  }
  if (text.trim().length > 0 || word.label !== null) children.push(runLike(children[children.length - 1], encodeMarker(word)));
  paragraph.children = children;
}

function toMarkdown(html: string): string {
  const hast = unified().use(rehypeParse, { fragment: true }).parse(html);
  dropImages(hast);
  flattenTables(hast);
  placeHeadings(hast);
  numberedParagraphsToLists(hast);
  const processor = unified()
    .use(rehypeRemark)
    .use(remarkGfm, { tablePipeAlign: false })
    .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', listItemIndent: 'one', incrementListMarker: true, rule: '-', fences: true });
  const mdast = processor.runSync(hast);
  breaksInCellsAsHtml(mdast);
  return processor.stringify(mdast);
}

/** A line break inside a table cell would end the row: write it as <br>, as GFM tables do. */
function breaksInCellsAsHtml(tree: MdastRoot | MdastContent): void {
  if (!('children' in tree)) return;
  if (tree.type === 'tableCell') {
    tree.children = tree.children.map((child): PhrasingContent => (child.type === 'break' ? { type: 'html', value: '<br>' } : child));
  }
  for (const child of tree.children) breaksInCellsAsHtml(child);
}

function frontmatterOf(properties: DocumentProperties): string {
  const data: Record<string, string> = {};
  if (properties.title) data.title = properties.title;
  if (properties.date) data.date = properties.date;
  // `schema` is left out: the linter chooses it from the draft. Values are written as JSON
  // strings, which YAML reads as double-quoted scalars: no YAML library in this bundle (the
  // `yaml` package is 115 KB of it) for two lines.
  const lines = Object.entries(data).map(([key, value]) => `${key}: ${/^\d{4}-\d{2}-\d{2}$/u.test(value) ? value : JSON.stringify(value)}`);
  return lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n\n`;
}

/**
 * Read and remove the markers: each line's ¶ is its own first marker, else its block's, else
 * (front matter, blank lines) the next paragraph's, so document-wide findings have a place too.
 */
function located(marked: string, paragraphs: WordParagraph[], properties: DocumentProperties): ImportedDraft {
  const lines = marked.split('\n');
  const own = lines.map((line) => readMarker(line)?.number ?? 0);
  const paragraphOfLine = own.slice();
  let blockStart = 0;
  for (let index = 0; index <= lines.length; index++) {
    if (index < lines.length && lines[index].trim() !== '') continue;
    const first = own.slice(blockStart, index).find((number) => number > 0) ?? 0;
    for (let line = blockStart; line < index; line++) if (paragraphOfLine[line] === 0) paragraphOfLine[line] = first;
    blockStart = index + 1;
  }
  let following = 0;
  for (let line = lines.length - 1; line >= 0; line--) {
    if (paragraphOfLine[line] > 0) following = paragraphOfLine[line];
    else paragraphOfLine[line] = following;
  }
  const last = paragraphOfLine.findLast((number) => number > 0) ?? 0;
  for (let line = lines.length - 1; line >= 0 && paragraphOfLine[line] === 0; line--) paragraphOfLine[line] = last;
  const clean = lines.map((line) => line.replace(MARKER_PATTERN, '').replace(/[ \t]+$/u, ''));
  return { markdown: clean.join('\n'), properties, paragraphOfLine, paragraphs };
}
