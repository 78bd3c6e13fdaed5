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
import { DEFAULT_MAX_PROBLEMS, DiagnosticsFeature } from './handlers/diagnostics';
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

const DEFAULT_DEBOUNCE_MS = 200;

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
  return (Array.isArray(folders) ? folders : []).filter((folder) => typeof folder?.uri === 'string');
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
    next(message);
  },
};

export function serve(connection: Connection, platform: Platform): void {
  const documents = new TextDocuments(TextDocument);
  const log = new ErrorLog(connection);
  // The last line of defence: a stray rejection is an internal error to report, not a crash.
  platform.catchStrayErrors((where, error) => log.report(where, error));

  let client: ClientCapabilities = {};
  let discovery: Discovery;
  let drafts: Drafts;
  let settings: SettingsStore;
  let diagnostics: DiagnosticsFeature;
  let codeActions: CodeActionsFeature;
  let owners: WorkspaceOwners;
  let workspaceSymbols: WorkspaceSymbolsFeature;
  let overview: OverviewFeature | null = null;
  let refresh: () => Promise<void>;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    // A client may leave out what the protocol calls required (capabilities): default it
    // rather than fail initialize and answer null to everything after.
    client = isObject(params.capabilities) ? params.capabilities : {};
    const pull = client.textDocument?.diagnostic !== undefined;
    const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; maxProblems?: unknown };
    const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
    // 0: send every diagnostic.
    const maxProblems = typeof options.maxProblems === 'number' && Number.isInteger(options.maxProblems) && options.maxProblems >= 0 ? options.maxProblems : DEFAULT_MAX_PROBLEMS;
    settings = new SettingsStore(connection, client.workspace?.configuration === true, log);
    discovery = platform.discovery(connection, log, workspaceFolders(params), normalizeLocale(typeof params.locale === 'string' ? params.locale : null));
    drafts = new Drafts(documents, settings, log, discovery.classifier, new SizeNotices(connection, log));
    diagnostics = new DiagnosticsFeature(connection, drafts, log, pull, debounceMs, maxProblems);
    const onDisk = discovery.draftsOnDisk(drafts, settings);
    owners = new WorkspaceOwners(drafts, onDisk);
    codeActions = new CodeActionsFeature(
      drafts,
      {
        resolveEdits: client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
        documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
      },
      owners,
    );
    workspaceSymbols = new WorkspaceSymbolsFeature(drafts, onDisk);
    overview = discovery.overview(drafts, onDisk, settings);
    refresh = configurationRefresher({
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
    return { capabilities: serverCapabilities(pull), serverInfo: { name: 'fivenets', version: VERSION } };
  });

  connection.onInitialized(
    guard(log, 'initialized', undefined, async () => {
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
      settings.onDidChangeConfiguration(params);
      await refresh();
    }),
  );
  connection.onDidChangeWatchedFiles(guard(log, 'workspace/didChangeWatchedFiles', undefined, () => refresh()));

  const opened = new Set<string>();
  documents.onDidOpen((event) => opened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    // A newly opened document is linted at once; edits wait for a pause in typing.
    const uri = event.document.uri;
    diagnostics.schedule(uri, opened.delete(uri) ? 0 : undefined);
  });
  documents.onDidClose((event) => {
    opened.delete(event.document.uri);
    diagnostics.closed(event.document.uri);
    drafts.forget(event.document.uri);
  });

  connection.languages.diagnostics.on(guard(log, 'textDocument/diagnostic', { kind: 'full', items: [] }, (params) => diagnostics.pullReport(params)));
  connection.onHover(guard(log, 'textDocument/hover', null, (params) => hover(drafts, params)));
  connection.onCompletion(guard(log, 'textDocument/completion', null, (params) => completion(drafts, owners, params)));
  connection.onCodeAction(guard(log, 'textDocument/codeAction', [], (params) => codeActions.actions(params)));
  connection.onCodeActionResolve((action) => guard(log, 'codeAction/resolve', action, () => codeActions.resolve(action))());
  connection.onDocumentSymbol(guard(log, 'textDocument/documentSymbol', [], (params) => documentSymbols(drafts, params)));
  connection.onFoldingRanges(guard(log, 'textDocument/foldingRange', [], (params) => foldingRanges(drafts, params)));
  connection.onCodeLens(guard(log, 'textDocument/codeLens', [], (params) => codeLenses(drafts, params)));
  connection.onWorkspaceSymbol(guard(log, 'workspace/symbol', [], (params, token) => workspaceSymbols.search(params, token)));
  connection.onRequest(DocumentStatsRequest, guard(log, DocumentStatsRequest.method, null, (params) => documentStats(drafts, params)));
  connection.onRequest(
    OverviewRequest,
    guard(log, OverviewRequest.method, null, (params, token) => {
      // The browser build has no workspace on disk to report on.
      if (!overview) throw new ResponseError(ErrorCodes.MethodNotFound, `${OverviewRequest.method} is not available in this build`);
      return overview.render(params, token);
    }),
  );

  documents.listen(connection);
  connection.listen();
}
