/**
 * The engine's entry point, shared by the CLI and the language server: text in, policy
 * model and diagnostics out. Pure: no I/O, no editor types.
 *
 * Linting is incremental: the draft is split into sections (parse/sections.ts), each
 * section's model fragment and section-scope diagnostics are cached by its text and the
 * context it starts in, and only document-scope rules (which look at the nets present) run
 * on every change. `lint()` uses a fresh cache; the language server keeps an
 * `IncrementalLinter` per open document, so an edit costs one section, not the draft.
 */
import type { Fix, LintDiagnostic, Locale, PolicyModel, Severity, SeveritySetting, Span } from './types';
import type { PolicySchema } from './schema';
import type { Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { buildFragment, contextKey, START_CONTEXT, type Fragment } from './parse/model';
import { assembleModel, moveFragment, splitSections } from './parse/sections';
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

/** A diagnostic before its range is known (spans relative to the text the rule saw). */
interface Pending {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fix: Fix | null;
  suggestions: Fix[];
}

/** The draft's line break, from its first one: fixes insert lines with it (CR-only files exist too). */
function detectEol(text: string): string {
  const match = /\r\n?|\n/u.exec(text);
  return match ? match[0] : '\n';
}

interface RunContext {
  text: string;
  model: PolicyModel;
  measures: PolicyModel['nets'][number]['measures'];
  lines: () => LineIndex;
  documentDate: string | null;
  script: PolicyModel['script'];
  eol: string;
}

const INTERNAL_ERROR_MESSAGE = { en: 'Rule {rule} failed on this document: {error}', 'zh-CN': '规则 {rule} 处理本文档时出错：{error}' };

function runRules(rules: readonly Rule[], run: RunContext, options: LintOptions, reported: Set<string>): Pending[] {
  const locale = options.locale ?? 'zh-CN';
  const pending: Pending[] = [];
  let lineIndex: LineIndex | null = null;
  for (const rule of rules) {
    const setting = options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const severity: Severity = setting;
    const context: RuleContext = {
      text: run.text,
      model: run.model,
      schema: options.schema,
      get lines() {
        lineIndex ??= run.lines();
        return lineIndex;
      },
      locale,
      script: run.script,
      documentDate: run.documentDate,
      roster: options.roster ?? [],
      measures: run.measures,
      eol: run.eol,
      t: (message, data) => localize(message, locale, data),
      report(report) {
        const message = rule.meta.messages[report.messageId];
        // Spans are copied: a rule may hand over a span of the model, and cached diagnostics
        // move independently of the model's spans.
        pending.push({
          rule: rule.meta.id,
          severity,
          message: message ? localize(message, locale, report.data) : report.messageId,
          span: { start: report.span.start, end: report.span.end },
          fix: rule.meta.fixable && report.fix ? copyFix(report.fix) : null,
          suggestions: (report.suggestions ?? []).map(copyFix),
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      // One diagnostic and one log per failing rule; the other rules still report.
      if (!reported.has(rule.meta.id)) {
        reported.add(rule.meta.id);
        options.onInternalError?.(rule.meta.id, error);
      }
      pending.push({
        rule: INTERNAL_ERROR_RULE,
        severity: 'error',
        message: localize(INTERNAL_ERROR_MESSAGE, locale, { rule: rule.meta.id, error: error instanceof Error ? error.message : String(error) }),
        span: { start: 0, end: 0 },
        fix: null,
        suggestions: [],
      });
    }
  }
  return pending;
}

function copyFix(fix: Fix): Fix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ span: { start: edit.span.start, end: edit.span.end }, newText: edit.newText })) };
}

function movePending(items: Pending[], delta: number): void {
  if (delta === 0) return;
  const moved = new Set<Span>();
  const move = (span: Span) => {
    if (moved.has(span)) return;
    moved.add(span);
    span.start += delta;
    span.end += delta;
  };
  for (const item of items) {
    move(item.span);
    for (const fix of [item.fix, ...item.suggestions]) for (const edit of fix?.edits ?? []) move(edit.span);
  }
}

function finish(pending: Pending[], model: PolicyModel, lines: LineIndex): LintDiagnostic[] {
  const directives = new Directives(model, lines);
  if (directives.disablesFile) return [];
  const diagnostics: LintDiagnostic[] = [];
  for (const item of pending) {
    const range = lines.rangeOf(item.span);
    if (item.rule !== INTERNAL_ERROR_RULE && directives.isDisabled(item.rule, range.start.line)) continue;
    diagnostics.push({ ...item, range });
  }
  return diagnostics.sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule),
  );
}

const SECTION_RULES = RULES.filter((rule) => rule.meta.scope === 'section');
const DOCUMENT_RULES = RULES.filter((rule) => rule.meta.scope === 'document');

interface CacheEntry {
  fragment: Fragment;
  /** Where the fragment's spans (and its pending diagnostics) currently start. */
  base: number;
  /** The update that last used this entry (an entry serves one section per update). */
  generation: number;
  /** Section-scope diagnostics and the settings they were computed with. */
  pending: Pending[] | null;
  pendingKey: string;
}

function fragmentModel(fragment: Fragment, script: PolicyModel['script']): PolicyModel {
  return {
    meta: fragment.meta ?? { title: null, date: null, schema: null, frontmatterSpan: null },
    nets: fragment.nets,
    orphanMeasures: fragment.orphans,
    unknownNets: fragment.unknownNets,
    script,
    codeSpans: fragment.codeSpans,
    textSpans: fragment.textSpans,
    comments: fragment.comments,
  };
}

/**
 * Lints successive versions of one document, re-parsing only the sections that changed.
 * `split: false` parses the draft as one section (the reference the tests compare with).
 *
 * A result stays valid until the next `update()`: unchanged sections are reused and their
 * spans moved in place, so objects of an older result may then point into the newer text.
 */
export class IncrementalLinter {
  private cache = new Map<string, CacheEntry>();
  private readonly reported = new Set<string>();
  private readonly settingsKey: string;
  private generation = 0;

  constructor(
    private readonly options: LintOptions,
    private readonly split = true,
  ) {
    this.settingsKey = JSON.stringify([options.locale ?? 'zh-CN', options.severities ?? {}, options.roster ?? []]);
  }

  update(text: string): LintResult {
    const generation = ++this.generation;
    const starts = this.split ? splitSections(text) : [0];
    const next = new Map<string, CacheEntry>();
    const entries: CacheEntry[] = [];
    let context = START_CONTEXT;
    let documentDate = this.options.documentDate ?? null;
    for (let index = 0; index < starts.length; index++) {
      const sectionText = text.slice(starts[index], index + 1 < starts.length ? starts[index + 1] : text.length);
      const key = `${index === 0 ? 'first' : documentDate ?? ''}\u0000${contextKey(context)}\u0000${sectionText}`;
      let entry = next.get(key) ?? this.cache.get(key);
      if (!entry || entry.generation === generation) {
        // New text, or the same text twice in one draft: the second copy gets its own fragment.
        const fragment = buildFragment(sectionText, { schema: this.options.schema, documentDate }, context, index === 0);
        entry = { fragment, base: 0, generation, pending: null, pendingKey: '' };
        if (!next.has(key)) next.set(key, entry);
      } else {
        entry.generation = generation;
        next.set(key, entry);
      }
      const delta = starts[index] - entry.base;
      moveFragment(entry.fragment, delta);
      if (entry.pending) movePending(entry.pending, delta);
      entry.base = starts[index];
      entries.push(entry);
      // The frontmatter date (first section) applies to every later section.
      if (index === 0) documentDate = entry.fragment.meta?.date ?? this.options.documentDate ?? null;
      context = entry.fragment.outContext;
    }
    this.cache = next;

    const model = assembleModel(
      entries.map((entry) => entry.fragment),
      text,
    );
    const lines = new LineIndex(text);
    const eol = detectEol(text);
    const pendingKey = `${this.settingsKey}\u0000${model.script}\u0000${eol}\u0000${documentDate ?? ''}`;
    const pending: Pending[] = [];
    for (const entry of entries) {
      if (entry.pending === null || entry.pendingKey !== pendingKey) {
        // Section rules see the whole text and the section's own measures and spans (absolute offsets).
        entry.pending = runRules(
          SECTION_RULES,
          {
            text,
            model: fragmentModel(entry.fragment, model.script),
            measures: entry.fragment.measures,
            lines: () => lines,
            documentDate,
            script: model.script,
            eol,
          },
          this.options,
          this.reported,
        );
        entry.pendingKey = pendingKey;
      }
      for (const item of entry.pending) pending.push(item); // not push(...): a section may hold 100,000 diagnostics
    }
    const measures = [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
    for (const item of runRules(DOCUMENT_RULES, { text, model, measures, lines: () => lines, documentDate, script: model.script, eol }, this.options, this.reported)) pending.push(item);
    return { model, lines, diagnostics: finish(pending, model, lines) };
  }
}

export function lint(text: string, options: LintOptions): LintResult {
  return new IncrementalLinter(options).update(text);
}

/** The model of a whole draft. */
export function buildModel(text: string, options: { schema: PolicySchema; documentDate?: string | null }): PolicyModel {
  return lint(text, { schema: options.schema, documentDate: options.documentDate, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) }).model;
}

/** Run every rule on a model already built, as one document (the reference for incremental linting). */
export function lintModel(text: string, model: PolicyModel, lines: LineIndex, options: LintOptions): LintDiagnostic[] {
  const measures = [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
  const run: RunContext = { text, model, measures, lines: () => lines, documentDate: model.meta.date ?? options.documentDate ?? null, script: model.script, eol: detectEol(text) };
  return finish(runRules(RULES, run, options, new Set()), model, lines);
}

/**
 * Apply every fix, re-linting between passes (fixes that touched the same place wait for
 * the next pass), at most `maxPasses` times. Returns the fixed text.
 */
export function fixAll(text: string, options: LintOptions, filter?: (ruleId: string) => boolean, maxPasses = 10): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  const linter = new IncrementalLinter(options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const { diagnostics } = linter.update(current);
    const fixes = diagnostics.filter((diagnostic) => diagnostic.fix && (!filter || filter(diagnostic.rule))).map((diagnostic) => diagnostic.fix as Fix);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixed += result.applied;
  }
  return { text: current, fixed };
}
