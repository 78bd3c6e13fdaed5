/**
 * Grouping: a version's diagnostics as runs by section, spans relative to the section's
 * start (they never move while the section's text stays the same), each run sorted once
 * when it is computed. The document-rule diagnostics are merged into the run of the
 * section they start in; directives drop what they disable; ranges are added last.
 */
import type { Fix, LintDiagnostic, PolicyModel } from '../types';
import type { LineIndex } from '../lines';
import { Directives } from '../directives';

/** A diagnostic without its range; its spans (and its fixes' spans) relative to its section's (its group's) start. */
export type SectionDiagnostic = Omit<LintDiagnostic, 'range'>;

export interface DiagnosticGroup {
  /** Offset where the group's section starts now: add it to the items' spans for offsets in the text. */
  start: number;
  items: readonly SectionDiagnostic[];
}

export const INTERNAL_ERROR_RULE = 'internal-error';

/** A copy of a fix, its spans moved by `delta`. */
export function copyFix(fix: Fix, delta = 0): Fix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ span: { start: edit.span.start + delta, end: edit.span.end + delta }, newText: edit.newText })) };
}

/** A diagnostic with its spans moved by `delta` (a copy; the diagnostic itself when `delta` is 0). */
function shifted(item: SectionDiagnostic, delta: number): SectionDiagnostic {
  if (delta === 0) return item;
  return {
    ...item,
    span: { start: item.span.start + delta, end: item.span.end + delta },
    fix: item.fix ? copyFix(item.fix, delta) : null,
    suggestions: item.suggestions.map((fix) => copyFix(fix, delta)),
  };
}

/** Document order: by span, then rule id. */
export function compareDiagnostics(a: SectionDiagnostic, b: SectionDiagnostic): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule);
}

/** compareDiagnostics for diagnostics whose spans are relative to `aStart` and `bStart`. */
function compareAt(a: SectionDiagnostic, aStart: number, b: SectionDiagnostic, bStart: number): number {
  return a.span.start + aStart - (b.span.start + bStart) || a.span.end + aStart - (b.span.end + bStart) || a.rule.localeCompare(b.rule);
}

/** Diagnostics with absolute spans and their ranges, in document order. */
export function withRanges(groups: readonly DiagnosticGroup[], lines: LineIndex): LintDiagnostic[] {
  const diagnostics: LintDiagnostic[] = [];
  for (const group of groups) {
    const delta = group.start;
    for (const item of group.items) {
      // One object per diagnostic, keys in the items' order (a shifted copy spread again made two).
      const span = delta === 0 ? item.span : { start: item.span.start + delta, end: item.span.end + delta };
      diagnostics.push({
        rule: item.rule,
        severity: item.severity,
        message: item.message,
        span,
        fix: item.fix && delta !== 0 ? copyFix(item.fix, delta) : item.fix,
        suggestions: delta === 0 ? item.suggestions : item.suggestions.map((fix) => copyFix(fix, delta)),
        range: lines.rangeOf(span),
      });
    }
  }
  return diagnostics;
}

/**
 * Drop what directives disable. A group keeps its items array (and so its identity for
 * caches) when nothing in it is disabled.
 */
export function applyDirectives(groups: DiagnosticGroup[], model: Pick<PolicyModel, 'comments'>, lines: LineIndex): DiagnosticGroup[] {
  if (!model.comments.some((comment) => comment.text.includes('fivenets-'))) return groups;
  const directives = new Directives(model, lines);
  if (directives.disablesFile) return [];
  return groups.map((group) => {
    const kept = group.items.filter((item) => item.rule === INTERNAL_ERROR_RULE || !directives.isDisabled(item.rule, lines.lineAt(item.span.start + group.start)));
    return kept.length === group.items.length ? group : { start: group.start, items: kept };
  });
}

/** One group of everything (absolute spans), sorted (the fallback when sections overlap). */
function sortedGroup(diagnostics: SectionDiagnostic[]): DiagnosticGroup[] {
  return diagnostics.length === 0 ? [] : [{ start: 0, items: diagnostics.sort(compareDiagnostics) }];
}

/**
 * The sections' sorted diagnostics in order, each document-rule diagnostic merged into the
 * group of the section it starts in (after equal section items, as a stable sort of the
 * sections' items followed by the document's would place it; its spans made relative to
 * the section's start). Sections are disjoint, so the groups are in order; should a span
 * reach past its section, everything is sorted as one (absolute spans, start 0).
 */
export function groupBySection(sections: readonly { diagnostics: readonly SectionDiagnostic[] | null }[], starts: readonly number[], documentDiagnostics: readonly SectionDiagnostic[]): DiagnosticGroup[] {
  const groups: DiagnosticGroup[] = [];
  let next = 0;
  for (let index = 0; index < sections.length; index++) {
    const items = sections[index].diagnostics ?? [];
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] : Number.POSITIVE_INFINITY;
    let merged: SectionDiagnostic[] | null = null;
    while (next < documentDiagnostics.length && (documentDiagnostics[next].span.start < end || index === sections.length - 1)) {
      merged ??= [...items];
      merged.push(shifted(documentDiagnostics[next++], -start));
    }
    if (merged) merged.sort(compareDiagnostics);
    const groupItems = merged ?? items;
    if (groupItems.length > 0) groups.push({ start, items: groupItems });
  }
  for (let index = 1; index < groups.length; index++) {
    const previous = groups[index - 1];
    if (compareAt(previous.items[previous.items.length - 1], previous.start, groups[index].items[0], groups[index].start) > 0) {
      const all: SectionDiagnostic[] = [];
      for (const group of groups) for (const item of group.items) all.push(shifted(item, group.start));
      return sortedGroup(all);
    }
  }
  return groups;
}
