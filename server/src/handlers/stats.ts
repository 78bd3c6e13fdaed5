/**
 * `fivenets/documentStats`: the numbers of the status bar item (nets present, measures,
 * incomplete measures) and the schema the draft is checked against (its name and why,
 * in the draft's locale), from the document's cached analysis of its current version.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { localize, type Locale, type Measure } from '../engine';
import { MESSAGES } from './messages';
import type { PolicySchema } from '../engine/schema';
import { allMeasures, missingFields } from '../engine/summary';
import { nameIn, schemaReason } from '../engine/hover';
import type { Analysis, Drafts } from './drafts';
import { DocumentStatsRequest, type DocumentStats, type DocumentStatsParams } from '../../../shared/protocol';

const NOT_A_DRAFT: Readonly<DocumentStats> = Object.freeze({
  isDraft: false,
  netsPresent: 0,
  netsTotal: 0,
  measures: 0,
  incomplete: 0,
  schema: '',
  schemaName: '',
  schemaFrom: null,
  schemaReason: '',
  text: '',
  tooltip: '',
});

/** Computed once per analysis (that is, per document version and config). */
const cache = new WeakMap<Analysis, DocumentStats>();

/** Missing a required field, or holding only a placeholder there (engine/summary.ts). */
export function isIncomplete(measure: Measure, schema: PolicySchema): boolean {
  return missingFields(measure, schema).length > 0;
}

export function statsOf(analysis: Analysis): DocumentStats {
  let stats = cache.get(analysis);
  if (!stats) {
    const { schema } = analysis.options;
    const { model } = analysis.result;
    const { from } = analysis.result.schema;
    const schemaNets = new Set(schema.nets.map((net) => net.id));
    const measures = allMeasures(model);
    const counts = {
      present: new Set(model.nets.map((net) => net.netId).filter((id) => schemaNets.has(id))).size,
      total: schemaNets.size,
      measures: measures.length,
      incomplete: measures.filter((measure) => isIncomplete(measure, schema)).length,
    };
    const schemaName = nameIn(schema.name, analysis.locale);
    const reason = schemaReason(schema, from, analysis.locale);
    stats = {
      isDraft: true,
      netsPresent: counts.present,
      netsTotal: counts.total,
      measures: counts.measures,
      incomplete: counts.incomplete,
      schema: schema.id,
      schemaName,
      schemaFrom: from,
      schemaReason: reason,
      ...statusText(counts, schemaName, reason, analysis.locale),
    };
    cache.set(analysis, stats);
  }
  return stats;
}

/**
 * The status bar's words, in the draft's locale like its diagnostics and lenses (not in
 * VS Code's display language): `5/5 张网 · 24 项措施 · 7 项不完整`, or the schema's name
 * where a schema without nets would count them.
 */
function statusText(counts: { present: number; total: number; measures: number; incomplete: number }, schemaName: string, reason: string, locale: Locale): { text: string; tooltip: string } {
  const byNets = counts.total > 0;
  const parts = [
    byNets ? localize(MESSAGES.statusNets, locale, counts) : schemaName,
    localize(counts.measures === 1 ? MESSAGES.measureOne : MESSAGES.measureCount, locale, { count: counts.measures }),
    localize(MESSAGES.statusIncomplete, locale, counts),
  ];
  const summary = localize(byNets ? MESSAGES.statusTooltipNets : MESSAGES.statusTooltip, locale, counts);
  return { text: parts.filter((part) => part).join(' · '), tooltip: `${summary}\n${localize(MESSAGES.statusSchema, locale, { name: schemaName, reason })}` };
}

export async function documentStats(drafts: Drafts, params: DocumentStatsParams): Promise<DocumentStats | null> {
  if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${DocumentStatsRequest.method} expects { uri: string }`);
  if (!drafts.isOpen(params.uri)) return null;
  const analysis = await drafts.analyze(params.uri);
  // Closed while its settings were fetched: unknown now.
  if (!drafts.isOpen(params.uri)) return null;
  if (analysis) return statsOf(analysis);
  const notDraft = drafts.notDraft(params.uri);
  return notDraft ? { ...NOT_A_DRAFT, notDraftReason: notDraft.reason, includeFrom: notDraft.includeFrom, suggestedSchema: notDraft.suggestedSchema } : { ...NOT_A_DRAFT };
}
