/**
 * Per-measure and per-net completeness, for the editor's outline, code lenses and hovers.
 * "Complete" means every required field is present, as in the task table (export.ts).
 */
import type { PolicySchema, RequiredField } from './schema';
import type { Field, Measure, NetSection, PolicyModel } from './types';
import { isPlaceholder } from './parse/measure';

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
  const flat = measure.text.replace(/<!--[\s\S]*?-->/gu, '').replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : flat;
}
