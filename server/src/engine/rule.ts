/**
 * What a rule is: metadata (id, description, default severity, fixable, messages in
 * zh-CN and en, examples that run as tests) and a check function. The lint wrapper
 * stamps rule id, severity and locale on every report, so a rule only says where and what.
 */
import type { LineIndex } from './lines';
import type { PolicySchema } from './schema';
import type { Fix, Locale, Measure, PolicyModel, Script, Severity, Span } from './types';

export interface Localized {
  en: string;
  'zh-CN': string;
}

export interface RuleMeta {
  id: string;
  description: Localized;
  /** Why the rule exists, for its doc page. */
  rationale: Localized;
  /**
   * 'section': the rule looks at measures and text of one section at a time, so the
   * incremental linter caches its results per section; 'document': it needs the whole
   * draft (the nets present), and runs on every change (it must stay cheap). A document
   * rule reads measures through `context.measures`: in the server, measures in
   * `model.nets` of unchanged sections are moved into place only when something reads them
   * (see lint.ts), while net headings, spans and `context.measures` are always in place.
   */
  scope: 'section' | 'document';
  defaultSeverity: Severity;
  /** Carries a fix that `lint --fix` applies. */
  fixable: boolean;
  /** Offers suggestions (code actions a person reviews). */
  hasSuggestions: boolean;
  messages: Record<string, Localized>;
  /** Drafts that must (invalid) and must not (valid) trigger the rule; run as tests and shown in docs. */
  examples: { invalid: string[]; valid: string[] };
}

export interface Report {
  span: Span;
  messageId: string;
  data?: Record<string, string | number>;
  fix?: Fix | null;
  suggestions?: Fix[];
}

export interface RuleContext {
  readonly text: string;
  readonly model: PolicyModel;
  readonly schema: PolicySchema;
  readonly lines: LineIndex;
  readonly locale: Locale;
  readonly script: Script;
  /** ISO date the draft is dated (frontmatter, then config), or null. */
  readonly documentDate: string | null;
  /** Known units (the roster), if configured. */
  readonly roster: readonly string[];
  /** All measures, in document order (nets first, then orphans). */
  readonly measures: readonly Measure[];
  readonly eol: string;
  /** Localize a message of another kind (e.g. a fix title). */
  t(message: Localized, data?: Record<string, string | number>): string;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
