/**
 * The Five Nets language server on a connection: handler registration, nothing else. The
 * Node entry (server.ts: --stdio, --node-ipc) and the browser entry (browserServer.ts: a web
 * worker) give it their connection and their platform: how drafts are found (on disk, or
 * with settings only) and what the workspace-wide features can read. Every feature lives
 * in handlers/; every handler runs inside `guard`.
 */
import {
  CodeActionKind,
  ErrorCodes,
  Message,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type TextDocumentsConfiguration,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MessageStrategy,
  type ServerCapabilities,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeLocale, type Locale } from './engine';
import { VERSION } from './version';
import { ErrorLog, guard } from './handlers/guard';
import { SettingsStore, configurationRefresher, registerWatchers } from './handlers/settings';
import { Drafts } from './handlers/drafts';
import type { DraftClassifier } from './handlers/classification';
import type { DraftsOnDisk } from './handlers/draftsOnDisk';
import { SizeNotices } from './handlers/sizeNotices';
import { DiagnosticsFeature } from './handlers/diagnostics';
import { DEFAULT_MAX_PROBLEMS } from './handlers/documentDiagnostics';
import { CodeActionsFeature, FIX_ALL_KIND } from './handlers/codeActions';
import { hover } from './handlers/hover';
import { TRIGGER_CHARACTERS, completion } from './handlers/completion';
import { documentSymbols } from './handlers/symbols';
import { foldingRanges } from './handlers/folding';
import { codeLenses } from './handlers/codeLens';
import { WorkspaceSymbolsFeature } from './handlers/workspaceSymbols';
import { WorkspaceOwners } from './handlers/owners';
import { documentStats } from './handlers/stats';
import type { OverviewFeature } from './handlers/overview';
import { DocumentStatsRequest, OverviewRequest } from '../../shared/protocol';

/** How drafts are found and what lies beyond the open documents, on one platform. */
export interface Discovery {
  classifier: DraftClassifier;
  /** The workspace folders changed (workspace/didChangeWorkspaceFolders). */
  changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void;
  /** Around re-linting after a config change: config files without a problem any more lose theirs. */
  beginConfigRound(): void;
  endConfigRound(): void;
  /** The drafts beyond the open documents. */
  draftsOnDisk(drafts: Drafts, settings: SettingsStore): DraftsOnDisk;
  /** fivenets/overview, where the platform offers it. */
  overview(drafts: Drafts, onDisk: DraftsOnDisk, settings: SettingsStore): OverviewFeature | null;
}

export interface Platform {
  discovery(connection: Connection, log: ErrorLog, folders: readonly WorkspaceFolder[], editorLocale: Locale | null): Discovery;
  /** Catch what would otherwise be lost (a stray rejection) and hand it to `report`. */
  catchStrayErrors(report: (where: string, error: unknown) => void): void;
  /** How open documents keep their text (default: vscode-languageserver-textdocument's TextDocument). */
  documents?: TextDocumentsConfiguration<TextDocument>;
}

function serverCapabilities(pull: boolean): ServerCapabilities {
  const capabilities: ServerCapabilities = {
    // save: clients send didSave, which is when VS Code pulls diagnostics with fivenets.run: onSave.
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    hoverProvider: true,
    completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    codeLensProvider: { resolveProvider: false },
    workspaceSymbolProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  if (pull) capabilities.diagnosticProvider = { identifier: 'fivenets', interFileDependencies: false, workspaceDiagnostics: false };
  return capabilities;
}

function isObject<T extends object>(value: T | null | undefined): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The folders a client sent (workspaceFolders, else rootUri), the malformed left out. */
function workspaceFolders(params: InitializeParams): WorkspaceFolder[] {
  const folders = params.workspaceFolders ?? (typeof params.rootUri === 'string' ? [{ uri: params.rootUri, name: '' }] : []);
  return validFolders(folders);
}

function validFolders(folders: readonly WorkspaceFolder[] | null | undefined): WorkspaceFolder[] {
  const list: readonly unknown[] = Array.isArray(folders) ? folders : [];
  return list.filter((folder): folder is WorkspaceFolder => typeof folder === 'object' && folder !== null && 'uri' in folder && typeof folder.uri === 'string');
}

/**
 * A client may leave out `capabilities`, which the protocol calls required: the library's own
 * initialize handling reads it before ours runs, threw, and the server then answered null to
 * every request. The message is completed before the library sees it.
 */
export const messageStrategy: MessageStrategy = {
  handleMessage(message, next) {
    if (Message.isRequest(message) && message.method === 'initialize') {
      const params = isObject(message.params as object | null) ? (message.params as Record<string, unknown>) : {};
      if (!isObject(params.capabilities as object | null)) message.params = { ...params, capabilities: {} };
    }
    return next(message);
  },
};

/** What initialize builds from the client's capabilities and options, used by every handler after it. */
interface Features {
  client: ClientCapabilities;
  discovery: Discovery;
  settings: SettingsStore;
  drafts: Drafts;
  diagnostics: DiagnosticsFeature;
  codeActions: CodeActionsFeature;
  owners: WorkspaceOwners;
  workspaceSymbols: WorkspaceSymbolsFeature;
  overview: OverviewFeature | null;
  refresh: () => Promise<void>;
}

function initialize(connection: Connection, platform: Platform, log: ErrorLog, documents: TextDocuments<TextDocument>, params: InitializeParams): { features: Features; result: InitializeResult } {
  // A client may leave out what the protocol calls required (capabilities): default it
  // rather than fail initialize and answer null to everything after.
  const client: ClientCapabilities = isObject(params.capabilities) ? params.capabilities : {};
  const pull = client.textDocument?.diagnostic !== undefined;
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; maxProblems?: unknown };
  // Unset: the push debounce follows the document's last lint time (pushDebounce).
  const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : null;
  // 0: send every diagnostic.
  const maxProblems = typeof options.maxProblems === 'number' && Number.isInteger(options.maxProblems) && options.maxProblems >= 0 ? options.maxProblems : DEFAULT_MAX_PROBLEMS;
  const settings = new SettingsStore(connection, client.workspace?.configuration === true, log);
  const discovery = platform.discovery(connection, log, workspaceFolders(params), normalizeLocale(typeof params.locale === 'string' ? params.locale : null));
  const drafts = new Drafts(documents, settings, log, discovery.classifier, new SizeNotices(connection, log));
  const diagnostics = new DiagnosticsFeature(connection, drafts, log, pull, debounceMs, maxProblems);
  const onDisk = discovery.draftsOnDisk(drafts, settings);
  const owners = new WorkspaceOwners(drafts, onDisk);
  const codeActions = new CodeActionsFeature(
    drafts,
    {
      resolveEdits: client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      snippets: client.workspace?.workspaceEdit?.snippetEditSupport === true,
    },
    owners,
    diagnostics.views,
  );
  const refresh = configurationRefresher({
    connection,
    capabilities: client,
    log,
    invalidate: () => {
      drafts.invalidate();
      onDisk.invalidate();
      owners.invalidate();
    },
    reanalyzeOpen: async () => {
      await drafts.openDrafts();
    },
    beginConfigRound: () => discovery.beginConfigRound(),
    endConfigRound: () => discovery.endConfigRound(),
    republish: pull
      ? null
      : async () => {
          await Promise.all(documents.all().map((document) => diagnostics.publish(document.uri)));
        },
  });
  const features: Features = {
    client,
    discovery,
    settings,
    drafts,
    diagnostics,
    codeActions,
    owners,
    workspaceSymbols: new WorkspaceSymbolsFeature(drafts, onDisk),
    overview: discovery.overview(drafts, onDisk, settings),
    refresh,
  };
  return { features, result: { capabilities: serverCapabilities(pull), serverInfo: { name: 'fivenets', version: VERSION } } };
}

/** Workspace folders, settings, watched files and the open documents' lifecycle. */
function registerLifecycle(connection: Connection, log: ErrorLog, documents: TextDocuments<TextDocument>, features: () => Features): void {
  connection.onInitialized(
    guard(log, 'initialized', undefined, async () => {
      const { client, discovery, refresh } = features();
      if (client.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard(log, 'workspace/didChangeWorkspaceFolders', undefined, async (event) => {
            discovery.changeFolders(validFolders(event.added), validFolders(event.removed));
            await refresh();
          }),
        );
      }
      await registerWatchers(connection, client, log);
    }),
  );

  connection.onDidChangeConfiguration(
    guard(log, 'workspace/didChangeConfiguration', undefined, async (params) => {
      features().settings.onDidChangeConfiguration(params);
      await features().refresh();
    }),
  );
  connection.onDidChangeWatchedFiles(guard(log, 'workspace/didChangeWatchedFiles', undefined, () => features().refresh()));

  const opened = new Set<string>();
  documents.onDidOpen((event) => opened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    // A newly opened document is linted at once; edits wait for a pause in typing.
    const uri = event.document.uri;
    features().diagnostics.schedule(uri, opened.delete(uri) ? 0 : undefined);
  });
  documents.onDidClose((event) => {
    opened.delete(event.document.uri);
    features().diagnostics.closed(event.document.uri);
    features().drafts.forget(event.document.uri);
  });
}

/** The requests: each feature's handler, inside `guard`. */
function registerRequests(connection: Connection, log: ErrorLog, features: () => Features): void {
  connection.languages.diagnostics.on(guard(log, 'textDocument/diagnostic', { kind: 'full', items: [] }, (params) => features().diagnostics.pullReport(params)));
  connection.onHover(guard(log, 'textDocument/hover', null, (params) => hover(features().drafts, params)));
  connection.onCompletion(guard(log, 'textDocument/completion', null, (params) => completion(features().drafts, features().owners, params)));
  connection.onCodeAction(guard(log, 'textDocument/codeAction', [], (params) => features().codeActions.actions(params)));
  connection.onCodeActionResolve((action) => guard(log, 'codeAction/resolve', action, () => features().codeActions.resolve(action))());
  connection.onDocumentSymbol(guard(log, 'textDocument/documentSymbol', [], (params) => documentSymbols(features().drafts, params)));
  connection.onFoldingRanges(guard(log, 'textDocument/foldingRange', [], (params) => foldingRanges(features().drafts, params)));
  connection.onCodeLens(guard(log, 'textDocument/codeLens', [], (params) => codeLenses(features().drafts, params)));
  connection.onWorkspaceSymbol(guard(log, 'workspace/symbol', [], (params, token) => features().workspaceSymbols.search(params, token)));
  connection.onRequest(
    DocumentStatsRequest,
    guard(log, DocumentStatsRequest.method, null, (params) => documentStats(features().drafts, params)),
  );
  connection.onRequest(
    OverviewRequest,
    guard(log, OverviewRequest.method, null, (params, token) => {
      const { overview } = features();
      // The browser build has no workspace on disk to report on.
      if (!overview) throw new ResponseError(ErrorCodes.MethodNotFound, `${OverviewRequest.method} is not available in this build`);
      return overview.render(params, token);
    }),
  );
}

export function serve(connection: Connection, platform: Platform): void {
  const documents = new TextDocuments(platform.documents ?? TextDocument);
  const log = new ErrorLog(connection);
  // The last line of defence: a stray rejection is an internal error to report, not a crash.
  platform.catchStrayErrors((where, error) => log.report(where, error));
  let current: Features | null = null;
  const features = (): Features => {
    // Before initialize: the library answers requests with ServerNotInitialized; a stray notification lands here.
    if (!current) throw new Error('not initialized');
    return current;
  };
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const { features: made, result } = initialize(connection, platform, log, documents, params);
    current = made;
    return result;
  });
  registerLifecycle(connection, log, documents, features);
  registerRequests(connection, log, features);
  documents.listen(connection);
  connection.listen();
}
