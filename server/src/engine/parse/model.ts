/**
 * Markdown -> policy model (nets -> measures -> fields), with exact UTF-16 spans.
 * One remark parse, one pass over the top-level blocks; measures are list items,
 * numbered paragraphs (204.推进…, 1、…, （一）…, 一是…), table rows and sub-headings.
 */
import type { Content, Heading, List, ListItem, Paragraph, Root, Table } from 'mdast';
import type { PolicySchema } from '../schema';
import type { DocumentMeta, Field, FieldKind, InsertionPoint, Measure, NetLikeHeading, NetSection, Span } from '../types';
import { parseMarkdown } from './markdown';
import { parseFrontmatter } from './frontmatter';
import { extractBracketOwner, extractFields, extractVerbOwner, mayHoldFields, startsWithLabel } from './fields';
import { actionLine, type ActionLine, DATE_LINE, isAddresseeLine, isTaskLabel, NUMBERING, numberingLevel, ORDINAL_IS, standaloneLabel } from './numbering';
import { findQuantities } from './quantity';
import { matchNet, matchNetLike } from './nets';
import { NONE, finalizeMeasure } from './measure';
import { kindOfLabel } from '../labels';
import { simplify } from '../script';
import { isCalendarDate } from '../calendar';

export interface ModelOptions {
  schema: PolicySchema;
  /** Default document date (config); the frontmatter `date` wins. */
  documentDate?: string | null;
  /** Known units (config `owners`): names in trailing parentheses on it are owners. */
  roster?: readonly string[];
}

/** What a section needs to know about the text before it: the net (or misspelled net) it sits in. */
export interface SectionContext {
  netId: string | null;
  netDepth: number;
  unknownNetDepth: number | null;
}

export const START_CONTEXT: SectionContext = { netId: null, netDepth: 0, unknownNetDepth: null };

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

/** The measure a paragraph's lines are building, where it ends so far, and its numbering level. */
interface ParagraphMeasure {
  building: MeasureInProgress | null;
  end: number;
  level: number | null;
}

/** A measure being built: its model object, the spans of its own prose, and the action line it opened with. */
interface MeasureInProgress {
  measure: Measure;
  /** Spans of the measure's own prose (for quantities, text deadlines, vague words). */
  prose: Span[];
  /** An English action line ("By <date>, <Dept> will …") the measure starts with. */
  action?: { line: Line; parts: ActionLine };
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

/** The title line of a plan after its cover letter: short, no sentence punctuation, ends like a plan's name. */
const PLAN_TITLE = /^[^。；;，,：:]{4,60}(?:方案|计划|計劃|要点|要點|清单|清單|分工|分解|任务表|任務表|实施意见|實施意見|措施|规划|規劃)(?:[(（][^)）]{1,20}[)）])?$/u;

const TABLE_NET_HEADER = /^(?:所属)?(?:网|网络|五张网)$|^net$/iu;
/** Columns of people (分管领导, 责任人, 县领导), not units: not an owner column. */
const PEOPLE_HEADER = /领导|负责人|责任人|联系人|同志|包保|^分管|leader|person|contact|official/iu;

type ColumnKind = FieldKind | 'text' | 'net' | null;

/**
 * What a task table's column holds, by meaning, not by one header word: task columns
 * (重点任务, 工作任务, 目标任务, 主要内容 …), owner columns (牵头单位, 牵头责任单位, 主要责任单位,
 * 责任单位), co-owner columns (配合单位, 协同配合单位, 协办单位), deadline columns (完成时限,
 * 时间节点, 完成时间). A column of people is none of them.
 */
function columnKind(header: string): ColumnKind {
  const simplified = simplify(header.trim()).replace(/[*_\s]/gu, '');
  if (simplified.length === 0) return null;
  if (PEOPLE_HEADER.test(simplified)) return null;
  if (/^(?:序号|编号|no\.?|#)$/iu.test(simplified)) return null;
  if (TABLE_NET_HEADER.test(simplified)) return 'net';
  if (/配合|协同|协办|参与|support|partner|collaborat/iu.test(simplified)) return 'coOwners';
  if (/牵头|责任单位|责任部门|主责|负责单位|负责部门|承办|owner|lead|responsible|agency|department/iu.test(simplified)) return 'owner';
  if (/时限|时间|期限|节点|deadline|due|timeline|timeframe|date/iu.test(simplified)) return 'deadline';
  if (isTaskLabel(header)) return 'text';
  const kind = kindOfLabel(simplified) ?? kindOfLabel(header.trim());
  if (kind) return kind;
  if (/指标|目标值|预期|metric|kpi|target|indicator/iu.test(simplified)) return 'metric';
  if (/項目|项目|内容|measure|task|action|initiative/iu.test(simplified)) return 'text';
  return null;
}

/** A title, not a measure: short (30 characters at most), one clause, and no stated quantity. */
function isTitleLike(body: string): boolean {
  return body.length <= 30 && !/[。；;，,]/u.test(body.replace(/[。.]$/u, '')) && findQuantities(simplify(body), 0, []).length === 0;
}

class ModelBuilder {
  private readonly nets: NetSection[] = [];
  private readonly orphans: Measure[] = [];
  private readonly unknownNets: NetLikeHeading[] = [];
  private readonly codeSpans: Span[] = [];
  private readonly textSpans: Span[] = [];
  private readonly comments: Array<{ span: Span; text: string }> = [];
  private readonly inProgress: MeasureInProgress[] = [];
  private meta: DocumentMeta | null = null;
  private readonly incomingMeasures: Measure[] = [];
  private readonly allMeasures: Measure[] = [];
  private incomingClosedAt: number | null = null;

  /** The open net: a section opened here, or (section null) the one open when this section started. */
  private net: { netId: string; depth: number; section: NetSection | null } | null;
  private unknownNetDepth: number | null;
  private headingMeasure: { depth: number; building: MeasureInProgress } | null = null;
  /** The measure that following field lines attach to. */
  private lastMeasure: MeasureInProgress | null = null;
  /** The schema has nets (five-nets); without (tasks), every heading's section holds measures. */
  private readonly hasNets: boolean;
  /** Inside a cover letter (from its addressee line to the signature's date or a heading). */
  private coverLetter = false;
  /** The colon of field lines written as paragraphs of their own after an item, if any were. */
  private fieldParagraphColon: string | null = null;
  /** Measures since the last heading: a cover letter only opens before the first. */
  private measuresSinceHeading = 0;
  /** A label standing alone on its line (责任单位 ⏎ 市民政局): the next paragraph is its value. */
  private pendingLabel: { kind: FieldKind | 'text'; label: string; labelSpan: Span; building: MeasureInProgress | null; taken: number } | null = null;
  /**
   * Measures in a row at one level (numbered paragraphs) or in one list: an owner given
   * once after them, in brackets or at the end of a bullet group, belongs to each.
   */
  private run: { members: MeasureInProgress[]; level: number | null; list: boolean } = { members: [], level: null, list: false };

  constructor(
    private text: string,
    private readonly options: ModelOptions,
    context: SectionContext,
    private readonly readFrontmatter: boolean,
  ) {
    this.net = context.netId === null ? null : { netId: context.netId, depth: context.netDepth, section: null };
    this.unknownNetDepth = context.unknownNetDepth;
    this.hasNets = options.schema.nets.length > 0;
  }

  build(): Fragment {
    const tree = parseMarkdown(this.text);
    // HTML comments (fivenets-disable directives) are not part of headings, measures or field
    // values: after parsing, the model reads a copy with comments blanked out (same offsets).
    this.text = maskComments(this.text, tree);
    this.walk(tree);
    this.followSiblingStyle();
    // The frontmatter date (first section) wins over the configured one.
    const documentDate = this.meta?.date ?? this.options.documentDate ?? null;
    for (const building of this.inProgress) finalizeMeasure(building.measure, building.prose, this.text, documentDate);
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
          this.onParagraph(node, blocks[index + 1]);
          break;
        case 'list':
          this.pendingLabel = null;
          this.onList(node);
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
          this.lastMeasure = null;
          this.pendingLabel = null;
          break;
        default:
          this.lastMeasure = null;
          this.pendingLabel = null;
      }
    }
  }

  private collectCode(node: Content): void {
    if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'code') {
      const span = { start: startOf(node), end: endOf(node) };
      this.codeSpans.push(span);
      // The comment's own span: comments are in a fragment's head, which moves before its body (sections.ts).
      if (node.type === 'html' && node.value.startsWith('<!--')) this.comments.push({ span: { ...span }, text: node.value });
      return;
    }
    if ('children' in node) for (const child of node.children as Content[]) this.collectCode(child);
  }

  private frontmatter(value: string, span: Span): void {
    const meta: DocumentMeta = { title: null, date: null, schema: null, frontmatterSpan: span };
    this.meta = meta;
    let data: unknown;
    try {
      data = parseFrontmatter(value);
    } catch {
      return; // A broken frontmatter is reported by no rule here; the draft still lints.
    }
    if (!data || typeof data !== 'object') return;
    const record = data as Record<string, unknown>;
    const asText = (input: unknown): string | null => (typeof input === 'string' ? input : input instanceof Date ? input.toISOString().slice(0, 10) : typeof input === 'number' ? String(input) : null);
    meta.title = asText(record.title);
    const date = asText(record.date);
    meta.date = date && /^\d{4}-\d{2}-\d{2}/u.test(date) ? date.slice(0, 10) : null;
    if (meta.date !== null && !isCalendarDate(meta.date)) {
      // 2020-13-45 would date every relative deadline and past-deadline check wrongly: no date, and say so.
      const line = /^date[ \t]*:[ \t]*["']?([^\r\n"'#]*?)["']?[ \t]*(?:#.*)?$/mu.exec(this.text.slice(span.start, span.end));
      const start = line ? span.start + line.index + line[0].indexOf(line[1]) : span.start;
      meta.badDate = { value: meta.date, span: { start, end: start + (line ? line[1].length : 3) } };
      meta.date = null;
    }
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
    this.lastMeasure = null;
    this.pendingLabel = null;
    this.coverLetter = false;
    this.measuresSinceHeading = 0;
    this.run = { members: [], level: null, list: false };

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
    if (this.hasNets && (!this.net || depth <= this.net.depth)) {
      const netLike = matchNetLike(headingText, content.start, this.options.schema);
      if (netLike) {
        this.unknownNets.push({ heading: headingText, name: netLike.name, nameSpan: netLike.nameSpan, closest: netLike.closest, sectionDepth: depth });
        this.unknownNetDepth = depth;
        return;
      }
    }
    if (this.isMeasureHeading(blocks, index, headingText)) {
      const building = this.newMeasure('heading', content, content, { start, end: endOf(node) });
      this.commit(building);
      this.headingMeasure = { depth, building };
      this.lastMeasure = building;
    }
  }

  /** A sub-heading is a measure when its body starts with field lines (or it has a field bracket). */
  private isMeasureHeading(blocks: Content[], index: number, headingText: string): boolean {
    if (extractFields(headingText, 0).fields.length > 0) return this.inSection();
    if (!this.inSection()) return false;
    const next = blocks[index + 1];
    if (!next) return false;
    if (next.type === 'paragraph') return startsWithLabel(this.text.slice(startOf(next), endOf(next)));
    if (next.type === 'list') {
      const first = next.children[0]?.children[0];
      return first?.type === 'paragraph' && startsWithLabel(this.text.slice(startOf(first), endOf(first)));
    }
    return false;
  }

  /** Does a numbered item here count as a measure without labelled fields? */
  private inSection(): boolean {
    if (this.coverLetter) return false;
    if (!this.hasNets) return true;
    return this.net !== null || this.unknownNetDepth !== null;
  }

  /**
   * Create a measure. `textRegion` holds the measure text and any inline fields; `whole`
   * is the span the measure covers (a new object each time: the measure keeps it as its span).
   */
  private newMeasure(shape: Measure['shape'], textRegion: Span, prose: Span, whole: Span): MeasureInProgress {
    const regionText = this.text.slice(textRegion.start, textRegion.end);
    const extracted = extractFields(regionText, textRegion.start);
    let fields = extracted.fields;
    let textEnd = extracted.textEnd;
    let fieldBracket = extracted.fieldBracket;
    if (!fields.some((field) => field.kind === 'owner')) {
      const bracketOwner = fieldBracket ? null : extractBracketOwner(regionText, textRegion.start, this.options.roster);
      if (bracketOwner) {
        // …（市卫健委、市民政局）: the units in trailing parentheses own the measure.
        fields = [...fields, bracketOwner.field];
        fieldBracket = bracketOwner.bracket;
        textEnd = Math.min(textEnd, bracketOwner.bracket.open - textRegion.start);
      } else fields = [...fields, ...extractVerbOwner(regionText, textRegion.start)];
    }
    const textSpan = trimSpan(this.text, { start: textRegion.start, end: textRegion.start + textEnd });
    const insertion: InsertionPoint = fieldBracket
      ? {
          mode: 'bracket',
          offset: fieldBracket.close,
          separator: fieldBracket.separator ?? (fieldBracket.openChar === '(' ? '; ' : '；'),
          colon: fieldBracket.colon,
        }
      : { mode: 'append', offset: trimSpan(this.text, textRegion).end, open: '（', close: '）' };
    const measure: Measure = {
      text: this.text.slice(textSpan.start, textSpan.end),
      span: whole,
      textSpan,
      shape,
      netId: this.net?.netId ?? null,
      underUnknownNet: this.net === null && this.unknownNetDepth !== null,
      fields,
      owner: null,
      coOwners: NONE,
      metric: null,
      hasMetric: false,
      quantities: NONE,
      deadline: null,
      deadlineValue: null,
      deadlineProblem: null,
      prose: NONE,
      insertion,
    };
    const building: MeasureInProgress = { measure, prose: [{ start: prose.start, end: Math.min(prose.end, textRegion.start + textEnd) }] };
    return building;
  }

  /** Keep a measure: in its net, or as an orphan when it carries fields. */
  private commit(building: MeasureInProgress): void {
    this.measuresSinceHeading++;
    this.inProgress.push(building);
    this.allMeasures.push(building.measure);
    if (this.net?.section) this.net.section.measures.push(building.measure);
    else if (this.net) this.incomingMeasures.push(building.measure);
    else this.orphans.push(building.measure); // outside every net, or under a misspelled one
  }

  private wantsMeasure(building: MeasureInProgress): boolean {
    return this.inSection() || building.measure.fields.some((field) => field.label !== null);
  }

  /**
   * Quick fixes follow the draft's own style: where items give their fields as paragraphs of
   * their own after the item (1.… ⏎⏎ 责任单位：…), an item with no field gets its missing ones
   * the same way, not as a bracket appended to its text.
   */
  private followSiblingStyle(): void {
    if (!this.fieldParagraphColon) return;
    for (const building of this.inProgress) {
      const measure = building.measure;
      if (measure.shape !== 'paragraph' || measure.insertion.mode !== 'append' || measure.fields.length > 0) continue;
      measure.insertion = { mode: 'line', offset: measure.span.end, separator: '', colon: this.fieldParagraphColon, blankLine: true };
    }
  }

  /** Attach field lines (责任单位：市民政局) to a measure. */
  private attachFieldLine(building: MeasureInProgress, line: Span, insertionAfter: number, prefix: string, mode: 'line' | 'sublist'): void {
    const lineText = this.text.slice(line.start, line.end);
    const extracted = extractFields(lineText, line.start);
    const fields = extracted.fields.map((field): Field => ({ ...field, source: 'line' }));
    this.shareWithGroup(building, fields, lineText);
    for (const field of fields) building.measure.fields.push(field);
    building.measure.span.end = Math.max(building.measure.span.end, line.end);
    if (building.measure.insertion.mode !== 'bracket' && building.measure.insertion.mode !== 'cell') {
      building.measure.insertion = { mode, offset: insertionAfter, separator: prefix, colon: /：/u.test(lineText) ? '：' : ':' };
    }
  }

  /**
   * Grouped owners: one （责任单位：…） line after sub-items (1)–(4), or an owner given once at
   * the end of a bullet group, belongs to each item of the group that names none — when no
   * item of the group names its own.
   */
  private shareWithGroup(target: MeasureInProgress, fields: Field[], lineText: string): void {
    const group = this.run.members;
    if (group.length < 2 || group[group.length - 1] !== target) return;
    const bracketed = /^[\s*_]*[（(〔【[]/u.test(lineText);
    if (!bracketed && !this.run.list) return;
    for (const field of fields) {
      if (field.kind !== 'owner' && field.kind !== 'coOwners') continue;
      if (group.some((member) => member.measure.fields.some((own) => own.kind === field.kind))) continue;
      for (const member of group) if (member !== target) member.measure.fields.push({ ...field });
    }
  }

  /** Remember a measure as the latest of its row (numbered paragraphs of one level). */
  private joinRun(building: MeasureInProgress, level: number | null): void {
    if (this.run.list || this.run.level !== level) this.run = { members: [], level, list: false };
    this.run.members.push(building);
  }

  /** What the next block is, for deciding whether a numbered line heads a group or titles a section. */
  private nextKind(next: Content | undefined): { kind: 'end' | 'heading' | 'list' | 'field' | 'label' | 'numbered' | 'action' | 'prose' | 'other'; level?: number; colonEnd?: boolean } {
    if (!next) return { kind: 'end' };
    if (next.type === 'heading') return { kind: 'heading' };
    if (next.type === 'list') return { kind: 'list' };
    if (next.type !== 'paragraph') return { kind: 'other' };
    const first = linesOf(this.text, startOf(next), endOf(next))[0]?.text ?? '';
    if (startsWithLabel(first)) return { kind: 'field' };
    if (standaloneLabel(first)) return { kind: 'label' };
    const numbered = NUMBERING.exec(first);
    if (numbered) return { kind: 'numbered', level: numberingLevel(numbered[0]) };
    if (actionLine(first)) return { kind: 'action' };
    return { kind: 'prose' };
  }

  /**
   * A numbered line that is not a measure: a group header whose deeper-numbered items follow
   * (（一）加强应急体系 ⏎ 1. …), one that ends with a colon before its items (2. 改善环境衛生及市容:),
   * or a short section title followed by its own body. Lines with fields or a stated target are
   * measures.
   */
  private isHeader(text: string, level: number, next: ReturnType<ModelBuilder['nextKind']>, hasFields: boolean): boolean {
    if (hasFields) return false;
    if (next.kind === 'numbered' && next.level !== undefined && next.level > level) return true;
    const body = text.trim();
    const colonEnd = /[:：]$/u.test(body);
    if (colonEnd && (next.kind === 'list' || next.kind === 'numbered')) return true;
    if (next.kind !== 'prose' && next.kind !== 'list') return false;
    return isTitleLike(body);
  }

  private onParagraph(node: Paragraph, nextBlock: Content | undefined): void {
    const lines = linesOf(this.text, startOf(node), endOf(node));
    if (this.coverLetterParagraph(lines)) return;
    if (this.takePendingLabel(node, lines)) return;
    const open: ParagraphMeasure = { building: null, end: 0, level: null };
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const line = lines[lineIndex];
      const lineEnd = line.start + line.text.length;
      const target: MeasureInProgress | null = open.building ?? this.headingMeasure?.building ?? this.lastMeasure;
      if (startsWithLabel(line.text) && target) {
        if (open.building) open.building.measure.span.end = lineEnd;
        const indent = /^[ \t]*/u.exec(line.text)?.[0] ?? '';
        if (!open.building && lineIndex === 0 && target.measure.shape === 'paragraph') this.fieldParagraphColon = /：/u.test(line.text) ? '：' : ':';
        this.attachFieldLine(target, { start: line.start, end: lineEnd }, lineEnd, indent, 'line');
        continue;
      }
      const alone = standaloneLabel(line.text);
      if (alone && lineIndex + 1 < lines.length) {
        // 责任单位 ⏎ 市民政局 inside one paragraph: the next line is the value.
        this.closeParagraphMeasure(open);
        const value = lines[lineIndex + 1];
        this.applyLabelValue(alone, line, { start: value.start, end: value.start + value.text.length });
        lineIndex++;
        continue;
      }
      if (this.openingLine(open, lines, lineIndex, nextBlock)) continue;
      if (open.building) {
        // A continuation line of a numbered measure: extend its text region.
        const building: MeasureInProgress = open.building;
        const region = { start: building.measure.textSpan.start, end: lineEnd };
        open.building = building.action
          ? this.actionMeasure(building.action.line, building.action.parts, lineEnd, building)
          : this.newMeasure('paragraph', region, region, { start: building.measure.span.start, end: lineEnd });
        open.end = lineEnd;
        continue;
      }
      this.unnumberedLine(open, line);
    }
    this.closeParagraphMeasure(open);
  }

  /** Keep the measure a paragraph's lines were building (or forget it: it is no measure). */
  private closeParagraphMeasure(open: ParagraphMeasure): void {
    const building = open.building;
    if (!building) return;
    building.measure.span.end = Math.max(building.measure.span.end, open.end);
    if (this.wantsMeasure(building)) {
      this.commit(building);
      this.lastMeasure = building;
      this.joinRun(building, open.level);
    } else this.lastMeasure = null; // a numbered line that is no measure: field lines after it attach to nothing
    open.building = null;
  }

  /**
   * A line that opens a measure: numbered (一、, 1., （三）), an English action line (By June
   * 2021, the Bureau will …), or one holding ordinals (一是…二是…), each of which opens one.
   * False when the line is none of these.
   */
  private openingLine(open: ParagraphMeasure, lines: Line[], lineIndex: number, nextBlock: Content | undefined): boolean {
    const line = lines[lineIndex];
    const lineEnd = line.start + line.text.length;
    const numbered = NUMBERING.exec(line.text);
    // (是 first: the pattern can only start at a line start or after 。；, so it is tried at every character.)
    const ordinals = numbered || !line.text.includes('是') ? [] : [...line.text.matchAll(ORDINAL_IS)];
    const action = numbered || ordinals.length > 0 ? null : this.inSection() || !this.hasNets ? actionLine(line.text) : null;
    if (!numbered && ordinals.length === 0 && !action) return false;
    this.closeParagraphMeasure(open);
    if (numbered) {
      this.numberedLine(open, lines, lineIndex, numbered[0], nextBlock);
    } else if (action) {
      open.building = this.actionMeasure(line, action);
      open.end = lineEnd;
      open.level = null;
    } else {
      for (let i = 0; i < ordinals.length; i++) {
        const segmentStart = line.start + (ordinals[i].index ?? 0);
        const segmentEnd = i + 1 < ordinals.length ? line.start + (ordinals[i + 1].index ?? 0) : lineEnd;
        const prefix = /^[ \t]*/u.exec(this.text.slice(segmentStart, segmentEnd))?.[0].length ?? 0;
        const region = { start: segmentStart + prefix, end: segmentEnd };
        this.closeParagraphMeasure(open);
        open.building = this.newMeasure('paragraph', region, region, { start: segmentStart, end: segmentEnd });
        open.end = segmentEnd;
        open.level = null;
      }
    }
    return true;
  }

  /** A numbered line: a measure, or the header of the numbered measures under it. */
  private numberedLine(open: ParagraphMeasure, lines: Line[], lineIndex: number, numbering: string, nextBlock: Content | undefined): void {
    const line = lines[lineIndex];
    const lineEnd = line.start + line.text.length;
    const level = numberingLevel(numbering);
    const region = { start: line.start + numbering.length, end: lineEnd };
    const lastLine = lineIndex === lines.length - 1;
    const nextLine = lines[lineIndex + 1];
    const nextInParagraph = nextLine ? NUMBERING.exec(nextLine.text) : null;
    const next = lastLine ? this.nextKind(nextBlock) : nextInParagraph ? { kind: 'numbered' as const, level: numberingLevel(nextInParagraph[0]) } : null;
    const building = this.newMeasure('paragraph', region, region, { start: line.start, end: lineEnd });
    const hasFields = building.measure.fields.length > 0;
    if (next && this.inSection() && this.isHeader(this.text.slice(region.start, region.end), level, next, hasFields)) {
      this.lastMeasure = null;
      this.run = { members: [], level: null, list: false };
      return;
    }
    open.building = building;
    open.end = lineEnd;
    open.level = level;
  }

  /** A line neither numbered nor a field line: a measure when it carries field values, else prose. */
  private unnumberedLine(open: ParagraphMeasure, line: Line): void {
    const lineEnd = line.start + line.text.length;
    const candidate = mayHoldFields(line.text) ? this.newMeasure('paragraph', { start: line.start, end: lineEnd }, { start: line.start, end: lineEnd }, { start: line.start, end: lineEnd }) : null;
    // A field line with no measure before it (责任单位：… after a line that is no measure) starts none:
    // a measure with no text and every following owner would be worse than nothing.
    if (candidate && candidate.measure.fields.some((field) => field.value.length > 0) && !startsWithLabel(line.text)) {
      open.building = candidate;
      open.end = lineEnd;
      open.level = null;
    } else {
      // Prose between measures (an introduction): field lines after it attach to nothing.
      this.lastMeasure = null;
      this.run = { members: [], level: null, list: false };
    }
  }

  /**
   * A cover letter runs from its addressee line (各区人民政府，市人民政府各部门：) to the
   * signature's date (or the next heading): nothing in it is a measure. True when this
   * paragraph belongs to one.
   */
  private coverLetterParagraph(lines: Line[]): boolean {
    if (!this.coverLetter && this.measuresSinceHeading === 0 && this.net === null && lines.length > 0 && isAddresseeLine(lines[0].text)) this.coverLetter = true;
    if (!this.coverLetter) return false;
    // The letter ends at the plan's title line (…实施方案) with no date before it, and never
    // swallows an item that names its owner: that is the plan.
    const first = lines[0]?.text ?? '';
    if (PLAN_TITLE.test(first.trim()) || lines.some((line) => startsWithLabel(line.text) || extractFields(line.text, 0).fields.some((field) => field.kind === 'owner' && field.label !== null))) {
      this.coverLetter = false;
      return false;
    }
    if (lines.some((line) => DATE_LINE.test(line.text))) this.coverLetter = false;
    this.lastMeasure = null;
    this.pendingLabel = null;
    return true;
  }

  /**
   * Labels alone on their line, the value in the next paragraph (具体任务 ⏎ … ⏎ 责任单位 ⏎
   * 卫健局、文旅局), as in 任务登记表 pasted from Word; English "Key Performance Indicators"
   * followed by its indicators. True when this paragraph was a label or its value.
   */
  private takePendingLabel(node: Paragraph, lines: Line[]): boolean {
    const pending = this.pendingLabel;
    const first = lines[0]?.text ?? '';
    const alone = lines.length === 1 ? standaloneLabel(first) : null;
    if (alone) {
      const start = lines[0].start;
      this.pendingLabel = { kind: alone, label: first.trim(), labelSpan: { start, end: start + first.length }, building: this.headingMeasure?.building ?? this.lastMeasure, taken: 0 };
      return true;
    }
    if (!pending) return false;
    if (NUMBERING.test(first) || startsWithLabel(first) || actionLine(first)) {
      this.pendingLabel = null;
      return false;
    }
    const value = { start: startOf(node), end: endOf(node) };
    if (pending.kind === 'metric' && pending.taken > 0 && pending.building) {
      // More indicators under the same label: part of the measure's targets.
      pending.building.prose.push(value);
      pending.building.measure.span.end = Math.max(pending.building.measure.span.end, value.end);
      pending.taken++;
      return true;
    }
    this.applyLabelValue(pending.kind, { text: pending.label, start: pending.labelSpan.start }, value, pending.building);
    pending.taken++;
    if (pending.kind !== 'metric') this.pendingLabel = null;
    else pending.building = this.lastMeasure;
    return true;
  }

  /** A standalone label and its value: a new measure for a task label, a field of the measure before it otherwise. */
  private applyLabelValue(kind: FieldKind | 'text', label: Line, value: Span, target: MeasureInProgress | null = this.headingMeasure?.building ?? this.lastMeasure): void {
    const labelSpan = { start: label.start + (label.text.length - label.text.trimStart().length), end: label.start + label.text.trimEnd().length };
    const valueSpan = trimSpan(this.text, value);
    if (kind === 'text') {
      // The measure is its text; the label before it is a column title, not part of it.
      const building = this.newMeasure('paragraph', valueSpan, valueSpan, { ...valueSpan });
      this.commit(building);
      this.lastMeasure = building;
      this.run = { members: [], level: null, list: false };
      return;
    }
    if (!target || valueSpan.start === valueSpan.end) return;
    const labelText = this.text.slice(labelSpan.start, labelSpan.end).replace(/[:：*_\s]+$/u, '');
    target.measure.fields.push({
      kind,
      label: labelText,
      labelSpan: { start: labelSpan.start, end: labelSpan.start + labelText.length },
      value: this.text.slice(valueSpan.start, valueSpan.end),
      valueSpan,
      source: 'line',
    });
    target.measure.span.end = Math.max(target.measure.span.end, valueSpan.end);
    this.lastMeasure = target;
  }

  /** "By June 2023, Health Services will develop a communications plan": the subject owns it, by June 2023. */
  private actionMeasure(line: Line, action: ActionLine, end = line.start + line.text.length, extend?: MeasureInProgress): MeasureInProgress {
    const start = extend ? extend.measure.span.start : line.start;
    const region = { start: extend ? extend.measure.textSpan.start : line.start, end };
    const building = this.newMeasure('paragraph', region, region, { start, end });
    const at = (span: { start: number; end: number }): Span => ({ start: line.start + span.start, end: line.start + span.end });
    const owner = at(action.owner);
    const deadline = at(action.deadline);
    if (!building.measure.fields.some((field) => field.kind === 'owner')) {
      building.measure.fields.push({ kind: 'owner', label: null, labelSpan: null, value: this.text.slice(owner.start, owner.end), valueSpan: owner, source: 'verb' });
    }
    if (!building.measure.fields.some((field) => field.kind === 'deadline')) {
      building.measure.fields.push({ kind: 'deadline', label: null, labelSpan: null, value: this.text.slice(deadline.start, deadline.end), valueSpan: deadline, source: 'verb' });
    }
    building.action = { line, parts: action };
    return building;
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

  private onList(list: List): void {
    const members: MeasureInProgress[] = [];
    for (const item of list.children) {
      const paragraph = this.itemParagraph(item);
      this.collectCode(item);
      if (!paragraph) {
        this.lastMeasure = null;
        continue;
      }
      this.textSpans.push({ start: startOf(paragraph), end: endOf(paragraph) });
      const paragraphText = this.text.slice(startOf(paragraph), endOf(paragraph));
      const target = this.headingMeasure?.building ?? this.lastMeasure;
      if (startsWithLabel(paragraphText) && target) {
        // A field item: it belongs to the measure before it (and, at the end of a bullet group, to each).
        if (members.length >= 2 && members[members.length - 1] === target) this.run = { members: [...members], level: null, list: true };
        for (const line of linesOf(this.text, startOf(paragraph), endOf(paragraph))) {
          const lineEnd = line.start + line.text.length;
          this.attachFieldLine(target, { start: line.start, end: lineEnd }, endOf(item), this.itemPrefix(item, paragraph), 'sublist');
        }
        continue;
      }
      const nestedLists = item.children.filter((child): child is List => child.type === 'list');
      if (this.nestedAreMeasures(paragraphText, startOf(paragraph), nestedLists)) {
        this.lastMeasure = null;
        for (const sub of nestedLists) this.onList(sub);
        continue;
      }
      this.itemMeasures(item, paragraph, nestedLists, members);
    }
    this.run = { members: members, level: null, list: true };
  }

  /** A grouping item (（一）加强应急体系) whose nested items are the measures. */
  private nestedAreMeasures(paragraphText: string, paragraphStart: number, nestedLists: List[]): boolean {
    if (nestedLists.length === 0) return false;
    if (extractFields(paragraphText, paragraphStart).fields.length > 0) return false;
    return nestedLists.some((sub) =>
      sub.children.some((subItem) => {
        const subParagraph = this.itemParagraph(subItem);
        if (!subParagraph) return false;
        const subText = this.text.slice(startOf(subParagraph), endOf(subParagraph));
        return !startsWithLabel(subText) && (extractFields(subText, 0).fields.length > 0 || (this.inSection() && this.isGroupTitle(paragraphText)));
      }),
    );
  }

  /**
   * The measure a list item holds (its text, field lines and nested items), and one measure
   * for each numbered line pasted into it; the measures kept join `members`.
   */
  private itemMeasures(item: ListItem, paragraph: Paragraph, nestedLists: List[], members: MeasureInProgress[]): void {
    const { textEnd, fieldLines, numberedLines } = this.itemLines(paragraph);
    const region = { start: startOf(paragraph), end: textEnd };
    const itemEnd = numberedLines.length > 0 ? textEnd : endOf(item);
    const building = this.newMeasure('list', region, region, { start: startOf(item), end: itemEnd });
    for (const line of fieldLines) this.attachFieldLine(building, line, line.end, /^[ \t]*/u.exec(this.text.slice(lineStartOf(this.text, line.start), line.start))?.[0] ?? '', 'line');
    for (const sub of nestedLists) for (const subItem of sub.children) this.nestedItem(building, subItem);
    if (this.wantsMeasure(building)) {
      this.commit(building);
      this.lastMeasure = building;
      members.push(building);
    } else this.lastMeasure = null;
    // Each pasted numbered line is a measure of its own, wherever Markdown put it.
    for (let i = 0; i < numberedLines.length; i++) {
      const line = numberedLines[i];
      const end = i + 1 < numberedLines.length ? numberedLines[i + 1].start - 1 : endOf(paragraph);
      const numbering = NUMBERING.exec(line.text)?.[0] ?? '';
      const lineRegion = trimSpan(this.text, { start: line.start + numbering.length, end });
      const pasted = this.newMeasure('paragraph', lineRegion, lineRegion, { start: line.start, end: lineRegion.end });
      if (this.wantsMeasure(pasted)) {
        this.commit(pasted);
        this.lastMeasure = pasted;
        members.push(pasted);
      }
    }
  }

  /**
   * An item paragraph's lines: the measure's own text runs up to the first field line, or to
   * a line that starts with a measure numbering (Word's pasted 　　6．… folded into this item).
   */
  private itemLines(paragraph: Paragraph): { textEnd: number; fieldLines: Span[]; numberedLines: Line[] } {
    const lines = linesOf(this.text, startOf(paragraph), endOf(paragraph));
    let textEnd = endOf(paragraph);
    const fieldLines: Span[] = [];
    const numberedLines: Line[] = [];
    for (let i = 1; i < lines.length; i++) {
      if (startsWithLabel(lines[i].text)) {
        if (fieldLines.length === 0 && numberedLines.length === 0) textEnd = lines[i - 1].start + lines[i - 1].text.length;
        fieldLines.push({ start: lines[i].start, end: lines[i].start + lines[i].text.length });
      } else if (fieldLines.length === 0 && NUMBERING.test(lines[i].text)) {
        if (numberedLines.length === 0) textEnd = lines[i - 1].start + lines[i - 1].text.length;
        numberedLines.push(lines[i]);
      }
    }
    return { textEnd, fieldLines, numberedLines };
  }

  /** A nested item under a measure's item: field lines of the measure, or more of its prose. */
  private nestedItem(building: MeasureInProgress, subItem: ListItem): void {
    const subParagraph = this.itemParagraph(subItem);
    if (!subParagraph) return;
    const subText = this.text.slice(startOf(subParagraph), endOf(subParagraph));
    this.textSpans.push({ start: startOf(subParagraph), end: endOf(subParagraph) });
    if (startsWithLabel(subText)) {
      for (const line of linesOf(this.text, startOf(subParagraph), endOf(subParagraph))) {
        this.attachFieldLine(building, { start: line.start, end: line.start + line.text.length }, endOf(subItem), this.itemPrefix(subItem, subParagraph), 'sublist');
      }
    } else {
      building.prose.push({ start: startOf(subParagraph), end: endOf(subParagraph) });
    }
  }

  /** A list item that titles the items nested under it: it ends with a colon, or is a short title. */
  private isGroupTitle(text: string): boolean {
    const body = text.trim();
    return /[:：]$/u.test(body) || isTitleLike(body);
  }

  private cellContent(cellStart: number, cellEnd: number): Span {
    let start = cellStart;
    let end = cellEnd;
    if (this.text[start] === '|') start++;
    if (end > start && this.text[end - 1] === '|' && this.text[end - 2] !== '\\') end--;
    return { start, end };
  }

  private onTable(table: Table): void {
    this.lastMeasure = null;
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
      const building = this.newMeasure('table', textContent, textContent, { start: startOf(row), end: endOf(row) });
      const emptyCells: Partial<Record<FieldKind, Span>> = {};
      kinds.forEach((kind, column) => {
        if (kind === null || kind === 'text') return;
        const cell = cells[column];
        if (!cell) return;
        const content = trimSpan(this.text, cell);
        const value = this.text.slice(content.start, content.end);
        if (kind === 'net') {
          const net = matchNet(value, content.start, this.options.schema);
          if (net) building.measure.netId = net.netId;
          return;
        }
        if (content.start === content.end) {
          // Insert after one space of padding when the cell has any.
          const at = cell.end > cell.start && this.text[cell.start] === ' ' ? cell.start + 1 : cell.start;
          emptyCells[kind] = { start: at, end: at };
          return;
        }
        if (building.measure.fields.some((field) => field.kind === kind && field.source === 'inline')) return;
        building.measure.fields.push({ kind, label: headerLabels[column].text, labelSpan: null, value, valueSpan: content, source: 'table' });
      });
      if (building.measure.insertion.mode !== 'bracket') {
        building.measure.insertion = { mode: 'cell', offset: textContent.end, cells: emptyCells, open: '（', close: '）' };
      }
      if (building.measure.netId !== null && !this.net) {
        // A row naming its net in a column, outside net sections: kept with its net id.
        this.inProgress.push(building);
        this.allMeasures.push(building.measure);
        this.orphans.push(building.measure);
      } else this.commit(building);
    }
  }
}

/** Build the model of one section. `first` says the section may hold the frontmatter. */
export function buildFragment(text: string, options: ModelOptions, context: SectionContext, first: boolean): Fragment {
  return new ModelBuilder(text, options, context, first).build();
}
