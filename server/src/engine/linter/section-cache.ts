/**
 * The incremental section cache. A draft is split into sections (parse/sections.ts); each
 * section's model fragment and section-rule diagnostics are kept between versions.
 *
 * What an edit costs: the changed region is found by comparing with the previous text
 * (common prefix and suffix), the split is redone only from the section before the change
 * until it meets the old split again, and sections outside the change are reused by
 * position (their text is known to be the same) when they start in the same context. A
 * reused fragment's head (net headings, comments: what document rules read) is moved to its
 * new offset at once (placeEntry); the rest of its spans (collected once) move only when
 * something reads the model's measures or text spans (settleEntry), so edit after edit
 * costs the sections, not their spans.
 */
import { detached, type TextSource } from '../text-source';
import type { PolicyModel, Span } from '../types';
import type { LineIndex } from '../lines';
import type { LintOptions } from '../lint';
import { buildFragment, START_CONTEXT, type Fragment, type SectionContext } from '../parse/model';
import { headParts, moveBody, moveHead, scriptOf, type FragmentParts, type TextChange } from '../parse/sections';
import { compareDiagnostics, type SectionDiagnostic } from './groups';
import { runSectionRules, sectionView, type RunInput } from './run-rules';

export interface CacheEntry {
  fragment: Fragment;
  /** The section's text, which the fragment was built from (at offset 0). */
  source: string;
  /** The section's length, and what it was parsed with: the document date (null for the first section), the open net. */
  length: number;
  first: boolean;
  date: string | null;
  context: SectionContext;
  /** Where the section starts now: where the fragment's head is. */
  start: number;
  /** Where the rest of the fragment's spans are (moved to `start` by settleEntry, when read). */
  bodyBase: number;
  /** The fragment's spans and insertion points (the head's collected at once, the rest when first moved). */
  parts: FragmentParts;
  /** Section-rule diagnostics (sorted, spans relative to `start`) and the settings they were computed with. */
  diagnostics: SectionDiagnostic[] | null;
  diagnosticsKey: string;
}

/** The previous version: its text, split, line index and entries (by section). */
export interface Previous {
  text: TextSource;
  starts: number[];
  lines: LineIndex;
  entries: CacheEntry[];
}

function sameContext(a: SectionContext, b: SectionContext): boolean {
  return a === b || (a.netId === b.netId && a.netDepth === b.netDepth && a.unknownNetDepth === b.unknownNetDepth);
}

/** Move a section's head to where it starts now (every edit: document rules read it). */
function placeEntry(entry: CacheEntry, start: number): void {
  moveHead(entry.fragment, entry.parts, start - entry.start);
  entry.start = start;
}

/** Move the rest of a section's fragment to where the section starts now (when something reads it). */
export function settleEntry(entry: CacheEntry): void {
  if (entry.bodyBase === entry.start) return;
  moveBody(entry.fragment, entry.parts, entry.start - entry.bodyBase);
  entry.bodyBase = entry.start;
}

/**
 * The cached entry for the section [start, end) of the new text, when the previous version
 * had a section with the same text (wholly before or after the change, same bounds) parsed
 * in the same context; `cursor.old` walks the old sections alongside the new ones.
 */
function reusable(previous: Previous, change: TextChange, cursor: { old: number }, start: number, end: number, first: boolean, date: string | null, context: SectionContext): CacheEntry | null {
  const before = end <= change.start ? { start, end } : start >= change.newEnd ? { start: start - change.newEnd + change.oldEnd, end: end - change.newEnd + change.oldEnd } : null;
  if (!before) return null;
  while (cursor.old < previous.starts.length && previous.starts[cursor.old] < before.start) cursor.old++;
  const candidate = previous.starts[cursor.old] === before.start ? previous.entries[cursor.old] : undefined;
  if (candidate && candidate.length === before.end - before.start && candidate.first === first && candidate.date === date && sameContext(candidate.context, context)) return candidate;
  return null;
}

/**
 * The entries of every section of `text` (split at `starts`), in place: reused from
 * `previous` where possible (see reusable), parsed otherwise. Also the document date the
 * sections after the first were parsed with (the first section's frontmatter wins).
 */
export function sectionEntries(text: TextSource, starts: readonly number[], previous: { version: Previous; change: TextChange } | null, options: LintOptions): { entries: CacheEntry[]; documentDate: string | null } {
  const entries: CacheEntry[] = [];
  let context = START_CONTEXT;
  let documentDate = options.documentDate ?? null;
  const cursor = { old: 0 };
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index];
    const end = index + 1 < starts.length ? starts[index + 1] : text.length;
    const dateNow = index === 0 ? null : documentDate;
    let entry = previous ? reusable(previous.version, previous.change, cursor, start, end, index === 0, dateNow, context) : null;
    if (!entry) {
      // Parsed at offset 0: placed below. A copy: V8 slices (and the measure texts and field values
      // sliced from them) point into the whole string, which a cached fragment would keep alive.
      const source = detached(text.slice(start, end));
      const fragment = buildFragment(source, { schema: options.schema, documentDate, roster: options.roster }, context, index === 0);
      entry = { fragment, source, length: end - start, first: index === 0, date: dateNow, context, start: 0, bodyBase: 0, parts: headParts(fragment), diagnostics: null, diagnosticsKey: '' };
    }
    placeEntry(entry, start);
    entries.push(entry);
    // The frontmatter date (first section) applies to every later section.
    if (index === 0) documentDate = entry.fragment.meta?.date ?? options.documentDate ?? null;
    context = entry.fragment.outContext;
  }
  return { entries, documentDate };
}

/**
 * Run the section rules on every entry whose diagnostics are missing or were computed with
 * other settings (`key`: locale, severities, roster, script, line break, document date).
 * Section rules see the section's own measures and spans and the text they point into: a
 * section just built (its body still at offset 0) is checked against its own text, so a
 * cold lint never moves a span; any other is put in place and checked against the whole text.
 * Either way its diagnostics come out relative to the section's start.
 */
export function refreshSectionDiagnostics(entries: readonly CacheEntry[], key: string, run: Omit<RunInput, 'measures'>, options: LintOptions, reported: Set<string>): void {
  for (const entry of entries) {
    if (entry.diagnostics !== null && entry.diagnosticsKey === key) continue;
    const local = entry.bodyBase === 0 && entry.start !== 0;
    if (!local) settleEntry(entry);
    const input: RunInput = { ...run, text: local ? entry.source : run.text, measures: () => entry.fragment.measures };
    entry.diagnostics = runSectionRules(input, sectionView(entry.fragment), options, reported, local ? 0 : entry.start).sort(compareDiagnostics);
    entry.diagnosticsKey = key;
  }
}

/** The script of a draft and the sections it was read from (their first 60 text spans). */
export interface ScriptSample {
  entries: CacheEntry[];
  script: PolicyModel['script'];
}

/**
 * The draft's script (scriptOf) from the first text spans of the sections, settling only
 * those sections. The same sections (same text) give the same script: `last` is reused then.
 */
export function scriptOfEntries(text: TextSource, entries: readonly CacheEntry[], last: ScriptSample | null): ScriptSample {
  const sampled: CacheEntry[] = [];
  let count = 0;
  for (const entry of entries) {
    if (count >= 60) break;
    sampled.push(entry);
    count += entry.fragment.textSpans.length;
  }
  if (last && last.entries.length === sampled.length && last.entries.every((entry, index) => entry === sampled[index])) return last;
  const first: Span[] = [];
  for (const entry of sampled) {
    // Where the section's spans point in `text` (its body may not be in place: see settleEntry).
    const delta = entry.start - entry.bodyBase;
    for (const span of entry.fragment.textSpans) {
      if (first.length >= 60) break;
      first.push({ start: span.start + delta, end: span.end + delta });
    }
  }
  return { entries: sampled, script: scriptOf(text, first) };
}
