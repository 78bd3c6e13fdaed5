/**
 * What the editor shows on hover, as Markdown: a glossary term, a net heading (its
 * description and how complete its measures are), a field label (what it must hold), a
 * deadline value (the dates it means and the days left), an owner (roster, measures
 * owned) or the document's title (the schema the draft is checked against, and why).
 * Pure: the caller passes the lint result it already has.
 */
import type { GlossaryTerm, PolicySchema, RequiredField, ScriptNames } from './schema';
import type { SchemaFrom } from './schema/select';
import type { FieldKind, Locale, Measure, PolicyModel, Span } from './types';
import type { LineIndex } from './lines';
import type { Localized } from './rule';
import { localize, bilingual, scriptForLocale } from './i18n';
import { simplify, traditionalize } from './script';
import { CANONICAL_LABELS, FIELD_NAMES, kindOfLabel, labelPattern } from './labels';
import { daysBetween } from './deadline';
import { unitsOf } from './parse/measure';
import { allMeasures, draftHeadings, summarizeNet, type DraftHeading } from './summary';

export interface HoverInput {
  text: string;
  model: PolicyModel;
  lines: LineIndex;
  schema: PolicySchema;
  glossary: readonly GlossaryTerm[];
  roster: readonly string[];
  locale: Locale;
  /** ISO date to count days from. */
  today: string;
  /** The draft's date (frontmatter, then config), or null. */
  documentDate: string | null;
  /** Why `schema` was chosen for this draft (the lint result's `schema.from`). */
  schemaFrom: SchemaFrom;
}

export type HoverKind = 'label' | 'deadline' | 'owner' | 'net' | 'glossary' | 'schema';

export interface HoverResult {
  kind: HoverKind;
  span: Span;
  markdown: string;
}

/** The hover's sentences, in English and simplified Chinese (zh-TW is converted). */
const HOVER_TEXT = {
  required: { en: 'Required fields: {fields}', 'zh-CN': '必填字段：{fields}' },
  measures: { en: '{count} measures, {complete} complete (owner, metric and deadline present)', 'zh-CN': '措施 {count} 项，其中完整 {complete} 项（牵头单位、指标、完成时限齐全）' },
  example: { en: 'Example: {example}', 'zh-CN': '示例：{example}' },
  range: { en: 'Deadline: {start} to {end}', 'zh-CN': '完成时限：{start} 至 {end}' },
  day: { en: 'Deadline: {end}', 'zh-CN': '完成时限：{end}' },
  ongoing: { en: 'Ongoing commitment: no end date', 'zh-CN': '长期任务：没有截止日期' },
  left: { en: '{days} days left (today is {today})', 'zh-CN': '距今还剩 {days} 天（今天是 {today}）' },
  dueToday: { en: 'Due today ({today})', 'zh-CN': '今天（{today}）到期' },
  overdue: { en: '{days} days overdue (today is {today})', 'zh-CN': '已逾期 {days} 天（今天是 {today}）' },
  afterDocument: { en: '{days} days after the document date {date}', 'zh-CN': '在文档日期 {date} 之后 {days} 天' },
  beforeDocument: { en: '{days} days before the document date {date}: already past when the draft was written', 'zh-CN': '早于文档日期 {date} {days} 天：成稿时已过期' },
  onDocument: { en: 'On the document date {date}', 'zh-CN': '与文档日期 {date} 同一天' },
  noDocumentDate: { en: 'The draft has no date (frontmatter `date`)', 'zh-CN': '文稿没有日期（可在文档头部填写 date）' },
  problemEmpty: { en: 'The deadline is empty', 'zh-CN': '完成时限为空' },
  problemVague: { en: 'The deadline is vague: write a date', 'zh-CN': '完成时限表述模糊：请写明具体日期' },
  problemUnreadable: { en: 'The deadline could not be read as a date', 'zh-CN': '无法识别完成时限中的日期' },
  problemNeedsYear: { en: 'The deadline needs a year (or a document date)', 'zh-CN': '完成时限缺少年份（或文档日期）' },
  inRoster: { en: 'In the roster', 'zh-CN': '在单位名册中' },
  notInRoster: { en: 'Not in the roster (owners in .fivenets.yaml)', 'zh-CN': '不在单位名册中（.fivenets.yaml 的 owners）' },
  noRoster: { en: 'No roster configured (owners in .fivenets.yaml)', 'zh-CN': '未配置单位名册（.fivenets.yaml 的 owners）' },
  leads: { en: 'Leads {count} measures in this draft', 'zh-CN': '在本文稿中牵头 {count} 项措施' },
  supports: { en: 'Supports {count} more as a co-owner', 'zh-CN': '另配合 {count} 项措施' },
  aliases: { en: 'Also written: {aliases}', 'zh-CN': '又作：{aliases}' },
  schema: { en: 'Schema `{id}`: {reason}', 'zh-CN': '检查方案 `{id}`：{reason}' },
  fromCli: { en: 'given on the command line with --schema', 'zh-CN': '命令行参数 --schema 指定' },
  fromFrontmatter: { en: "the draft's frontmatter says schema: {id}", 'zh-CN': '文稿头部写明 schema: {id}' },
  fromConfig: { en: 'the config file says schema: {id}', 'zh-CN': '配置文件写明 schema: {id}' },
  fromAutoNets: { en: 'chosen automatically: a heading names one of its nets', 'zh-CN': '自动选择：有标题点出了其中的网' },
  fromAutoNoNets: { en: 'chosen automatically: no heading names a net', 'zh-CN': '自动选择：没有标题点出任何一张网' },
} satisfies Record<string, Localized>;

/** A name of the schema (a schema's or a net's) in the locale's script. */
export function nameIn(names: ScriptNames, locale: Locale): string {
  return locale === 'en' ? names.en : locale === 'zh-TW' ? names['zh-Hant'] : names['zh-Hans'];
}

/** Why a draft is checked against this schema, in words (the title's hover, the status bar). */
export function schemaReason(schema: PolicySchema, from: SchemaFrom, locale: Locale): string {
  if (from === 'cli') return localize(HOVER_TEXT.fromCli, locale);
  if (from === 'frontmatter') return localize(HOVER_TEXT.fromFrontmatter, locale, { id: schema.id });
  if (from === 'config') return localize(HOVER_TEXT.fromConfig, locale, { id: schema.id });
  // Automatic choice: five-nets when a heading names one of its nets, else tasks (schema/select.ts).
  return localize(schema.nets.length > 0 ? HOVER_TEXT.fromAutoNets : HOVER_TEXT.fromAutoNoNets, locale);
}

/** Escape text written by the user so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|~]/gu, (ch) => `\\${ch}`);
}

const contains = (span: Span | null | undefined, offset: number): span is Span => !!span && offset >= span.start && offset < span.end;

/**
 * The measures of a model by where they are, so a hover looks at the few measures around
 * the cursor, not at all of them: sorted by start, with the largest end so far (measures
 * may nest or overlap), and owner counts for owner hovers. Built once per model (a lint
 * result), on the first hover.
 */
interface MeasureIndex {
  /** allMeasures order (what the hovers search in). */
  measures: Measure[];
  /** Indices into `measures`, sorted by extent start. */
  order: number[];
  starts: number[];
  ends: number[];
  /** ends' running maximum along `order`. */
  reach: number[];
  /** By simplified unit: measures it leads, and measures it supports without leading them. */
  owners: Map<string, { leads: number; supports: number }>;
}

const indexCache = new WeakMap<PolicyModel, MeasureIndex>();

function measureIndex(model: PolicyModel): MeasureIndex {
  let index = indexCache.get(model);
  if (index) return index;
  const measures = allMeasures(model);
  const extentStart: number[] = [];
  const extentEnd: number[] = [];
  const owners = new Map<string, { leads: number; supports: number }>();
  const count = (key: string) => {
    let entry = owners.get(key);
    if (!entry) owners.set(key, (entry = { leads: 0, supports: 0 }));
    return entry;
  };
  for (const measure of measures) {
    // The measure and everything a hover can hit in it (field labels and values).
    let start = measure.span.start;
    let end = measure.span.end;
    for (const field of [...measure.fields, measure.deadline]) {
      if (!field) continue;
      for (const span of [field.labelSpan, field.valueSpan]) {
        if (!span) continue;
        start = Math.min(start, span.start);
        end = Math.max(end, span.end);
      }
    }
    extentStart.push(start);
    extentEnd.push(end);
    const lead = measure.owner ? simplify(measure.owner.value) : null;
    if (lead !== null) count(lead).leads++;
    for (const key of new Set(measure.coOwners.map((co) => simplify(co)))) if (key !== lead) count(key).supports++;
  }
  const order = measures.map((_measure, position) => position).sort((a, b) => extentStart[a] - extentStart[b] || a - b);
  const reach: number[] = [];
  let farthest = Number.NEGATIVE_INFINITY;
  for (const position of order) {
    farthest = Math.max(farthest, extentEnd[position]);
    reach.push(farthest);
  }
  index = { measures, order, starts: order.map((position) => extentStart[position]), ends: order.map((position) => extentEnd[position]), reach, owners };
  indexCache.set(model, index);
  return index;
}

/** The measures whose extent holds the offset, in allMeasures order. */
function measuresAt(index: MeasureIndex, offset: number): Measure[] {
  let low = 0;
  let high = index.starts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (index.starts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  const hits: number[] = [];
  for (let k = low - 1; k >= 0 && index.reach[k] >= offset; k--) if (index.ends[k] >= offset) hits.push(index.order[k]);
  return hits.sort((a, b) => a - b).map((position) => index.measures[position]);
}

/**
 * The hover at a cursor: on the character after it, else on the one before it, as VS Code's
 * own word hovers do, so the cursor right after 公共卫生总师 (just typed) still shows it.
 */
export function hoverAt(input: HoverInput, offset: number): HoverResult | null {
  return hoverOn(input, offset) ?? (offset > 0 ? hoverOn(input, offset - 1) : null);
}

/** The hover on the character at `offset`. */
function hoverOn(input: HoverInput, offset: number): HoverResult | null {
  if (input.model.meta.frontmatterSpan && offset < input.model.meta.frontmatterSpan.end) return frontmatterHover(input, offset);
  if (input.model.codeSpans.some((span) => offset >= span.start && offset < span.end)) return null;
  const index = measureIndex(input.model);
  const measures = measuresAt(index, offset);
  const field = labelHover(input, measures, offset) ?? deadlineHover(input, measures, offset) ?? ownerHover(input, index, measures, offset);
  if (field) return field;
  // On a net heading the net's own name describes the net; other words may be glossary terms.
  const inName = input.model.nets.some((net) => contains(net.nameSpan, offset));
  return inName ? netHover(input, offset) : (titleHover(input, offset) ?? glossaryHover(input, offset) ?? netHover(input, offset));
}

/** The schema's name, description and why it was chosen, over `span`. */
function schemaHover(input: HoverInput, span: Span): HoverResult {
  const { schema, locale } = input;
  const lines = [`**${escapeMarkdown(nameIn(schema.name, locale))}**`, ''];
  if (schema.description) lines.push(escapeMarkdown(nameIn(schema.description, locale)), '');
  lines.push(localize(HOVER_TEXT.schema, locale, { id: schema.id, reason: schemaReason(schema, input.schemaFrom, locale) }));
  return { kind: 'schema', span, markdown: lines.join('\n') };
}

/** In the frontmatter, only its `title:` and `schema:` lines say something: the schema. */
function frontmatterHover(input: HoverInput, offset: number): HoverResult | null {
  const line = input.lines.positionAt(offset).line;
  const start = input.lines.lineStart(line);
  const text = input.text.slice(start, input.lines.lineEnd(line));
  const key = /^(?:title|schema)[ \t]*:/u.exec(text);
  if (!key) return null;
  const end = start + text.trimEnd().length;
  return offset < end ? schemaHover(input, { start, end }) : null;
}

const titleCache = new WeakMap<PolicyModel, DraftHeading | null>();

/** The document's title: its first heading, unless that heads a net or is a measure. */
function titleOf(input: HoverInput): DraftHeading | null {
  let title = titleCache.get(input.model);
  if (title === undefined) {
    const first = draftHeadings(input.text, input.model)[0] ?? null;
    const taken = first !== null && (input.model.nets.some((net) => net.headingSpan.start === first.span.start) || allMeasures(input.model).some((measure) => measure.span.start === first.span.start));
    title = taken ? null : first;
    titleCache.set(input.model, title);
  }
  return title;
}

function titleHover(input: HoverInput, offset: number): HoverResult | null {
  const title = titleOf(input);
  if (!title || !contains(title.span, offset)) return null;
  return schemaHover(input, title.titleSpan.end > title.titleSpan.start ? title.titleSpan : title.span);
}

function labelHover(input: HoverInput, measures: Measure[], offset: number): HoverResult | null {
  let found: { kind: FieldKind; span: Span; label: string } | null = null;
  for (const measure of measures) {
    for (const field of measure.fields) {
      if (field.label && contains(field.labelSpan, offset)) found = { kind: field.kind, span: field.labelSpan, label: field.label };
    }
  }
  if (!found) {
    // A label outside any measure (a template, a field line after prose).
    const line = input.lines.positionAt(offset).line;
    const lineStart = input.lines.lineStart(line);
    const lineText = input.text.slice(lineStart, input.lines.lineEnd(line));
    const pattern = new RegExp(labelPattern().source, labelPattern().flags);
    for (const match of lineText.matchAll(pattern)) {
      const start = lineStart + (match.index ?? 0);
      const span = { start, end: start + match[1].length };
      const kind = kindOfLabel(match[1]);
      if (kind && contains(span, offset)) found = { kind, span, label: match[1] };
    }
  }
  if (!found) return null;
  const doc = input.schema.fields[found.kind];
  const name = localize(FIELD_NAMES[found.kind], input.locale);
  const lines = [
    simplify(name) === simplify(found.label) ? `**${escapeMarkdown(found.label)}**` : `**${escapeMarkdown(found.label)}** · ${escapeMarkdown(name)}`,
    '',
    escapeMarkdown(bilingual(doc.description, input.locale)),
    '',
    localize(HOVER_TEXT.example, input.locale, { example: `\`${bilingual(doc.example, input.locale).replace(/`/gu, "'")}\`` }),
  ];
  return { kind: 'label', span: found.span, markdown: lines.join('\n') };
}

function deadlineHover(input: HoverInput, measures: Measure[], offset: number): HoverResult | null {
  const measure = measures.find((candidate) => contains(candidate.deadline?.valueSpan, offset));
  if (!measure || !measure.deadline) return null;
  const span = measure.deadline.valueSpan;
  const locale = input.locale;
  const lines = [`**${escapeMarkdown(measure.deadline.value)}**`, ''];
  const value = measure.deadlineValue;
  if (!value) {
    const problem = measure.deadlineProblem;
    lines.push(localize(problem === 'empty' ? HOVER_TEXT.problemEmpty : problem === 'vague' ? HOVER_TEXT.problemVague : problem === 'needs-year' ? HOVER_TEXT.problemNeedsYear : HOVER_TEXT.problemUnreadable, locale));
    return { kind: 'deadline', span, markdown: lines.join('\n') };
  }
  if (value.kind === 'ongoing') {
    lines.push(localize(HOVER_TEXT.ongoing, locale));
    return { kind: 'deadline', span, markdown: lines.join('\n') };
  }
  lines.push(value.start === value.end ? localize(HOVER_TEXT.day, locale, { end: value.end }) : localize(HOVER_TEXT.range, locale, { start: value.start, end: value.end }));
  const left = daysBetween(input.today, value.end);
  if (!Number.isNaN(left)) {
    lines.push(
      '',
      left > 0
        ? localize(HOVER_TEXT.left, locale, { days: left, today: input.today })
        : left === 0
          ? localize(HOVER_TEXT.dueToday, locale, { today: input.today })
          : localize(HOVER_TEXT.overdue, locale, { days: -left, today: input.today }),
    );
  }
  const date = input.documentDate;
  // A draft dated today (New Policy Draft) would say the same number twice.
  if (date === input.today) return { kind: 'deadline', span, markdown: lines.join('\n') };
  if (date) {
    const after = daysBetween(date, value.end);
    if (!Number.isNaN(after)) {
      lines.push(
        '',
        after > 0
          ? localize(HOVER_TEXT.afterDocument, locale, { days: after, date })
          : after === 0
            ? localize(HOVER_TEXT.onDocument, locale, { date })
            : localize(HOVER_TEXT.beforeDocument, locale, { days: -after, date }),
      );
    }
  } else {
    lines.push('', localize(HOVER_TEXT.noDocumentDate, locale));
  }
  return { kind: 'deadline', span, markdown: lines.join('\n') };
}

function ownerHover(input: HoverInput, index: MeasureIndex, measures: Measure[], offset: number): HoverResult | null {
  let hit: { value: string; span: Span } | null = null;
  for (const measure of measures) {
    for (const field of measure.fields) {
      if ((field.kind !== 'owner' && field.kind !== 'coOwners') || !contains(field.valueSpan, offset)) continue;
      hit = unitsOf(field).find((unit) => contains(unit.span, offset)) ?? null;
    }
  }
  if (!hit) return null;
  const unit = hit.value;
  const key = simplify(unit);
  const locale = input.locale;
  const { leads, supports } = index.owners.get(key) ?? { leads: 0, supports: 0 };
  const roster = input.roster.length === 0 ? HOVER_TEXT.noRoster : input.roster.some((known) => simplify(known) === key) ? HOVER_TEXT.inRoster : HOVER_TEXT.notInRoster;
  const lines = [`**${escapeMarkdown(unit)}**`, '', localize(roster, locale), '', localize(HOVER_TEXT.leads, locale, { count: leads })];
  if (supports > 0) lines.push('', localize(HOVER_TEXT.supports, locale, { count: supports }));
  return { kind: 'owner', span: hit.span, markdown: lines.join('\n') };
}

function netHover(input: HoverInput, offset: number): HoverResult | null {
  const section = input.model.nets.find((net) => contains(net.headingSpan, offset));
  if (!section) return null;
  const net = input.schema.nets.find((candidate) => candidate.id === section.netId);
  if (!net) return null;
  const locale = input.locale;
  const summary = summarizeNet(section, input.schema);
  const name = nameIn(net.names, locale);
  const labels = CANONICAL_LABELS[scriptForLocale(locale)];
  const fields = input.schema.requiredFields.map((field: RequiredField) => labels[field]).join(locale === 'en' ? ', ' : '、');
  const lines = [
    `**${escapeMarkdown(name)}**`,
    '',
    escapeMarkdown(bilingual(net.description, locale)),
    '',
    localize(HOVER_TEXT.required, locale, { fields }),
    '',
    localize(HOVER_TEXT.measures, locale, { count: summary.measures, complete: summary.complete }),
  ];
  return { kind: 'net', span: section.nameSpan, markdown: lines.join('\n') };
}

interface Needle {
  term: GlossaryTerm;
  text: string;
}

const needleCache = new WeakMap<readonly GlossaryTerm[], Needle[]>();

function needlesOf(glossary: readonly GlossaryTerm[]): Needle[] {
  let needles = needleCache.get(glossary);
  if (!needles) {
    needles = glossary
      .flatMap((term) => [term.term, ...term.aliases].map((text) => ({ term, text: simplify(text).toLowerCase() })))
      .filter((needle) => needle.text.length > 0)
      .sort((a, b) => b.text.length - a.text.length);
    needleCache.set(glossary, needles);
  }
  return needles;
}

/** Glossary terms in any script: the line is simplified (length-preserving) before matching. */
export function glossaryTermAt(text: string, lines: LineIndex, glossary: readonly GlossaryTerm[], offset: number): { term: GlossaryTerm; span: Span } | null {
  const line = lines.positionAt(offset).line;
  const lineStart = lines.lineStart(line);
  const raw = text.slice(lineStart, lines.lineEnd(line));
  const simplified = simplify(raw);
  const lower = simplified.toLowerCase();
  const haystack = lower.length === simplified.length ? lower : simplified;
  const column = offset - lineStart;
  for (const needle of needlesOf(glossary)) {
    for (let index = haystack.indexOf(needle.text); index >= 0; index = haystack.indexOf(needle.text, index + 1)) {
      if (column < index || column >= index + needle.text.length) continue;
      // Latin terms must stand as words: "Five Nets", not "fivenetsx".
      if (/^[a-z0-9]/u.test(needle.text) && /[a-z0-9]/u.test(haystack[index - 1] ?? '')) continue;
      if (/[a-z0-9]$/u.test(needle.text) && /[a-z0-9]/u.test(haystack[index + needle.text.length] ?? '')) continue;
      return { term: needle.term, span: { start: lineStart + index, end: lineStart + index + needle.text.length } };
    }
  }
  return null;
}

function glossaryHover(input: HoverInput, offset: number): HoverResult | null {
  const hit = glossaryTermAt(input.text, input.lines, input.glossary, offset);
  if (!hit) return null;
  const locale = input.locale;
  const title = locale === 'zh-TW' ? traditionalize(hit.term.term) : hit.term.term;
  const lines = [`**${escapeMarkdown(title)}**`, '', escapeMarkdown(bilingual(hit.term.definition, locale))];
  if (hit.term.aliases.length > 0) lines.push('', localize(HOVER_TEXT.aliases, locale, { aliases: hit.term.aliases.map(escapeMarkdown).join(locale === 'en' ? ', ' : '、') }));
  return { kind: 'glossary', span: hit.span, markdown: lines.join('\n') };
}
