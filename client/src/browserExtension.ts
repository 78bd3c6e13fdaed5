/**
 * Five Nets in VS Code for the Web (vscode.dev, github.dev, code-server's web worker extension
 * host): the language server runs in a web worker (server/out/web/server.js), finding drafts
 * with settings only: no config files, no Word import, no overview (they need the disk).
 */
import { commands, l10n, Uri, window, workspace, type Disposable, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith, outputChannel } from './activate';
import { CLIENT_ID, clientOptions } from './clientOptions';

/** What the web extension host's global scope offers (the client is compiled without the DOM library). */
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };
// Without the DOM library, BrowserMessageReader's parameter type (Worker) resolves to `any`:
// name only what is used here.
declare const Worker: new (url: string, options?: { name?: string }) => { terminate(): void };

let client: LanguageClient | null = null;

/**
 * The Node build's commands that need the disk (the overview reports on the drafts on disk;
 * Word import runs the converter on a file): hidden here once active (`fivenets.web`), and
 * saying why when run before that (a keybinding, the palette before activation).
 */
function diskOnlyCommands(): Disposable[] {
  void commands.executeCommand('setContext', 'fivenets.web', true);
  const unavailable = (title: string) => () =>
    void window.showInformationMessage(l10n.t('Five Nets: {0} needs the files on disk, which VS Code for the Web does not give extensions. Use the fivenets command line.', title));
  return [commands.registerCommand('fivenets.showOverview', unavailable(l10n.t('the policy overview'))), commands.registerCommand('fivenets.importWordDraft', unavailable(l10n.t('Word import')))];
}

/**
 * The server's worker. VS Code's web worker host refuses `new Worker` on a `vscode-remote:`
 * URL ("Creating workers from remote extensions is currently not supported": an extension
 * that code-server serves has one), so the script is read through the workspace file system
 * and started from a blob: URL; an `https:` or `file:` extension (vscode.dev) starts it directly.
 */
async function serverWorker(context: ExtensionContext): Promise<InstanceType<typeof Worker>> {
  const main = Uri.joinPath(context.extensionUri, 'server', 'out', 'web', 'server.js');
  if (main.scheme !== 'vscode-remote') return new Worker(main.toString(true), { name: 'Five Nets server' });
  const script = await workspace.fs.readFile(main);
  return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { name: 'Five Nets server' });
}

export function activate(context: ExtensionContext): void {
  const output: LogOutputChannel = outputChannel(context);
  context.subscriptions.push(...diskOnlyCommands());
  // Every Markdown document: on the web its scheme is the host's (vscode-vfs, vscode-remote…).
  const setup = clientOptions(output, [{ language: 'markdown' }]);
  context.subscriptions.push(...setup.disposables);
  // A fresh worker on each start (and restart). The transports are made here: the client's
  // own `instanceof Worker` test fails on the Worker that VS Code's web worker host wraps.
  let worker: InstanceType<typeof Worker> | null = null;
  const start = async (): Promise<MessageTransports> => {
    worker?.terminate();
    worker = await serverWorker(context);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  client = new LanguageClient(CLIENT_ID, 'Five Nets', start, setup.options);
  setup.adopt(client);
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  activateWith(context, output, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = null;
}
