/**
 * Markdown -> policy model (nets -> measures -> fields), with exact UTF-16 spans.
 * One remark parse, one pass over the top-level blocks; measures are list items,
 * numbered paragraphs (204.推进…, 1、…, （一）…, 一是…), table rows and sub-headings.
 */
import type { Content, Heading, List, ListItem, Paragraph, Root, Table } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { PolicySchema } from '../schema';
import type { DocumentMeta, Field, FieldKind, InsertionPoint, Measure, NetLikeHeading, NetSection, Span } from '../types';
import { parseMarkdown } from './markdown';
import { extractFields, extractVerbOwner, startsWithLabel } from './fields';
import { matchNet, matchNetLike } from './nets';
import { finalizeMeasure } from './measure';
import { kindOfLabel } from '../labels';
import { simplify } from '../script';

export interface ModelOptions {
  schema: PolicySchema;
  /** Default document date (config); the frontmatter `date` wins. */
  documentDate?: string | null;
}

/** What a section needs to know about the text before it: the net (or misspelled net) it sits in. */
export interface SectionContext {
  netId: string | null;
  netDepth: number;
  unknownNetDepth: number | null;
}

export const START_CONTEXT: SectionContext = { netId: null, netDepth: 0, unknownNetDepth: null };

export function contextKey(context: SectionContext): string {
  return `${context.netId ?? ''}|${context.netDepth}|${context.unknownNetDepth ?? ''}`;
}

/**
 * The model of one section of a draft (text from one top-level heading to the next), with
 * spans relative to the section. Fragments are built independently and cached by the
 * incremental linter; `assembleModel` joins them.
 */
export interface Fragment {
  length: number;
  /** Frontmatter data, when this section holds it (the first section). */
  meta: DocumentMeta | null;
  /** Nets whose headings are in this section. */
  nets: NetSection[];
  /** Measures belonging to the net that was open when the section started. */
  incomingMeasures: Measure[];
  /** Where the net open at the start of the section ends, if it ends here. */
  incomingClosedAt: number | null;
  /** Which net is still open at the end: the incoming one, the last one opened here, or none. */
  openAtEnd: 'incoming' | 'last' | null;
  orphans: Measure[];
  /** Every measure of the section in document order (for section-scope rules). */
  measures: Measure[];
  unknownNets: NetLikeHeading[];
  codeSpans: Span[];
  textSpans: Span[];
  comments: Array<{ span: Span; text: string }>;
  outContext: SectionContext;
}

/** Numbering that starts a measure in a paragraph Markdown does not treat as a list. */
const NUMBERING =
  /^[ \t]*(?:\d{1,4}[ \t]*[.、．](?![\d])|[（(][ \t]*(?:\d{1,3}|[一二三四五六七八九十百]+)[ \t]*[)）]|[一二三四五六七八九十百]+[ \t]*[、．.]|\d{1,3}[)）]|[①-⑳⑴-⒇])[ \t]*/u;
/** 一是…；二是… inside one paragraph. */
const ORDINAL_IS = /(?:^|(?<=[。；;]))[ \t]*[一二三四五六七八九十]+是/gu;

interface Draft {
  measure: Measure;
  /** Spans of the measure's own prose (for quantities, text deadlines, vague words). */
  prose: Span[];
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const lines: Line[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      lines.push({ text: text.slice(lineStart, i), start: lineStart });
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      lineStart = i + 1;
    }
  }
  return lines;
}

/** Start of the line holding `offset`: after the nearest \n or \r before it (CR-only files too). */
function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0;
}
function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0;
}

const COMMENT = /<!--[\s\S]*?-->/gu;

/**
 * Replace HTML comments by spaces, keeping line breaks, so every offset stays the same. Only
 * comments the parser found (html nodes): a stray `<!--` in a paragraph is text, and must
 * not blank the headings and measures up to a `-->` further down.
 */
export function maskComments(text: string, tree: Root): string {
  if (!text.includes('<!--')) return text;
  const spans: Span[] = [];
  const stack: Array<{ type: string; value?: unknown; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } }> = [tree];
  while (stack.length > 0) {
    const node = stack.pop() as (typeof stack)[number];
    if (node.type === 'html' && typeof node.value === 'string' && node.value.includes('<!--')) spans.push({ start: startOf(node), end: endOf(node) });
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child as (typeof stack)[number]);
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start);
  let output = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.start < cursor) continue;
    output += text.slice(cursor, span.start) + text.slice(span.start, span.end).replace(COMMENT, (comment) => comment.replace(/[^\r\n]/g, ' ')); // per UTF-16 unit (no u flag): 😀 is two spaces
    cursor = span.end;
  }
  return output + text.slice(cursor);
}

/** Trim whitespace (and a trailing pipe for table cells) from a span. */
function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}


const TABLE_TEXT_HEADER = /任务|措施|事项|工作内容|举措|項目|项目|measure|task|action|initiative/iu;
const TABLE_NET_HEADER = /^(?:所属)?(?:网|网络|五张网)$|^net$/iu;

type ColumnKind = FieldKind | 'text' | 'net' | null;

function columnKind(header: string): ColumnKind {
  const simplified = simplify(header.trim()).replace(/[*_\s]/gu, '');
  if (simplified.length === 0) return null;
  const kind = kindOfLabel(simplified) ?? kindOfLabel(header.trim());
  if (kind) return kind;
  if (TABLE_NET_HEADER.test(simplified)) return 'net';
  if (/牵头|责任|负责|owner|lead|responsible/iu.test(simplified)) return 'owner';
  if (/配合|协同|参与|support|partner/iu.test(simplified)) return 'coOwners';
  if (/时限|时间|期限|deadline|due/iu.test(simplified)) return 'deadline';
  if (/指标|目标|metric|kpi|target/iu.test(simplified)) return 'metric';
  if (/序号|编号|^no\.?$|^#$/iu.test(simplified)) return null;
  if (TABLE_TEXT_HEADER.test(simplified)) return 'text';
  return null;
}

class ModelBuilder {
  private readonly nets: NetSection[] = [];
  private readonly orphans: Measure[] = [];
  private readonly unknownNets: NetLikeHeading[] = [];
  private readonly codeSpans: Span[] = [];
  private readonly textSpans: Span[] = [];
  private readonly comments: Array<{ span: Span; text: string }> = [];
  private readonly drafts: Draft[] = [];
  private meta: DocumentMeta | null = null;
  private readonly incomingMeasures: Measure[] = [];
  private readonly allMeasures: Measure[] = [];
  private incomingClosedAt: number | null = null;

  /** The open net: a section opened here, or (section null) the one open when this section started. */
  private net: { netId: string; depth: number; section: NetSection | null } | null;
  private unknownNetDepth: number | null;
  private headingMeasure: { depth: number; draft: Draft } | null = null;
  /** The measure that following field lines attach to. */
  private lastDraft: Draft | null = null;

  constructor(
    private text: string,
    private readonly options: ModelOptions,
    context: SectionContext,
    private readonly readFrontmatter: boolean,
  ) {
    this.net = context.netId === null ? null : { netId: context.netId, depth: context.netDepth, section: null };
    this.unknownNetDepth = context.unknownNetDepth;
  }

  build(): Fragment {
    const tree = parseMarkdown(this.text);
    // HTML comments (fivenets-disable directives) are not part of headings, measures or field
    // values: after parsing, the model reads a copy with comments blanked out (same offsets).
    this.text = maskComments(this.text, tree);
    this.walk(tree);
    // The frontmatter date (first section) wins over the configured one.
    const documentDate = this.meta?.date ?? this.options.documentDate ?? null;
    for (const draft of this.drafts) finalizeMeasure(draft.measure, draft.prose, this.text, documentDate);
    const open = this.net;
    return {
      length: this.text.length,
      meta: this.meta,
      nets: this.nets,
      incomingMeasures: this.incomingMeasures,
      incomingClosedAt: this.incomingClosedAt,
      openAtEnd: open === null ? null : open.section === null ? 'incoming' : 'last',
      orphans: this.orphans,
      measures: this.allMeasures,
      unknownNets: this.unknownNets,
      codeSpans: this.codeSpans,
      textSpans: this.textSpans,
      comments: this.comments,
      outContext: { netId: open?.netId ?? null, netDepth: open?.depth ?? 0, unknownNetDepth: this.unknownNetDepth },
    };
  }

  private walk(tree: Root): void {
    const blocks = tree.children;
    for (let index = 0; index < blocks.length; index++) {
      const node = blocks[index];
      switch (node.type) {
        case 'yaml':
          if (this.readFrontmatter) this.frontmatter(node.value, { start: startOf(node), end: endOf(node) });
          break;
        case 'heading':
          this.onHeading(node, blocks, index);
          break;
        case 'paragraph':
          this.textSpans.push({ start: startOf(node), end: endOf(node) });
          this.collectCode(node);
          this.onParagraph(node);
          break;
        case 'list':
          this.onList(node, false);
          break;
        case 'table':
          this.onTable(node);
          break;
        case 'code':
          this.codeSpans.push({ start: startOf(node), end: endOf(node) });
          break;
        case 'html':
          this.collectCode(node);
          break;
        case 'blockquote':
          this.textSpans.push({ start: startOf(node), end: endOf(node) });
          this.lastDraft = null;
          break;
        default:
          this.lastDraft = null;
      }
    }
  }

  private collectCode(node: Content): void {
    if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'code') {
      const span = { start: startOf(node), end: endOf(node) };
      this.codeSpans.push(span);
      if (node.type === 'html' && node.value.startsWith('<!--')) this.comments.push({ span, text: node.value });
      return;
    }
    if ('children' in node) for (const child of node.children as Content[]) this.collectCode(child);
  }

  private frontmatter(value: string, span: Span): void {
    const meta: DocumentMeta = { title: null, date: null, schema: null, frontmatterSpan: span };
    this.meta = meta;
    let data: unknown;
    try {
      // logLevel 'error': a warning (an ambiguous alias) must not reach the process's stderr.
      data = parseYaml(value, { logLevel: 'error' });
    } catch {
      return; // A broken frontmatter is reported by no rule here; the draft still lints.
    }
    if (!data || typeof data !== 'object') return;
    const record = data as Record<string, unknown>;
    const asText = (input: unknown): string | null =>
      typeof input === 'string' ? input : input instanceof Date ? input.toISOString().slice(0, 10) : typeof input === 'number' ? String(input) : null;
    meta.title = asText(record.title);
    const date = asText(record.date);
    meta.date = date && /^\d{4}-\d{2}-\d{2}/u.test(date) ? date.slice(0, 10) : null;
    meta.schema = asText(record.schema);
  }

  private closeNet(end: number): void {
    if (this.net?.section) this.net.section.span.end = end;
    else if (this.net) this.incomingClosedAt = end;
    this.net = null;
  }

  private headingContent(node: Heading): Span {
    // The heading's text without its # markers (ATX) or underline (setext).
    const start = startOf(node);
    const firstLine = linesOf(this.text, start, endOf(node))[0];
    const atx = /^[ \t]*#{1,6}[ \t]*/u.exec(firstLine.text);
    const contentStart = start + (atx ? atx[0].length : 0);
    let contentEnd = firstLine.start + firstLine.text.length;
    const closing = /[ \t]+#+[ \t]*$|[ \t]+$/u.exec(this.text.slice(contentStart, contentEnd));
    if (closing) contentEnd -= closing[0].length;
    return { start: contentStart, end: Math.max(contentStart, contentEnd) };
  }

  private onHeading(node: Heading, blocks: Content[], index: number): void {
    const depth = node.depth;
    const start = startOf(node);
    this.textSpans.push({ start, end: endOf(node) });
    this.collectCode(node);
    if (this.net && depth <= this.net.depth) this.closeNet(start);
    if (this.unknownNetDepth !== null && depth <= this.unknownNetDepth) this.unknownNetDepth = null;
    // Any heading ends a heading measure's body, so a section never continues a measure.
    this.headingMeasure = null;
    this.lastDraft = null;

    const content = this.headingContent(node);
    const headingText = this.text.slice(content.start, content.end);
    const net = matchNet(headingText, content.start, this.options.schema);
    if (net) {
      this.closeNet(start);
      this.unknownNetDepth = null;
      this.headingMeasure = null;
      const section: NetSection = {
        netId: net.netId,
        heading: headingText,
        headingSpan: { start, end: endOf(node) },
        nameSpan: net.nameSpan,
        depth,
        span: { start, end: this.text.length },
        measures: [],
      };
      this.net = { netId: net.netId, depth, section };
      this.nets.push(section);
      return;
    }
    if (!this.net || depth <= this.net.depth) {
      const netLike = matchNetLike(headingText, content.start, this.options.schema);
      if (netLike) {
        this.unknownNets.push({ heading: headingText, name: netLike.name, nameSpan: netLike.nameSpan, closest: netLike.closest, sectionDepth: depth });
        this.unknownNetDepth = depth;
        return;
      }
    }
    if (this.isMeasureHeading(blocks, index, headingText)) {
      const draft = this.newMeasure('heading', content, content, { start, end: endOf(node) });
      this.commit(draft);
      this.headingMeasure = { depth, draft };
      this.lastDraft = draft;
    }
  }

  /** A sub-heading is a measure when its body starts with field lines (or it has a field bracket). */
  private isMeasureHeading(blocks: Content[], index: number, headingText: string): boolean {
    if (extractFields(headingText, 0).fields.length > 0) return this.net !== null || this.unknownNetDepth !== null;
    if (this.net === null && this.unknownNetDepth === null) return false;
    const next = blocks[index + 1];
    if (!next) return false;
    if (next.type === 'paragraph') return startsWithLabel(this.text.slice(startOf(next), endOf(next)));
    if (next.type === 'list') {
      const first = next.children[0]?.children[0];
      return first?.type === 'paragraph' && startsWithLabel(this.text.slice(startOf(first), endOf(first)));
    }
    return false;
  }

  private inSection(): boolean {
    return this.net !== null || this.unknownNetDepth !== null;
  }

  /**
   * Create a measure. `textRegion` holds the measure text and any inline fields; `whole`
   * is the span the measure covers.
   */
  private newMeasure(shape: Measure['shape'], textRegion: Span, prose: Span, whole: Span): Draft {
    const regionText = this.text.slice(textRegion.start, textRegion.end);
    const extracted = extractFields(regionText, textRegion.start);
    let fields = extracted.fields;
    if (!fields.some((field) => field.kind === 'owner')) fields = [...fields, ...extractVerbOwner(regionText, textRegion.start)];
    const textSpan = trimSpan(this.text, { start: textRegion.start, end: textRegion.start + extracted.textEnd });
    const insertion: InsertionPoint = extracted.fieldBracket
      ? {
          mode: 'bracket',
          offset: extracted.fieldBracket.close,
          separator: extracted.fieldBracket.separator ?? (extracted.fieldBracket.openChar === '(' ? '; ' : '；'),
          colon: extracted.fieldBracket.colon,
        }
      : { mode: 'append', offset: trimSpan(this.text, textRegion).end, open: '（', close: '）' };
    const measure: Measure = {
      text: this.text.slice(textSpan.start, textSpan.end),
      span: { ...whole },
      textSpan,
      shape,
      netId: this.net?.netId ?? null,
      underUnknownNet: this.net === null && this.unknownNetDepth !== null,
      fields,
      owner: null,
      coOwners: [],
      metric: null,
      hasMetric: false,
      quantities: [],
      deadline: null,
      deadlineValue: null,
      deadlineProblem: null,
      prose: [],
      insertion,
    };
    const draft: Draft = { measure, prose: [{ start: prose.start, end: Math.min(prose.end, textRegion.start + extracted.textEnd) }] };
    return draft;
  }

  /** Keep a measure: in its net, or as an orphan when it carries fields. */
  private commit(draft: Draft): void {
    this.drafts.push(draft);
    this.allMeasures.push(draft.measure);
    if (this.net?.section) this.net.section.measures.push(draft.measure);
    else if (this.net) this.incomingMeasures.push(draft.measure);
    else this.orphans.push(draft.measure); // outside every net, or under a misspelled one
  }

  private wantsMeasure(draft: Draft): boolean {
    return this.inSection() || draft.measure.fields.some((field) => field.label !== null);
  }

  /** Attach field lines (责任单位：市民政局) to a measure. */
  private attachFieldLine(draft: Draft, line: Span, insertionAfter: number, prefix: string, mode: 'line' | 'sublist'): void {
    const lineText = this.text.slice(line.start, line.end);
    const extracted = extractFields(lineText, line.start);
    const fields = extracted.fields.map((field): Field => ({ ...field, source: 'line' }));
    for (const field of fields) draft.measure.fields.push(field);
    draft.measure.span.end = Math.max(draft.measure.span.end, line.end);
    if (draft.measure.insertion.mode !== 'bracket' && draft.measure.insertion.mode !== 'cell') {
      draft.measure.insertion = { mode, offset: insertionAfter, separator: prefix, colon: /：/u.test(lineText) ? '：' : ':' };
    }
  }

  private onParagraph(node: Paragraph): void {
    const lines = linesOf(this.text, startOf(node), endOf(node));
    let current: Draft | null = null;
    let currentEnd = 0;
    const flush = () => {
      if (!current) return;
      current.measure.span.end = Math.max(current.measure.span.end, currentEnd);
      if (this.wantsMeasure(current)) {
        this.commit(current);
        this.lastDraft = current;
      }
      current = null;
    };
    for (const line of lines) {
      const lineEnd = line.start + line.text.length;
      const target: Draft | null = current ?? this.headingMeasure?.draft ?? this.lastDraft;
      if (startsWithLabel(line.text) && target) {
        if (current) {
          const draft: Draft = current;
          draft.measure.span.end = lineEnd;
        }
        const indent = /^[ \t]*/u.exec(line.text)?.[0] ?? '';
        this.attachFieldLine(target, { start: line.start, end: lineEnd }, lineEnd, indent, 'line');
        continue;
      }
      const numbered = NUMBERING.exec(line.text);
      const ordinals = [...line.text.matchAll(ORDINAL_IS)];
      if (numbered || ordinals.length > 0) {
        flush();
        const segments = ordinals.length > 0 ? ordinals.map((match) => match.index ?? 0) : [0];
        for (let i = 0; i < segments.length; i++) {
          const segmentStart = line.start + segments[i];
          const segmentEnd = i + 1 < segments.length ? line.start + segments[i + 1] : lineEnd;
          const prefix = numbered && i === 0 ? numbered[0].length : (/^[ \t]*/u.exec(this.text.slice(segmentStart, segmentEnd))?.[0].length ?? 0);
          const region = { start: segmentStart + prefix, end: segmentEnd };
          flush();
          current = this.newMeasure('paragraph', region, region, { start: segmentStart, end: segmentEnd });
          currentEnd = segmentEnd;
        }
        continue;
      }
      if (current) {
        // A continuation line of a numbered measure: extend its text region.
        const draft: Draft = current;
        const region = { start: draft.measure.textSpan.start, end: lineEnd };
        const rebuilt = this.newMeasure('paragraph', region, region, { start: draft.measure.span.start, end: lineEnd });
        current = rebuilt;
        currentEnd = lineEnd;
        continue;
      }
      const candidate = this.newMeasure('paragraph', { start: line.start, end: lineEnd }, { start: line.start, end: lineEnd }, { start: line.start, end: lineEnd });
      if (candidate.measure.fields.length > 0) {
        current = candidate;
        currentEnd = lineEnd;
      } else {
        // Prose between measures (an introduction): field lines after it attach to nothing.
        this.lastDraft = null;
      }
    }
    flush();
  }

  private itemParagraph(item: ListItem): Paragraph | null {
    const first = item.children[0];
    return first && first.type === 'paragraph' ? first : null;
  }

  /** The line prefix (indent and list marker) of a list item, for inserting a sibling item. */
  private itemPrefix(item: ListItem, paragraph: Paragraph): string {
    const itemStart = startOf(item);
    const lineStart = lineStartOf(this.text, itemStart);
    const prefix = this.text.slice(lineStart, startOf(paragraph));
    // Ordered markers (1.) become the bullet of the same list style: keep "- " for field items.
    return prefix.replace(/\d+([.)])/u, (_all, mark: string) => `${'1'}${mark}`);
  }

  private onList(list: List, nested: boolean): void {
    for (const item of list.children) {
      const paragraph = this.itemParagraph(item);
      this.collectCode(item);
      if (!paragraph) {
        this.lastDraft = null;
        continue;
      }
      this.textSpans.push({ start: startOf(paragraph), end: endOf(paragraph) });
      const paragraphText = this.text.slice(startOf(paragraph), endOf(paragraph));
      const target = this.headingMeasure?.draft ?? this.lastDraft;
      if (startsWithLabel(paragraphText) && target) {
        for (const line of linesOf(this.text, startOf(paragraph), endOf(paragraph))) {
          const lineEnd = line.start + line.text.length;
          this.attachFieldLine(target, { start: line.start, end: lineEnd }, endOf(item), this.itemPrefix(item, paragraph), 'sublist');
        }
        continue;
      }
      const nestedLists = item.children.filter((child): child is List => child.type === 'list');
      // A grouping item (（一）加强应急体系) whose nested items are the measures.
      const ownFields = extractFields(paragraphText, startOf(paragraph)).fields.length > 0;
      const nestedAreMeasures =
        !ownFields &&
        nestedLists.some((sub) =>
          sub.children.some((subItem) => {
            const subParagraph = this.itemParagraph(subItem);
            if (!subParagraph) return false;
            const subText = this.text.slice(startOf(subParagraph), endOf(subParagraph));
            return !startsWithLabel(subText) && extractFields(subText, 0).fields.length > 0;
          }),
        );
      if (nestedAreMeasures) {
        this.lastDraft = null;
        for (const sub of nestedLists) this.onList(sub, true);
        continue;
      }
      // The measure's own text: paragraph lines up to the first field line.
      const lines = linesOf(this.text, startOf(paragraph), endOf(paragraph));
      let textEnd = endOf(paragraph);
      const fieldLines: Span[] = [];
      for (let i = 1; i < lines.length; i++) {
        if (startsWithLabel(lines[i].text)) {
          if (fieldLines.length === 0) textEnd = lines[i - 1].start + lines[i - 1].text.length;
          fieldLines.push({ start: lines[i].start, end: lines[i].start + lines[i].text.length });
        }
      }
      const region = { start: startOf(paragraph), end: textEnd };
      const draft = this.newMeasure('list', region, region, { start: startOf(item), end: endOf(item) });
      for (const line of fieldLines) this.attachFieldLine(draft, line, line.end, /^[ \t]*/u.exec(this.text.slice(lineStartOf(this.text, line.start), line.start))?.[0] ?? '', 'line');
      for (const sub of nestedLists) {
        for (const subItem of sub.children) {
          const subParagraph = this.itemParagraph(subItem);
          if (!subParagraph) continue;
          const subText = this.text.slice(startOf(subParagraph), endOf(subParagraph));
          this.textSpans.push({ start: startOf(subParagraph), end: endOf(subParagraph) });
          if (startsWithLabel(subText)) {
            for (const line of linesOf(this.text, startOf(subParagraph), endOf(subParagraph))) {
              this.attachFieldLine(draft, { start: line.start, end: line.start + line.text.length }, endOf(subItem), this.itemPrefix(subItem, subParagraph), 'sublist');
            }
          } else {
            draft.prose.push({ start: startOf(subParagraph), end: endOf(subParagraph) });
          }
        }
      }
      if (this.wantsMeasure(draft) || nested) {
        if (this.wantsMeasure(draft)) {
          this.commit(draft);
          this.lastDraft = draft;
        }
      }
    }
  }

  private cellContent(cellStart: number, cellEnd: number): Span {
    let start = cellStart;
    let end = cellEnd;
    if (this.text[start] === '|') start++;
    if (end > start && this.text[end - 1] === '|' && this.text[end - 2] !== '\\') end--;
    return { start, end };
  }

  private onTable(table: Table): void {
    this.lastDraft = null;
    const [header, ...rows] = table.children;
    if (!header) return;
    this.collectCode(table);
    const kinds: ColumnKind[] = header.children.map((cell) => {
      const content = trimSpan(this.text, this.cellContent(startOf(cell), endOf(cell)));
      return columnKind(this.text.slice(content.start, content.end));
    });
    const textColumn = kinds.indexOf('text');
    if (textColumn < 0) {
      for (const row of rows) for (const cell of row.children) this.textSpans.push({ start: startOf(cell), end: endOf(cell) });
      return;
    }
    const headerLabels = header.children.map((cell) => {
      const content = trimSpan(this.text, this.cellContent(startOf(cell), endOf(cell)));
      return { text: this.text.slice(content.start, content.end), span: content };
    });
    for (const row of rows) {
      const cells = row.children.map((cell) => this.cellContent(startOf(cell), endOf(cell)));
      for (const cell of row.children) this.textSpans.push({ start: startOf(cell), end: endOf(cell) });
      const textCell = cells[textColumn];
      if (!textCell) continue;
      const textContent = trimSpan(this.text, textCell);
      if (textContent.start === textContent.end) continue;
      const draft = this.newMeasure('table', textContent, textContent, { start: startOf(row), end: endOf(row) });
      const emptyCells: Partial<Record<FieldKind, Span>> = {};
      kinds.forEach((kind, column) => {
        if (kind === null || kind === 'text') return;
        const cell = cells[column];
        if (!cell) return;
        const content = trimSpan(this.text, cell);
        const value = this.text.slice(content.start, content.end);
        if (kind === 'net') {
          const net = matchNet(value, content.start, this.options.schema);
          if (net) draft.measure.netId = net.netId;
          return;
        }
        if (content.start === content.end) {
          // Insert after one space of padding when the cell has any.
          const at = cell.end > cell.start && this.text[cell.start] === ' ' ? cell.start + 1 : cell.start;
          emptyCells[kind] = { start: at, end: at };
          return;
        }
        if (draft.measure.fields.some((field) => field.kind === kind && field.source === 'inline')) return;
        draft.measure.fields.push({ kind, label: headerLabels[column].text, labelSpan: null, value, valueSpan: content, source: 'table' });
      });
      if (draft.measure.insertion.mode !== 'bracket') {
        draft.measure.insertion = { mode: 'cell', offset: textContent.end, cells: emptyCells, open: '（', close: '）' };
      }
      if (draft.measure.netId !== null && !this.net) {
        // A row naming its net in a column, outside net sections: kept with its net id.
        this.drafts.push(draft);
        this.allMeasures.push(draft.measure);
        this.orphans.push(draft.measure);
      } else this.commit(draft);
    }
  }
}

/** Build the model of one section. `first` says the section may hold the frontmatter. */
export function buildFragment(text: string, options: ModelOptions, context: SectionContext, first: boolean): Fragment {
  return new ModelBuilder(text, options, context, first).build();
}

export { NUMBERING };
