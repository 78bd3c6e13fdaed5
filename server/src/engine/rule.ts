/**
 * What a rule is: metadata (id, description, default severity, fixable, messages in
 * zh-CN and en, examples that run as tests) and a check function. The lint wrapper
 * stamps rule id, severity and locale on every report, so a rule only says where and what.
 */
import type { LineIndex } from './lines';
import type { TextSource } from './text-source';
import type { PolicySchema } from './schema';
import type { DocumentMeta, Fix, Locale, Measure, PolicyOutline, Script, Severity, Span } from './types';

export interface Localized {
  en: string;
  'zh-CN': string;
}

export interface RuleMeta<Scope extends 'section' | 'document' = 'section' | 'document'> {
  id: string;
  description: Localized;
  /** Why the rule exists, for its doc page. */
  rationale: Localized;
  /**
   * 'section': the rule looks at the measures and text of one section at a time, so the
   * incremental linter caches its results per section; 'document': it needs the whole
   * draft's outline (the nets present), and runs on every change (it must stay cheap).
   */
  scope: Scope;
  defaultSeverity: Severity;
  /** Carries a fix that `lint --fix` applies. */
  fixable: boolean;
  /** Offers suggestions (code actions a person reviews). */
  hasSuggestions: boolean;
  messages: Record<string, Localized>;
  /** Drafts that must (invalid) and must not (valid) trigger the rule; run as tests and shown in docs. */
  examples: RuleExamples;
}

/**
 * Drafts that must (invalid) and must not (valid) trigger the rule. `expected` gives, for
 * each invalid example, the rule's reports as `line:column-line:column: message` (1-based,
 * columns in UTF-16 code units, English messages, document date EXAMPLE_DATE), as
 * remark-lint's examples do: the doc page shows them and test/rules/examples.test.ts checks
 * them, so the docs cannot drift from what the rule does.
 */
export interface RuleExamples {
  invalid: string[];
  valid: string[];
  expected: string[][];
}

/** The document date rule examples are linted with (a draft's frontmatter date wins). */
export const EXAMPLE_DATE = '2020-07-01';

export interface Report {
  span: Span;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: Fix | null;
  suggestions?: Fix[];
}

/** What every rule gets, whatever its scope. */
export interface RuleContext {
  /**
   * The text the spans of `measures` (and of a section rule's view) point into: the whole
   * draft, or for a section rule possibly its section alone, spans then counted from the
   * section's start. Read it at those spans only (a string, or the pieces of a large draft).
   */
  readonly text: TextSource;
  readonly schema: PolicySchema;
  readonly locale: Locale;
  readonly script: Script;
  /** ISO date the draft is dated (frontmatter, then config), or null. */
  readonly documentDate: string | null;
  /** Known units (the roster), if configured. */
  readonly roster: readonly string[];
  /**
   * The measures the rule looks at, in document order, at their offsets in `text`: the
   * section's for a section rule, all of them for a document rule (reading them puts every
   * section in place, so a document rule that can do without them stays cheap). The only
   * road to measure spans.
   */
  readonly measures: readonly Measure[];
  readonly eol: string;
  /** Localize a message of another kind (e.g. a fix title). */
  t(message: Localized, data?: Record<string, string | number>): string;
  report(report: Report): void;
}

/** What a section rule sees of its section besides its measures. */
export interface SectionView {
  /** Frontmatter data (only the first section holds any). */
  readonly meta: DocumentMeta;
  /** Code and HTML spans (rules that scan raw text skip them). */
  readonly codeSpans: readonly Span[];
  /** Paragraph, heading and cell text spans, for rules that scan text. */
  readonly textSpans: readonly Span[];
}

export interface SectionRuleContext extends RuleContext {
  readonly section: SectionView;
}

export interface DocumentRuleContext extends RuleContext {
  readonly outline: PolicyOutline;
  /** Lines of the whole draft (section rules get none: they may run on their section's text alone). */
  readonly lines: LineIndex;
}

export interface SectionRule {
  meta: RuleMeta<'section'>;
  check(context: SectionRuleContext): void;
}

export interface DocumentRule {
  meta: RuleMeta<'document'>;
  check(context: DocumentRuleContext): void;
}

export type Rule = SectionRule | DocumentRule;

export function isSectionRule(rule: Rule): rule is SectionRule {
  return rule.meta.scope === 'section';
}

export function isDocumentRule(rule: Rule): rule is DocumentRule {
  return rule.meta.scope === 'document';
}
