/**
 * Steps over mammoth's HTML (as a hast tree) that give the Markdown a draft's structure:
 * title lines become headings at their depth, "1. " paragraphs become ordered lists, merged
 * table cells are flattened and a cell's paragraphs are joined by line breaks.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { readMarker, stripMarkers, type MarkerFacts } from './markers';

const isElement = (node: RootContent | ElementContent | Root, tagName?: string): node is Element => node.type === 'element' && (tagName === undefined || node.tagName === tagName);

export function textOf(node: Root | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

/** 一、 二十一、: a first-level title in Chinese official documents (GB/T 9704). */
const SECTION = /^[一二三四五六七八九十百]+、/u;
/** （一） (一): the second level. */
const SUBSECTION = /^[（(][一二三四五六七八九十百]+[）)]/u;
/** 武政办〔2020〕12号: a document number (文号), never a title. */
const DOCUMENT_NUMBER = /[〔[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*\d+\s*号/u;
/** 2020年7月15日, 二〇二〇年七月十五日: the date of a signature block. */
const DATE_LINE = /^[\d〇零一二三四五六七八九十○]{2,4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/u;
/** A title line is short and is not a sentence (a measure has 。；： and its fields). */
const SENTENCE = /[。；;：:]/u;

interface Line {
  text: string;
  marker: MarkerFacts | null;
}

function lineOf(element: Element): Line {
  const raw = textOf(element);
  return { text: stripMarkers(raw).trim(), marker: readMarker(raw) };
}

/** Bold or in a title face (up to 60 characters), or short and not a sentence (up to 30). */
const titleShaped = (line: Line) => (line.marker?.emphasized === true ? line.text.length <= 60 : line.text.length <= 30 && !SENTENCE.test(line.text));

/** The heading depth a paragraph's line should have, or 0 for a plain paragraph. */
function paragraphDepth(line: Line): number {
  if (line.marker?.alignment === 'right' || line.marker?.red) return 0; // signature blocks, red-letter headers
  if (SECTION.test(line.text)) return titleShaped(line) ? 2 : 0;
  if (SUBSECTION.test(line.text)) return titleShaped(line) ? 3 : 0;
  const centeredTitle =
    line.marker?.alignment === 'center' && line.marker.emphasized && line.text.length <= 80 && !/文件$/u.test(line.text) && !DOCUMENT_NUMBER.test(line.text) && !DATE_LINE.test(line.text) && !/[。；;]$/u.test(line.text);
  return centeredTitle ? 1 : 0;
}

/**
 * Headings at the draft's depths: the title 1, 一、 sections 2, （一） subsections 3. Word
 * heading styles keep their order; they move down one level when "Heading 1" holds the
 * sections (a 一、 line), so the title stays alone at the top.
 */
export function placeHeadings(root: Root): void {
  const styled = root.children.filter((node): node is Element => isElement(node) && /^h[1-6]$/u.test(node.tagName));
  const isDocumentTitle = (element: Element) => Array.isArray(element.properties.className) && element.properties.className.includes('document-title');
  const sectionsAtOne = styled.some((element) => element.tagName === 'h1' && !isDocumentTitle(element) && SECTION.test(lineOf(element).text));
  const titled = styled.some(isDocumentTitle);
  const shift = sectionsAtOne || titled ? 1 : 0;
  for (const node of root.children) {
    if (!isElement(node)) continue;
    if (/^h[1-6]$/u.test(node.tagName)) {
      if (isDocumentTitle(node)) node.properties = {};
      else node.tagName = `h${Math.min(6, Number(node.tagName[1]) + shift)}`;
      unwrapBold(node);
      continue;
    }
    if (node.tagName !== 'p') continue;
    const depth = paragraphDepth(lineOf(node));
    if (depth > 0) {
      node.tagName = `h${depth}`;
      unwrapBold(node);
    }
  }
}

/** A heading is bold already: `## **一、…**` would only hide the text from a reader. */
function unwrapBold(element: Element): void {
  element.children = element.children.flatMap((child) => (isElement(child, 'strong') || isElement(child, 'b') ? child.children : [child]));
}

/** "12. text": Markdown's ordered list item syntax (a paragraph starting so would be escaped). */
const LIST_LABEL = /^(\d{1,9})\.[ \t]+/u;

/**
 * Paragraphs that start "1. " (Word's automatic numbering, written out, or typed) become
 * ordered list items, consecutive numbers one list, as a drafter writes them in Markdown.
 */
export function numberedParagraphsToLists(root: Root): void {
  const out: RootContent[] = [];
  let list: Element | null = null;
  let next = 0;
  for (const node of root.children) {
    const match = isElement(node, 'p') ? LIST_LABEL.exec(stripMarkers(textOf(node)).replace(/^\s+/u, '')) : null;
    if (!match || !isElement(node)) {
      if (!(node.type === 'text' && node.value.trim() === '')) list = null;
      out.push(node);
      continue;
    }
    const number = Number(match[1]);
    removeLeadingText(node, match[0].length);
    const item: Element = { type: 'element', tagName: 'li', properties: {}, children: node.children };
    if (list && number === next) list.children.push(item);
    else {
      list = { type: 'element', tagName: 'ol', properties: number === 1 ? {} : { start: number }, children: [item] };
      out.push(list);
    }
    next = number + 1;
  }
  root.children = out;
}

/** Remove the first `length` characters of visible text (markers are not counted). */
function removeLeadingText(element: Element, length: number): void {
  let left = length;
  const visit = (node: ElementContent): void => {
    if (left <= 0) return;
    if (node.type === 'text') {
      let cut = 0;
      // Skip whitespace before the label as the pattern did, and count only real characters.
      while (cut < node.value.length && left > 0) {
        const code = node.value.charCodeAt(cut);
        if (!(code >= 0xfdd0 && code <= 0xfdef)) left--;
        cut++;
      }
      node.value = node.value.slice(cut);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  const leading = textOf(element).length - textOf(element).replace(/^\s+/u, '').length;
  left += leading;
  for (const child of element.children) visit(child);
}

/** Images carry nothing a linter reads; mammoth is told not to read them (see convert.ts). */
export function dropImages(root: Root | Element): void {
  root.children = root.children.filter((child) => !isElement(child, 'img'));
  for (const child of root.children) if (isElement(child)) dropImages(child);
}

/**
 * Tables as a grid without merged cells: a cell merged down (rowspan) is repeated in each
 * row, so every task row keeps its owner; a cell merged across (colspan) stays in its first
 * column and the others are empty. A cell's paragraphs are joined by <br>.
 */
export function flattenTables(root: Root | Element): void {
  for (const child of root.children) {
    if (!isElement(child)) continue;
    const element = child;
    if (element.tagName === 'table') flattenTable(element);
    else flattenTables(element);
  }
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) rows.push(...rowsOf(child));
  }
  return rows;
}

function flattenTable(table: Element): void {
  const rows = rowsOf(table);
  const grid: Array<Array<Element | undefined>> = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    let column = 0;
    for (const cell of row.children) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (grid[rowIndex][column]) column++;
      const rowSpan = Math.max(1, Math.min(Number(cell.properties.rowSpan ?? 1) || 1, rows.length - rowIndex));
      const colSpan = Math.max(1, Math.min(Number(cell.properties.colSpan ?? 1) || 1, 1000));
      delete cell.properties.rowSpan;
      delete cell.properties.colSpan;
      joinCellParagraphs(cell);
      for (let down = 0; down < rowSpan; down++) {
        for (let across = 0; across < colSpan; across++) {
          const copy = down === 0 && across === 0 ? cell : across === 0 ? repeated(cell) : emptyLike(cell);
          grid[rowIndex + down][column + across] = copy;
        }
      }
      column += colSpan;
    }
  });
  // Word has no header cells unless rows repeat on each page (thead): the first row heads.
  if (grid[0]) for (const first of grid[0]) if (first) first.tagName = 'th';
  const width = Math.max(0, ...grid.map((cells) => cells.length));
  rows.forEach((row, rowIndex) => {
    const cells: Element[] = [];
    for (let column = 0; column < width; column++) cells.push(grid[rowIndex][column] ?? emptyLike(undefined));
    row.children = cells;
  });
}

/** A copy of a merged cell for a row below it: the text repeats, the ¶ markers do not. */
function repeated(cell: Element): Element {
  const copy = structuredClone(cell);
  const strip = (node: ElementContent) => {
    if (node.type === 'text') node.value = stripMarkers(node.value);
    else if ('children' in node) node.children.forEach(strip);
  };
  copy.children.forEach(strip);
  return copy;
}

function emptyLike(cell: Element | undefined): Element {
  return { type: 'element', tagName: cell?.tagName ?? 'td', properties: {}, children: [] };
}

/** <td><p>a</p><p>b</p></td> becomes <td>a<br>b</td>; lists in a cell become lines too. */
function joinCellParagraphs(cell: Element): void {
  const lines: ElementContent[][] = [];
  const collect = (nodes: ElementContent[]) => {
    let inline: ElementContent[] = [];
    for (const node of nodes) {
      if (node.type === 'element' && ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(node.tagName)) {
        if (inline.length > 0) lines.push(inline);
        inline = [];
        lines.push(node.children);
      } else if (node.type === 'element' && ['ol', 'ul', 'div', 'table'].includes(node.tagName)) {
        if (inline.length > 0) lines.push(inline);
        inline = [];
        collect(node.tagName === 'table' ? [{ type: 'text', value: textOf(node) }] : node.children);
      } else inline.push(node);
    }
    if (inline.length > 0) lines.push(inline);
  };
  collect(cell.children);
  const children: ElementContent[] = [];
  lines
    .filter((line) => line.some((node) => textOf(node).trim().length > 0))
    .forEach((line, index) => {
      if (index > 0) children.push({ type: 'element', tagName: 'br', properties: {}, children: [] });
      children.push(...line);
    });
  cell.children = children;
}
