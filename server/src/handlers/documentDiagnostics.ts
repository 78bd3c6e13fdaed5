/**
 * One open document's diagnostics as the editor sees them, per analysed version: the one
 * road from the engine's grouped results (relative spans, no ranges) to what the handlers
 * need. It converts to LSP (each group once, reused while its section is unchanged and on
 * the same line), counts severities, and answers "which problems have a fix" and the
 * fix-all edits, without building the engine's full list of absolute diagnostics.
 */
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { localize, type Severity } from '../engine';
import type { SectionDiagnostic } from '../engine/lint';
import type { Analysis } from './drafts';
import { SOURCE, stampVersion, toVersionless, type VersionlessDiagnostic } from './convert';
import { registerEncodable } from './encodable';
import { MESSAGES } from './messages';

/**
 * At most this many diagnostics per document go to the editor (more would be pages of the
 * same problem; VS Code itself shows at most 1,000 per file). Which ones, as VS Code picks:
 * errors first, then warnings, then information, each in document order; one more
 * diagnostic says how many are left out. Sending all of a 1M-character draft's ~10,000
 * diagnostics costs more (5 MB of JSON per version) than linting the edit.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What is known of one group's items: its severity counts, and its diagnostics converted for the line its section started on. */
interface GroupRecord {
  counts: readonly number[];
  converted: { line: number; diagnostics: VersionlessDiagnostic[] } | null;
}

/** Records by the engine's items array, handed from one version to the next. */
type Records = Map<readonly SectionDiagnostic[], GroupRecord>;

export class DocumentDiagnostics {
  private lsp: Diagnostic[] | null = null;
  private readonly records: Records = new Map();
  private fixableByRule: Map<string, number> | null = null;
  private readonly fixAll = new Map<string, TextEdit[]>();

  /**
   * `inherited`: the previous version's records. The engine hands out the same items array
   * again for a section whose text did not change, so its counts are the same and, while the
   * section starts on the same line, its LSP ranges too: an edit converts only its own section.
   */
  constructor(
    readonly analysis: Analysis,
    private inherited: Records | null,
  ) {}

  /** The records the next version may reuse: this version's once made, else what it was given. */
  handOver(): Records | null {
    return this.lsp ? this.records : this.inherited;
  }

  private record(items: readonly SectionDiagnostic[]): GroupRecord {
    let record = this.records.get(items);
    if (!record) {
      record = this.inherited?.get(items) ?? { counts: countsOf(items), converted: null };
      this.records.set(items, record);
    }
    return record;
  }

  /** `serverDefault`: initializationOptions.maxProblems; the fivenets.maxProblems setting wins. */
  diagnostics(serverDefault = DEFAULT_MAX_PROBLEMS): Diagnostic[] {
    if (this.lsp) return this.lsp;
    const { analysis } = this;
    const { lines, groups } = analysis.result;
    const { quota, total } = quotas(
      groups.map((group) => this.record(group.items).counts),
      analysis.maxProblems ?? serverDefault,
    );
    const docsBase = analysis.resolved.config.docsUrl;
    const diagnostics: Diagnostic[] = [];
    // What each item was stamped from, for the stdio encoder's cached bytes (encoder.ts).
    const parts: Array<VersionlessDiagnostic | null> = [];
    for (const group of groups) {
      if (quota[0] + quota[1] + quota[2] === 0) break;
      const line = lines.lineAt(group.start);
      const record = this.record(group.items);
      let entry = record.converted;
      if (!entry || entry.line !== line) {
        // Item spans are relative to the group's start.
        const shift = group.start;
        entry = { line, diagnostics: group.items.map((item) => toVersionless(item, lines.rangeBetween(item.span.start + shift, item.span.end + shift), lines, shift, docsBase)) };
        // A fresh record, not a change to one the previous version's view shares.
        this.records.set(group.items, { counts: record.counts, converted: entry });
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
    this.lsp = diagnostics;
    this.inherited = null;
    return diagnostics;
  }

  /** How many problems of `rule` (of every rule when null) carry a fix. */
  fixable(rule: string | null): number {
    if (!this.fixableByRule) {
      const counts = new Map<string, number>();
      let all = 0;
      for (const group of this.analysis.result.groups) {
        for (const item of group.items) {
          if (!item.fix) continue;
          all++;
          counts.set(item.rule, (counts.get(item.rule) ?? 0) + 1);
        }
      }
      counts.set('*', all);
      this.fixableByRule = counts;
    }
    return this.fixableByRule.get(rule ?? '*') ?? 0;
  }

  /** The fix-all edits of `rule` (every rule when null) for this version, computed once: fixing is costly, menus ask often. */
  fixAllEdits(rule: string | null, compute: () => TextEdit[]): TextEdit[] {
    const key = rule ?? '*';
    let edits = this.fixAll.get(key);
    if (!edits) {
      edits = compute();
      this.fixAll.set(key, edits);
    }
    return edits;
  }
}

/** Errors, warnings and infos of a group's items. */
function countsOf(items: readonly SectionDiagnostic[]): readonly number[] {
  const counts = [0, 0, 0];
  for (const item of items) counts[SEVERITY_ORDER[item.severity]]++;
  return counts;
}

/** How many items of each severity (error, warning, info) to send, from each group's counts. */
function quotas(groupCounts: ReadonlyArray<readonly number[]>, max: number): { quota: number[]; total: number } {
  const counts = [0, 0, 0];
  for (const own of groupCounts) {
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

/** The view of each open document's latest analysis. */
export class DiagnosticViews {
  private readonly byUri = new Map<string, DocumentDiagnostics>();

  of(analysis: Analysis): DocumentDiagnostics {
    const current = this.byUri.get(analysis.uri);
    if (current?.analysis === analysis) return current;
    const view = new DocumentDiagnostics(analysis, current?.handOver() ?? null);
    this.byUri.set(analysis.uri, view);
    return view;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
