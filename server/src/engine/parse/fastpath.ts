/**
 * A fast path for the plainest sections: the tree remark-parse would build, without micromark,
 * for sections made only of line shapes whose CommonMark/GFM meaning is certain.
 *
 * Why: on the benchmark corpus micromark + mdast-util-from-markdown spend about 70 µs per
 * line (events, tokens, points and resolvers for every line; GFM table rows cost twice that),
 * which made `fivenets lint` slower than markdownlint-cli2. Disabling more micromark
 * constructs or from-markdown handlers gained under 10 %, and a truncated copy of every line
 * parsed no faster (the cost is per line, not per character). Most sections of real plans are
 * headings, numbered or bulleted one-level lists, plain paragraphs and simple pipe tables: for
 * those this scanner builds the same nodes with the same offsets in one pass.
 *
 * remark-parse stays the parser of record: the scanner declines (returns null) on anything it
 * is not certain about — indentation, block quotes, code, HTML, inline code, front matter,
 * setext underlines, thematic breaks, link definitions, lazy lines that might change a list or
 * a table, list items that might interrupt a paragraph — and the section is parsed by remark.
 * `test/engine/fastpath.test.ts` checks on random and real drafts that wherever the scanner
 * answers, its tree equals remark-parse's (types, offsets, lines, columns, heading depths,
 * list order and start, table alignment). Text nodes inside paragraphs, headings and cells are
 * not built: the policy model reads source slices, never text node values.
 */
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point, Position } from 'unist';

const enum Kind {
  Blank,
  Text,
  Heading,
  Item,
  TableRow,
  /** An indented list item (a sub-list under an item). */
  Nested,
  /** `<!--` at the start of a line: an HTML comment block. */
  Comment,
  Decline,
}

interface Line {
  start: number;
  /** End of the line's content (before its line ending). */
  end: number;
  /** 1-based line number. */
  number: number;
}

interface Classified {
  kind: Kind;
  /** Heading depth. */
  depth: number;
  /** List items: ordered or not, the marker character (`.`, `)`, `-`, `*`, `+`), the number, where the content starts. */
  ordered: boolean;
  marker: number;
  value: number;
  contentStart: number;
  /** Nested items: the spaces before the marker. */
  indent: number;
}

const SPACE = 32;
const TAB = 9;
const HASH = 35;
const PIPE = 124;

/** Characters that may open a block, a definition or a setext underline at the start of a line. */
function isBlockOpener(code: number): boolean {
  switch (code) {
    case 35: // #
    case 62: // >
    case 45: // -
    case 42: // *
    case 43: // +
    case 61: // =
    case 95: // _
    case 96: // `
    case 126: // ~
    case 60: // <
    case 124: // |
    case 91: // [
    case 0xfeff: // BOM
      return true;
    default:
      return false;
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** After a list marker: 1–4 spaces, then content whose first character cannot open a nested block. */
function itemContent(text: string, line: Line, afterMarker: number): number {
  let at = afterMarker;
  while (at < line.end && text.charCodeAt(at) === SPACE) at++;
  const spaces = at - afterMarker;
  if (spaces < 1 || spaces > 4 || at >= line.end) return -1;
  const first = text.charCodeAt(at);
  if (first === TAB || isBlockOpener(first) || startsOrderedMarker(text, at, line.end)) return -1;
  return at;
}

/** `1.` or `1)` (up to 9 digits) followed by a space, a tab or the end of the line. */
function startsOrderedMarker(text: string, at: number, end: number): boolean {
  let digits = 0;
  while (at + digits < end && isDigit(text.charCodeAt(at + digits))) digits++;
  if (digits === 0 || digits > 9) return false;
  const marker = text.charCodeAt(at + digits);
  if (marker !== 46 && marker !== 41) return false;
  const after = at + digits + 1;
  return after >= end || text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB;
}

function classify(text: string, line: Line, out: Classified): Kind {
  out.kind = Kind.Decline;
  const { start, end } = line;
  if (start === end) return (out.kind = Kind.Blank);
  const first = text.charCodeAt(start);
  if (first === SPACE || first === TAB) {
    let at = start;
    while (at < end && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at++;
    if (at === end) return (out.kind = Kind.Blank);
    // Spaces (no tabs) then a list marker: maybe a sub-list item; the caller checks the indent.
    for (let i = start; i < at; i++) if (text.charCodeAt(i) === TAB) return Kind.Decline;
    if (lineHas(text, line, 124) || lineHas(text, line, 60)) return Kind.Decline;
    if (!itemMarker(text, { start: at, end, number: line.number }, out)) return Kind.Decline;
    out.indent = at - start;
    return (out.kind = Kind.Nested);
  }
  if (first === 60 && text.startsWith('<!--', start)) return (out.kind = Kind.Comment);
  // Inline HTML is left to the parser.
  if (lineHas(text, line, 60)) return Kind.Decline;
  if (first === HASH) {
    let depth = 1;
    while (depth < 7 && start + depth < end && text.charCodeAt(start + depth) === HASH) depth++;
    if (depth > 6) return Kind.Decline;
    const after = start + depth;
    if (after < end && text.charCodeAt(after) !== SPACE && text.charCodeAt(after) !== TAB) return Kind.Decline;
    out.depth = depth;
    return (out.kind = Kind.Heading);
  }
  if (first === PIPE) return (out.kind = Kind.TableRow);
  // A `|` anywhere else might make this line a table's header row.
  if (lineHas(text, line, PIPE)) return Kind.Decline;
  if (first === 45 || first === 42 || first === 43 || (isDigit(first) && startsOrderedMarker(text, start, end))) {
    return itemMarker(text, line, out) ? (out.kind = Kind.Item) : Kind.Decline;
  }
  if (isBlockOpener(first)) return Kind.Decline;
  return (out.kind = Kind.Text);
}

function lineHas(text: string, line: Line, code: number): boolean {
  for (let i = line.start; i < line.end; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** A list marker at `line.start` with safe content after it: fills `out`, or false. */
function itemMarker(text: string, line: Line, out: Classified): boolean {
  const first = text.charCodeAt(line.start);
  if (first === 45 || first === 42 || first === 43) {
    const content = itemContent(text, line, line.start + 1);
    if (content < 0) return false;
    out.ordered = false;
    out.marker = first;
    out.value = 0;
    out.contentStart = content;
    return true;
  }
  if (!isDigit(first) || !startsOrderedMarker(text, line.start, line.end)) return false;
  let digits = 0;
  while (isDigit(text.charCodeAt(line.start + digits))) digits++;
  const content = itemContent(text, line, line.start + digits + 1);
  if (content < 0) return false;
  out.ordered = true;
  out.marker = text.charCodeAt(line.start + digits);
  // Only a marker written `1` may interrupt a paragraph (not `01`): keep 0 for any other.
  out.value = digits === 1 && text.charCodeAt(line.start) === 49 ? 1 : Number(text.slice(line.start, line.start + digits)) === 1 ? -1 : Number(text.slice(line.start, line.start + digits));
  out.contentStart = content;
  return true;
}

const DELIMITER_CELL = /^[ \t]*(:?)-+(:?)[ \t]*$/u;

/** The cells of a pipe-table row (the line starts with `|`): offsets of each cell's start and end. */
function rowCells(text: string, line: Line): Array<[number, number]> | null {
  const pipes: number[] = [];
  for (let i = line.start; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code === PIPE) pipes.push(i);
    else if (code === 92) return null; // an escaped pipe: leave it to the parser
  }
  const last = pipes[pipes.length - 1];
  let closing = true;
  for (let i = last + 1; i < line.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB) {
      closing = false;
      break;
    }
  }
  const opening = closing ? pipes.length - 1 : pipes.length;
  if (opening === 0) return null;
  const cells: Array<[number, number]> = [];
  for (let i = 0; i < opening; i++) cells.push([pipes[i], i + 1 < opening ? pipes[i + 1] : line.end]);
  return cells;
}

function delimiterAlign(text: string, line: Line, cells: Array<[number, number]>): Table['align'] | null {
  const align: Table['align'] = [];
  for (let i = 0; i < cells.length; i++) {
    const [start, end] = cells[i];
    // A cell runs from its opening pipe; the last one may end with the closing pipe.
    let inner = text.slice(start + 1, end);
    if (i === cells.length - 1) inner = inner.replace(/\|[ \t]*$/u, '');
    const match = DELIMITER_CELL.exec(inner);
    if (!match) return null;
    align.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }
  return align;
}

/**
 * The mdast tree of `text` when every line has a certain meaning, else null. Offsets, lines and
 * columns are those remark-parse gives (the root's end line and column excepted: nothing reads
 * them); paragraphs, headings and cells have no text children. `frontmatter`: the text starts
 * with a closed YAML front matter block (see markdown.ts).
 *
 * Two stages: this loop cuts the text into lines (classify() says what each line is), and
 * TreeBuilder adds each line to the tree, or declines.
 */
export function parseSimple(text: string, frontmatter = false): Root | null {
  if (text.length === 0 || text.includes('`') || text.includes('\0')) return null;
  const builder = new TreeBuilder(text, frontmatter);
  const line = builder.line;
  let offset = 0;
  // After the last line `offset` passes the end (a final line break leaves one empty line).
  while (offset <= text.length) {
    let end = offset;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 10 || code === 13) break;
      end++;
    }
    line.start = offset;
    line.end = end;
    line.number = builder.lineStarts.push(offset);
    offset = text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
    if (!builder.take()) return null;
  }
  return builder.finish();
}

/**
 * Builds the tree one line at a time (the line in `line`, reused). Each step returns false
 * where the line's meaning depends on more than this scanner knows: remark-parse decides.
 */
class TreeBuilder {
  readonly line: Line = { start: 0, end: 0, number: 0 };
  /** Where each line starts (index: line number - 1). */
  readonly lineStarts: number[] = [];
  private readonly children: RootContent[] = [];
  private readonly classified: Classified = { kind: Kind.Decline, depth: 0, ordered: false, marker: 0, value: 0, contentStart: 0, indent: 0 };
  // The block still open: a paragraph, a list (the last item's paragraph, or its sub-list's
  // last item's, grows with lazy lines) or a table.
  private paragraph: Paragraph | null = null;
  private list: List | null = null;
  private listMarker = 0;
  private item: ListItem | null = null;
  /** Columns before the open item's content: a sub-list item must be indented exactly so. */
  private itemIndent = 0;
  private subList: List | null = null;
  private subMarker = 0;
  private subItem: ListItem | null = null;
  private table: Table | null = null;
  private pendingHeader: { line: Line; cells: Array<[number, number]> } | null = null;
  /** The kind of the previous line (a comment block or front matter counts as a heading: a block boundary). */
  private previous: Kind = Kind.Blank;
  private blankInList = false;
  /** An HTML comment block still open, and the offset of its `-->`. */
  private comment: { node: RootContent & { value: string }; close: number } | null = null;
  /** Front matter still open. */
  private yaml: (RootContent & { value: string }) | null = null;
  /** Where the previous line's content ended (front matter's value ends there). */
  private previousEnd = 0;

  constructor(
    private readonly text: string,
    private readonly frontmatter: boolean,
  ) {}

  /** Add the line in `line` to the tree; false: the section is not simple. */
  take(): boolean {
    const previousEnd = this.previousEnd;
    this.previousEnd = this.line.end;
    if (this.yaml) return this.frontmatterLine(this.yaml, previousEnd);
    if (this.line.number === 1 && this.frontmatter) return this.openFrontmatter();
    if (this.comment) return this.commentLine(this.comment);
    const kind = classify(this.text, this.line, this.classified);
    if (kind === Kind.Decline) return false;
    if (kind !== Kind.Nested) this.classified.indent = 0;
    let taken: boolean;
    if (this.pendingHeader) taken = this.delimiterRow(this.pendingHeader, kind);
    else if (this.table) taken = this.tableBodyLine(this.table, kind);
    else if (kind === Kind.Comment)
      return this.openComment(); // sets `previous` itself
    else taken = this.blockLine(kind);
    this.previous = kind;
    return taken;
  }

  /** The tree, or null when a block is left open (a lone header row is a paragraph; the parser decides). */
  finish(): Root | null {
    if (this.pendingHeader || this.comment || this.yaml) return null;
    return { type: 'root', children: this.children, position: this.position(0, 1, this.text.length, this.lineStarts.length) };
  }

  private point(offset: number, lineNumber: number): Point {
    return { line: lineNumber, column: offset - this.lineStarts[lineNumber - 1] + 1, offset };
  }

  private position(start: number, startLine: number, end: number, endLine: number): Position {
    return { start: this.point(start, startLine), end: this.point(end, endLine) };
  }

  /** Lengthen a node to the end of this line. */
  private extend(node: { position?: Position }): void {
    (node.position as Position).end = this.point(this.line.end, this.line.number);
  }

  private lineNode(): Position {
    return this.position(this.line.start, this.line.number, this.line.end, this.line.number);
  }

  private openFrontmatter(): boolean {
    const { line, text } = this;
    if (text.slice(0, line.end) !== '---') return false;
    this.yaml = { type: 'yaml', value: '', position: this.position(0, 1, line.end, 1) };
    this.children.push(this.yaml);
    return true;
  }

  private frontmatterLine(yaml: RootContent & { value: string }, previousEnd: number): boolean {
    const { line, text } = this;
    if (text.slice(line.start, line.end) !== '---') return true;
    yaml.value = line.number > 2 ? text.slice(this.lineStarts[1], previousEnd) : '';
    this.extend(yaml);
    this.yaml = null;
    this.previous = Kind.Heading;
    return true;
  }

  /**
   * `<!--` at the start of a line opens an HTML block (it may interrupt a paragraph); it ends
   * on the line holding the first `-->` after the opener.
   */
  private openComment(): boolean {
    const { line, text } = this;
    const close = text.indexOf('-->', line.start + 2);
    if (close < 0 || close < line.start + 4) return false;
    this.closeAll();
    const node = { type: 'html' as const, value: text.slice(line.start, line.end), position: this.lineNode() };
    this.children.push(node);
    if (close >= line.end) this.comment = { node, close };
    this.previous = Kind.Heading;
    return true;
  }

  /** Inside an HTML comment block: every line is the comment's, up to the one with `-->`. */
  private commentLine(comment: { node: RootContent & { value: string }; close: number }): boolean {
    if (comment.close < this.line.end) {
      this.extend(comment.node);
      comment.node.value = this.text.slice(comment.node.position?.start.offset ?? 0, this.line.end);
      this.comment = null;
      this.previous = Kind.Heading;
    }
    return true;
  }

  /** The line after a header row must be its delimiter row, with as many cells. */
  private delimiterRow(header: { line: Line; cells: Array<[number, number]> }, kind: Kind): boolean {
    const { line, text } = this;
    this.pendingHeader = null;
    if (kind !== Kind.TableRow) return false;
    const cells = rowCells(text, line);
    if (!cells || cells.length !== header.cells.length) return false;
    const align = delimiterAlign(text, line, cells);
    if (!align) return false;
    this.table = {
      type: 'table',
      align,
      children: [this.tableRow(header.line, header.cells)],
      // Without body rows the table ends with its delimiter row.
      position: this.position(header.line.start, header.line.number, line.end, line.number),
    };
    this.children.push(this.table);
    return true;
  }

  private tableBodyLine(table: Table, kind: Kind): boolean {
    if (kind === Kind.Blank) {
      this.table = null;
      return true;
    }
    if (kind !== Kind.TableRow) return false; // a lazy row or an interruption: the parser decides
    const cells = rowCells(this.text, this.line);
    if (!cells) return false;
    table.children.push(this.tableRow(this.line, cells));
    this.extend(table);
    return true;
  }

  private blockLine(kind: Kind): boolean {
    switch (kind) {
      case Kind.Blank:
        this.paragraph = null;
        if (this.list) this.blankInList = true;
        return true;
      case Kind.Heading:
        this.closeAll();
        this.children.push({ type: 'heading', depth: this.classified.depth as Heading['depth'], children: [], position: this.lineNode() });
        return true;
      case Kind.TableRow:
        return this.headerRow();
      case Kind.Nested:
        return this.nestedItem();
      case Kind.Item:
        return this.listItem();
      default:
        this.textLine();
        return true;
    }
  }

  /** A header row opens a table only after a blank line, a heading or at the start. */
  private headerRow(): boolean {
    if (this.paragraph || (this.list && !this.blankInList) || (this.previous !== Kind.Blank && this.previous !== Kind.Heading)) return false;
    const cells = rowCells(this.text, this.line);
    if (!cells) return false;
    this.closeAll();
    this.pendingHeader = { line: { ...this.line }, cells };
    return true;
  }

  /** A sub-list item: right under an item's lines (no blank line), indented to its content. */
  private nestedItem(): boolean {
    const { list, item, classified } = this;
    if (!list || !item || this.blankInList || classified.indent !== this.itemIndent) return false;
    const marker = classified.ordered ? classified.marker + 1000 : classified.marker;
    if (this.subList) {
      if (marker !== this.subMarker) return false;
      this.subItem = this.newItem();
      this.subList.children.push(this.subItem);
    } else {
      // It interrupts the item's paragraph: an ordered sub-list must start at 1.
      if (classified.ordered && classified.value !== 1) return false;
      this.subItem = this.newItem();
      this.subList = this.newList(this.subItem);
      this.subMarker = marker;
      item.children.push(this.subList);
    }
    this.extendItem();
    return true;
  }

  private listItem(): boolean {
    const { list, classified } = this;
    const marker = classified.ordered ? classified.marker + 1000 : classified.marker;
    if (list && marker === this.listMarker) {
      // The next item of the same list (a blank line between items makes the list loose).
      if (this.blankInList) list.spread = true;
      this.item = this.newItem();
      this.subList = null;
      this.subItem = null;
      list.children.push(this.item);
      this.extend(list);
      this.blankInList = false;
    } else {
      // A new list. Without a blank line before, it interrupts a paragraph or an item's
      // lazy lines: only a bullet list or an ordered list starting at 1 may do that, and a
      // marker of another kind right after an item is left to the parser.
      if (list && !this.blankInList) return false;
      if (this.paragraph && classified.ordered && classified.value !== 1) return false;
      this.closeAll();
      this.item = this.newItem();
      this.list = this.newList(this.item);
      this.listMarker = marker;
      this.children.push(this.list);
    }
    this.itemIndent = classified.contentStart - this.line.start;
    return true;
  }

  /** Text: a lazy line of the open item, a paragraph's next line, or a new paragraph. */
  private textLine(): void {
    if (this.list && !this.blankInList) this.extendItem();
    else if (this.paragraph) this.extend(this.paragraph);
    else {
      this.closeAll();
      this.paragraph = { type: 'paragraph', children: [], position: this.lineNode() };
      this.children.push(this.paragraph);
    }
  }

  private closeAll(): void {
    this.paragraph = null;
    this.list = null;
    this.item = null;
    this.subList = null;
    this.subItem = null;
    this.table = null;
    this.blankInList = false;
  }

  private newItem(): ListItem {
    const { line, classified } = this;
    const itemParagraph: Paragraph = { type: 'paragraph', children: [], position: this.position(classified.contentStart, line.number, line.end, line.number) };
    return { type: 'listItem', spread: false, checked: null, children: [itemParagraph], position: this.position(line.start + classified.indent, line.number, line.end, line.number) };
  }

  private newList(first: ListItem): List {
    const { line, classified } = this;
    return {
      type: 'list',
      ordered: classified.ordered,
      start: classified.ordered ? (classified.value === -1 ? 1 : classified.value) : null,
      spread: false,
      children: [first],
      position: this.position(line.start + classified.indent, line.number, line.end, line.number),
    };
  }

  /** Lengthen the open item (and sub-list) to the end of this line. */
  private extendItem(): void {
    if (this.subList && this.subItem) {
      this.extend(this.subItem.children[0]);
      this.extend(this.subItem);
      this.extend(this.subList);
    } else if (this.item) this.extend(this.item.children[0]);
    if (this.item) this.extend(this.item);
    if (this.list) this.extend(this.list);
  }

  private tableRow(line: Line, cells: Array<[number, number]>): TableRow {
    return {
      type: 'tableRow',
      children: cells.map(([start, end]): TableCell => ({ type: 'tableCell', children: [], position: { start: this.point(start, line.number), end: this.point(end, line.number) } })),
      position: { start: this.point(line.start, line.number), end: this.point(line.end, line.number) },
    };
  }
}
