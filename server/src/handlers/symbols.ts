/**
 * textDocument/documentSymbol, for the Outline view and breadcrumbs: nets -> measures; for
 * a schema without nets (tasks), the plan's own headings, nested by level, -> measures.
 */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { localize } from '../engine';
import type { LineIndex, Measure, NetSection, Span } from '../engine';
import { netName } from '../engine';
import { hasNets } from '../engine/schema';
import { measureTitle, planOutline, sectionMeasures, type PlanSection } from '../engine/summary';
import type { Analysis, Drafts } from './drafts';
import { toRange } from './convert';
import { MESSAGES } from './messages';

/** A span without the blank lines and spaces at its end. */
export function trimEnd(text: string, span: Span): Span {
  let end = span.end;
  while (end > span.start && /\s/u.test(text[end - 1])) end--;
  return { start: span.start, end };
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;

function measureSymbol(text: string, lines: LineIndex, measure: Measure): DocumentSymbol {
  const span = trimEnd(text, measure.span);
  const selection = measure.textSpan.end > measure.textSpan.start && within(measure.textSpan, span) ? measure.textSpan : { start: span.start, end: span.start };
  const detail = [measure.owner?.value, measure.deadline?.value].filter((part): part is string => !!part).join(' · ');
  return {
    name: measureTitle(measure) || text.slice(span.start, span.end).slice(0, 40) || '…',
    detail,
    kind: SymbolKind.Event,
    range: toRange(lines, span),
    selectionRange: toRange(lines, selection),
  };
}

/** The heading as written, without directives, or the net's name. */
export function headingName(analysis: Analysis, net: NetSection): string {
  const written = net.heading.replace(/<!--[\s\S]*?-->/gu, '').trim();
  return written || netName(analysis.options.schema, net.netId, analysis.locale);
}

interface Placed {
  start: number;
  symbol: DocumentSymbol;
}

const inOrder = (entries: Placed[]) => entries.sort((a, b) => a.start - b.start).map((entry) => entry.symbol);

/**
 * A heading of a plan without nets: its measures, then its sub-headings, in document order.
 * A measure reaching past the section's end (a table row) goes to `stray`, to stand alone.
 */
function sectionSymbol(analysis: Analysis, section: PlanSection, stray: Placed[]): DocumentSymbol {
  const { text } = analysis;
  const { lines } = analysis.result;
  const span = trimEnd(text, section.span);
  const children: Placed[] = [];
  for (const measure of section.measures) (within(measure.span, span) ? children : stray).push({ start: measure.span.start, symbol: measureSymbol(text, lines, measure) });
  for (const child of section.children) children.push({ start: child.span.start, symbol: sectionSymbol(analysis, child, stray) });
  const heading = trimEnd(text, section.heading.span);
  return {
    name: section.heading.title || text.slice(heading.start, heading.end) || '…',
    detail: localize(MESSAGES.measureCount, analysis.locale, { count: sectionMeasures(section).length }),
    kind: SymbolKind.Namespace,
    range: toRange(lines, span),
    selectionRange: toRange(lines, within(section.heading.titleSpan, span) ? section.heading.titleSpan : { start: span.start, end: span.start }),
    children: inOrder(children),
  };
}

/** The outline of a plan without nets: measures before the first heading, then its headings as a tree. */
function planSymbols(analysis: Analysis): DocumentSymbol[] {
  const { text } = analysis;
  const { model, lines } = analysis.result;
  const outline = planOutline(text, model);
  const top: Placed[] = outline.before.map((measure) => ({ start: measure.span.start, symbol: measureSymbol(text, lines, measure) }));
  for (const section of outline.sections) top.push({ start: section.span.start, symbol: sectionSymbol(analysis, section, top) });
  return inOrder(top);
}

export async function documentSymbols(drafts: Drafts, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  if (!hasNets(analysis.options.schema)) return planSymbols(analysis);
  const { text } = analysis;
  const { model, lines } = analysis.result;
  const top: Placed[] = [];
  for (const net of model.nets) {
    const span = trimEnd(text, net.span);
    const inside = net.measures.filter((measure) => within(measure.span, net.span));
    // Table rows filed under a net by a net column can sit outside its section.
    for (const measure of net.measures) if (!inside.includes(measure)) top.push({ start: measure.span.start, symbol: measureSymbol(text, lines, measure) });
    top.push({
      start: net.span.start,
      symbol: {
        name: headingName(analysis, net),
        detail: localize(MESSAGES.measureCount, analysis.locale, { count: net.measures.length }),
        kind: SymbolKind.Namespace,
        range: toRange(lines, span),
        selectionRange: toRange(lines, within(net.nameSpan, span) ? net.nameSpan : { start: span.start, end: span.start }),
        children: inside.map((measure) => measureSymbol(text, lines, measure)),
      },
    });
  }
  const grouped = unknownNetSymbols(analysis, top);
  for (const measure of model.orphanMeasures) if (!grouped.has(measure)) top.push({ start: measure.span.start, symbol: measureSymbol(text, lines, measure) });
  return inOrder(top);
}

/**
 * A heading that looks like a net but names none (公共卫生防户网, a typo unknown-net reports)
 * keeps the measures written under it, as a net heading would: each measure under an unknown
 * net goes to the last such heading before it, unless a net heading comes between. Returns
 * the measures placed.
 */
function unknownNetSymbols(analysis: Analysis, top: Placed[]): Set<Measure> {
  const { text } = analysis;
  const { model, lines } = analysis.result;
  const placed = new Set<Measure>();
  const headings = [...model.unknownNets].sort((a, b) => a.nameSpan.start - b.nameSpan.start);
  const netStarts = model.nets.map((net) => net.headingSpan.start);
  headings.forEach((heading, index) => {
    const start = lines.lineStart(lines.positionAt(heading.nameSpan.start).line);
    const next = Math.min(headings[index + 1]?.nameSpan.start ?? Infinity, ...netStarts.filter((netStart) => netStart > start));
    const measures = model.orphanMeasures.filter((measure) => measure.underUnknownNet && measure.span.start > start && measure.span.start < next);
    for (const measure of measures) placed.add(measure);
    const end = Math.max(lines.lineEnd(lines.positionAt(heading.nameSpan.start).line), ...measures.map((measure) => trimEnd(text, measure.span).end));
    top.push({
      start,
      symbol: {
        name: heading.heading.replace(/<!--[\s\S]*?-->/gu, '').trim() || heading.name,
        detail: localize(MESSAGES.measureCount, analysis.locale, { count: measures.length }),
        kind: SymbolKind.Namespace,
        range: toRange(lines, { start, end }),
        selectionRange: toRange(lines, heading.nameSpan),
        children: measures.map((measure) => measureSymbol(text, lines, measure)),
      },
    });
  });
  return placed;
}
