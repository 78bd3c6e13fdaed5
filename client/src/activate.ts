/**
 * What the extension adds to VS Code around its language client, on Node (extension.ts) and
 * in the browser (browserExtension.ts): the commands, the rule pages, the status bar item
 * and "Treat as Policy Draft", what only one platform has (the policy overview on Node),
 * and the client started.
 */
import { commands, window, type Disposable, type ExtensionContext, type LogOutputChannel, type Uri } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { registerRuleDocs } from './ruleDocs';
import { DraftStatus } from './status';
import { TREAT_AS_DRAFT_COMMAND, treatAsDraft } from './treatAsDraft';

/** The extension's output channel, disposed with it. */
export function outputChannel(context: ExtensionContext): LogOutputChannel {
  const output = window.createOutputChannel('Five Nets', { log: true });
  context.subscriptions.push(output);
  return output;
}

export function activateWith(context: ExtensionContext, output: LogOutputChannel, client: BaseLanguageClient | null, platformFeatures: (client: BaseLanguageClient) => Disposable[] = () => []): void {
  context.subscriptions.push(...registerCommands(), registerRuleDocs(context));
  if (!client) return;
  context.subscriptions.push(
    new DraftStatus(client, output),
    // In the browser too: the frontmatter way needs no disk, the include way writes settings.
    commands.registerCommand(TREAT_AS_DRAFT_COMMAND, (uri?: Uri) => treatAsDraft(client, uri)),
  );
  context.subscriptions.push(...platformFeatures(client));
  // Not awaited: commands work while the server starts. A failed start is shown by the
  // client itself and logged here.
  client.start().catch((error: unknown) => {
    output.error(`The server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}
