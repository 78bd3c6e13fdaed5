/**
 * The lint results of the open drafts: one analysis per document version, shared by every
 * feature (diagnostics, hover, completion, symbols…), so a document is linted once per edit.
 * Each open draft keeps an engine `IncrementalLinter`, so an edit re-parses only the
 * sections it touched. Whether a document is a draft, and with which config, is the
 * `DraftClassifier`'s answer (classification.ts: on disk, diskConfig.ts; in the browser,
 * settingsConfig.ts); the lint options are the config's (lintOptionsFor, as the CLI) with
 * the settings' severities on top.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter, lintOptionsFor } from '../engine';
import type { LintOptions, LintResult, Locale } from '../engine';
import { effectiveGlossary, type ResolvedConfig } from '../engine/config-model';
import { textOf, type Replacement, type TextSource } from '../engine/text-source';
import type { GlossaryTerm, PolicySchema } from '../engine/schema';
import { chooseSchema } from '../engine/schema/select';
import type { Classification, DraftClassifier, IncludeFrom, NotDraftReason } from './classification';
import type { ErrorLog } from './guard';
import type { Settings, SettingsStore } from './settings';
import type { SizeNotices } from './sizeNotices';

export interface Analysis {
  uri: string;
  version: number;
  /** The version's whole text (joined when first read, after an edit linted from the edit log). */
  readonly text: string;
  result: LintResult;
  options: LintOptions;
  resolved: ResolvedConfig;
  glossary: GlossaryTerm[];
  locale: Locale;
  /** The draft's date: frontmatter, then config (the engine's result). */
  documentDate: string | null;
  /** Identifies this result for pull diagnostics. */
  resultId: string;
  /** The fivenets.maxProblems setting when the result was made (null: the server's default). */
  maxProblems: number | null;
}

/**
 * A document that says what changed since an earlier version and can be read in place
 * (platform/buffer-document.ts, on Node): an edit is then linted without the whole new text.
 */
export interface EditedDocument extends TextSource {
  editsSince(version: number): readonly Replacement[] | null;
}

function isEdited(document: TextDocument): document is TextDocument & EditedDocument {
  return typeof (document as Partial<EditedDocument>).editsSince === 'function';
}

/** An Analysis whose whole text is joined only when a feature reads it. A class: see LazyResult in engine/lint.ts. */
class DraftAnalysis implements Analysis {
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly result: LintResult,
    readonly options: LintOptions,
    readonly resolved: ResolvedConfig,
    readonly glossary: GlossaryTerm[],
    readonly locale: Locale,
    readonly documentDate: string | null,
    readonly resultId: string,
    readonly maxProblems: number | null,
  ) {}

  get text(): string {
    return textOf(this.result.text);
  }
}

/** What the status bar says of a document that is not a draft. */
export interface NotDraft {
  reason: NotDraftReason;
  /** Where the include globs come from: a config file's `include` overrides the `fivenets.include` setting. */
  includeFrom: IncludeFrom;
  /** The schema a `schema:` frontmatter should name: the one the draft would be checked against. */
  suggestedSchema: string;
}

interface DocumentState {
  generation: number;
  version: number;
  settings: Settings;
  analysis: Analysis | null;
  /** For a document that is not a draft: why, and its config. */
  notDraft: Classification | null;
  linter: { engine: IncrementalLinter; options: LintOptions; resolved: ResolvedConfig; bySchema: Map<PolicySchema, LintOptions> } | null;
}

/** Today's date (local time) as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What hover and completion read of an analysis (the engine's editor-feature input). */
export function featureInput(analysis: Analysis) {
  const { model, lines } = analysis.result;
  return {
    text: analysis.text,
    model,
    lines,
    schema: analysis.options.schema,
    glossary: analysis.glossary,
    roster: analysis.options.roster ?? [],
    locale: analysis.locale,
    today: today(),
    documentDate: analysis.documentDate,
    schemaFrom: analysis.result.schema.from,
  };
}

export class Drafts {
  private generation = 0;
  private readonly states = new Map<string, DocumentState>();
  private readonly glossaries = new WeakMap<ResolvedConfig, Map<PolicySchema, GlossaryTerm[]>>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: ErrorLog,
    private readonly classifier: DraftClassifier,
    private readonly sizeNotices: SizeNotices,
  ) {}

  /** Config or settings changed: forget every cached config and result. */
  invalidate(): void {
    this.generation++;
    this.classifier.invalidate();
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.sizeNotices.forget(uri);
    this.settings.forget(uri);
  }

  /** The analysis of the open document's current version, or null when it is not a draft. */
  async analyze(uri: string): Promise<Analysis | null> {
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document) return null;
    return this.analyzeDocument(document, settings);
  }

  /** Analyses of every open draft. */
  async openDrafts(): Promise<Analysis[]> {
    const analyses = await Promise.all(this.documents.all().map((document) => this.analyze(document.uri)));
    return analyses.filter((analysis): analysis is Analysis => analysis !== null);
  }

  /**
   * Why an open document that analyze() found no draft is not one, or null (a draft, or not
   * analysed yet). The suggested schema is what the draft would be checked against with a
   * frontmatter naming none: the config's, else five-nets when a heading names a net, else tasks.
   */
  notDraft(uri: string): NotDraft | null {
    const state = this.states.get(uri);
    const document = this.documents.get(uri);
    const classification = state?.notDraft;
    if (!state || !classification?.notDraft || !document || state.version !== document.version) return null;
    const { resolved } = classification;
    const chosen = chooseSchema(document.getText(), resolved.schema, resolved.schemaFrom ?? 'auto');
    return { reason: classification.notDraft, includeFrom: classification.includeFrom, suggestedSchema: chosen.schema.id };
  }

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  private analyzeDocument(document: TextDocument, settings: Settings): Analysis | null {
    const uri = document.uri;
    const previous = this.states.get(uri);
    if (previous && previous.generation === this.generation && previous.version === document.version && previous.settings === settings) return previous.analysis;
    // Read in place where the store can: a large draft's new text is not built for an edit.
    const source = isEdited(document) ? document : document.getText();
    const classification = this.classifier.classify(uri, source, settings);
    const state: DocumentState = {
      generation: this.generation,
      version: document.version,
      settings,
      analysis: null,
      notDraft: classification.notDraft ? classification : null,
      linter: null,
    };
    this.sizeNotices.update(uri, classification);
    if (classification.draft) {
      // The linter keeps the parsed sections of earlier versions while the config stays the same.
      const reusable =
        previous?.linter && previous.generation === this.generation && previous.settings === settings && previous.linter.resolved === classification.resolved && previous.linter.options.locale === classification.locale;
      if (reusable && previous.linter) state.linter = previous.linter;
      else {
        const options = this.lintOptions(classification, settings);
        state.linter = { engine: new IncrementalLinter(options), options, resolved: classification.resolved, bySchema: new Map() };
      }
      const { engine, bySchema } = state.linter;
      // What changed since the version the linter last saw, when the store kept it; else the whole text.
      const edits = state.linter === previous?.linter && isEdited(document) ? document.editsSince(previous.version) : null;
      let result: LintResult;
      try {
        result = edits ? engine.edit(edits) : engine.update(document.getText());
      } catch (error) {
        // The linter may have taken this version in part: the next one starts afresh from the whole text.
        this.states.delete(uri);
        throw error;
      }
      // The options with the schema this version was checked against (frontmatter or auto may choose another).
      const chosen = result.schema.schema;
      let options = chosen === state.linter.options.schema ? state.linter.options : bySchema.get(chosen);
      if (!options) {
        options = { ...state.linter.options, schema: chosen };
        bySchema.set(chosen, options);
      }
      state.analysis = new DraftAnalysis(
        uri,
        document.version,
        result,
        options,
        classification.resolved,
        this.glossaryOf(classification.resolved, chosen),
        classification.locale,
        result.documentDate,
        `${this.generation}:${document.version}`,
        settings.maxProblems,
      );
    }
    this.states.set(uri, state);
    return state.analysis;
  }

  /** How a draft is linted: its config (as the CLI does), the settings' severities, its locale. */
  lintOptions(classification: Classification, settings: Settings): LintOptions {
    return {
      ...lintOptionsFor(classification.resolved, { locale: classification.locale, severities: settings.rules }),
      onInternalError: (rule, error) => this.log.report(`rule ${rule}`, error),
    };
  }

  /**
   * One glossary array per config and schema, so hovers can cache their term index: the
   * terms of the schema the draft is checked against (a tasks draft gets the tasks terms,
   * not the five nets'), with the config's own terms.
   */
  private glossaryOf(resolved: ResolvedConfig, schema: PolicySchema): GlossaryTerm[] {
    let bySchema = this.glossaries.get(resolved);
    if (!bySchema) this.glossaries.set(resolved, (bySchema = new Map<PolicySchema, GlossaryTerm[]>()));
    let glossary = bySchema.get(schema);
    if (!glossary) {
      glossary = effectiveGlossary({ ...resolved, schema });
      bySchema.set(schema, glossary);
    }
    return glossary;
  }
}
