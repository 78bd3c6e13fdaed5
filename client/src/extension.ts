/**
 * Five Nets for VS Code: starts the language server for Markdown drafts and adds the
 * commands, the status bar item and the policy overview. Diagnostics, fixes, hovers, the
 * overview's page and the rest come from the server; this side only wires VS Code to it.
 */
import { commands, window, type ExtensionContext, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient } from './client';
import { registerCommands } from './commands';
import { importWordDraft } from './import-docx';
import { OverviewPanel } from './overview';
import { registerRuleDocs } from './ruleDocs';
import { DraftStatus } from './status';

let client: LanguageClient | null = null;

export function activate(context: ExtensionContext): void {
  const output = window.createOutputChannel('Five Nets', { log: true });
  context.subscriptions.push(
    output,
    ...registerCommands(),
    // The explorer's context menu passes the .docx; the command palette passes nothing (a file picker opens).
    commands.registerCommand('fivenets.importWordDraft', (uri?: Uri) => importWordDraft(context, uri)),
    registerRuleDocs(context),
  );

  client = createLanguageClient(context, output);
  if (!client) return;
  context.subscriptions.push(new DraftStatus(client, output), new OverviewPanel(client, output));
  // Not awaited: commands work while the server starts. A failed start is shown by the
  // client itself and logged here.
  client.start().catch((error: unknown) => {
    output.error(`The server did not start: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = null;
}
