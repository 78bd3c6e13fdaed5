/**
 * Diagnostics: pushed (publishDiagnostics, debounced while typing, tagged with the document
 * version) or pulled (textDocument/diagnostic) when the client declares pull support.
 * Only the result for a document's latest version is ever sent.
 */
import type { Connection, Diagnostic, DocumentDiagnosticParams, DocumentDiagnosticReport } from 'vscode-languageserver/node';
import { DiagnosticSeverity, DocumentDiagnosticReportKind } from 'vscode-languageserver/node';
import { localize, type Severity } from '../engine';
import type { DiagnosticGroup, GroupItem } from '../engine/lint';
import type { Analysis, Drafts } from './drafts';
import type { ErrorLog } from './guard';
import { SOURCE, stampVersion, toVersionless, type VersionlessDiagnostic } from './convert';
import { MESSAGES } from './messages';
import { registerEncodable } from './encoder';

/** A group's diagnostics converted for the line its section started on. */
interface ConvertedGroup {
  line: number;
  diagnostics: VersionlessDiagnostic[];
}

/**
 * Converted groups, by the engine's items array: an array the engine hands out again holds
 * the same diagnostics for the same section text, so while the section starts on the same
 * line (an edit elsewhere that adds no line) its LSP ranges are the same too, and an edit
 * converts only its own section.
 */
const converted = new WeakMap<readonly GroupItem[], ConvertedGroup>();

/**
 * At most this many diagnostics per document go to the editor (more would be pages of the
 * same problem; VS Code itself shows at most 1,000 per file). Which ones, as VS Code picks:
 * errors first, then warnings, then information, each in document order; one more
 * diagnostic says how many are left out. Sending all of a 1M-character draft's ~10,000
 * diagnostics costs more (5 MB of JSON per version) than linting the edit.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors, warnings and infos of a group's items (counted once per items array, like the conversions). */
const severityCounts = new WeakMap<readonly GroupItem[], readonly number[]>();

function countsOf(items: readonly GroupItem[]): readonly number[] {
  let counts = severityCounts.get(items);
  if (!counts) {
    const fresh = [0, 0, 0];
    for (const item of items) fresh[SEVERITY_ORDER[item.severity]]++;
    severityCounts.set(items, fresh);
    counts = fresh;
  }
  return counts;
}

/** How many items of each severity (error, warning, info) to send. */
function quotas(groups: readonly DiagnosticGroup[], max: number): { quota: number[]; total: number } {
  const counts = [0, 0, 0];
  for (const group of groups) {
    const own = countsOf(group.items);
    counts[0] += own[0];
    counts[1] += own[1];
    counts[2] += own[2];
  }
  const total = counts[0] + counts[1] + counts[2];
  if (max <= 0 || total <= max) return { quota: counts, total };
  let room = max;
  const quota = counts.map((count) => {
    const taken = Math.min(count, room);
    room -= taken;
    return taken;
  });
  return { quota, total };
}

/** `serverDefault`: initializationOptions.maxProblems; the fivenets.maxProblems setting wins. */
export function lspDiagnostics(analysis: Analysis, serverDefault = DEFAULT_MAX_PROBLEMS): Diagnostic[] {
  if (analysis.lspDiagnostics) return analysis.lspDiagnostics;
  const { lines, groups } = analysis.result;
  const { quota, total } = quotas(groups, analysis.maxProblems ?? serverDefault);
  const docsBase = analysis.resolved.config.docsUrl;
  const diagnostics: Diagnostic[] = [];
  // What each item was stamped from, for the stdio encoder's cached bytes (encoder.ts).
  const parts: Array<VersionlessDiagnostic | null> = [];
  for (const group of groups) {
    if (quota[0] + quota[1] + quota[2] === 0) break;
    const line = lines.lineAt(group.start);
    let entry = converted.get(group.items);
    if (!entry || entry.line !== line) {
      // Item spans are relative to the group's start.
      const shift = group.start;
      entry = { line, diagnostics: group.items.map((item) => toVersionless(item, lines.rangeBetween(item.span.start + shift, item.span.end + shift), lines, shift, docsBase)) };
      converted.set(group.items, entry);
    }
    for (let index = 0; index < group.items.length; index++) {
      const order = SEVERITY_ORDER[group.items[index].severity];
      if (quota[order] === 0) continue;
      quota[order]--;
      diagnostics.push(stampVersion(entry.diagnostics[index], analysis.version));
      parts.push(entry.diagnostics[index]);
    }
  }
  if (diagnostics.length < total) {
    const last = diagnostics[diagnostics.length - 1].range.end;
    diagnostics.push({
      range: { start: last, end: last },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: localize(MESSAGES.moreProblems, analysis.locale, { hidden: total - diagnostics.length, max: diagnostics.length }),
    });
  }
  registerEncodable(diagnostics, parts, analysis.version);
  analysis.lspDiagnostics = diagnostics;
  return diagnostics;
}

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
    const started = performance.now();
    try {
      const analysis = await this.drafts.analyze(uri);
      if (!this.drafts.isOpen(uri)) return;
      if (!analysis) {
        if (this.published.delete(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
        return;
      }
      this.published.add(uri);
      const diagnostics = lspDiagnostics(analysis, this.maxProblems);
      // The lint and its conversion; encoding and writing the message follow.
      this.lintMs.set(uri, performance.now() - started);
      await this.connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    } catch (error) {
      this.log.report('diagnostics', error);
    }
  }

  closed(uri: string): void {
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
    return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.resultId, items: lspDiagnostics(analysis, this.maxProblems) };
  }
}
