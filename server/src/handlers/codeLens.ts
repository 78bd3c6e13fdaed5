/**
 * textDocument/codeLens: "12 measures · 3 incomplete" on each net heading; for a schema
 * without nets (tasks), on each heading with measures under it (its sub-headings' included).
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { Span } from '../engine';
import { localize } from '../engine';
import { hasNets } from '../engine/schema';
import { missingFields, planOutline, sectionMeasures, summarizeNets, type PlanSection } from '../engine/summary';
import type { Analysis, Drafts } from './drafts';
import { toRange } from './convert';
import { MESSAGES } from './messages';
import { trimEnd } from './symbols';

/** Client command that shows the draft's problems (the Problems view). */
export const SHOW_PROBLEMS_COMMAND = 'fivenets.showProblems';

function lens(analysis: Analysis, heading: Span, counts: { measures: number; incomplete: number }, netId: string | null): CodeLens {
  const range = toRange(analysis.result.lines, trimEnd(analysis.text, heading));
  const title = localize(counts.measures === 1 ? MESSAGES.lensOne : MESSAGES.lens, analysis.locale, { count: counts.measures, incomplete: counts.incomplete });
  return { range, command: { title, command: SHOW_PROBLEMS_COMMAND, arguments: [analysis.uri, range.start.line, netId] } };
}

/** Lenses of a plan without nets: each heading with measures in its section, outermost first. */
function planLenses(analysis: Analysis): CodeLens[] {
  const { schema } = analysis.options;
  const lenses: CodeLens[] = [];
  const visit = (section: PlanSection) => {
    const measures = sectionMeasures(section);
    if (measures.length > 0) {
      const incomplete = measures.filter((measure) => missingFields(measure, schema).length > 0).length;
      lenses.push(lens(analysis, section.heading.span, { measures: measures.length, incomplete }, null));
    }
    section.children.forEach(visit);
  };
  planOutline(analysis.text, analysis.result.model).sections.forEach(visit);
  return lenses;
}

export async function codeLenses(drafts: Drafts, params: CodeLensParams): Promise<CodeLens[]> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return [];
  if (!hasNets(analysis.options.schema)) return planLenses(analysis);
  return summarizeNets(analysis.result.model, analysis.options.schema).map((summary) => lens(analysis, summary.net.headingSpan, summary, summary.net.netId));
}
