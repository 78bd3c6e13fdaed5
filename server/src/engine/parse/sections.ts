/**
 * Sections: the draft split before top-level ATX headings (outside front matter, code
 * fences and HTML blocks), so the incremental linter re-parses only the sections an edit
 * touches. Every split point is one where CommonMark starts a new block whatever came
 * before (a blank line, then `#` in column 0), so parsing sections one by one gives the same
 * blocks as parsing the whole draft; a randomized test checks that.
 *
 * After an edit the split is redone only around it (resplitSections): the scan state at a
 * split point is always the same (nothing open, a blank line before), so the scan restarts
 * at the split before the change and stops once it splits where the old text did after
 * the change. Fragments keep absolute spans; a cached one is moved to its section's new
 * offset through the lists of its spans, collected once: its head (headParts: what
 * document rules read) on every edit, the rest (moveBody) only when something reads it.
 */
import type { TextSource } from '../text-source';
import type { DocumentMeta, Field, Measure, NetLikeHeading, NetOutline, NetSection, PolicyModel, PolicyOutline, Span } from '../types';
import type { Fragment } from './model';
import { ScriptCounter } from '../script';

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const HTML_OPEN = /^ {0,3}<(!--|script\b|pre\b|style\b|textarea\b|\?|!\[CDATA\[)/iu;
const HTML_CLOSE: Record<string, RegExp> = {
  '!--': /-->/u,
  script: /<\/script>/iu,
  pre: /<\/pre>/iu,
  style: /<\/style>/iu,
  textarea: /<\/textarea>/iu,
  '?': /\?>/u,
  '![CDATA[': /\]\]>/u,
};

/** Only lines starting with a space, #, `, ~ or < can open a fence, an HTML block or a heading. */
function mayOpenBlock(line: string): boolean {
  const code = line.charCodeAt(0);
  return code === 32 || code === 35 || code === 96 || code === 126 || code === 60;
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

/** Start offsets of the sections (the first is always 0). */
export function splitSections(text: TextSource): number[] {
  const starts = [0];
  scanSplits(text, 0, (offset) => {
    starts.push(offset);
    return false;
  });
  return starts;
}

/**
 * Find split points from `from` (0, or a split point, where the scan's state is known: no
 * front matter, fence or HTML block open, and a blank line before). `onSplit` returns true
 * to stop the scan.
 */
function scanSplits(text: TextSource, from: number, onSplit: (offset: number) => boolean): void {
  let offset = from;
  let lineNumber = from === 0 ? 0 : 1;
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  let inFrontmatter = false;
  let previousBlank = true;
  while (offset <= text.length) {
    let end = offset;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    const line = text.slice(offset, end);
    let next = end;
    if (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10) next += 2;
    else if (next < text.length) next += 1;
    else next = text.length + 1;

    // As the parser reads front matter: --- (after a BOM, if any) to the next --- line; `...`
    // does not close it. Unclosed, it never splits: the parser then reads the whole draft.
    if (lineNumber === 0 && /^\uFEFF?---[ \t]*$/u.test(line)) inFrontmatter = true;
    else if (inFrontmatter) {
      if (/^---[ \t]*$/u.test(line)) inFrontmatter = false;
    } else if (fence) {
      // A closing fence: the same character, at least as long, nothing after it.
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (mayOpenBlock(line)) {
      const open = FENCE.exec(line);
      const html = HTML_OPEN.exec(line);
      if (open) fence = open[1];
      else if (html) {
        const closer = HTML_CLOSE[html[1].toLowerCase()] ?? HTML_CLOSE[html[1]];
        if (closer && !closer.test(line.slice(html[0].length))) htmlEnd = closer;
      } else if (previousBlank && offset > 0 && /^#{1,6}(?:[ \t]|$)/u.test(line)) {
        if (onSplit(offset)) return;
      }
    }
    previousBlank = isBlank(line) && !fence && !htmlEnd;
    offset = next;
    lineNumber++;
  }
}

/** What changed between two versions of a text: [start, oldEnd) became [start, newEnd). */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

const CHUNK = 2048;

/** The changed region between two texts (common prefix and suffix), comparing in chunks. */
export function diffTexts(before: TextSource, after: TextSource): TextChange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  // Slices compare as memory (no copies); the last chunk is compared character by character.
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = max - start;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * The split points of an edited text, from those of the text before the edit: kept before
 * the section holding the change, scanned from there until the scan splits where the old
 * text split (after the change), shifted after that. Equal to splitSections(text).
 */
export function resplitSections(text: TextSource, before: readonly number[], change: TextChange): number[] {
  // The last split strictly before the change: the text before it is unchanged, so the scan
  // state there is known (its heading line itself may have changed, so it is decided again).
  let low = 0;
  let high = before.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (before[mid] < change.start) low = mid;
    else high = mid - 1;
  }
  const from = before[low];
  const starts = before.slice(0, low);
  if (from === 0) starts.push(0);
  const delta = change.newEnd - change.oldEnd;
  let next = low + 1;
  let rest = -1;
  scanSplits(text, from, (offset) => {
    starts.push(offset);
    if (offset < change.newEnd) return false;
    // After the change the text is the old one shifted: once both split at the same point, they agree to the end.
    while (next < before.length && before[next] + delta < offset) next++;
    if (next < before.length && before[next] + delta === offset) {
      rest = next + 1;
      return true;
    }
    return false;
  });
  if (rest >= 0) for (let index = rest; index < before.length; index++) starts.push(before[index] + delta);
  return starts;
}

/** Where a fragment's spans are collected (once) to move them: its head, moved on every edit, and the rest. */
export interface FragmentParts {
  /** Spans of the nets' headings, unknown net headings, front matter and comments (what document rules read). */
  head: Span[];
  /** Every other span and the insertion points: collected when first moved. */
  body: { spans: Span[]; insertions: Measure['insertion'][] } | null;
}

/**
 * The head of a fragment: the few spans document rules and the assembled model's outline
 * read (net headings and extents, unknown net headings, front matter, comments), each once.
 * No span of the head is also one of the body's: a section's rules may run while its head is
 * in place and its body is not (refreshSectionDiagnostics).
 */
export function headParts(fragment: Fragment): FragmentParts {
  const spans = new Set<Span>();
  for (const net of fragment.nets) {
    spans.add(net.headingSpan);
    spans.add(net.nameSpan);
    spans.add(net.span);
  }
  for (const heading of fragment.unknownNets) spans.add(heading.nameSpan);
  if (fragment.meta?.frontmatterSpan) spans.add(fragment.meta.frontmatterSpan);
  for (const comment of fragment.comments) spans.add(comment.span);
  return { head: [...spans], body: null };
}

/**
 * Every other span of a fragment, once (span objects can be shared: a measure's owner is a
 * copy of a field that keeps the field's label span; a span of the head is left out), and
 * the insertion points (offsets), so the incremental linter can move a cached fragment to
 * wherever its section sits now with one loop, without walking the model again.
 */
function bodyParts(fragment: Fragment, head: readonly Span[]): NonNullable<FragmentParts['body']> {
  const spans = new Set<Span>();
  const add = (span: Span | null | undefined) => {
    if (span) spans.add(span);
  };
  const addField = (field: Field | null) => {
    if (!field) return;
    add(field.labelSpan);
    add(field.valueSpan);
  };
  const measures = new Set<Measure>(fragment.measures);
  for (const net of fragment.nets) for (const measure of net.measures) measures.add(measure);
  for (const measure of fragment.incomingMeasures) measures.add(measure);
  for (const measure of fragment.orphans) measures.add(measure);
  const insertions: Measure['insertion'][] = [];
  for (const measure of measures) {
    add(measure.span);
    add(measure.textSpan);
    measure.fields.forEach(addField);
    addField(measure.owner);
    addField(measure.metric);
    addField(measure.deadline);
    measure.quantities.forEach(add);
    measure.prose.forEach(add);
    insertions.push(measure.insertion);
    if (measure.insertion.cells) Object.values(measure.insertion.cells).forEach(add);
  }
  fragment.codeSpans.forEach(add);
  fragment.textSpans.forEach(add);
  for (const span of head) spans.delete(span);
  return { spans: [...spans], insertions };
}

/** Move a fragment's head by `delta`, in place (and where the net open at its start ends). */
export function moveHead(fragment: Fragment, parts: FragmentParts, delta: number): void {
  if (delta === 0) return;
  for (const span of parts.head) {
    span.start += delta;
    span.end += delta;
  }
  if (fragment.incomingClosedAt !== null) fragment.incomingClosedAt += delta;
}

/** Move the rest of a fragment by `delta`, in place (its spans are collected on the first move). */
export function moveBody(fragment: Fragment, parts: FragmentParts, delta: number): void {
  if (delta === 0) return;
  parts.body ??= bodyParts(fragment, parts.head);
  for (const span of parts.body.spans) {
    span.start += delta;
    span.end += delta;
  }
  for (const insertion of parts.body.insertions) insertion.offset += delta;
}

/**
 * The measure lists of nets, by the fragment's net (their heading's section): the parts
 * (the net's own measures, then those of the following sections it spans) and their join.
 * While the parts are the same arrays (cached fragments), the joined list is reused.
 */
export type NetLists = WeakMap<NetSection, { parts: Measure[][]; measures: Measure[] }>;

function joinParts(key: NetSection, parts: Measure[][], lists: NetLists | undefined): Measure[] {
  if (parts.length === 1) return parts[0];
  const cached = lists?.get(key);
  if (cached && cached.parts.length === parts.length && cached.parts.every((part, index) => part === parts[index])) return cached.measures;
  const measures: Measure[] = [];
  // Loops, not push(...items): spreading 100,000 items overflows the stack (a long table).
  for (const part of parts) for (const measure of part) measures.push(measure);
  lists?.set(key, { parts, measures });
  return measures;
}

/**
 * Join fragments into the model of the whole draft. Fragments are cached and shared: nets
 * are copied (their ends change here), measures and measure lists are shared (`lists`
 * keeps the lists of nets that span sections; none of them is changed after it is built).
 *
 * The fragments' heads are at their sections' offsets; the rest of a fragment may not be
 * yet (the incremental linter moves it when something reads it): `settle` puts every
 * fragment in place. `model` calls it before it hands out measures, text or code spans;
 * `outline` (for document rules: the nets' headings and how many measures a net has) holds
 * no measures, and calls it only for its text and code spans. The
 * long lists (text and code spans) are joined when first read: linting an edit of a large
 * draft does not need them.
 */
export function assembleModel(fragments: Fragment[], text: TextSource, script: PolicyModel['script'], settle: () => void = () => {}, lists?: NetLists): { model: PolicyModel; outline: PolicyOutline } {
  const nets: NetSection[] = [];
  const orphanMeasures: Measure[] = [];
  const unknownNets: NetLikeHeading[] = [];
  const comments: Array<{ span: Span; text: string }> = [];
  let meta: DocumentMeta = { title: null, date: null, schema: null, frontmatterSpan: null };
  // The net still open (its copy, the fragment's net, the measure lists it has so far).
  let open: { net: NetSection; key: NetSection; parts: Measure[][] } | null = null;
  const close = () => {
    if (open) open.net.measures = joinParts(open.key, open.parts, lists);
    open = null;
  };

  for (const fragment of fragments) {
    if (fragment.meta) meta = fragment.meta;
    if (open) {
      if (fragment.incomingMeasures.length > 0) open.parts.push(fragment.incomingMeasures);
      if (fragment.incomingClosedAt !== null) {
        open.net.span.end = fragment.incomingClosedAt;
        close();
      }
    }
    for (const net of fragment.nets) nets.push({ ...net, span: { ...net.span } });
    if (fragment.openAtEnd === 'last') {
      close();
      const key = fragment.nets[fragment.nets.length - 1];
      open = { net: nets[nets.length - 1], key, parts: [key.measures] };
      open.net.span.end = text.length;
    } else if (fragment.openAtEnd === null) close();
    // Loops, not push(...items): spreading 100,000 items overflows the stack (a long table).
    for (const measure of fragment.orphans) orphanMeasures.push(measure);
    for (const heading of fragment.unknownNets) unknownNets.push(heading);
    for (const comment of fragment.comments) comments.push(comment);
  }
  close();

  const joined = (list: (fragment: Fragment) => Span[]) => () => {
    settle();
    const spans: Span[] = [];
    for (const fragment of fragments) for (const span of list(fragment)) spans.push(span);
    return spans;
  };
  const codeSpans = lazy(joined((fragment) => fragment.codeSpans));
  const textSpans = lazy(joined((fragment) => fragment.textSpans));
  const outline = { meta, nets: netOutlines(nets), unknownNets, script, comments } as Omit<PolicyOutline, 'codeSpans' | 'textSpans'>;
  lazyProperty(outline, 'codeSpans', codeSpans);
  lazyProperty(outline, 'textSpans', textSpans);
  // The same keys in the same order (JSON output of a model stays the same).
  const model = { meta } as Partial<PolicyModel>;
  lazyProperty(model, 'nets', () => (settle(), nets));
  lazyProperty(model, 'orphanMeasures', () => (settle(), orphanMeasures));
  Object.assign(model, { unknownNets, script, comments });
  lazyProperty(model, 'codeSpans', codeSpans);
  lazyProperty(model, 'textSpans', textSpans);
  return { model: model as PolicyModel, outline: outline as PolicyOutline };
}

/** The nets as document rules see them: headings and extents, how many measures, not the measures. */
export function netOutlines(nets: readonly NetSection[]): NetOutline[] {
  return nets.map(({ measures, ...net }): NetOutline => ({ ...net, measureCount: measures.length }));
}

/** A value computed once, when first asked for. */
function lazy<V>(compute: () => V): () => V {
  let value: { current: V } | null = null;
  return () => (value ??= { current: compute() }).current;
}

/**
 * An enumerable property computed on first read (so deep comparisons and copies still see it).
 * The accessors are shared by every object, one pair per key, and what they compute is kept
 * on the object itself (a non-enumerable symbol property): V8 allocates each property's
 * accessor pair in the old generation, and a pair holding a closure over the model kept a dead
 * version's fragments and measures alive through young collections until the next full one.
 */
function lazyProperty<T extends object, V>(target: T, key: string, compute: () => V): void {
  let slots = (target as { [LAZY]?: Record<string, LazySlot> })[LAZY];
  if (!slots) {
    slots = {};
    Object.defineProperty(target, LAZY, { value: slots, enumerable: false });
  }
  slots[key] = { compute, value: undefined };
  Object.defineProperty(target, key, lazyAccessors(key));
}

const LAZY = Symbol('lazy properties');

interface LazySlot {
  compute: (() => unknown) | null;
  value: unknown;
}

const accessors = new Map<string, PropertyDescriptor>();

function lazyAccessors(key: string): PropertyDescriptor {
  let descriptor = accessors.get(key);
  if (!descriptor) {
    descriptor = {
      enumerable: true,
      configurable: true,
      get(this: { [LAZY]: Record<string, LazySlot> }) {
        const slot = this[LAZY][key];
        if (slot.compute) {
          slot.value = slot.compute();
          slot.compute = null;
        }
        return slot.value;
      },
      set(this: { [LAZY]: Record<string, LazySlot> }, next: unknown) {
        this[LAZY][key] = { compute: null, value: next };
      },
    };
    accessors.set(key, descriptor);
  }
  return descriptor;
}

/** The draft's script, from the first text blocks (fix templates use its labels). */
export function scriptOf(text: TextSource, textSpans: Span[]): 'hans' | 'hant' | 'en' {
  // The first 4,000 characters of the first 60 blocks (each at most 4,000), as if joined.
  const counter = new ScriptCounter();
  let length = 0;
  for (let index = 0; index < textSpans.length && index < 60 && length < 4000; index++) {
    const span = textSpans[index];
    const end = Math.min(span.end, text.length, span.start + 4000, span.start + 4000 - length);
    if (end <= span.start) continue;
    counter.add(text, span.start, end);
    length += end - span.start;
  }
  return counter.script();
}
