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

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents we published a non-empty result for (to clear them when they stop being drafts). */
  private readonly published = new Set<string>();
  /** Each open document's diagnostics, per analysed version. */
  readonly views = new DiagnosticViews();

  constructor(
    private readonly connection: Connection,
    private readonly drafts: Drafts,
    private readonly log: ErrorLog,
    readonly pull: boolean,
    private readonly debounceMs: number,
    private readonly maxProblems = DEFAULT_MAX_PROBLEMS,
  ) {}

  /** Lint soon: now for a newly opened document, after a pause while typing. */
  schedule(uri: string, delay = this.debounceMs): void {
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
    try {
      const analysis = await this.drafts.analyze(uri);
      if (!this.drafts.isOpen(uri)) return;
      if (!analysis) {
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      this.published.add(uri);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: this.views.of(analysis).diagnostics(this.maxProblems) });
    } catch (error) {
      this.log.report('diagnostics', error);
    }
  }

  closed(uri: string): void {
    this.views.forget(uri);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
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
