/** Derived facts of a measure: lead owner and co-owners, metric, deadline. */
import type { Field, Measure, Span } from '../types';
import { isResponsibleListLabel, unitSpans } from '../labels';
import { findDeadlines, parseDeadline } from '../deadline';
import { findQuantities } from './quantity';
import { simplify } from '../script';
import { isPlaceholder } from '../vocabulary';

/** The units of an owner field, each with its own span. */
export function unitsOf(field: Field): Array<{ value: string; span: Span }> {
  return unitSpans(field.value).map((unit) => ({
    value: unit.value,
    span: { start: field.valueSpan.start + unit.start, end: field.valueSpan.start + unit.start + unit.value.length },
  }));
}

function leadOwner(measure: Measure): { owner: Field | null; coOwners: string[] } {
  // One pass over the fields (most measures have one owner field and no co-owners).
  let ownerFields: Field[] | null = null;
  let coFields: Field[] | null = null;
  let lead: Field | null = null;
  for (const field of measure.fields) {
    if (field.value.length === 0) continue;
    if (field.kind === 'owner') {
      (ownerFields ??= []).push(field);
      // 牵头单位 (or the verb form) names the lead; 责任单位 alone lists units of which the first leads.
      if (lead === null && (field.label === null || !isResponsibleListLabel(field.label))) lead = field;
    } else if (field.kind === 'coOwners') (coFields ??= []).push(field);
  }
  lead ??= ownerFields?.[0] ?? null;
  const coOwners: string[] = [];
  if (!lead) {
    for (const field of coFields ?? []) for (const unit of unitSpans(field.value)) coOwners.push(unit.value);
    return { owner: null, coOwners };
  }
  const leadUnits = unitSpans(lead.value);
  const first = leadUnits[0];
  const owner: Field = first
    ? { ...lead, value: first.value, valueSpan: { start: lead.valueSpan.start + first.start, end: lead.valueSpan.start + first.start + first.value.length } }
    : lead;
  const add = (unit: string) => {
    if (unit !== owner.value && !coOwners.includes(unit)) coOwners.push(unit);
  };
  for (let i = 1; i < leadUnits.length; i++) add(leadUnits[i].value);
  for (const field of ownerFields ?? []) if (field !== lead) for (const unit of unitSpans(field.value)) add(unit.value);
  for (const field of coFields ?? []) for (const unit of unitSpans(field.value)) add(unit.value);
  return { owner, coOwners };
}

function proseText(text: string, spans: Span[]): Array<{ text: string; start: number }> {
  // Simplified script (length-preserving) so 15分鐘 reads like 15分钟.
  return spans.filter((span) => span.end > span.start).map((span) => ({ text: simplify(text.slice(span.start, span.end)), start: span.start }));
}

/** Deadline values repeat across a draft (2020年12月底前…): parse each once. Results are immutable. */
const deadlineCache = new Map<string, ReturnType<typeof parseDeadline>>();

function parseDeadlineCached(value: string, documentDate: string | null): ReturnType<typeof parseDeadline> {
  const key = `${documentDate ?? ''}\u0000${value}`;
  let parsed = deadlineCache.get(key);
  if (!parsed) {
    if (deadlineCache.size > 10_000) deadlineCache.clear();
    parsed = parseDeadline(value, { documentDate });
    deadlineCache.set(key, parsed);
  }
  return parsed;
}



export function finalizeMeasure(measure: Measure, prose: Span[], text: string, documentDate: string | null): void {
  measure.prose = prose;
  const { owner, coOwners } = leadOwner(measure);
  measure.owner = owner;
  measure.coOwners = coOwners;

  const options = { documentDate };
  const deadlineField = measure.fields.find((field) => field.kind === 'deadline') ?? null;
  const deadlineSpans: Span[] = [];
  const pieces = proseText(text, prose);
  const textDeadlines = pieces.flatMap((piece) =>
    findDeadlines(piece.text, options).map((found) => ({ ...found, start: found.start + piece.start, end: found.end + piece.start })),
  );
  for (const found of textDeadlines) deadlineSpans.push({ start: found.start, end: found.end });
  if (deadlineField) {
    measure.deadline = deadlineField;
    // A template placeholder (【待填写】, TBD) is unfilled-placeholder's to report, not a bad date.
    const parsed = isPlaceholder(deadlineField.value) ? null : parseDeadlineCached(deadlineField.value, documentDate);
    if (parsed?.ok) measure.deadlineValue = parsed.value;
    else if (parsed) measure.deadlineProblem = parsed.reason;
  } else if (textDeadlines.length > 0) {
    const found = textDeadlines[0];
    measure.deadline = {
      kind: 'deadline',
      label: null,
      labelSpan: null,
      value: text.slice(found.start, found.end),
      valueSpan: { start: found.start, end: found.end },
      source: 'text',
    };
    measure.deadlineValue = found.value;
    // 年底前 or 5年内 with no document date to count from: a deadline that needs a year.
    if (found.value === null) measure.deadlineProblem = found.problem ?? 'needs-year';
  }

  const metricField = measure.fields.find((field) => field.kind === 'metric' && field.value.length > 0) ?? null;
  measure.metric = metricField;
  const quantities = pieces.flatMap((piece) => findQuantities(piece.text, piece.start, deadlineSpans));
  measure.quantities = quantities;
  let metricHasQuantity = false;
  if (metricField) {
    const fieldDeadlines = findDeadlines(metricField.value, options).map((found) => ({
      start: found.start + metricField.valueSpan.start,
      end: found.end + metricField.valueSpan.start,
    }));
    metricHasQuantity = findQuantities(simplify(metricField.value), metricField.valueSpan.start, fieldDeadlines).length > 0;
  }
  // A metric is a stated quantity (a number, a percentage, a count or a quota) in the measure or
  // its metric field; 指标：全覆盖 or a KPI that names a deliverable without one is not measurable.
  measure.hasMetric = quantities.length > 0 || metricHasQuantity;
}
