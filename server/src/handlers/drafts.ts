/**
 * Which documents are policy drafts, with which config, and their lint results: one
 * analysis per document version, shared by every feature (diagnostics, hover, completion,
 * symbols…), so a document is linted once per edit. Each open draft keeps an engine
 * `IncrementalLinter`, so an edit re-parses only the sections it touched.
 *
 * Whether a document is a draft is the engine's answer (engine/classify.ts), the one the
 * CLI's folder walk gives: ignore files (.gitignore, .fivenetsignore) and the config's
 * `ignore` leave it out; the include globs (the config's, else the `fivenets.include`
 * setting, relative to the workspace folder) or a frontmatter schema (`schema: five-nets`)
 * take it in. Config is resolved exactly as the CLI does (resolveConfigForFile +
 * lintOptionsFor), with settings layered on top.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic, type TextDocuments, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter, RULES, lintOptionsFor, localize } from '../engine';
import { localeOfText } from '../engine/script';
import type { LintOptions, LintResult, Locale } from '../engine';
import { defaultResolvedConfig, effectiveGlossary, resolveConfigForFile, type FivenetsConfig, type ResolvedConfig } from '../engine/config';
import { globProblem } from '../engine/globs';
import { IgnoreFiles, classifyDraft, draftScope, type DraftScope } from '../engine/classify';
import { readRegularText } from '../engine/read-file';
import { MAX_DATA_FILE_SIZE } from '../engine/schema/located';
import { LocatedError, builtinSchemaIds, type GlossaryTerm } from '../engine/schema';
import { frontmatterSchema } from '../engine/frontmatter';
import type { PolicySchema } from '../engine/schema';
import type { ErrorLog } from './guard';
import type { Settings, SettingsStore } from './settings';
import { MESSAGES } from './messages';
import { SOURCE } from './convert';

export interface Analysis {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  options: LintOptions;
  resolved: ResolvedConfig;
  glossary: GlossaryTerm[];
  locale: Locale;
  /** The draft's date: frontmatter, then config. */
  documentDate: string | null;
  /** Identifies this result for pull diagnostics. */
  resultId: string;
  /** The fivenets.maxProblems setting when the result was made (null: the server's default). */
  maxProblems: number | null;
  /** LSP diagnostics of this result, converted once. */
  lspDiagnostics?: Diagnostic[];
  /** Fix-all results of this version, by rule ('*' for every rule): fixing is costly, menus ask often. */
  fixAllEdits?: Map<string, TextEdit[]>;
}

export interface Classification {
  draft: boolean;
  resolved: ResolvedConfig;
  /** The workspace folder holding the file, if any. */
  folder: string | null;
  /** The language of what describes the draft: diagnostics, hovers, lenses, the status bar, the overview. */
  locale: Locale;
  /** The language of the extension's own notices: the setting, the config, then VS Code's. */
  uiLocale: Locale;
  /** Set when the draft is over the size limit (and so is not a draft for the server). */
  tooLarge: { size: number; max: number } | null;
}

interface DocumentState {
  generation: number;
  version: number;
  settings: Settings;
  analysis: Analysis | null;
  linter: { engine: IncrementalLinter; options: LintOptions; resolved: ResolvedConfig; bySchema: Map<PolicySchema, LintOptions> } | null;
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
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

/** Problems in config files, published on the config file itself (one diagnostic each). */
class ConfigProblems {
  private readonly published = new Map<string, string>();
  private round: Set<string> | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly log: ErrorLog,
  ) {}

  private send(uri: string, diagnostics: Diagnostic[]): void {
    this.connection.sendDiagnostics({ uri, diagnostics }).catch((error: unknown) => this.log.report('config diagnostics', error));
  }

  report(error: LocatedError): void {
    const uri = pathToFileURL(error.file).href;
    this.round?.add(uri);
    const line = Math.max(0, error.line - 1);
    const character = Math.max(0, error.column - 1);
    let end = character;
    try {
      const text = readRegularText(error.file, MAX_DATA_FILE_SIZE);
      end = Math.max(character, (text.split(/\r\n|\r|\n/u)[line] ?? '').length);
    } catch {
      // The file went away: point at the position alone.
    }
    const diagnostic: Diagnostic = {
      range: { start: { line, character }, end: { line, character: end } },
      severity: DiagnosticSeverity.Error,
      source: SOURCE,
      code: 'invalid-config',
      message: error.detail,
    };
    const key = JSON.stringify(diagnostic);
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.send(uri, [diagnostic]);
  }

  /** Start collecting the problems that still exist (after a config change). */
  beginRound(): void {
    this.round = new Set();
  }

  /** Clear the diagnostics of config files that no longer have a problem. */
  endRound(): void {
    if (!this.round) return;
    for (const uri of [...this.published.keys()]) {
      if (this.round.has(uri)) continue;
      this.published.delete(uri);
      this.send(uri, []);
    }
    this.round = null;
  }
}

export class Drafts {
  private generation = 0;
  private readonly states = new Map<string, DocumentState>();
  private readonly configCache = new Map<string, ResolvedConfig>();
  /** Folders whose config is broken: the defaults used instead (until the next change). */
  private readonly broken = new Map<string, ResolvedConfig>();
  /** What config files set themselves (not merged with defaults), by file. */
  private readonly ignoreFiles = new Map<string, IgnoreFiles>();
  private readonly excludeMatchers = new Map<string, (file: string) => boolean>();
  private readonly toldTooLarge = new Set<string>();
  private readonly glossaries = new WeakMap<ResolvedConfig, Map<PolicySchema, GlossaryTerm[]>>();
  private readonly knownRules = RULES.map((rule) => rule.meta.id);
  readonly configProblems: ConfigProblems;
  folders: string[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly log: ErrorLog,
    private readonly editorLocale: Locale | null,
  ) {
    this.configProblems = new ConfigProblems(connection, log);
  }

  /** Config or settings changed: forget every cached config and result. */
  invalidate(): void {
    this.generation++;
    this.configCache.clear();
    this.broken.clear();
    this.ignoreFiles.clear();
  }

  forget(uri: string): void {
    this.states.delete(uri);
    this.toldTooLarge.delete(uri);
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

  isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  folderOf(file: string): string | null {
    let best: string | null = null;
    for (const folder of this.folders) if (isInside(folder, file) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  private analyzeDocument(document: TextDocument, settings: Settings): Analysis | null {
    const uri = document.uri;
    const previous = this.states.get(uri);
    if (previous && previous.generation === this.generation && previous.version === document.version && previous.settings === settings) return previous.analysis;
    const text = document.getText();
    const classification = this.classify(uri, text, settings);
    const state: DocumentState = {
      generation: this.generation,
      version: document.version,
      settings,
      analysis: null,
      linter: null,
    };
    if (classification.tooLarge) this.tellTooLarge(uri, classification);
    else this.toldTooLarge.delete(uri);
    if (classification.draft) {
      // The linter keeps the parsed sections of earlier versions while the config stays the same.
      const reusable = previous?.linter && previous.generation === this.generation && previous.settings === settings && previous.linter.resolved === classification.resolved && previous.linter.options.locale === classification.locale;
      if (reusable && previous.linter) state.linter = previous.linter;
      else {
        const options = this.lintOptions(classification, settings);
        state.linter = { engine: new IncrementalLinter(options), options, resolved: classification.resolved, bySchema: new Map() };
      }
      const { engine, bySchema } = state.linter;
      const result = engine.update(text);
      // The options with the schema this version was checked against (frontmatter or auto may choose another).
      const chosen = result.schema.schema;
      let options = chosen === state.linter.options.schema ? state.linter.options : bySchema.get(chosen);
      if (!options) {
        options = { ...state.linter.options, schema: chosen };
        bySchema.set(chosen, options);
      }
      state.analysis = {
        uri,
        version: document.version,
        text,
        result,
        options,
        resolved: classification.resolved,
        glossary: this.glossaryOf(classification.resolved, chosen),
        locale: classification.locale,
        documentDate: result.model.meta.date ?? classification.resolved.config.date ?? null,
        resultId: `${this.generation}:${document.version}`,
        maxProblems: settings.maxProblems,
      };
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
    if (!bySchema) this.glossaries.set(resolved, (bySchema = new Map()));
    let glossary = bySchema.get(schema);
    if (!glossary) {
      glossary = effectiveGlossary({ ...resolved, schema });
      bySchema.set(schema, glossary);
    }
    return glossary;
  }

  private tellTooLarge(uri: string, classification: Classification): void {
    if (this.toldTooLarge.has(uri) || !classification.tooLarge) return;
    this.toldTooLarge.add(uri);
    const file = uriToPath(uri) ?? uri;
    const message = localize(MESSAGES.tooLarge, classification.uiLocale, { file: path.basename(file), size: classification.tooLarge.size, max: classification.tooLarge.max });
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }).catch((error: unknown) => this.log.report('window/showMessage', error));
  }

  /** Is this text (at this URI) a draft, with which config? Also used for files read from disk. */
  classify(uri: string, text: string, settings: Settings): Classification {
    const file = uriToPath(uri);
    const folder = file ? this.folderOf(file) : (this.folders[0] ?? null);
    const resolved = file ? this.resolve(file, folder) : folder ? this.resolve(path.join(folder, 'untitled.md'), folder) : defaultResolvedConfig(process.cwd());
    // One language rule: what describes the draft follows the setting, the config, then the
    // draft's own language and script; the editor's language only when the draft cannot tell.
    const uiLocale = settings.locale ?? resolved.config.locale ?? this.editorLocale ?? 'zh-CN';
    const locale = settings.locale ?? resolved.config.locale ?? localeOfText(text) ?? uiLocale;
    const result: Classification = { draft: false, resolved, folder, locale, uiLocale, tooLarge: null };
    if (!settings.enable || (file !== null && this.isExcluded(file, folder, settings))) return result;
    const knownSchema = (id: string) => builtinSchemaIds().includes(id) || id === resolved.schema.id;
    const draft = file
      ? classifyDraft({ file, scope: this.scopeOf(resolved, folder, settings), text, knownSchema, ignoreFiles: this.ignoreFilesOf(folder ?? resolved.dir) }).draft
      : ((named) => named !== null && knownSchema(named))(frontmatterSchema(text));
    if (!draft) return result;
    const max = this.explicitConfig(resolved).maxFileSize ?? settings.maxFileSize;
    // UTF-16 length bounds the UTF-8 size from below; only count bytes when it could matter.
    const size = text.length * 3 > max ? Buffer.byteLength(text, 'utf8') : text.length;
    if (size > max) result.tooLarge = { size, max };
    else result.draft = true;
    return result;
  }

  /**
   * Does `files.exclude` hide the file? Its globs are relative to the workspace folder and,
   * as in VS Code's explorer, a glob matching a folder (`**\/node_modules`) hides what is in it.
   */
  isExcluded(file: string, folder: string | null, settings: Settings): boolean {
    if (settings.filesExclude.length === 0 || !folder) return false;
    const relative = path.relative(folder, file).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
    const matches = this.excludeMatcher(settings.filesExclude);
    const parts = relative.split('/');
    for (let length = 1; length <= parts.length; length++) if (matches(parts.slice(0, length).join('/'))) return true;
    return false;
  }

  private excludeMatcher(globs: readonly string[]): (file: string) => boolean {
    const key = JSON.stringify(globs);
    let matcher = this.excludeMatchers.get(key);
    if (!matcher) {
      // The setting comes from the workspace too: a glob that would compile to a catastrophic
      // regular expression is dropped, as a config file refuses it.
      const safe = globs.filter((glob) => globProblem(glob) === null);
      matcher = safe.length === 0 ? () => false : picomatch(safe, { dot: true });
      this.excludeMatchers.set(key, matcher);
    }
    return matcher;
  }

  /** Which globs decide for drafts under this config (engine/classify.ts). */
  scopeOf(resolved: ResolvedConfig, folder: string | null, settings: Settings): DraftScope {
    return draftScope({ include: resolved.explicit.include, includeDir: resolved.includeDir, ignore: resolved.config.ignore ?? [], ignoreDir: resolved.ignoreDir }, folder ?? resolved.dir, settings.include);
  }

  /** .gitignore and .fivenetsignore files, read once per folder until the next change. */
  ignoreFilesOf(root: string): IgnoreFiles {
    let ignoreFiles = this.ignoreFiles.get(root);
    if (!ignoreFiles) {
      ignoreFiles = new IgnoreFiles(root);
      this.ignoreFiles.set(root, ignoreFiles);
    }
    return ignoreFiles;
  }

  /** The settings the config files write themselves (include, maxFileSize), not merged with defaults. */
  explicitConfig(resolved: ResolvedConfig): FivenetsConfig {
    return resolved.explicit;
  }

  /** The config for a file; a broken config is reported on itself and the defaults are used. */
  resolve(file: string, folder: string | null): ResolvedConfig {
    const dir = path.dirname(file);
    const broken = this.broken.get(dir);
    if (broken) return broken;
    try {
      return resolveConfigForFile(file, { workspaceRoot: folder ?? undefined, cache: this.configCache, knownRules: this.knownRules });
    } catch (error) {
      if (!(error instanceof LocatedError)) throw error;
      this.configProblems.report(error);
      const fallback = defaultResolvedConfig(folder ?? dir);
      this.broken.set(dir, fallback);
      return fallback;
    }
  }
}
