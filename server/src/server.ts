/**
 * The Five Nets language server: connection and handler registration, nothing else.
 * Works over --stdio and --node-ipc (createConnection reads the transport from argv).
 * Every feature lives in handlers/; every handler runs inside `guard`.
 */
import {
  CodeActionKind,
  Message,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MessageStrategy,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { format } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cachedJsonEncoder } from './handlers/encoder';
import { normalizeLocale } from './engine';
import { VERSION } from './version';
import { ErrorLog, guard } from './handlers/guard';
import { SettingsStore, configurationRefresher, registerWatchers } from './handlers/settings';
import { Drafts, uriToPath } from './handlers/drafts';
import { DEFAULT_MAX_PROBLEMS, DiagnosticsFeature } from './handlers/diagnostics';
import { CodeActionsFeature, FIX_ALL_KIND } from './handlers/codeActions';
import { hover } from './handlers/hover';
import { TRIGGER_CHARACTERS, completion } from './handlers/completion';
import { documentSymbols } from './handlers/symbols';
import { foldingRanges } from './handlers/folding';
import { codeLenses } from './handlers/codeLens';
import { WorkspaceSymbolsFeature } from './handlers/workspaceSymbols';
import { WorkspaceDrafts } from './handlers/workspaceDrafts';
import { WorkspaceOwners } from './handlers/owners';
import { documentStats } from './handlers/stats';
import { OverviewFeature } from './handlers/overview';
import { DOCUMENT_STATS_METHOD, OVERVIEW_METHOD, type DocumentStats, type DocumentStatsParams, type OverviewParams, type OverviewResult } from './handlers/protocol';

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

function folderPaths(folders: ReadonlyArray<{ uri: string }> | null | undefined): string[] {
  return (Array.isArray(folders) ? folders : []).filter((folder) => typeof folder?.uri === 'string').map((folder) => uriToPath(folder.uri)).filter((folder): folder is string => folder !== null);
}

let shutdownRequested = false;

/**
 * Over --stdio, the library's connection with one change: the writer encodes diagnostic
 * reports from cached bytes (handlers/encoder.ts). Given a reader and a writer instead of
 * reading argv, createConnection neither exits when stdin ends nor routes console output to
 * the client (which keeps stdout for the protocol): both are done here as the library does.
 */
function stdioConnection(): Connection | null {
  const argv = process.argv.slice(2);
  const transport = argv.find((arg) => arg === '--node-ipc' || arg === '--stdio' || arg.startsWith('--socket') || arg.startsWith('--pipe'));
  if (transport !== '--stdio') return null;
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: cachedJsonEncoder });
  const stdio = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), writer, { messageStrategy });
  const exit = () => process.exit(shutdownRequested ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toClient = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
  console.log = toClient((message) => stdio.console.log(message));
  console.info = toClient((message) => stdio.console.info(message));
  console.debug = toClient((message) => stdio.console.log(message));
  console.warn = toClient((message) => stdio.console.warn(message));
  console.error = toClient((message) => stdio.console.error(message));
  return stdio;
}

/**
 * A client may leave out `capabilities`, which the protocol calls required: the library's own
 * initialize handling reads it before ours runs, threw, and the server then answered null to
 * every request. The message is completed before the library sees it.
 */
const messageStrategy: MessageStrategy = {
  handleMessage(message, next) {
    if (Message.isRequest(message) && message.method === 'shutdown') shutdownRequested = true;
    if (Message.isRequest(message) && message.method === 'initialize') {
      const params = isObject(message.params as object | null) ? (message.params as Record<string, unknown>) : {};
      if (!isObject(params.capabilities as object | null)) message.params = { ...params, capabilities: {} };
    }
    next(message);
  },
};

const connection = stdioConnection() ?? createConnection(ProposedFeatures.all, { messageStrategy });
const documents = new TextDocuments(TextDocument);
const log = new ErrorLog(connection);
// The last line of defence: a stray rejection is an internal error to report, not a crash.
process.on('unhandledRejection', (reason) => log.report('unhandled rejection', reason));
process.on('uncaughtException', (error) => log.report('uncaught exception', error));

let client: ClientCapabilities = {};
let drafts: Drafts;
let settings: SettingsStore;
let diagnostics: DiagnosticsFeature;
let codeActions: CodeActionsFeature;
let workspaceDrafts: WorkspaceDrafts;
let owners: WorkspaceOwners;
let workspaceSymbols: WorkspaceSymbolsFeature;
let overview: OverviewFeature;
let refresh: () => Promise<void>;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  // A client may leave out what the protocol calls required (capabilities): default it
  // rather than fail initialize and answer null to everything after.
  client = isObject(params.capabilities) ? params.capabilities : {};
  const pull = client.textDocument?.diagnostic !== undefined;
  const options = (params.initializationOptions ?? {}) as { debounceMs?: unknown; maxProblems?: unknown };
  // Unset: the push debounce follows the document's last lint time (pushDebounce).
  const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : null;
  // 0: send every diagnostic.
  const maxProblems = typeof options.maxProblems === 'number' && Number.isInteger(options.maxProblems) && options.maxProblems >= 0 ? options.maxProblems : DEFAULT_MAX_PROBLEMS;
  settings = new SettingsStore(connection, client.workspace?.configuration === true, log);
  drafts = new Drafts(connection, documents, settings, log, normalizeLocale(typeof params.locale === 'string' ? params.locale : null));
  const rootPath = typeof params.rootUri === 'string' ? uriToPath(params.rootUri) : null;
  drafts.folders = params.workspaceFolders ? folderPaths(params.workspaceFolders) : rootPath ? [rootPath] : [];
  diagnostics = new DiagnosticsFeature(connection, drafts, log, pull, debounceMs, maxProblems);
  workspaceDrafts = new WorkspaceDrafts(drafts, settings);
  owners = new WorkspaceOwners(drafts, workspaceDrafts);
  codeActions = new CodeActionsFeature(
    drafts,
    {
      resolveEdits: client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
      documentChanges: client.workspace?.workspaceEdit?.documentChanges === true,
    },
    owners,
  );
  workspaceSymbols = new WorkspaceSymbolsFeature(drafts, workspaceDrafts);
  overview = new OverviewFeature(drafts, workspaceDrafts, settings);
  refresh = configurationRefresher({
    connection,
    capabilities: client,
    log,
    invalidate: () => {
      drafts.invalidate();
      workspaceDrafts.invalidate();
      owners.invalidate();
    },
    reanalyzeOpen: async () => {
      await drafts.openDrafts();
    },
    beginConfigRound: () => drafts.configProblems.beginRound(),
    endConfigRound: () => drafts.configProblems.endRound(),
    republish: pull ? null : async () => {
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
          const removed = new Set(folderPaths(event.removed));
          drafts.folders = [...drafts.folders.filter((folder) => !removed.has(folder)), ...folderPaths(event.added)];
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
connection.onRequest(DOCUMENT_STATS_METHOD, guard(log, DOCUMENT_STATS_METHOD, null, (params: DocumentStatsParams): Promise<DocumentStats | null> => documentStats(drafts, params)));
connection.onRequest(OVERVIEW_METHOD, guard(log, OVERVIEW_METHOD, null, (params: OverviewParams, token): Promise<OverviewResult | null> => overview.render(params, token)));

documents.listen(connection);
connection.listen();
