/**
 * The engine's entry point, shared by the CLI and the language server: text in, policy
 * model and diagnostics out. Pure: no I/O, no editor types.
 *
 * Linting is incremental: the draft is split into sections (parse/sections.ts), each
 * section's model fragment and section-scope diagnostics are cached, and only
 * document-scope rules (which look at the nets present) run on every change. `lint()` uses
 * a fresh linter; the language server keeps an `IncrementalLinter` per open document.
 *
 * What an edit costs: the changed region is found by comparing with the previous text
 * (common prefix and suffix), the split is redone only from the section before the change
 * until it meets the old split again, and sections outside the change are reused by
 * position (their text is known to be the same) when they start in the same context. A
 * reused fragment is moved to its new offset with one loop over its spans (collected once);
 * the line index is patched, not rebuilt. Diagnostics stay grouped by section, each group
 * sorted once when it is computed, so a version's list is the groups in order (with the
 * few document-rule diagnostics merged in): `groups` lets the language server convert only
 * groups it has not seen, and `diagnostics` (with ranges) is built only when read.
 */
import type { Fix, LintDiagnostic, Locale, PolicyModel, Severity, SeveritySetting, Span } from './types';
import type { PolicySchema } from './schema';
import type { Rule, RuleContext } from './rule';
import { RULES } from './rules';
import { buildFragment, START_CONTEXT, type Fragment, type SectionContext } from './parse/model';
import { assembleModel, diffTexts, movableParts, moveParts, resplitSections, splitSections, type TextChange } from './parse/sections';
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
  /** Sorted by span; built (with ranges) when first read, from `groups`. */
  diagnostics: LintDiagnostic[];
  lines: LineIndex;
  /**
   * The same diagnostics (directives applied, no ranges), as consecutive runs in document
   * order. A group whose `items` array is the same object as in an earlier result holds
   * the same diagnostics for the same section text (its spans moved with the section), so
   * whatever was derived from it can be reused, shifted by the lines the section moved.
   */
  groups: DiagnosticGroup[];
}

/** A diagnostic without its range (spans in the text the linter last saw). */
export type GroupItem = Omit<LintDiagnostic, 'range'>;

export interface DiagnosticGroup {
  /** Offset where the group's section starts now. */
  start: number;
  items: readonly GroupItem[];
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
  /** All measures; a function: document rules rarely need them, and a large draft has many. */
  measures: () => PolicyModel['nets'][number]['measures'];
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
  let measureList: PolicyModel['nets'][number]['measures'] | null = null;
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
      get measures() {
        measureList ??= run.measures();
        return measureList;
      },
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

/** Every span of a section's diagnostics (each is a copy, see runRules), to move them with the section. */
function pendingSpans(items: readonly Pending[]): Span[] {
  const spans: Span[] = [];
  for (const item of items) {
    spans.push(item.span);
    if (item.fix) for (const edit of item.fix.edits) spans.push(edit.span);
    for (const fix of item.suggestions) for (const edit of fix.edits) spans.push(edit.span);
  }
  return spans;
}

function compareItems(a: Pending, b: Pending): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

/** Diagnostics with their ranges, in document order. */
function withRanges(groups: readonly DiagnosticGroup[], lines: LineIndex): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const group of groups) for (const item of group.items) diagnostics.push({ ...item, range: lines.rangeOf(item.span) });
  return diagnostics;
}

/**
 * Drop what directives disable. A group keeps its items array (and so its identity for
 * caches) when nothing in it is disabled.
 */
function applyDirectives(groups: DiagnosticGroup[], model: PolicyModel, lines: LineIndex): DiagnosticGroup[] {
  if (!model.comments.some((comment) => comment.text.includes('fivenets-'))) return groups;
  const directives = new Directives(model, lines);
  if (directives.disablesFile) return [];
  return groups.map((group) => {
    const kept = group.items.filter((item) => item.rule === INTERNAL_ERROR_RULE || !directives.isDisabled(item.rule, lines.lineAt(item.span.start)));
    return kept.length === group.items.length ? group : { start: group.start, items: kept };
  });
}

/** One group of everything, sorted (the whole-document path, and the fallback when sections overlap). */
function sortedGroup(pending: Pending[]): DiagnosticGroup[] {
  return pending.length === 0 ? [] : [{ start: 0, items: pending.sort(compareItems) }];
}

const SECTION_RULES = RULES.filter((rule) => rule.meta.scope === 'section');
const DOCUMENT_RULES = RULES.filter((rule) => rule.meta.scope === 'document');

interface CacheEntry {
  fragment: Fragment;
  /** The section's length, and what it was parsed with: the document date (null for the first section), the open net. */
  length: number;
  first: boolean;
  date: string | null;
  context: SectionContext;
  /** Where the fragment's spans (and its pending diagnostics) currently start. */
  base: number;
  /** The fragment's spans and insertion points, collected when it first moves. */
  parts: ReturnType<typeof movableParts> | null;
  /** Section-scope diagnostics (sorted), the settings they were computed with, and their spans. */
  pending: Pending[] | null;
  pendingKey: string;
  pendingSpans: Span[];
}

/**
 * A copy of a slice of the draft. V8 slices (and the measure texts and field values sliced
 * from them) point into the whole string: a cached fragment would keep the whole text of
 * the version it was parsed in alive, one full copy of the draft per edited section.
 */
function detached(slice: string): string {
  // Concatenating makes a new string; slicing it flattens that (a copy of the slice only).
  return slice.length < 16 ? slice : ` ${slice}`.slice(1);
}

function sameContext(a: SectionContext, b: SectionContext): boolean {
  return a === b || (a.netId === b.netId && a.netDepth === b.netDepth && a.unknownNetDepth === b.unknownNetDepth);
}

function moveEntry(entry: CacheEntry, start: number): void {
  const delta = start - entry.base;
  if (delta === 0) return;
  entry.parts ??= movableParts(entry.fragment);
  moveParts(entry.fragment, entry.parts, delta);
  for (const span of entry.pendingSpans) {
    span.start += delta;
    span.end += delta;
  }
  entry.base = start;
}

/** The previous version: its text, split, line index and entries (by section). */
interface Previous {
  text: string;
  starts: number[];
  lines: LineIndex;
  entries: CacheEntry[];
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
 * spans moved in place, so objects of an older result may then point into the newer text
 * (and its `diagnostics`, if not read before, are no longer built right).
 */
export class IncrementalLinter {
  private previous: Previous | null = null;
  private readonly reported = new Set<string>();
  private readonly settingsKey: string;

  constructor(
    private readonly options: LintOptions,
    private readonly split = true,
  ) {
    this.settingsKey = JSON.stringify([options.locale ?? 'zh-CN', options.severities ?? {}, options.roster ?? []]);
  }

  update(text: string): LintResult {
    const previous = this.previous;
    const change: TextChange | null = previous ? diffTexts(previous.text, text) : null;
    const starts = !this.split ? [0] : previous && change ? resplitSections(text, previous.starts, change) : splitSections(text);
    const lines = previous && change ? LineIndex.edited(previous.lines, text, change) : new LineIndex(text);

    const entries: CacheEntry[] = [];
    let context = START_CONTEXT;
    let documentDate = this.options.documentDate ?? null;
    // Old sections, walked alongside the new ones: a section wholly before or after the change, with the same bounds, has the same text.
    let old = 0;
    for (let index = 0; index < starts.length; index++) {
      const start = starts[index];
      const end = index + 1 < starts.length ? starts[index + 1] : text.length;
      const dateNow = index === 0 ? null : documentDate;
      let entry: CacheEntry | null = null;
      if (previous && change && this.split) {
        const before = end <= change.start ? { start, end } : start >= change.newEnd ? { start: start - change.newEnd + change.oldEnd, end: end - change.newEnd + change.oldEnd } : null;
        if (before) {
          while (old < previous.starts.length && previous.starts[old] < before.start) old++;
          const candidate = previous.starts[old] === before.start ? previous.entries[old] : undefined;
          if (candidate && candidate.length === before.end - before.start && candidate.first === (index === 0) && candidate.date === dateNow && sameContext(candidate.context, context)) entry = candidate;
        }
      }
      if (!entry) {
        const fragment = buildFragment(detached(text.slice(start, end)), { schema: this.options.schema, documentDate }, context, index === 0);
        entry = { fragment, length: end - start, first: index === 0, date: dateNow, context, base: 0, parts: null, pending: null, pendingKey: '', pendingSpans: [] };
      }
      moveEntry(entry, start);
      entries.push(entry);
      // The frontmatter date (first section) applies to every later section.
      if (index === 0) documentDate = entry.fragment.meta?.date ?? this.options.documentDate ?? null;
      context = entry.fragment.outContext;
    }
    this.previous = { text, starts, lines, entries };

    const model = assembleModel(
      entries.map((entry) => entry.fragment),
      text,
    );
    const eol = detectEol(text);
    const pendingKey = `${this.settingsKey}\u0000${model.script}\u0000${eol}\u0000${documentDate ?? ''}`;
    for (const entry of entries) {
      if (entry.pending === null || entry.pendingKey !== pendingKey) {
        // Section rules see the whole text and the section's own measures and spans (absolute offsets).
        entry.pending = runRules(
          SECTION_RULES,
          {
            text,
            model: fragmentModel(entry.fragment, model.script),
            measures: () => entry.fragment.measures,
            lines: () => lines,
            documentDate,
            script: model.script,
            eol,
          },
          this.options,
          this.reported,
        ).sort(compareItems);
        entry.pendingKey = pendingKey;
        entry.pendingSpans = pendingSpans(entry.pending);
      }
    }
    const measures = () => [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
    const documentPending = runRules(DOCUMENT_RULES, { text, model, measures, lines: () => lines, documentDate, script: model.script, eol }, this.options, this.reported).sort(compareItems);
    const groups = applyDirectives(groupBySection(entries, starts, documentPending), model, lines);
    return lazyResult(model, lines, groups);
  }
}

/**
 * The sections' sorted diagnostics in order, each document-rule diagnostic merged into the
 * group of the section it starts in (after equal section items, as a stable sort of the
 * sections' items followed by the document's would place it). Sections are disjoint, so
 * the groups are in order; should a span reach past its section, everything is sorted as one.
 */
function groupBySection(entries: CacheEntry[], starts: number[], documentPending: Pending[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = [];
  let next = 0;
  for (let index = 0; index < entries.length; index++) {
    const items = entries[index].pending ?? [];
    const end = index + 1 < starts.length ? starts[index + 1] : Number.POSITIVE_INFINITY;
    let merged: Pending[] | null = null;
    while (next < documentPending.length && (documentPending[next].span.start < end || index === entries.length - 1)) {
      merged ??= [...items];
      merged.push(documentPending[next++]);
    }
    if (merged) merged.sort(compareItems);
    const groupItems = merged ?? items;
    if (groupItems.length > 0) groups.push({ start: starts[index], items: groupItems });
  }
  for (let index = 1; index < groups.length; index++) {
    const previous = groups[index - 1].items;
    if (compareItems(previous[previous.length - 1] as Pending, groups[index].items[0] as Pending) > 0) {
      const all: Pending[] = [];
      for (const group of groups) for (const item of group.items) all.push(item as Pending);
      return sortedGroup(all);
    }
  }
  return groups;
}

/** A result whose `diagnostics` (with ranges) are built when first read. */
function lazyResult(model: PolicyModel, lines: LineIndex, groups: DiagnosticGroup[]): LintResult {
  let diagnostics: LintDiagnostic[] | null = null;
  return {
    model,
    lines,
    groups,
    get diagnostics() {
      diagnostics ??= withRanges(groups, lines);
      return diagnostics;
    },
    set diagnostics(value: LintDiagnostic[]) {
      diagnostics = value;
    },
  };
}

export function lint(text: string, options: LintOptions): LintResult {
  const result = new IncrementalLinter(options).update(text);
  // Plain data (a worker posts it): the diagnostics are built now.
  return { model: result.model, lines: result.lines, groups: result.groups, diagnostics: result.diagnostics };
}

/** The model of a whole draft. */
export function buildModel(text: string, options: { schema: PolicySchema; documentDate?: string | null }): PolicyModel {
  return lint(text, { schema: options.schema, documentDate: options.documentDate, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) }).model;
}

/** Run every rule on a model already built, as one document (the reference for incremental linting). */
export function lintModel(text: string, model: PolicyModel, lines: LineIndex, options: LintOptions): LintDiagnostic[] {
  const measures = () => [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
  const run: RunContext = { text, model, measures, lines: () => lines, documentDate: model.meta.date ?? options.documentDate ?? null, script: model.script, eol: detectEol(text) };
  return withRanges(applyDirectives(sortedGroup(runRules(RULES, run, options, new Set())), model, lines), lines);
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
