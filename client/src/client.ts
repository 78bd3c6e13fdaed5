/**
 * The language client: starts server/out/server.js over IPC and keeps it alive.
 */
import * as fs from 'node:fs';
import { l10n, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export const CLIENT_ID = 'fivenets';
/** The default error handler restarts a crashed server up to this many times in 3 minutes. */
const MAX_RESTARTS = 4;

/** The language client, or null (with a logged error) when the server bundle is missing. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient | null {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  if (!fs.existsSync(serverModule)) {
    output.error(`Language server not found at ${serverModule}. Run "npm run build".`);
    return null;
  }

  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  // Config files, and YAML/JSON files that may be policy schemas a config names (any
  // path inside the workspace): the server clears its config cache when one changes.
  const watchers = [
    workspace.createFileSystemWatcher('**/.fivenets.{yaml,yml,json}'),
    workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    // .gitignore and .fivenetsignore decide which files are drafts.
    workspace.createFileSystemWatcher('**/{.gitignore,.fivenetsignore}'),
  ];
  context.subscriptions.push(...watchers);

  // Wraps the default handler (filled in below, once the client exists) to keep its
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
        message: l10n.t(
          'The Five Nets server crashed {0} times in the last 3 minutes and will not be restarted. See the "Five Nets" output for details.',
          MAX_RESTARTS + 1,
        ),
      };
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    synchronize: { configurationSection: 'fivenets', fileEvents: watchers },
    outputChannel: output,
    errorHandler,
  };

  // The id makes the client read `fivenets.trace.server`.
  const client = new LanguageClient(CLIENT_ID, 'Five Nets', serverOptions, clientOptions);
  defaultHandler = client.createDefaultErrorHandler(MAX_RESTARTS);
  return client;
}
