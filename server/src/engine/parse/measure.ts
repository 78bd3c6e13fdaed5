/** Derived facts of a measure: lead owner and co-owners, metric, deadline. */
import type { Field, Measure, Span } from '../types';
import { isResponsibleListLabel, isSingleUnit, unitSpans } from '../labels';
import { findDeadlines, parseDeadline, type FoundDeadline } from '../deadline';
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

/** An empty list shared by every measure that has nothing in it (frozen: the lists are read-only). */
export const NONE: readonly never[] = Object.freeze([]);

function leadOwner(measure: Measure): { owner: Field | null; coOwners: readonly string[] } {
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
  // The common case, one owner field naming one unit: the field is the owner, and no list is built.
  if (lead && coFields === null && ownerFields?.length === 1 && isSingleUnit(lead.value)) return { owner: lead, coOwners: NONE };
  const coOwners: string[] = [];
  if (!lead) {
    for (const field of coFields ?? []) for (const unit of unitSpans(field.value)) coOwners.push(unit.value);
    return { owner: null, coOwners: coOwners.length > 0 ? coOwners : NONE };
  }
  const leadUnits = unitSpans(lead.value);
  const first = leadUnits[0];
  const owner: Field = first ? { ...lead, value: first.value, valueSpan: { start: lead.valueSpan.start + first.start, end: lead.valueSpan.start + first.start + first.value.length } } : lead;
  const add = (unit: string) => {
    if (unit !== owner.value && !coOwners.includes(unit)) coOwners.push(unit);
  };
  for (let i = 1; i < leadUnits.length; i++) add(leadUnits[i].value);
  for (const field of ownerFields ?? []) if (field !== lead) for (const unit of unitSpans(field.value)) add(unit.value);
  for (const field of coFields ?? []) for (const unit of unitSpans(field.value)) add(unit.value);
  return { owner, coOwners: coOwners.length > 0 ? coOwners : NONE };
}

/**
 * Results computed from a field's value and the document date, which drafts repeat across
 * measures (完成时限：2020年12月底前, 指标：完成率100%): each computed once. Results are
 * immutable. By document date, then value (no key string built per lookup); cleared past
 * 10,000 values.
 */
class DatedValueCache<T> {
  private readonly byDate = new Map<string, Map<string, T>>();
  private size = 0;

  constructor(private readonly compute: (value: string, documentDate: string | null) => T) {}

  get(value: string, documentDate: string | null): T {
    if (this.size > 10_000) {
      this.byDate.clear();
      this.size = 0;
    }
    const date = documentDate ?? '';
    let byValue = this.byDate.get(date);
    if (!byValue) this.byDate.set(date, (byValue = new Map<string, T>()));
    let result = byValue.get(value);
    if (result === undefined) {
      result = this.compute(value, documentDate);
      byValue.set(value, result);
      this.size++;
    }
    return result;
  }
}

const deadlineValues = new DatedValueCache((value, documentDate) => parseDeadline(value, { documentDate }));

/**
 * Does a metric field's value state a quantity (not counting dates: 2021年 is no target)? The
 * dates are looked for only when the value holds a quantity at all (leaving them out can only
 * remove one). Offsets are the value's own: the answer does not depend on where it stands.
 */
const metricValues = new DatedValueCache((raw, documentDate): boolean => {
  const value = simplify(raw);
  if (findQuantities(value, 0, NONE).length === 0) return false;
  const deadlines = findDeadlines(raw, { documentDate });
  return deadlines.length === 0 || findQuantities(value, 0, deadlines).length > 0;
});

export function finalizeMeasure(measure: Measure, prose: Span[], text: string, documentDate: string | null): void {
  measure.prose = prose;
  const { owner, coOwners } = leadOwner(measure);
  measure.owner = owner;
  measure.coOwners = coOwners;

  let deadlineField: Field | null = null;
  let metricField: Field | null = null;
  for (const field of measure.fields) {
    if (deadlineField === null && field.kind === 'deadline') deadlineField = field;
    else if (metricField === null && field.kind === 'metric' && field.value.length > 0) metricField = field;
  }

  // Loops rather than filter/map/flatMap chains: this runs for every measure of every draft.
  const options = { documentDate };
  const deadlineSpans: Span[] = [];
  let firstDeadline: FoundDeadline | null = null;
  let firstDeadlineStart = 0;
  // The prose in simplified script (length-preserving), so 15分鐘 reads like 15分钟.
  const pieces: string[] = [];
  for (const span of prose) {
    if (span.end <= span.start) continue;
    const piece = simplify(text.slice(span.start, span.end));
    pieces.push(piece);
    for (const found of findDeadlines(piece, options)) {
      deadlineSpans.push({ start: found.start + span.start, end: found.end + span.start });
      if (firstDeadline === null) {
        firstDeadline = found;
        firstDeadlineStart = span.start;
      }
    }
  }
  if (deadlineField) {
    measure.deadline = deadlineField;
    // A template placeholder (【待填写】, TBD) is unfilled-placeholder's to report, not a bad date.
    const parsed = isPlaceholder(deadlineField.value) ? null : deadlineValues.get(deadlineField.value, documentDate);
    if (parsed?.ok) measure.deadlineValue = parsed.value;
    else if (parsed) measure.deadlineProblem = parsed.reason;
  } else if (firstDeadline !== null) {
    const start = firstDeadline.start + firstDeadlineStart;
    const end = firstDeadline.end + firstDeadlineStart;
    measure.deadline = { kind: 'deadline', label: null, labelSpan: null, value: text.slice(start, end), valueSpan: { start, end }, source: 'text' };
    measure.deadlineValue = firstDeadline.value;
    // 年底前 or 5年内 with no document date to count from: a deadline that needs a year.
    if (firstDeadline.value === null) measure.deadlineProblem = firstDeadline.problem ?? 'needs-year';
  }

  measure.metric = metricField;
  const quantities: Span[] = [];
  let index = 0;
  for (const span of prose) {
    if (span.end <= span.start) continue;
    for (const quantity of findQuantities(pieces[index++], span.start, deadlineSpans)) quantities.push(quantity);
  }
  measure.quantities = quantities.length > 0 ? quantities : NONE;
  // A metric is a stated quantity (a number, a percentage, a count or a quota) in the measure or
  // its metric field; 指标：全覆盖 or a KPI that names a deliverable without one is not measurable.
  measure.hasMetric = quantities.length > 0 || (metricField !== null && metricValues.get(metricField.value, documentDate));
}
