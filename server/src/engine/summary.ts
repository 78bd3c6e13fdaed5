/**
 * Per-measure and per-net completeness, for the editor's outline, code lenses and hovers.
 * "Complete" means every required field is present, as in the task table (export.ts).
 */
import type { PolicySchema, RequiredField } from './schema';
import type { Field, Measure, NetSection, PolicyModel, Span } from './types';
import { isPlaceholder } from './vocabulary';

/** A field written but not filled in: empty, or only a template placeholder (【待填写】, TBD). */
function unfilled(field: Field | null): boolean {
  return field === null || field.value.trim() === '' || isPlaceholder(field.value);
}

/**
 * The required fields a measure lacks, or holds only a placeholder for: the one definition of
 * "incomplete" that the task table, the report, code lenses, hovers and the status bar share.
 * A quantity in the measure's text is its metric whatever the metric field says.
 */
export function missingFields(measure: Measure, schema: PolicySchema): RequiredField[] {
  const missing: RequiredField[] = [];
  if (schema.requiredFields.includes('owner') && unfilled(measure.owner)) missing.push('owner');
  if (schema.requiredFields.includes('metric') && measure.quantities.length === 0 && (measure.metric ? unfilled(measure.metric) || !measure.hasMetric : !measure.hasMetric)) missing.push('metric');
  if (schema.requiredFields.includes('deadline') && unfilled(measure.deadline)) missing.push('deadline');
  return missing;
}

export interface NetSummary {
  net: NetSection;
  measures: number;
  complete: number;
  incomplete: number;
}

export function summarizeNet(net: NetSection, schema: PolicySchema): NetSummary {
  const complete = net.measures.filter((measure) => missingFields(measure, schema).length === 0).length;
  return { net, measures: net.measures.length, complete, incomplete: net.measures.length - complete };
}

export function summarizeNets(model: PolicyModel, schema: PolicySchema): NetSummary[] {
  return model.nets.map((net) => summarizeNet(net, schema));
}

/** All measures in document order (nets first, then orphans), as the rules see them. */
export function allMeasures(model: PolicyModel): Measure[] {
  return [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
}

/** A one-line title for a measure (outline, symbol search): its text, flattened and cut. */
export function measureTitle(measure: Measure, length = 40): string {
  const flat = measure.text
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  const chars = Array.from(flat);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : flat;
}

/** A heading of the draft (any level, ATX or setext). */
export interface DraftHeading {
  /** The heading's text, without its marks, underline or HTML comments. */
  title: string;
  depth: number;
  /** The heading, marks and underline included. */
  span: Span;
  /** Its text without marks (the first line of a setext heading). */
  titleSpan: Span;
}

const ATX = /^(#{1,6})(?:[ \t]+|$)/u;
const ATX_CLOSING = /(?:[ \t]+#+)?[ \t]*$/u;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/u;
const LINE_BREAK = /\r\n?|\n/gu;

const isBreak = (char: string | undefined) => char === '\n' || char === '\r';

/** The heading a text span holds, or null when it is a paragraph or a cell. */
function headingOf(text: string, span: Span): DraftHeading | null {
  // At most three spaces before it on its line: a span after a list marker or > is a paragraph.
  let lineStart = span.start;
  while (lineStart > 0 && text[lineStart - 1] === ' ') lineStart--;
  if (lineStart > 0 && !isBreak(text[lineStart - 1])) return null;
  let start = span.start;
  while (start < span.end && text[start] === ' ') start++;
  if (start - lineStart > 3) return null;
  LINE_BREAK.lastIndex = start;
  const firstBreak = LINE_BREAK.exec(text);
  const firstLineEnd = firstBreak && firstBreak.index < span.end ? firstBreak.index : span.end;
  const clean = (written: string) =>
    written
      .replace(/<!--[\s\S]*?-->/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
  if (firstLineEnd === span.end) {
    const atx = ATX.exec(text.slice(start, span.end));
    if (!atx) return null;
    const titleStart = start + atx[0].length;
    const titleEnd = Math.max(titleStart, span.end - (ATX_CLOSING.exec(text.slice(titleStart, span.end))?.[0].length ?? 0));
    return { title: clean(text.slice(titleStart, titleEnd)), depth: atx[1].length, span: { start: span.start, end: span.end }, titleSpan: { start: titleStart, end: titleEnd } };
  }
  // A setext heading: its text lines, then a line of = (level 1) or - (level 2).
  let lastLineStart = span.end;
  while (lastLineStart > start && !isBreak(text[lastLineStart - 1])) lastLineStart--;
  const underline = SETEXT_UNDERLINE.exec(text.slice(lastLineStart, span.end));
  if (!underline) return null;
  return { title: clean(text.slice(start, lastLineStart)), depth: underline[1].startsWith('=') ? 1 : 2, span: { start: span.start, end: span.end }, titleSpan: { start, end: firstLineEnd } };
}

const headingCache = new WeakMap<PolicyModel, DraftHeading[]>();

/**
 * The headings of a draft, in order, read from the model's text spans: the parser records
 * every top-level heading as one (from its first mark to its underline), and no paragraph,
 * list item or cell span can start like an ATX heading at the start of a line. The parse
 * model keeps no heading list of its own (only net headings), and parsing again with
 * remark-parse for the outline would double the cost of every edit of a large draft.
 * Computed once per model (the outline, lenses, folding and the title's hover share it).
 */
export function draftHeadings(text: string, model: PolicyModel): DraftHeading[] {
  let headings = headingCache.get(model);
  if (!headings) {
    headings = [];
    for (const span of model.textSpans) {
      const heading = headingOf(text, span);
      if (heading) headings.push(heading);
    }
    headingCache.set(model, headings);
  }
  return headings;
}

/** A heading of a plan without nets, the measures under it and its sub-headings. */
export interface PlanSection {
  heading: DraftHeading;
  /** From the heading to the next heading of the same or a higher level. */
  span: Span;
  /** Measures between the heading and the next heading of any level. */
  measures: Measure[];
  children: PlanSection[];
}

export interface PlanOutline {
  /** Measures before the first heading. */
  before: Measure[];
  sections: PlanSection[];
}

/**
 * The plan's own sections (for a schema without nets, where headings are the sections):
 * headings nested by level, each with the measures written under it. A heading that is a
 * measure itself (### 建设X（牵头单位：…）) is a measure of the section above, not a section.
 */
export function planOutline(text: string, model: PolicyModel): PlanOutline {
  const measures = allMeasures(model)
    .slice()
    .sort((a, b) => a.span.start - b.span.start);
  const measureHeadings = new Set(measures.filter((measure) => measure.shape === 'heading').map((measure) => measure.span.start));
  const headings = draftHeadings(text, model).filter((heading) => !measureHeadings.has(heading.span.start));
  const outline: PlanOutline = { before: [], sections: [] };
  const open: PlanSection[] = [];
  const flat: PlanSection[] = [];
  for (const heading of headings) {
    for (let last = open.at(-1); last && last.heading.depth >= heading.depth; last = open.at(-1)) {
      last.span.end = heading.span.start;
      open.pop();
    }
    const section: PlanSection = { heading, span: { start: heading.span.start, end: text.length }, measures: [], children: [] };
    (open.length > 0 ? open[open.length - 1].children : outline.sections).push(section);
    open.push(section);
    flat.push(section);
  }
  // Each measure goes to the last heading that starts before it.
  let next = 0;
  for (const measure of measures) {
    while (next < flat.length && flat[next].heading.span.start <= measure.span.start) next++;
    (next === 0 ? outline.before : flat[next - 1].measures).push(measure);
  }
  return outline;
}

/** Every measure of a plan section, its sub-sections' included. */
export function sectionMeasures(section: PlanSection): Measure[] {
  return [...section.measures, ...section.children.flatMap(sectionMeasures)];
}
