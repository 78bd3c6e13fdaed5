/** textDocument/documentSymbol: nets -> measures, for the Outline view and breadcrumbs. */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import { localize } from '../engine';
import type { LineIndex, Measure, NetSection, Span } from '../engine';
import { netName } from '../engine';
import { measureTitle } from '../engine/summary';
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

export async function documentSymbols(drafts: Drafts, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  const { text } = analysis;
  const { model, lines } = analysis.result;
  const top: Array<{ start: number; symbol: DocumentSymbol }> = [];
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
  for (const measure of model.orphanMeasures) top.push({ start: measure.span.start, symbol: measureSymbol(text, lines, measure) });
  return top.sort((a, b) => a.start - b.start).map((entry) => entry.symbol);
}
