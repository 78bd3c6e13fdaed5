/**
 * The engine's entry point, shared by the CLI and the language server: text in, policy
 * model and diagnostics out. Pure: no I/O, no editor types.
 *
 * Linting is incremental, in named stages (linter/): the section cache (section-cache.ts)
 * re-parses only the sections an edit touched and keeps each section's diagnostics; the rule
 * runner (run-rules.ts) runs section rules on changed sections and document rules (which
 * read the outline: the nets present) on every change; grouping (groups.ts) keeps the
 * diagnostics as runs by section, spans relative to the section's start (they never move),
 * so a version's list is the groups in order: `groups` lets the language server convert only
 * groups it has not seen, and `diagnostics` (absolute spans, with ranges) is built only when
 * read. Fix-all (fix-all.ts) re-lints between passes. The line index is patched, not
 * rebuilt. `lint()` uses a fresh linter; the language server keeps an `IncrementalLinter`
 * per open document.
 */
import type { LintDiagnostic, Locale, Measure, PolicyModel, SeveritySetting } from './types';
import type { PolicySchema } from './schema';
import { RULES } from './rules';
import { assembleModel, diffTexts, resplitSections, splitSections, type NetLists, type TextChange } from './parse/sections';
import { PieceText, type Replacement, type TextSource } from './text-source';
import { LineIndex } from './lines';
import { chooseSchema, type SchemaChoice } from './schema/select';
import { applyDirectives, groupBySection, withRanges, compareDiagnostics, type DiagnosticGroup } from './linter/groups';
import { refreshSectionDiagnostics, scriptOfEntries, sectionEntries, settleEntry, type Previous, type ScriptSample } from './linter/section-cache';
import { detectEol, runDocumentRules } from './linter/run-rules';

export { INTERNAL_ERROR_RULE, type DiagnosticGroup, type SectionDiagnostic } from './linter/groups';

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
  /** The version's text: the string linted, or after `IncrementalLinter.edit` its pieces. */
  text: TextSource;
  model: PolicyModel;
  /** The schema this draft was checked against, and why. */
  schema: SchemaChoice;
  /** The date the rules counted from: the frontmatter's `date:`, else the options' (the config's), else null. */
  documentDate: string | null;
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

  /** Lint a version given whole: compared with the last one, only what changed is parsed again. */
  update(text: string): LintResult {
    return this.run(text, this.previous ? diffTexts(this.previous.text, text) : null);
  }

  /**
   * Lint the last version with `edits` applied, in order, each in the offsets of the text
   * before it (as an editor sends them; offsets are clamped to the text). The new version is
   * never built as one string: it is the sections' own texts, with one new piece per edit
   * (text-source.ts). `update()` first: there must be a version to edit.
   */
  edit(edits: readonly Replacement[]): LintResult {
    const previous = this.previous;
    if (!previous) throw new Error('IncrementalLinter.edit: no version to edit (call update first)');
    let text = previous.text instanceof PieceText ? previous.text : PieceText.of(previous.entries.map((entry) => entry.source));
    // No edit: the same text, changed nowhere (what diffTexts says of equal texts).
    let change: TextChange = { start: text.length, oldEnd: text.length, newEnd: text.length };
    edits.forEach((edit, index) => {
      const start = Math.max(0, Math.min(edit.start, text.length));
      const end = Math.max(start, Math.min(edit.end, text.length));
      text = text.edited({ start, end, text: edit.text });
      change = index === 0 ? { start, oldEnd: end, newEnd: start + edit.text.length } : coveringChange(change, start, end, edit.text.length);
    });
    return this.run(text, change);
  }

  private run(text: TextSource, change: TextChange | null): LintResult {
    const choice = chooseSchema(text, this.options.schema, this.options.schemaFrom ?? 'config');
    if (choice.schema !== this.choice?.schema) {
      // Another schema reads every section differently: nothing cached can be reused.
      this.previous = null;
      this.scriptSample = null;
      this.effective = choice.schema === this.options.schema ? this.options : { ...this.options, schema: choice.schema };
    }
    this.choice = choice;
    const options = this.effective;
    const previous = this.previous && change ? { version: this.previous, change } : null;
    const starts = !this.split ? [0] : previous ? resplitSections(text, previous.version.starts, previous.change) : splitSections(text);
    const { entries, documentDate } = sectionEntries(text, starts, previous && this.split ? previous : null, options);
    // An edited text is read from then on as the pieces its sections were parsed from: each read stays in one piece.
    const version = text instanceof PieceText ? PieceText.of(entries.map((entry) => entry.source)) : text;
    const lines = previous ? LineIndex.edited(previous.version.lines, version, previous.change) : new LineIndex(version);
    this.previous = { text: version, starts, lines, entries };
    this.settled = false;

    this.scriptSample = scriptOfEntries(version, entries, this.scriptSample);
    const fragments = entries.map((entry) => entry.fragment);
    const { model, outline } = assembleModel(fragments, version, this.scriptSample.script, this.settle, this.netLists);
    const eol = detectEol(version);
    const run = { text: version, lines: () => lines, documentDate, script: model.script, eol };
    refreshSectionDiagnostics(entries, `${this.settingsKey}\u0000${model.script}\u0000${eol}\u0000${documentDate ?? ''}`, run, options, this.reported);
    // Document rules read the outline; `measures` puts every section in place first.
    const measures = (): Measure[] => [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
    const documentDiagnostics = runDocumentRules({ ...run, measures }, outline, options, this.reported).sort(compareDiagnostics);
    const groups = applyDirectives(groupBySection(entries, starts, documentDiagnostics), outline, lines);
    return new LazyResult(version, model, lines, groups, choice, documentDate);
  }
}

/**
 * The change covering `change` and then [start, end) of the text after it replaced by
 * `length` characters: from the earlier start to the later end (the text between the two
 * changes is the old text, shifted).
 */
function coveringChange(change: TextChange, start: number, end: number, length: number): TextChange {
  const high = Math.max(change.newEnd, end);
  return { start: Math.min(change.start, start), oldEnd: change.oldEnd + (high - change.newEnd), newEnd: high + length - (end - start) };
}

/**
 * A result whose `diagnostics` (with ranges) are built when first read. A class, not an object
 * literal with a getter: V8 gives each such object an accessor pair of its own, allocated in the
 * old generation, so a dead result's getter kept its line index and whole text alive through
 * young collections until the next full one (at 1 M characters, 2 MB promoted per edit).
 */
class LazyResult implements LintResult {
  private built: LintDiagnostic[] | null = null;

  constructor(
    readonly text: TextSource,
    readonly model: PolicyModel,
    readonly lines: LineIndex,
    readonly groups: DiagnosticGroup[],
    readonly schema: SchemaChoice,
    readonly documentDate: string | null,
  ) {}

  get diagnostics(): LintDiagnostic[] {
    this.built ??= withRanges(this.groups, this.lines);
    return this.built;
  }

  set diagnostics(value: LintDiagnostic[]) {
    this.built = value;
  }
}

export function lint(text: string, options: LintOptions): LintResult {
  const result = new IncrementalLinter(options).update(text);
  // Plain data (a worker posts it): the model's lists and the diagnostics are built now.
  const { meta, nets, orphanMeasures, unknownNets, script, comments, codeSpans, textSpans } = result.model;
  const model: PolicyModel = { meta, nets, orphanMeasures, unknownNets, script, comments, codeSpans, textSpans };
  return { text, model, schema: result.schema, documentDate: result.documentDate, lines: result.lines, groups: result.groups, diagnostics: result.diagnostics };
}

/**
 * The diagnostics of a draft and the schema it was read with: what `fivenets lint` needs. The
 * model is not read, so a section's spans are never moved to its offset (see refreshSectionDiagnostics).
 */
export function lintDiagnostics(text: string, options: LintOptions): Pick<LintResult, 'diagnostics' | 'schema'> {
  const result = new IncrementalLinter(options).update(text);
  return { diagnostics: result.diagnostics, schema: result.schema };
}

/** The model of a whole draft. */
export function buildModel(text: string, options: { schema: PolicySchema; documentDate?: string | null }): PolicyModel {
  return lint(text, { schema: options.schema, documentDate: options.documentDate, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) }).model;
}
