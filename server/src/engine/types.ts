/**
 * Core types of the Five Nets engine. The engine works on UTF-16 offsets into the
 * document text (what JavaScript strings and LSP use); `LineIndex` converts them to
 * 0-based line/character positions once, at the edges.
 */

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** LSP-compatible position: 0-based line and UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Message locale. zh-TW messages are derived from zh-CN with OpenCC. */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';

/** Writing system of a draft, used to choose label language in fixes. */
export type Script = 'hans' | 'hant' | 'en';

/** A normalized deadline: a closed date interval (ISO dates) or an ongoing commitment. */
export type DeadlineValue = { kind: 'range'; start: string; end: string } | { kind: 'ongoing' };

export type FieldKind = 'owner' | 'coOwners' | 'metric' | 'deadline';

/** Where a field was found. */
export type FieldSource = 'inline' | 'line' | 'table' | 'verb' | 'text';

export interface Field {
  kind: FieldKind;
  /** The label as written (e.g. 牵头单位, 責任單位, Owner); null for verb or text forms. */
  label: string | null;
  labelSpan: Span | null;
  /** The value as written, trimmed. */
  value: string;
  valueSpan: Span;
  source: FieldSource;
}

/** How a measure is written; decides how a quick fix inserts a missing field. */
export type MeasureShape = 'list' | 'paragraph' | 'table' | 'heading';

/** Where and how to insert a missing field in this measure's own style. */
export interface InsertionPoint {
  /** 'bracket': inside an existing inline bracket before its closing mark;
   *  'sublist': a new nested list item after the last field item;
   *  'line': a new line after the last field line;
   *  'cell': fill an empty table cell (span is the cell content);
   *  'append': add a new bracket group at the end of the measure text. */
  mode: 'bracket' | 'sublist' | 'line' | 'cell' | 'append';
  offset: number;
  /** For 'bracket': the separator used inside the bracket (；or ;). For 'sublist'/'line': the line prefix (indent + marker). */
  separator?: string;
  colon?: string;
  /** For 'cell' mode: one offset per field kind whose column exists and is empty. */
  cells?: Partial<Record<FieldKind, Span>>;
  /** For 'line': the new field line is a paragraph of its own (a blank line before it), as its siblings' are. */
  blankLine?: boolean;
  /** Bracket pair to use in 'append' mode. */
  open?: string;
  close?: string;
}

export interface Measure {
  /** The measure's own text (its first paragraph / cell / heading), without numbering. */
  text: string;
  /** The whole measure including nested field items. */
  span: Span;
  /** The span of `text`. */
  textSpan: Span;
  shape: MeasureShape;
  /** Schema net id, or null when the measure is outside every net section. */
  netId: string | null;
  /** Under a heading that names no net of the schema (unknown-net reports the heading). */
  underUnknownNet: boolean;
  fields: Field[];
  owner: Field | null;
  coOwners: readonly string[];
  metric: Field | null;
  /** True when a metric field holds a quantity or the text states a measurable target. */
  hasMetric: boolean;
  /** Quantities found in the measure text (spans), e.g. 95%, 1.2万个. */
  quantities: readonly Span[];
  deadline: Field | null;
  deadlineValue: DeadlineValue | null;
  /** Why a deadline field could not be read, when it could not. */
  deadlineProblem: 'empty' | 'vague' | 'unreadable' | 'needs-year' | null;
  /** Spans of the measure's own prose (text, nested non-field items), for text scans. */
  prose: readonly Span[];
  insertion: InsertionPoint;
}

export interface NetSection {
  netId: string;
  /** The heading text as written. */
  heading: string;
  headingSpan: Span;
  /** Span of the net name inside the heading. */
  nameSpan: Span;
  depth: number;
  /** From the heading to the end of the section. */
  span: Span;
  measures: Measure[];
}

/** A heading that looks like a net (ends in 网/網/Net) but matches none in the schema. */
export interface NetLikeHeading {
  heading: string;
  nameSpan: Span;
  name: string;
  /** The schema net whose name is close enough to be the intended one. */
  closest: { netId: string; name: string } | null;
  sectionDepth: number;
}

export interface DocumentMeta {
  title: string | null;
  /** ISO date (YYYY-MM-DD) of the document, for relative and past deadlines. */
  date: string | null;
  schema: string | null;
  /** Span of the frontmatter block, if any. */
  frontmatterSpan: Span | null;
  /** A frontmatter `date` that is no real day (2020-13-45): `date` is then null. */
  badDate?: { value: string; span: Span } | null;
}

export interface PolicyModel {
  meta: DocumentMeta;
  nets: NetSection[];
  /** Measures outside every net section (they carry field labels). */
  orphanMeasures: Measure[];
  unknownNets: NetLikeHeading[];
  script: Script;
  /** Spans of code (fenced, indented, inline) and HTML: rules that scan raw text skip them. */
  codeSpans: Span[];
  /** Text spans (paragraph / heading / table cell text) that text-scanning rules look at. */
  textSpans: Span[];
  /** HTML comments (block or inline), where fivenets-disable directives live. */
  comments: Array<{ span: Span; text: string }>;
}

/**
 * A net section as document rules see it: its heading and extent, and how many measures it
 * holds, but not the measures. In the language server the measures of unchanged sections are
 * moved to their offsets only when something reads them; `context.measures` does that.
 */
export interface NetOutline extends Omit<NetSection, 'measures'> {
  measureCount: number;
}

/** What document rules read on every change: the draft's shape without its measures. */
export interface PolicyOutline extends Omit<PolicyModel, 'nets' | 'orphanMeasures'> {
  nets: NetOutline[];
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  /** Applied by `lint --fix` and by "Fix all". */
  fix: Fix | null;
  /** Offered as code actions only (they replace or add text a person should review). */
  suggestions: Fix[];
}
