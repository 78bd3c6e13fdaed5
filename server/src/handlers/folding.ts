/**
 * textDocument/foldingRange: one range per net section; for a schema without nets (tasks),
 * one per heading's section of the plan, nested as the Outline shows them.
 */
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { Span } from '../engine';
import { hasNets } from '../engine/schema';
import { planOutline, type PlanSection } from '../engine/summary';
import type { Analysis, Drafts } from './drafts';
import { trimEnd } from './symbols';

function sectionRanges(analysis: Analysis, spans: Span[]): FoldingRange[] {
  const { lines } = analysis.result;
  const ranges: FoldingRange[] = [];
  for (const section of spans) {
    const span = trimEnd(analysis.text, section);
    const startLine = lines.positionAt(span.start).line;
    const endLine = lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges;
}

export async function foldingRanges(drafts: Drafts, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  const { model } = analysis.result;
  if (hasNets(analysis.options.schema))
    return sectionRanges(
      analysis,
      model.nets.map((net) => net.span),
    );
  const spans: Span[] = [];
  const visit = (section: PlanSection) => {
    spans.push(section.span);
    section.children.forEach(visit);
  };
  planOutline(analysis.text, model).sections.forEach(visit);
  return sectionRanges(analysis, spans);
}
