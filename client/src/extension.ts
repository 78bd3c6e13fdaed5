/**
 * Five Nets for VS Code: starts the language server for Markdown drafts and adds the
 * commands, the status bar item and the policy overview. Diagnostics, fixes, hovers, the
 * overview's page and the rest come from the server; this side only wires VS Code to it.
 * The browser build's entry (vscode.dev, github.dev) is browserExtension.ts.
 */
import { commands, type ExtensionContext, type Uri } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activateWith, outputChannel } from './activate';
import { createLanguageClient } from './client';
import { importWordDraft } from './import-docx';
import { OverviewPanel } from './overview';

let client: LanguageClient | null = null;

export function activate(context: ExtensionContext): void {
  const output = outputChannel(context);
  context.subscriptions.push(
    // The explorer's context menu passes the .docx; the command palette passes nothing (a file picker opens).
    commands.registerCommand('fivenets.importWordDraft', (uri?: Uri) => importWordDraft(context, uri)),
  );
  client = createLanguageClient(context, output);
  activateWith(context, output, client, (started) => [new OverviewPanel(started, output)]);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = null;
}
