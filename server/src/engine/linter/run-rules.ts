/**
 * The rule runner: runs the section rules over one section or the document rules over the
 * outline, with one context per run, and turns their reports into diagnostics (rule id,
 * severity and localized message stamped; spans copied, relative to the section's start).
 * A rule that throws becomes one internal-error diagnostic and one log.
 */
import type { DocumentMeta, Locale, Measure, PolicyModel, PolicyOutline, Severity } from '../types';
import type { PolicySchema } from '../schema';
import type { LineIndex } from '../lines';
import { someBlock, type TextSource } from '../text-source';
import type { LintOptions } from '../lint';
import type { Fragment } from '../parse/model';
import { netOutlines } from '../parse/sections';
import { isDocumentRule, isSectionRule, type DocumentRuleContext, type Rule, type Localized, type Report, type RuleContext, type RuleMeta, type SectionRuleContext, type SectionView } from '../rule';
import { RULES } from '../rules';
import { localize } from '../i18n';
import { copyFix, INTERNAL_ERROR_RULE, type SectionDiagnostic } from './groups';

/** Rules that look at one section at a time: their diagnostics are cached per section. */
const SECTION_RULES = RULES.filter(isSectionRule);
/**
 * Run on every update with the model's outline (assembleModel): the nets' headings and
 * extents, unknown net headings, front matter and comments are at their offsets; measures'
 * spans are only through `context.measures` (which moves every section into place first).
 */
const DOCUMENT_RULES = RULES.filter(isDocumentRule);

/** What rules of either scope run with. */
export interface RunInput {
  text: TextSource;
  /** The measures the rules look at; a function: document rules rarely need them, and a large draft has many. */
  measures: () => readonly Measure[];
  lines: () => LineIndex;
  documentDate: string | null;
  script: PolicyModel['script'];
  eol: string;
}

const INTERNAL_ERROR_MESSAGE = { en: 'Rule {rule} failed on this document: {error}', 'zh-CN': '规则 {rule} 处理本文档时出错：{error}' };

/** What section rules see of a section besides its measures. */
export function sectionView(fragment: Pick<Fragment, 'meta' | 'codeSpans' | 'textSpans'>): SectionView {
  return { meta: fragment.meta ?? NO_META, codeSpans: fragment.codeSpans, textSpans: fragment.textSpans };
}

const NO_META: DocumentMeta = Object.freeze({ title: null, date: null, schema: null, frontmatterSpan: null });

/** The draft's line break, from its first one: fixes insert lines with it (CR-only files exist too). */
export function detectEol(text: TextSource): string {
  let eol = '\n';
  // A PieceText's pieces start at line starts: a \r\n pair is never split between two.
  someBlock(text, (block) => {
    const match = /\r\n?|\n/u.exec(block);
    if (match) eol = match[0];
    return match !== null;
  });
  return eol;
}

/**
 * The context rules of either scope share, one per run of the rules (not per rule): `report`
 * stamps the id and severity of the rule running now, and stores spans relative to `origin`
 * (the start of the section the rules run on, or 0).
 */
class SharedContext implements RuleContext {
  readonly pending: SectionDiagnostic[] = [];
  readonly text: TextSource;
  readonly schema: PolicySchema;
  readonly locale: Locale;
  readonly script: PolicyModel['script'];
  readonly documentDate: string | null;
  readonly roster: readonly string[];
  readonly eol: string;
  /** The rule running now, and its severity. */
  rule: RuleMeta | null = null;
  severity: Severity = 'info';
  private measureList: readonly Measure[] | null = null;

  constructor(
    protected readonly run: RunInput,
    options: LintOptions,
    readonly origin: number,
  ) {
    this.text = run.text;
    this.schema = options.schema;
    this.locale = options.locale ?? 'zh-CN';
    this.script = run.script;
    this.documentDate = run.documentDate;
    this.roster = options.roster ?? [];
    this.eol = run.eol;
  }

  get measures(): readonly Measure[] {
    this.measureList ??= this.run.measures();
    return this.measureList;
  }

  readonly t = (message: Localized, data?: Record<string, string | number>): string => localize(message, this.locale, data);

  readonly report = (report: Report): void => {
    const meta = this.rule as RuleMeta;
    const message = meta.messages[report.messageId];
    const origin = this.origin;
    // Spans are copied (relative to the origin): a rule may hand over a span of the model,
    // which moves with the model.
    this.pending.push({
      rule: meta.id,
      severity: this.severity,
      message: message ? localize(message, this.locale, report.data) : report.messageId,
      span: { start: report.span.start - origin, end: report.span.end - origin },
      fix: meta.fixable && report.fix ? copyFix(report.fix, -origin) : null,
      suggestions: (report.suggestions ?? []).map((fix) => copyFix(fix, -origin)),
    });
  };
}

class SectionRunContext extends SharedContext implements SectionRuleContext {
  constructor(
    run: RunInput,
    options: LintOptions,
    origin: number,
    readonly section: SectionView,
  ) {
    super(run, options, origin);
  }
}

class DocumentRunContext extends SharedContext implements DocumentRuleContext {
  private lineIndex: LineIndex | null = null;

  constructor(
    run: RunInput,
    options: LintOptions,
    readonly outline: PolicyOutline,
  ) {
    super(run, options, 0);
  }

  get lines(): LineIndex {
    this.lineIndex ??= this.run.lines();
    return this.lineIndex;
  }
}

/** Section rules over one section; the spans they report are stored relative to `origin` (the section's start). */
export function runSectionRules(run: RunInput, section: SectionView, options: LintOptions, reported: Set<string>, origin: number): SectionDiagnostic[] {
  return runEach<SectionRunContext>(SECTION_RULES, new SectionRunContext(run, options, origin, section), options, reported);
}

/** Document rules over the outline (absolute spans). */
export function runDocumentRules(run: RunInput, outline: PolicyOutline, options: LintOptions, reported: Set<string>): SectionDiagnostic[] {
  return runEach<DocumentRunContext>(DOCUMENT_RULES, new DocumentRunContext(run, options, outline), options, reported);
}

function runEach<C extends SharedContext>(rules: readonly { meta: RuleMeta; check(context: C): void }[], context: C, options: LintOptions, reported: Set<string>): SectionDiagnostic[] {
  for (const rule of rules) {
    const setting = options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    context.rule = rule.meta;
    context.severity = setting;
    try {
      rule.check(context);
    } catch (error) {
      // One diagnostic and one log per failing rule; the other rules still report.
      if (!reported.has(rule.meta.id)) {
        reported.add(rule.meta.id);
        options.onInternalError?.(rule.meta.id, error);
      }
      const origin = context.origin;
      context.pending.push({
        rule: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: localize(INTERNAL_ERROR_MESSAGE, context.locale, { rule: rule.meta.id, error: error instanceof Error ? error.message : String(error) }),
        span: { start: -origin, end: -origin },
        fix: null,
        suggestions: [],
      });
    }
  }
  return context.pending;
}

/**
 * One rule's reports as the rule made them, over a whole model: fixes are kept even when the
 * rule is not marked fixable (the runner drops them), so test/rules/examples.test.ts can hold
 * a rule to its `fixable` flag.
 */
export function rawReports(rule: Rule, text: string, model: PolicyModel, lines: LineIndex, options: LintOptions): Report[] {
  const reports: Report[] = [];
  const record = { report: (report: Report): void => void reports.push(report) };
  const run: RunInput = {
    text,
    measures: () => [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures],
    lines: () => lines,
    documentDate: model.meta.date ?? options.documentDate ?? null,
    script: model.script,
    eol: detectEol(text),
  };
  if (isSectionRule(rule)) {
    rule.check(Object.assign(new SectionRunContext(run, options, 0, sectionView({ meta: model.meta, codeSpans: model.codeSpans, textSpans: model.textSpans })), record));
  } else {
    const { meta, unknownNets, script, codeSpans, textSpans, comments } = model;
    rule.check(Object.assign(new DocumentRunContext(run, options, { meta, nets: netOutlines(model.nets), unknownNets, script, codeSpans, textSpans, comments }), record));
  }
  return reports;
}
