/**
 * What the language client is told, on Node and in the browser alike: which documents, which
 * settings, what to do when the server stops, and the middleware (offline rule links, the
 * fivenets.run setting, files.exclude in the settings, placeholders as tab stops). client.ts
 * (Node) and browserExtension.ts (web worker server) only add how the server is started.
 */
import { l10n, Uri, workspace, type Disposable, type FileSystemWatcher, type LogOutputChannel } from 'vscode';
import {
  CloseAction,
  DiagnosticPullMode,
  ErrorAction,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import { offlineRuleLink } from './ruleDocs';
import { plainEditsFeature, snippetMiddleware } from './snippets';

export const CLIENT_ID = 'fivenets';
/** The default error handler restarts a crashed server up to this many times in 3 minutes. */
const MAX_RESTARTS = 4;

export interface ClientSetup {
  options: LanguageClientOptions;
  /** The file watchers the options use, to dispose with the extension. */
  disposables: Disposable[];
  /**
   * Once the client exists: give the error handler the client's default restart policy, and
   * leave `snippetEditSupport` out of the capabilities (snippets.ts).
   */
  adopt(client: BaseLanguageClient): void;
}

export function clientOptions(output: LogOutputChannel, documentSelector: DocumentSelector): ClientSetup {
  // Config files, and YAML/JSON files that may be policy schemas a config names (any
  // path inside the workspace): the server clears its config cache when one changes.
  const watchers: FileSystemWatcher[] = [
    workspace.createFileSystemWatcher('**/.fivenets.{yaml,yml,json}'),
    workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    // .gitignore and .fivenetsignore decide which files are drafts.
    workspace.createFileSystemWatcher('**/{.gitignore,.fivenetsignore}'),
  ];

  // Wraps the default handler (filled in by adopt, once the client exists) to keep its
  // restart policy and log each decision.
  let defaultHandler: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    async error(error, message, count): Promise<ErrorHandlerResult> {
      output.error(`Connection to the server failed (${count ?? 1}): ${error.message}`);
      return defaultHandler ? defaultHandler.error(error, message, count) : { action: ErrorAction.Continue };
    },
    async closed(): Promise<CloseHandlerResult> {
      const result: CloseHandlerResult = defaultHandler ? await defaultHandler.closed() : { action: CloseAction.Restart };
      if (result.action === CloseAction.Restart) {
        output.warn('The server stopped unexpectedly; restarting it.');
        return result;
      }
      output.error(`The server stopped unexpectedly ${MAX_RESTARTS + 1} times in 3 minutes; not restarting it.`);
      return {
        ...result,
        message: l10n.t('The Five Nets server crashed {0} times in the last 3 minutes and will not be restarted. See the "Five Nets" output for details.', MAX_RESTARTS + 1),
      };
    },
  };

  const options: LanguageClientOptions = {
    documentSelector,
    // files.exclude too: a change re-lints with the new exclusions.
    synchronize: { configurationSection: ['fivenets', 'files.exclude'], fileEvents: watchers },
    outputChannel: output,
    errorHandler,
    // fivenets.run: VS Code pulls diagnostics on open and save, and as you type unless the
    // draft's folder says onSave (as vscode-eslint's eslint.run does).
    diagnosticPullOptions: {
      onChange: true,
      onSave: true,
      filter: (document, mode) => mode === DiagnosticPullMode.onType && workspace.getConfiguration('fivenets', document.uri).get<string>('run', 'onType') === 'onSave',
    },
    middleware: {
      // Placeholders a fix inserts become tab stops (snippets.ts).
      ...snippetMiddleware(),
      // Rule links open the page shipped with the extension (ruleDocs.ts), pushed or pulled.
      handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map(offlineRuleLink)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) report.items = report.items.map(offlineRuleLink);
        return report;
      },
      workspace: {
        // The server reads one section; VS Code's files.exclude travels in it as filesExclude.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value: unknown, index) => {
            const item = params.items[index];
            if (item?.section !== 'fivenets' || !value || typeof value !== 'object') return value;
            const exclude = workspace.getConfiguration('files', item.scopeUri ? Uri.parse(item.scopeUri) : undefined).get<Record<string, unknown>>('exclude', {});
            return {
              ...value,
              filesExclude: Object.entries(exclude)
                .filter(([, on]) => on === true)
                .map(([glob]) => glob),
            };
          });
        },
      },
    },
  };
  return {
    options,
    disposables: watchers,
    adopt(client) {
      defaultHandler = client.createDefaultErrorHandler(MAX_RESTARTS);
      client.registerFeature(plainEditsFeature);
    },
  };
}
