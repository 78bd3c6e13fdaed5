/**
 * Long tables, parsed in slices. micromark holds every event of a block until the block ends:
 * a GFM table of 100,000 rows (5 MB) took 3 GB of memory and minutes. A task table is rows of
 * independent lines, so a long one is parsed a few thousand rows at a time (each slice behind
 * a copy of the header and delimiter rows) and the rows are joined into one table node.
 *
 * Only what is certainly a top-level table is sliced: header and delimiter rows starting with
 * `|` in column 0 after a blank line (or at the start), outside code fences, HTML blocks and
 * front matter, with a run of `|` rows ended by a blank line or the end of the text. Every
 * slice is checked (one table, one row per line); anything unexpected falls back to parsing
 * the text whole. Node offsets are exact; line and column are not kept for moved nodes (the
 * model reads offsets only).
 */
import type { Root, RootContent, Table } from 'mdast';
import type { Position } from 'unist';

export const TABLE_SLICE_ROWS = 2_000;

interface LongTable {
  /** Offsets in the text: the header line, the first body row, each body row, the end of the run. */
  headerStart: number;
  bodyStart: number;
  rowStarts: number[];
  runEnd: number;
}

interface Line {
  start: number;
  end: number;
  /** Start of the next line. */
  next: number;
}

function* linesOf(text: string): Generator<Line> {
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const next = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end < text.length ? end + 1 : end;
    yield { start, end, next };
    start = next;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const HTML_OPEN = /^ {0,3}<(!--|script\b|pre\b|style\b|textarea\b|\?|!\[CDATA\[|[A-Za-z])/iu;
const DELIMITER_ROW = /^\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;

/** The first table with more than 2 × `sliceRows` rows that can be sliced safely, or null. */
function findLongTable(text: string, sliceRows: number, first: boolean): LongTable | null {
  // Cheap test first: most drafts have far fewer `|` lines than a slice.
  let pipes = 0;
  for (let i = text.indexOf('\n|'); i >= 0 && pipes <= sliceRows * 2; i = text.indexOf('\n|', i + 2)) pipes++;
  if (pipes <= sliceRows * 2 && !text.includes('\r|')) return null;

  const lines = [...linesOf(text)];
  let fence: string | null = null;
  let html = false;
  let frontmatter = first && /^\uFEFF?---[ \t]*$/u.test(text.slice(0, lines[0]?.end ?? 0));
  let previousBlank = true;
  for (let index = 0; index < lines.length; index++) {
    const line = text.slice(lines[index].start, lines[index].end);
    const blank = line.trim().length === 0;
    if (index === 0 && frontmatter) {
      previousBlank = false;
      continue;
    }
    if (frontmatter) {
      if (/^---[ \t]*$/u.test(line)) frontmatter = false;
      previousBlank = false;
      continue;
    }
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
      previousBlank = false;
      continue;
    }
    if (html) {
      // Conservative: an HTML block ends at a blank line here (some kinds run further, so
      // a table right after one is simply not sliced).
      if (blank) html = false;
      previousBlank = blank;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1];
      previousBlank = false;
      continue;
    }
    if (HTML_OPEN.test(line)) {
      html = true;
      previousBlank = false;
      continue;
    }
    if (previousBlank && line.startsWith('|') && index + 1 < lines.length) {
      const delimiter = text.slice(lines[index + 1].start, lines[index + 1].end);
      if (DELIMITER_ROW.test(delimiter)) {
        const rowStarts: number[] = [];
        let row = index + 2;
        while (row < lines.length && text.charCodeAt(lines[row].start) === 0x7c /* | */) rowStarts.push(lines[row++].start);
        const endsCleanly = row >= lines.length || text.slice(lines[row].start, lines[row].end).trim().length === 0;
        if (rowStarts.length > sliceRows * 2 && endsCleanly) {
          return { headerStart: lines[index].start, bodyStart: lines[index + 2].start, rowStarts, runEnd: row < lines.length ? lines[row].start : text.length };
        }
        index = Math.max(index, row - 1);
        previousBlank = false;
        continue;
      }
    }
    previousBlank = blank;
  }
  return null;
}

type Node = { position?: Position; children?: Node[] };

function shift(nodes: Node[], delta: number): void {
  const stack = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.position) {
      if (node.position.start.offset !== undefined) node.position.start.offset += delta;
      if (node.position.end.offset !== undefined) node.position.end.offset += delta;
    }
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
  }
}

/**
 * Parse `text` with `parse` (which may read front matter when `first`), slicing long tables.
 * Returns the root's children with offsets into `text`, or null when a slice did not parse as
 * expected (the caller then parses the text whole).
 */
export function parseSliced(text: string, parse: (text: string, first: boolean) => Root, sliceRows = TABLE_SLICE_ROWS, first = true): RootContent[] | null {
  const table = findLongTable(text, sliceRows, first);
  if (!table) return parse(text, first).children;

  // The text up to the end of the first slice of rows: the table is its last block.
  const headEnd = table.rowStarts[sliceRows];
  const head = parse(text.slice(0, headEnd), first).children;
  const node = head[head.length - 1];
  if (!node || node.type !== 'table' || node.position?.start.offset !== table.headerStart || node.children.length !== sliceRows + 1) return null;
  const joined: Table = node;

  const prefix = text.slice(table.headerStart, table.bodyStart);
  for (let from = sliceRows; from < table.rowStarts.length; from += sliceRows) {
    const to = Math.min(from + sliceRows, table.rowStarts.length);
    const start = table.rowStarts[from];
    const end = to < table.rowStarts.length ? table.rowStarts[to] : table.runEnd;
    const children = parse(prefix + text.slice(start, end), false).children;
    const slice = children[0];
    if (children.length !== 1 || slice.type !== 'table' || slice.children.length !== to - from + 1) return null;
    const rows = slice.children.slice(1);
    shift(rows, start - prefix.length);
    for (const row of rows) joined.children.push(row);
  }
  const last = joined.children[joined.children.length - 1];
  if (joined.position && last.position) joined.position.end = { ...last.position.end };

  // The rest starts after a blank line at the top level: it parses on its own.
  const rest = table.runEnd < text.length ? parseSliced(text.slice(table.runEnd), parse, sliceRows, false) : [];
  if (rest === null) return null;
  shift(rest, table.runEnd);
  return [...head, ...rest];
}
