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
 * reused fragment's head (net headings, comments: what document rules read) is moved to its
 * new offset at once; the rest of its spans (collected once) move only when something reads
 * the model's measures or text spans, so edit after edit costs the sections, not their
 * spans. The line index is patched, not rebuilt. Diagnostics stay grouped by section, with
 * spans relative to the section's start (they never move), each group sorted once when it
 * is computed, so a version's list is the groups in order (with the few document-rule
 * diagnostics merged in): `groups` lets the language server convert only groups it has not
 * seen, and `diagnostics` (absolute spans, with ranges) is built only when read.
 */
import type { DocumentMeta, Fix, LintDiagnostic, Locale, Measure, PolicyModel, PolicyOutline, Severity, SeveritySetting, Span } from './types';
import type { PolicySchema } from './schema';
import { isDocumentRule, isSectionRule, type DocumentRule, type DocumentRuleContext, type Localized, type Report, type RuleContext, type RuleMeta, type SectionRule, type SectionRuleContext, type SectionView } from './rule';
import { RULES } from './rules';
import { buildFragment, START_CONTEXT, type Fragment, type SectionContext } from './parse/model';
import { assembleModel, diffTexts, headParts, moveBody, moveHead, resplitSections, scriptOf, splitSections, type FragmentParts, type NetLists, type TextChange } from './parse/sections';
import { LineIndex } from './lines';
import { localize } from './i18n';
import { Directives } from './directives';
import { applyFixes } from './fix';
import { chooseSchema, type SchemaChoice } from './schema/select';

export interface LintOptions {
  /** The configured schema (config or --schema); see `schemaFrom`. */
  schema: PolicySchema;
  /**
   * How `schema` was given: 'cli' (--schema, for every draft), 'config' (the default: the
   * draft's frontmatter `schema:` may still name another built-in), or 'auto' (the config
   * named none: the draft's headings choose five-nets or tasks). See schema/select.ts.
   */
  schemaFrom?: 'cli' | 'config' | 'auto';
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
  /** The schema this draft was checked against, and why. */
  schema: SchemaChoice;
  /** Sorted by span; built (with ranges) when first read, from `groups`. */
  diagnostics: LintDiagnostic[];
  lines: LineIndex;
  /**
   * The same diagnostics (directives applied, no ranges), as consecutive runs in document
   * order. A group whose `items` array is the same object as in an earlier result holds
   * the same diagnostics for the same section text (its spans are relative to the section's
   * start), so whatever was derived from it can be reused, shifted by the lines the section
   * moved.
   */
  groups: DiagnosticGroup[];
}

/** A diagnostic without its range; its spans (and its fixes' spans) relative to its group's `start`. */
export type GroupItem = Omit<LintDiagnostic, 'range'>;

export interface DiagnosticGroup {
  /** Offset where the group's section starts now: add it to the items' spans for offsets in the text. */
  start: number;
  items: readonly GroupItem[];
}

export const INTERNAL_ERROR_RULE = 'internal-error';

/** A diagnostic before its range is known (spans relative to its section's start, see runRules). */
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

/** What rules of either scope run with. */
interface RunContext {
  text: string;
  /** The measures the rules look at; a function: document rules rarely need them, and a large draft has many. */
  measures: () => readonly Measure[];
  lines: () => LineIndex;
  documentDate: string | null;
  script: PolicyModel['script'];
  eol: string;
}

const INTERNAL_ERROR_MESSAGE = { en: 'Rule {rule} failed on this document: {error}', 'zh-CN': '规则 {rule} 处理本文档时出错：{error}' };

/**
 * The context rules of either scope share, one per run of the rules (not per rule): `report`
 * stamps the id and severity of the rule running now, and stores spans relative to `origin`
 * (the start of the section the rules run on, or 0).
 */
class SharedContext implements RuleContext {
  readonly pending: Pending[] = [];
  readonly text: string;
  readonly schema: PolicySchema;
  readonly locale: Locale;
  readonly script: PolicyModel['script'];
  readonly documentDate: string | null;
  readonly roster: readonly string[];
  readonly eol: string;
  /** The rule running now, and its severity. */
  rule: RuleMeta | null = null;
  severity: Severity = 'info';
  private lineIndex: LineIndex | null = null;
  private measureList: readonly Measure[] | null = null;

  constructor(
    private readonly run: RunContext,
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

  get lines(): LineIndex {
    this.lineIndex ??= this.run.lines();
    return this.lineIndex;
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

class SectionContextImpl extends SharedContext implements SectionRuleContext {
  constructor(
    run: RunContext,
    options: LintOptions,
    origin: number,
    readonly section: SectionView,
  ) {
    super(run, options, origin);
  }
}

class DocumentContextImpl extends SharedContext implements DocumentRuleContext {
  constructor(
    run: RunContext,
    options: LintOptions,
    readonly outline: PolicyOutline,
  ) {
    super(run, options, 0);
  }
}

/** Section rules over one section; the spans they report are stored relative to `origin` (the section's start). */
function runSectionRules(rules: readonly SectionRule[], run: RunContext, section: SectionView, options: LintOptions, reported: Set<string>, origin: number): Pending[] {
  return runEach<SectionContextImpl>(rules, new SectionContextImpl(run, options, origin, section), options, reported);
}

/** Document rules over the outline (absolute spans). */
function runDocumentRules(rules: readonly DocumentRule[], run: RunContext, outline: PolicyOutline, options: LintOptions, reported: Set<string>): Pending[] {
  return runEach<DocumentContextImpl>(rules, new DocumentContextImpl(run, options, outline), options, reported);
}

function runEach<C extends SharedContext>(rules: readonly { meta: RuleMeta; check(context: C): void }[], context: C, options: LintOptions, reported: Set<string>): Pending[] {
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

/** A copy of a fix, its spans moved by `delta`. */
function copyFix(fix: Fix, delta = 0): Fix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ span: { start: edit.span.start + delta, end: edit.span.end + delta }, newText: edit.newText })) };
}

/** An item with its spans moved by `delta` (a copy; the item itself when `delta` is 0). */
function shifted<T extends GroupItem>(item: T, delta: number): T {
  if (delta === 0) return item;
  return {
    ...item,
    span: { start: item.span.start + delta, end: item.span.end + delta },
    fix: item.fix ? copyFix(item.fix, delta) : null,
    suggestions: item.suggestions.map((fix) => copyFix(fix, delta)),
  };
}

function compareItems(a: Pending, b: Pending): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

/** compareItems for items whose spans are relative to `aStart` and `bStart`. */
function compareAt(a: GroupItem, aStart: number, b: GroupItem, bStart: number): number {
  return a.span.start + aStart - (b.span.start + bStart) || a.span.end + aStart - (b.span.end + bStart) || a.rule.localeCompare(b.rule);
}

/** Diagnostics with absolute spans and their ranges, in document order. */
function withRanges(groups: readonly DiagnosticGroup[], lines: LineIndex): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const group of groups) {
    for (const item of group.items) {
      const absolute = shifted(item, group.start);
      diagnostics.push({ ...absolute, range: lines.rangeOf(absolute.span) });
    }
  }
  return diagnostics;
}

/**
 * Drop what directives disable. A group keeps its items array (and so its identity for
 * caches) when nothing in it is disabled.
 */
function applyDirectives(groups: DiagnosticGroup[], model: Pick<PolicyModel, 'comments'>, lines: LineIndex): DiagnosticGroup[] {
  if (!model.comments.some((comment) => comment.text.includes('fivenets-'))) return groups;
  const directives = new Directives(model, lines);
  if (directives.disablesFile) return [];
  return groups.map((group) => {
    const kept = group.items.filter((item) => item.rule === INTERNAL_ERROR_RULE || !directives.isDisabled(item.rule, lines.lineAt(item.span.start + group.start)));
    return kept.length === group.items.length ? group : { start: group.start, items: kept };
  });
}

/** One group of everything (absolute spans), sorted (the whole-document path, and the fallback when sections overlap). */
function sortedGroup(pending: Pending[]): DiagnosticGroup[] {
  return pending.length === 0 ? [] : [{ start: 0, items: pending.sort(compareItems) }];
}

const SECTION_RULES = RULES.filter(isSectionRule);
/**
 * Run on every update with the model's outline (assembleModel): the nets' headings and
 * extents, unknown net headings, front matter and comments are at their offsets; measures'
 * spans are only through `context.measures` (which moves every section into place first).
 */
const DOCUMENT_RULES = RULES.filter(isDocumentRule);
/** Each rule's place in the registry, which lists the missing-field rules in the schema's order. */
const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.meta.id, index]));

interface CacheEntry {
  fragment: Fragment;
  /** The section's length, and what it was parsed with: the document date (null for the first section), the open net. */
  length: number;
  first: boolean;
  date: string | null;
  context: SectionContext;
  /** Where the section starts now: where the fragment's head is. */
  start: number;
  /** Where the rest of the fragment's spans are (moved to `start` by settleEntry, when read). */
  bodyBase: number;
  /** The fragment's spans and insertion points (the head's collected at once, the rest when first moved). */
  parts: FragmentParts;
  /** Section-scope diagnostics (sorted, spans relative to `start`) and the settings they were computed with. */
  pending: Pending[] | null;
  pendingKey: string;
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

/** Move a section's head to where it starts now (every edit: document rules read it). */
function placeEntry(entry: CacheEntry, start: number): void {
  moveHead(entry.fragment, entry.parts, start - entry.start);
  entry.start = start;
}

/** Move the rest of a section's fragment to where the section starts now (when something reads it). */
function settleEntry(entry: CacheEntry): void {
  if (entry.bodyBase === entry.start) return;
  moveBody(entry.fragment, entry.parts, entry.start - entry.bodyBase);
  entry.bodyBase = entry.start;
}

/** The script of a draft and the sections it was read from (their first 60 text spans). */
interface ScriptSample {
  entries: CacheEntry[];
  script: PolicyModel['script'];
}

/**
 * The draft's script (scriptOf) from the first text spans of the sections, settling only
 * those sections. The same sections (same text) give the same script: `last` is reused then.
 */
function scriptOfEntries(text: string, entries: readonly CacheEntry[], last: ScriptSample | null): ScriptSample {
  const sampled: CacheEntry[] = [];
  let count = 0;
  for (const entry of entries) {
    if (count >= 60) break;
    sampled.push(entry);
    count += entry.fragment.textSpans.length;
  }
  if (last && last.entries.length === sampled.length && last.entries.every((entry, index) => entry === sampled[index])) return last;
  const first: Span[] = [];
  for (const entry of sampled) {
    if (entry.fragment.textSpans.length === 0) continue;
    settleEntry(entry);
    for (const span of entry.fragment.textSpans) {
      if (first.length >= 60) break;
      first.push(span);
    }
  }
  return { entries: sampled, script: scriptOf(text, first) };
}

/** The previous version: its text, split, line index and entries (by section). */
interface Previous {
  text: string;
  starts: number[];
  lines: LineIndex;
  entries: CacheEntry[];
}

/** What section rules see of a section (its measures are `context.measures`). */
function sectionView(fragment: Fragment): SectionView {
  return { meta: fragment.meta ?? NO_META, codeSpans: fragment.codeSpans, textSpans: fragment.textSpans };
}

const NO_META: DocumentMeta = Object.freeze({ title: null, date: null, schema: null, frontmatterSpan: null });

/**
 * Lints successive versions of one document, re-parsing only the sections that changed.
 * `split: false` parses the draft as one section (the reference the tests compare with).
 *
 * A result stays valid until the next `update()`: unchanged sections are reused and their
 * spans moved in place (when read), so objects of an older result may then point into the
 * newer text. Its diagnostics and groups stay right (their spans never move).
 */
export class IncrementalLinter {
  private previous: Previous | null = null;
  private readonly reported = new Set<string>();
  private readonly settingsKey: string;
  /** The measure lists of nets that span sections, reused while their sections are (assembleModel). */
  private readonly netLists: NetLists = new WeakMap();
  /** The sections the last version's script was read from. */
  private scriptSample: ScriptSample | null = null;
  /** Whether every section of the last version is wholly in place (see settleEntry). */
  private settled = true;
  /** The schema of the last version, and the options rules run with (the configured ones, with that schema). */
  private choice: SchemaChoice | null = null;
  private effective: LintOptions;
  /** Put every section of the last version in place: before the model's measures or spans are read. */
  private readonly settle = (): void => {
    if (this.settled || !this.previous) return;
    for (const entry of this.previous.entries) settleEntry(entry);
    this.settled = true;
  };

  constructor(
    private readonly options: LintOptions,
    private readonly split = true,
  ) {
    this.settingsKey = JSON.stringify([options.locale ?? 'zh-CN', options.severities ?? {}, options.roster ?? []]);
    this.effective = options;
  }

  update(text: string): LintResult {
    const choice = chooseSchema(text, this.options.schema, this.options.schemaFrom ?? 'config');
    if (choice.schema !== this.choice?.schema) {
      // Another schema reads every section differently: nothing cached can be reused.
      this.previous = null;
      this.scriptSample = null;
      this.effective = choice.schema === this.options.schema ? this.options : { ...this.options, schema: choice.schema };
    }
    this.choice = choice;
    const options = this.effective;
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
        // Parsed at offset 0: placed below.
        const fragment = buildFragment(detached(text.slice(start, end)), { schema: options.schema, documentDate, roster: options.roster }, context, index === 0);
        entry = { fragment, length: end - start, first: index === 0, date: dateNow, context, start: 0, bodyBase: 0, parts: headParts(fragment), pending: null, pendingKey: '' };
      }
      placeEntry(entry, start);
      entries.push(entry);
      // The frontmatter date (first section) applies to every later section.
      if (index === 0) documentDate = entry.fragment.meta?.date ?? this.options.documentDate ?? null;
      context = entry.fragment.outContext;
    }
    this.previous = { text, starts, lines, entries };
    this.settled = false;

    this.scriptSample = scriptOfEntries(text, entries, this.scriptSample);
    const { model, outline } = assembleModel(
      entries.map((entry) => entry.fragment),
      text,
      this.scriptSample.script,
      this.settle,
      this.netLists,
    );
    const eol = detectEol(text);
    const pendingKey = `${this.settingsKey}\u0000${model.script}\u0000${eol}\u0000${documentDate ?? ''}`;
    for (const entry of entries) {
      if (entry.pending === null || entry.pendingKey !== pendingKey) {
        // Section rules see the whole text and the section's own measures and spans (absolute offsets).
        settleEntry(entry);
        entry.pending = runSectionRules(
          SECTION_RULES,
          { text, measures: () => entry.fragment.measures, lines: () => lines, documentDate, script: model.script, eol },
          sectionView(entry.fragment),
          options,
          this.reported,
          entry.start,
        ).sort(compareItems);
        entry.pendingKey = pendingKey;
      }
    }
    // Document rules read the outline: the nets' headings at their offsets, their measures
    // (which may not be in place: `measures` settles them) and the comments.
    const measures = () => [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
    const documentPending = runDocumentRules(DOCUMENT_RULES, { text, measures, lines: () => lines, documentDate, script: model.script, eol }, outline, options, this.reported).sort(compareItems);
    const groups = applyDirectives(groupBySection(entries, starts, documentPending), outline, lines);
    return lazyResult(model, lines, groups, choice);
  }
}

/**
 * The sections' sorted diagnostics in order, each document-rule diagnostic merged into the
 * group of the section it starts in (after equal section items, as a stable sort of the
 * sections' items followed by the document's would place it; its spans made relative to
 * the section's start). Sections are disjoint, so the groups are in order; should a span
 * reach past its section, everything is sorted as one (absolute spans, start 0).
 */
function groupBySection(entries: CacheEntry[], starts: number[], documentPending: Pending[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = [];
  let next = 0;
  for (let index = 0; index < entries.length; index++) {
    const items = entries[index].pending ?? [];
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] : Number.POSITIVE_INFINITY;
    let merged: Pending[] | null = null;
    while (next < documentPending.length && (documentPending[next].span.start < end || index === entries.length - 1)) {
      merged ??= [...items];
      merged.push(shifted(documentPending[next++], -start));
    }
    if (merged) merged.sort(compareItems);
    const groupItems = merged ?? items;
    if (groupItems.length > 0) groups.push({ start, items: groupItems });
  }
  for (let index = 1; index < groups.length; index++) {
    const previous = groups[index - 1];
    if (compareAt(previous.items[previous.items.length - 1], previous.start, groups[index].items[0], groups[index].start) > 0) {
      const all: Pending[] = [];
      for (const group of groups) for (const item of group.items) all.push(shifted(item as Pending, group.start));
      return sortedGroup(all);
    }
  }
  return groups;
}

/** A result whose `diagnostics` (with ranges) are built when first read. */
function lazyResult(model: PolicyModel, lines: LineIndex, groups: DiagnosticGroup[], schema: SchemaChoice): LintResult {
  let diagnostics: LintDiagnostic[] | null = null;
  return {
    model,
    schema,
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
  // Plain data (a worker posts it): the model's lists and the diagnostics are built now.
  const { meta, nets, orphanMeasures, unknownNets, script, comments, codeSpans, textSpans } = result.model;
  const model: PolicyModel = { meta, nets, orphanMeasures, unknownNets, script, comments, codeSpans, textSpans };
  return { model, schema: result.schema, lines: result.lines, groups: result.groups, diagnostics: result.diagnostics };
}

/** The model of a whole draft. */
export function buildModel(text: string, options: { schema: PolicySchema; documentDate?: string | null }): PolicyModel {
  return lint(text, { schema: options.schema, documentDate: options.documentDate, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) }).model;
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
    // Fixes that insert at one place wait for each other; taking them in rule order (owner,
    // metric, deadline) makes fields land in the schema's order, not the reverse.
    const fixes = diagnostics
      .filter((diagnostic) => diagnostic.fix && (!filter || filter(diagnostic.rule)))
      .sort((a, b) => (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0))
      .map((diagnostic) => diagnostic.fix as Fix);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixed += result.applied;
  }
  return { text: current, fixed };
}
