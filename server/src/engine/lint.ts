/**
 * The engine's entry point, shared by the CLI and the language server: text in,
 * policy model and diagnostics out. Pure: no I/O, no editor types.
 */
import type { LintDiagnostic, Locale, PolicyModel, Severity, SeveritySetting } from './types';
import type { PolicySchema } from './schema';
import type { RuleContext } from './rule';
import { RULES } from './rules';
import { buildModel } from './parse/model';
import { LineIndex } from './lines';
import { localize } from './i18n';
import { Directives } from './directives';
import { applyFixes } from './fix';

export interface LintOptions {
  schema: PolicySchema;
  locale?: Locale;
  /** Rule id -> severity override ('off' disables). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** Default document date (config); frontmatter `date` wins. */
  documentDate?: string | null;
  roster?: readonly string[];
  /** Called once per rule that throws; the rule's problem becomes one internal-error diagnostic. */
  onInternalError?: (ruleId: string, error: unknown) => void;
}

export interface LintResult {
  model: PolicyModel;
  diagnostics: LintDiagnostic[];
  lines: LineIndex;
}

export const INTERNAL_ERROR_RULE = 'internal-error';

function detectEol(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

export function lint(text: string, options: LintOptions): LintResult {
  const lines = new LineIndex(text);
  const model = buildModel(text, { schema: options.schema, documentDate: options.documentDate ?? null });
  return { model, lines, diagnostics: lintModel(text, model, lines, options) };
}

/** Run the rules on a model already built (the server reuses models). */
export function lintModel(text: string, model: PolicyModel, lines: LineIndex, options: LintOptions): LintDiagnostic[] {
  const locale = options.locale ?? 'zh-CN';
  const directives = new Directives(model, lines);
  if (directives.disablesFile) return [];
  const diagnostics: LintDiagnostic[] = [];
  const measures = [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
  const eol = detectEol(text);
  for (const rule of RULES) {
    const setting = options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const context: RuleContext = {
      text,
      model,
      schema: options.schema,
      lines,
      locale,
      script: model.script,
      documentDate: model.meta.date ?? options.documentDate ?? null,
      roster: options.roster ?? [],
      measures,
      eol,
      t: (message, data) => localize(message, locale, data),
      report(report) {
        const message = rule.meta.messages[report.messageId];
        const range = lines.rangeOf(report.span);
        if (directives.isDisabled(rule.meta.id, range.start.line)) return;
        diagnostics.push({
          rule: rule.meta.id,
          severity,
          message: message ? localize(message, locale, report.data) : report.messageId,
          span: report.span,
          range,
          fix: rule.meta.fixable ? (report.fix ?? null) : null,
          suggestions: report.suggestions ?? [],
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      options.onInternalError?.(rule.meta.id, error);
      const span = { start: 0, end: 0 };
      diagnostics.push({
        rule: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: localize({ en: 'Rule {rule} failed on this document: {error}', 'zh-CN': '规则 {rule} 处理本文档时出错：{error}' }, locale, {
          rule: rule.meta.id,
          error: error instanceof Error ? error.message : String(error),
        }),
        span,
        range: lines.rangeOf(span),
        fix: null,
        suggestions: [],
      });
    }
  }
  return diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
}

/**
 * Apply every fix, re-linting between passes (fixes that touched the same place wait for
 * the next pass), at most `maxPasses` times. Returns the fixed text.
 */
export function fixAll(text: string, options: LintOptions, filter?: (ruleId: string) => boolean, maxPasses = 10): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { diagnostics } = lint(current, options);
    const fixes = diagnostics.filter((diagnostic) => diagnostic.fix && (!filter || filter(diagnostic.rule))).map((diagnostic) => diagnostic.fix as NonNullable<typeof diagnostic.fix>);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixed += result.applied;
  }
  return { text: current, fixed };
}
