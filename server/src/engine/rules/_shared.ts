/** Helpers shared by rules (not a rule: files starting with _ are skipped by the registry). */
import type { RuleContext, SectionRuleContext } from '../rule';
import type { Field, FieldKind, Fix, Measure, Script, Span } from '../types';
import { insertFieldEdit } from '../fix';
import { CANONICAL_LABELS } from '../labels';
import { localize } from '../i18n';
import { isPlaceholder, isVagueOwner } from '../vocabulary';

const FIX_TITLE = {
  en: 'Insert {label} template',
  'zh-CN': '插入“{label}”模板',
};

export function missingFieldFix(context: RuleContext, measure: Measure, kind: FieldKind): Fix {
  const label = CANONICAL_LABELS[context.script][kind];
  return { title: localize(FIX_TITLE, context.locale, { label }), edits: [insertFieldEdit(measure, kind, context.script, context.eol)] };
}

/** Where to report a problem of a whole measure: its text (or the whole measure when the text is empty). */
export function measureSpan(measure: Measure): Span {
  return measure.textSpan.end > measure.textSpan.start ? measure.textSpan : measure.span;
}

/** A short excerpt of a measure's text for messages. */
export function excerpt(text: string, length = 16): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

/** Is this offset inside code or an HTML comment? */
export function inCode(context: SectionRuleContext, offset: number): boolean {
  return context.section.codeSpans.some((span) => offset >= span.start && offset < span.end);
}

/** Scan the document's text spans (paragraphs, headings, cells) for a pattern, outside code. */
export function* scanText(context: SectionRuleContext, pattern: RegExp): Generator<{ start: number; end: number; match: RegExpMatchArray }> {
  const seen = new Set<number>();
  // One copy of the (global) pattern per scan, not one per text span as matchAll makes.
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const span of context.section.textSpans) {
    const slice = context.text.slice(span.start, span.end);
    re.lastIndex = 0;
    for (let match = re.exec(slice); match !== null; match = re.exec(slice)) {
      if (match[0].length === 0) re.lastIndex++;
      const start = span.start + match.index;
      if (seen.has(start) || inCode(context, start)) continue;
      seen.add(start);
      yield { start, end: start + match[0].length, match };
    }
  }
}

/** How many values a placeholder or vague value is offered as quick fixes (the roster may be long). */
export const MAX_VALUE_SUGGESTIONS = 8;

/** The title of a quick fix that writes an owner; the server's workspace owners use it too. */
export const USE_OWNER = { en: 'Use "{value}"', 'zh-CN': '填写“{value}”' };

/** A required field the drafter wrote but left as a template placeholder (【待填写】, TBD). */
export function placeholderField(measure: Measure, kind: FieldKind): Field | null {
  return measure.fields.find((field) => field.kind === kind && isPlaceholder(field.value)) ?? null;
}

/** Roster units to put in place of a placeholder or vague owner at `span` (vague ones never). */
export function ownerSuggestions(context: RuleContext, span: Span): Fix[] {
  return context.roster
    .filter((unit) => unit.trim() !== '' && !isVagueOwner(unit) && !isPlaceholder(unit))
    .slice(0, MAX_VALUE_SUGGESTIONS)
    .map((unit) => ({ title: localize(USE_OWNER, context.locale, { value: unit }), edits: [{ span, newText: unit }] }));
}

const PERIOD_ENDS = [
  { months: 3, title: { en: 'Use "{value}" (end of this quarter)', 'zh-CN': '填写“{value}”（本季度末）' } },
  { months: 6, title: { en: 'Use "{value}" (end of this half-year)', 'zh-CN': '填写“{value}”（本半年末）' } },
  { months: 12, title: { en: 'Use "{value}" (end of this year)', 'zh-CN': '填写“{value}”（本年末）' } },
];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A month-end deadline the deadline grammar reads back: 2021年6月底前, by end of June 2021. */
function monthEndDeadline(year: number, month: number, script: Script): string {
  return script === 'en' ? `by end of ${MONTH_NAMES[month - 1]} ${year}` : `${year}年${month}月底前`;
}

/**
 * Deadlines to put in place of a placeholder or vague one at `span`: the end of the quarter,
 * the half-year and the year the document is dated in. None without a document date (a
 * date counted from today would change the draft's meaning from one day to the next).
 */
export function deadlineSuggestions(context: RuleContext, span: Span): Fix[] {
  return periodEnds(context.documentDate, context.script, context.locale).map(({ title, value }) => ({ title, edits: [{ span, newText: value }] }));
}

/** The period ends of a document date, titled (the same for every deadline of a draft: computed once). */
let lastPeriodEnds: { key: string; ends: Array<{ title: string; value: string }> } | null = null;

function periodEnds(documentDate: string | null, script: Script, locale: RuleContext['locale']): Array<{ title: string; value: string }> {
  const key = `${documentDate ?? ''}\u0000${script}\u0000${locale}`;
  if (lastPeriodEnds?.key === key) return lastPeriodEnds.ends;
  const ends: Array<{ title: string; value: string }> = [];
  const match = /^(\d{4})-(\d{2})/u.exec(documentDate ?? '');
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    for (const period of PERIOD_ENDS) {
      const value = monthEndDeadline(year, Math.ceil(month / period.months) * period.months, script);
      // In December the quarter, half-year and year end on one day: offer it once.
      if (ends.some((end) => end.value === value)) continue;
      ends.push({ title: localize(period.title, locale, { value }), value });
    }
  }
  lastPeriodEnds = { key, ends };
  return ends;
}
