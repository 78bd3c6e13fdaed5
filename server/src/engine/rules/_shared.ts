/** Helpers shared by rules (not a rule: files starting with _ are skipped by the registry). */
import type { RuleContext } from '../rule';
import type { FieldKind, Fix, Measure, Span } from '../types';
import { insertFieldEdit } from '../fix';
import { CANONICAL_LABELS } from '../labels';
import { localize } from '../i18n';

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
export function inCode(context: RuleContext, offset: number): boolean {
  return context.model.codeSpans.some((span) => offset >= span.start && offset < span.end);
}

/** Scan the document's text spans (paragraphs, headings, cells) for a pattern, outside code. */
export function* scanText(context: RuleContext, pattern: RegExp): Generator<{ start: number; end: number; match: RegExpMatchArray }> {
  const seen = new Set<number>();
  for (const span of context.model.textSpans) {
    const slice = context.text.slice(span.start, span.end);
    pattern.lastIndex = 0;
    for (const match of slice.matchAll(pattern)) {
      const start = span.start + (match.index ?? 0);
      if (seen.has(start) || inCode(context, start)) continue;
      seen.add(start);
      yield { start, end: start + match[0].length, match };
    }
  }
}
