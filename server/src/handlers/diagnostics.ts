/**
 * Diagnostics: pushed (publishDiagnostics, debounced while typing, tagged with the document
 * version) or pulled (textDocument/diagnostic) when the client declares pull support.
 * Only the result for a document's latest version is ever sent. What is sent comes from the
 * document's view (documentDiagnostics.ts), which code actions read too.
 */
import type { Connection, DocumentDiagnosticParams, DocumentDiagnosticReport } from 'vscode-languageserver';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { Drafts } from './drafts';
import type { ErrorLog } from './guard';
import { DEFAULT_MAX_PROBLEMS, DiagnosticViews } from './documentDiagnostics';

/** The push debounce's bounds (ms): see pushDebounce. */
export const MIN_DEBOUNCE_MS = 15;
export const MAX_DEBOUNCE_MS = 200;

/**
 * How long a push client's edit waits for a pause in typing before the document is linted:
 * twice the time the document's last lint took, within 15–200 ms (200 while that is unknown).
 * A lint then starts only after a quiet spell twice its own length, so while someone types
 * non-stop at most a third of the server's time goes to lints of versions about to be
 * replaced, whatever the document's size; a small draft (a few ms to lint) publishes after
 * 15 ms instead of 200. The floor still coalesces the bursts editors send together
 * (multi-cursor edits, a paste and its re-indent, key repeat at ~30 ms); the ceiling is the
 * old fixed delay, so no document waits longer than it did.
 */
export function pushDebounce(lastLintMs: number | undefined): number {
  if (lastLintMs === undefined || !Number.isFinite(lastLintMs)) return MAX_DEBOUNCE_MS;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, Math.round(2 * lastLintMs)));
}

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** How long the last lint (analysis and conversion) of each document took, in ms. */
  private readonly lintMs = new Map<string, number>();
  /** Documents we published a non-empty result for (to clear them when they stop being drafts). */
  private readonly published = new Set<string>();
  /** Each open document's diagnostics, per analysed version. */
  readonly views = new DiagnosticViews();

  constructor(
    private readonly connection: Connection,
    private readonly drafts: Drafts,
    private readonly log: ErrorLog,
    readonly pull: boolean,
    /** A fixed debounce (initializationOptions.debounceMs); null: pushDebounce. */
    private readonly debounceMs: number | null,
    private readonly maxProblems = DEFAULT_MAX_PROBLEMS,
  ) {}

  /** Lint soon: now for a newly opened document, after a pause while typing. */
  schedule(uri: string, delay = this.debounceMs ?? pushDebounce(this.lintMs.get(uri))): void {
    if (this.pull) return;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.publish(uri);
      }, delay),
    );
  }

  /** Lint and publish the current version of a document (push mode). */
  async publish(uri: string): Promise<void> {
    if (this.pull) return;
    const started = Date.now();
    try {
      const analysis = await this.drafts.analyze(uri);
      if (!this.drafts.isOpen(uri)) return;
      if (!analysis) {
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      this.published.add(uri);
      const diagnostics = this.views.of(analysis).diagnostics(this.maxProblems);
      // The lint and its conversion; encoding and writing the message follow.
      this.lintMs.set(uri, Date.now() - started);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    } catch (error) {
      this.log.report('diagnostics', error);
    }
  }

  closed(uri: string): void {
    this.views.forget(uri);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.lintMs.delete(uri);
    if (this.published.delete(uri)) this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch((error: unknown) => this.log.report('diagnostics', error));
  }

  /** textDocument/diagnostic. */
  async pullReport(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const analysis = await this.drafts.analyze(params.textDocument.uri);
    if (!analysis) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (params.previousResultId === analysis.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: analysis.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: this.views.of(analysis).diagnostics(this.maxProblems) };
  }
}
