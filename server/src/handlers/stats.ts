/**
 * `fivenets/documentStats`: the numbers of the status bar item (nets present, measures,
 * incomplete measures) and the schema the draft is checked against (its name and why,
 * in the draft's locale), from the document's cached analysis of its current version.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Measure } from '../engine';
import type { PolicySchema } from '../engine/schema';
import { allMeasures, missingFields } from '../engine/summary';
import { nameIn, schemaReason } from '../engine/hover';
import type { Analysis, Drafts } from './drafts';
import type { DocumentStats, DocumentStatsParams } from './protocol';

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
    stats = {
      isDraft: true,
      netsPresent: new Set(model.nets.map((net) => net.netId).filter((id) => schemaNets.has(id))).size,
      netsTotal: schemaNets.size,
      measures: measures.length,
      incomplete: measures.filter((measure) => isIncomplete(measure, schema)).length,
      schema: schema.id,
      schemaName: nameIn(schema.name, analysis.locale),
      schemaFrom: from,
      schemaReason: schemaReason(schema, from, analysis.locale),
    };
    cache.set(analysis, stats);
  }
  return stats;
}

export async function documentStats(drafts: Drafts, params: DocumentStatsParams): Promise<DocumentStats | null> {
  if (typeof params?.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'fivenets/documentStats expects { uri: string }');
  if (!drafts.isOpen(params.uri)) return null;
  const analysis = await drafts.analyze(params.uri);
  // Closed while its settings were fetched: unknown now.
  if (!drafts.isOpen(params.uri)) return null;
  return analysis ? statsOf(analysis) : { ...NOT_A_DRAFT };
}
