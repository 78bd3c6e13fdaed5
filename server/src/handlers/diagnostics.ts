/**
 * Diagnostics: pushed (publishDiagnostics, debounced while typing, tagged with the document
 * version) or pulled (textDocument/diagnostic) when the client declares pull support.
 * Only the result for a document's latest version is ever sent.
 */
import type { Connection, Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import type { Analysis, Drafts } from './drafts';
import type { ErrorLog } from './guard';
import { toDiagnostic } from './convert';

export function lspDiagnostics(analysis: Analysis): Diagnostic[] {
  analysis.lspDiagnostics ??= analysis.result.diagnostics.map((diagnostic) => toDiagnostic(diagnostic, analysis.result.lines, analysis.version));
  return analysis.lspDiagnostics;
}

export class DiagnosticsFeature {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Documents we published a non-empty result for (to clear them when they stop being drafts). */
  private readonly published = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly drafts: Drafts,
    private readonly log: ErrorLog,
    readonly pull: boolean,
    private readonly debounceMs: number,
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
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: lspDiagnostics(analysis) });
    } catch (error) {
      this.log.report('diagnostics', error);
    }
  }

  closed(uri: string): void {
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
    return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: lspDiagnostics(analysis) };
  }
}
