/**
 * "Five Nets: Show Policy Overview": the server's policy overview (`fivenets/overview`) in a
 * webview. It is rebuilt 500 ms after drafts change, only while visible (a hidden panel is
 * marked stale and rebuilt when shown). The page follows the theme through the classes
 * and `--vscode-*` variables VS Code gives every webview; a small script of ours turns
 * link clicks into `open` messages, and the draft opens at that line.
 */
import { randomBytes } from 'node:crypto';
import { CancellationTokenSource, commands, Disposable, l10n, Position, Range, Uri, ViewColumn, window, workspace, type LogOutputChannel, type TextDocument, type WebviewPanel } from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { OverviewRequest, type OverviewParams, type OverviewResult } from '../../shared/protocol';

export const SHOW_OVERVIEW_COMMAND = 'fivenets.showOverview';
const VIEW_TYPE = 'fivenets.overview';
const REFRESH_DELAY_MS = 500;

interface OpenMessage {
  type: 'open';
  file: string;
  line: number;
}

/**
 * Runs in the webview after the report's own script. A link to a draft carries data-file
 * and data-line on itself or an element around it; other links (the file list) have the
 * path as their href. Such clicks stop here and become an `open` message; in-page links
 * (#tasks) go on to VS Code's handler, which scrolls to them. The scroll position is kept
 * in the webview state so a refresh does not jump to the top.
 */
const WEBVIEW_SCRIPT = `
(function () {
  'use strict';
  var vscode = acquireVsCodeApi();
  var state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  var timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ scrollY: window.scrollY }); }, 100);
  });
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link) return;
    var href = link.getAttribute('href') || '';
    if (href.charAt(0) === '#') return;
    event.preventDefault();
    // VS Code's webview host handles link clicks on the window, after this, whether or not
    // the default was prevented: it resolves the href against the webview's own URL and
    // opens http(s) links. In VS Code for the web (code-server, vscode.dev) that URL is
    // http, so a draft link would also open a browser tab on a page that does not exist.
    event.stopPropagation();
    var holder = link.closest('[data-file]');
    var file;
    var line;
    if (holder) {
      file = holder.getAttribute('data-file');
      line = Number(holder.getAttribute('data-line')) || 1;
    } else {
      var hash = href.indexOf('#');
      try { file = decodeURIComponent(hash >= 0 ? href.slice(0, hash) : href); } catch (error) { return; }
      var match = /#L(\\d+)$/.exec(href);
      line = match ? Number(match[1]) : 1;
    }
    vscode.postMessage({ type: 'open', file: file, line: line });
  });
})();
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function csp(nonce: string, cspSource: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${cspSource}; script-src 'nonce-${nonce}'">`;
}

/** The server's page with our CSP first in <head> and our script last in <body>. */
export function webviewPage(html: string, nonce: string, cspSource: string): string {
  const head = html.indexOf('<head>') + '<head>'.length;
  const bodyEnd = html.lastIndexOf('</body>');
  if (head < '<head>'.length || bodyEnd < head) throw new Error('the overview page has no <head> or </body>');
  return `${html.slice(0, head)}\n${csp(nonce, cspSource)}${html.slice(head, bodyEnd)}<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>\n${html.slice(bodyEnd)}`;
}

function errorPage(message: string, cspSource: string): string {
  return `<!doctype html><html><head>${csp(randomBytes(18).toString('base64'), cspSource)}</head><body><p>${escapeHtml(message)}</p></body></html>`;
}

function isOpenMessage(message: unknown): message is OpenMessage {
  const value = message as Partial<OpenMessage> | null;
  return typeof value === 'object' && value !== null && value.type === 'open' && typeof value.file === 'string' && Number.isInteger(value.line);
}

export class OverviewPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  /** data-file -> document URI, from the page shown. */
  private files: Record<string, string> = {};
  /** The last page without its nonce: an identical report is not reloaded (no flicker). */
  private shown = '';
  private stale = false;
  private timer: NodeJS.Timeout | undefined;
  private pending: CancellationTokenSource | undefined;
  private readonly disposables: Disposable[];

  constructor(
    private readonly client: LanguageClient,
    private readonly output: LogOutputChannel,
  ) {
    const changed = (document: TextDocument) => {
      if (document.languageId === 'markdown') this.schedule();
    };
    this.disposables = [
      commands.registerCommand(SHOW_OVERVIEW_COMMAND, () => this.show()),
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) changed(event.document);
      }),
      workspace.onDidSaveTextDocument(changed),
      // Closing a document with unsaved edits puts the file's own text back in the report.
      workspace.onDidCloseTextDocument(changed),
      workspace.onDidCreateFiles(() => this.schedule()),
      workspace.onDidDeleteFiles(() => this.schedule()),
      workspace.onDidRenameFiles(() => this.schedule()),
      workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('fivenets')) this.schedule();
      }),
    ];
  }

  private async show(): Promise<void> {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = window.createWebviewPanel(VIEW_TYPE, l10n.t('Policy Overview'), ViewColumn.Beside, { enableScripts: true, localResourceRoots: [] });
    this.panel = panel;
    panel.onDidDispose(() => {
      this.panel = undefined;
      this.files = {};
      this.shown = '';
      this.cancel();
    });
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) this.schedule(0);
    });
    panel.webview.onDidReceiveMessage((message: unknown) => this.open(message));
    await this.refresh();
  }

  private schedule(delay = REFRESH_DELAY_MS): void {
    if (!this.panel) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending?.cancel();
    this.pending = undefined;
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    if (!panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    this.pending?.cancel();
    const request = new CancellationTokenSource();
    this.pending = request;
    const nonce = randomBytes(18).toString('base64');
    const params: OverviewParams = { nonce };
    let result: OverviewResult | null;
    try {
      result = await this.client.sendRequest(OverviewRequest, params, request.token);
    } catch (error) {
      if (request.token.isCancellationRequested) return;
      result = null;
      this.output.warn(`${OverviewRequest.method} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (this.pending === request) this.pending = undefined;
      request.dispose();
    }
    if (request.token.isCancellationRequested || this.panel !== panel) return;
    if (!result) {
      this.shown = '';
      panel.webview.html = errorPage(l10n.t('The policy overview could not be built. See the "Five Nets" output for details.'), panel.webview.cspSource);
      return;
    }
    this.files = result.files;
    const withoutNonce = result.html.split(nonce).join('');
    if (withoutNonce === this.shown) return;
    this.shown = withoutNonce;
    panel.webview.html = webviewPage(result.html, nonce, panel.webview.cspSource);
  }

  private async open(message: unknown): Promise<void> {
    if (!isOpenMessage(message)) return;
    const uri = Object.prototype.hasOwnProperty.call(this.files, message.file) ? this.files[message.file] : undefined;
    if (!uri) {
      this.output.warn(`The overview linked to ${message.file}, which is not one of its drafts.`);
      return;
    }
    const position = new Position(Math.max(0, message.line - 1), 0);
    // Beside the overview, not in its place.
    const viewColumn = this.panel?.viewColumn === ViewColumn.One ? ViewColumn.Beside : ViewColumn.One;
    try {
      await window.showTextDocument(Uri.parse(uri), { viewColumn, selection: new Range(position, position) });
    } catch (error) {
      this.output.warn(`Could not open ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      void window.showErrorMessage(l10n.t('Could not open {0}.', message.file));
    }
  }

  dispose(): void {
    this.cancel();
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
