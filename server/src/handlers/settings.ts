/**
 * Settings (`fivenets.*` from the client) and configuration changes: settings are fetched
 * per document with `workspace/configuration` and cached until `didChangeConfiguration`;
 * changes to settings or to a watched `.fivenets.yaml/.yml/.json` clear every cache and
 * re-lint the open drafts.
 */
import {
  BulkRegistration,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type ClientCapabilities,
  type Connection,
  type DidChangeConfigurationParams,
} from 'vscode-languageserver';
import { RULES_BY_ID, normalizeLocale } from '../engine';
import type { Locale, SeveritySetting } from '../engine';
import type { ErrorLog } from './guard';

export interface Settings {
  enable: boolean;
  /** Globs (relative to the workspace folder) of Markdown files that are drafts. */
  include: string[];
  /** Largest draft to lint, in bytes. */
  maxFileSize: number;
  /** null: the config file's locale, then the editor's. */
  locale: Locale | null;
  /** Rule id -> severity, over the config file's `rules`. */
  rules: Record<string, SeveritySetting>;
  /** Most diagnostics sent per document (0: all); null: the server's default (initializationOptions.maxProblems, else 1,000). */
  maxProblems: number | null;
  /**
   * Globs (relative to the workspace folder) of files and folders that get nothing: VS Code's
   * `files.exclude` (those set to true), which the client adds to the `fivenets` section.
   */
  filesExclude: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  include: ['**/*.policy.md', 'policies/**/*.md'],
  maxFileSize: 5 * 1024 * 1024,
  locale: null,
  rules: {},
  maxProblems: null,
  filesExclude: [],
});

/** At most this many exclude globs are read (a settings file is workspace data too). */
const MAX_EXCLUDE_GLOBS = 500;

const SEVERITY_SETTINGS = new Set(['off', 'info', 'warning', 'error']);

/** Settings as the client sent them, with anything malformed replaced by its default. */
export function normalizeSettings(raw: unknown): Settings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const include = Array.isArray(value.include) && value.include.every((glob) => typeof glob === 'string') ? value.include : DEFAULT_SETTINGS.include;
  const maxFileSize = typeof value.maxFileSize === 'number' && Number.isFinite(value.maxFileSize) && value.maxFileSize > 0 ? value.maxFileSize : DEFAULT_SETTINGS.maxFileSize;
  const locale = typeof value.locale === 'string' && /^(zh-cn|zh-tw|en)$/iu.test(value.locale) ? normalizeLocale(value.locale) : null;
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (RULES_BY_ID.has(id) && typeof severity === 'string' && SEVERITY_SETTINGS.has(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  const maxProblems = typeof value.maxProblems === 'number' && Number.isInteger(value.maxProblems) && value.maxProblems >= 0 ? value.maxProblems : null;
  const filesExclude = Array.isArray(value.filesExclude) ? value.filesExclude.filter((glob): glob is string => typeof glob === 'string' && glob.length > 0).slice(0, MAX_EXCLUDE_GLOBS) : [];
  return { enable: value.enable !== false, include: [...include], maxFileSize, locale, rules, maxProblems, filesExclude };
}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** Settings pushed with didChangeConfiguration, for clients without `workspace/configuration`. */
  private pushed: Settings = normalizeSettings({});

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    private readonly log: ErrorLog,
  ) {}

  /** The settings for a document (or folder) URI. */
  get(uri: string): Promise<Settings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'fivenets' }).then(
        (raw: unknown) => normalizeSettings(raw),
        (error: unknown) => {
          this.log.report('workspace/configuration', error);
          return normalizeSettings({});
        },
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  onDidChangeConfiguration(params: DidChangeConfigurationParams): void {
    this.cache.clear();
    const settings: unknown = params.settings;
    if (!this.canPull && settings && typeof settings === 'object' && 'fivenets' in settings) {
      this.pushed = normalizeSettings(settings.fivenets);
    }
  }
}

/** The config files whose changes re-lint the drafts. */
export const CONFIG_GLOB = '**/.fivenets.{yaml,yml,json}';
/** YAML and JSON files that may be custom schemas a config names (any path): as the VS Code client watches. */
export const SCHEMA_GLOB = '**/*.{yaml,yml,json}';
/** Ignore files that decide which files are drafts (engine/classify.ts). */
export const IGNORE_GLOB = '**/{.gitignore,.fivenetsignore}';

/**
 * Ask the client to watch config files and to send configuration changes, when it allows
 * dynamic registration (otherwise it decides what to send).
 */
export async function registerWatchers(connection: Connection, capabilities: ClientCapabilities, log: ErrorLog): Promise<void> {
  // One registration request for both, so the client sees them together.
  const registrations = BulkRegistration.create();
  let count = 0;
  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    registrations.add(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: SCHEMA_GLOB }, { globPattern: IGNORE_GLOB }] });
    count++;
  }
  if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
    registrations.add(DidChangeConfigurationNotification.type, { section: 'fivenets' });
    count++;
  }
  if (count === 0) return;
  try {
    await connection.client.register(registrations);
  } catch (error) {
    log.report('client/registerCapability', error);
  }
}

export interface RefreshTargets {
  connection: Connection;
  capabilities: ClientCapabilities;
  log: ErrorLog;
  /** Forget cached configs and results. */
  invalidate(): void;
  /** Analyse every open document again (re-resolving configs, so config problems are re-reported). */
  reanalyzeOpen(): Promise<void>;
  beginConfigRound(): void;
  endConfigRound(): void;
  /** Push mode: publish every open document again. Null in pull mode. */
  republish: (() => Promise<void>) | null;
}

/**
 * What a settings or config change does: forget caches, re-lint the open drafts, then let
 * the client show the new results (push, or ask it to pull again) and refresh code lenses.
 * Changes are handled one after the other.
 */
export function configurationRefresher(targets: RefreshTargets): () => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const run = async () => {
    targets.invalidate();
    targets.beginConfigRound();
    await targets.reanalyzeOpen();
    targets.endConfigRound();
    const workspace = targets.capabilities.workspace;
    if (targets.republish) await targets.republish();
    else if (workspace?.diagnostics?.refreshSupport) await targets.connection.languages.diagnostics.refresh();
    if (workspace?.codeLens?.refreshSupport) await targets.connection.sendRequest(CodeLensRefreshRequest.type);
  };
  return () => {
    queue = queue.then(run).catch((error: unknown) => targets.log.report('configuration change', error));
    return queue;
  };
}
