/**
 * The language client on Node: starts server/out/server.js over IPC and keeps it alive.
 */
import * as fs from 'node:fs';
import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, clientOptions } from './clientOptions';

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
  const setup = clientOptions(output, [
    { scheme: 'file', language: 'markdown' },
    { scheme: 'untitled', language: 'markdown' },
  ]);
  context.subscriptions.push(...setup.disposables);
  // The id makes the client read `fivenets.trace.server`.
  const client = new LanguageClient(CLIENT_ID, 'Five Nets', serverOptions, setup.options);
  setup.adopt(client);
  return client;
}
