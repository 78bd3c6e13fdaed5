/**
 * Sections: the draft split before top-level ATX headings (outside front matter, code
 * fences and HTML blocks), so the incremental linter re-parses only the sections an edit
 * touches. Every split point is one where CommonMark starts a new block whatever came
 * before (a blank line, then `#` in column 0), so parsing sections one by one gives the same
 * blocks as parsing the whole draft; a randomized test checks that.
 */
import type { DocumentMeta, Field, Measure, NetLikeHeading, NetSection, PolicyModel, Span } from '../types';
import type { Fragment } from './model';
import { detectScript } from '../script';

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
export function splitSections(text: string): number[] {
  const starts = [0];
  let offset = 0;
  let lineNumber = 0;
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
        starts.push(offset);
      }
    }
    previousBlank = isBlank(line) && !fence && !htmlEnd;
    offset = next;
    lineNumber++;
  }
  return starts;
}

/**
 * Move every span of a fragment by `delta`, in place. Fragments are built relative to their
 * section and moved to wherever the section sits now, so a fresh lint allocates no copies and
 * an edit moves (not rebuilds) the sections after it. Span objects can be shared (a measure's
 * owner is a copy of a field that keeps the field's label span), so each moves once.
 */
export function moveFragment(fragment: Fragment, delta: number): void {
  if (delta === 0) return;
  const moved = new Set<Span>();
  const move = (span: Span | null | undefined) => {
    if (!span || moved.has(span)) return;
    moved.add(span);
    span.start += delta;
    span.end += delta;
  };
  const moveField = (field: Field | null) => {
    if (!field) return;
    move(field.labelSpan);
    move(field.valueSpan);
  };
  const measures = new Set<Measure>(fragment.measures);
  for (const net of fragment.nets) {
    move(net.headingSpan);
    move(net.nameSpan);
    move(net.span);
    for (const measure of net.measures) measures.add(measure);
  }
  for (const measure of [...fragment.incomingMeasures, ...fragment.orphans]) measures.add(measure);
  for (const measure of measures) {
    move(measure.span);
    move(measure.textSpan);
    measure.fields.forEach(moveField);
    moveField(measure.owner);
    moveField(measure.metric);
    moveField(measure.deadline);
    measure.quantities.forEach(move);
    measure.prose.forEach(move);
    measure.insertion.offset += delta;
    Object.values(measure.insertion.cells ?? {}).forEach(move);
  }
  move(fragment.meta?.frontmatterSpan);
  if (fragment.incomingClosedAt !== null) fragment.incomingClosedAt += delta;
  for (const heading of fragment.unknownNets) move(heading.nameSpan);
  fragment.codeSpans.forEach(move);
  fragment.textSpans.forEach(move);
  for (const comment of fragment.comments) move(comment.span);
}

/**
 * Join fragments (already moved to their sections' offsets) into the model of the whole
 * draft. Fragments are cached and shared: nets are copied (their measure lists and ends
 * change here), measures are shared.
 */
export function assembleModel(fragments: Fragment[], text: string): PolicyModel {
  const nets: NetSection[] = [];
  const orphanMeasures: Measure[] = [];
  const unknownNets: NetLikeHeading[] = [];
  const codeSpans: Span[] = [];
  const textSpans: Span[] = [];
  const comments: Array<{ span: Span; text: string }> = [];
  let meta: DocumentMeta = { title: null, date: null, schema: null, frontmatterSpan: null };
  let open: NetSection | null = null;

  for (const fragment of fragments) {
    if (fragment.meta) meta = fragment.meta;
    if (open) {
      for (const measure of fragment.incomingMeasures) open.measures.push(measure);
      if (fragment.incomingClosedAt !== null) {
        open.span.end = fragment.incomingClosedAt;
        open = null;
      }
    }
    for (const net of fragment.nets) nets.push({ ...net, span: { ...net.span }, measures: [...net.measures] });
    if (fragment.openAtEnd === 'last') {
      open = nets[nets.length - 1];
      open.span.end = text.length;
    } else if (fragment.openAtEnd === null) open = null;
    // Loops, not push(...items): spreading 100,000 items overflows the stack (a long table).
    for (const measure of fragment.orphans) orphanMeasures.push(measure);
    for (const heading of fragment.unknownNets) unknownNets.push(heading);
    for (const span of fragment.codeSpans) codeSpans.push(span);
    for (const span of fragment.textSpans) textSpans.push(span);
    for (const comment of fragment.comments) comments.push(comment);
  }

  return { meta, nets, orphanMeasures, unknownNets, script: scriptOf(text, textSpans), codeSpans, textSpans, comments };
}

/** The draft's script, from the first text blocks (fix templates use its labels). */
export function scriptOf(text: string, textSpans: Span[]): 'hans' | 'hant' | 'en' {
  let sample = '';
  for (const span of textSpans.slice(0, 60)) {
    sample += text.slice(span.start, Math.min(span.end, span.start + 4000));
    if (sample.length >= 4000) break;
  }
  return detectScript(sample.slice(0, 4000));
}

