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

    if (lineNumber === 0 && line === '---') inFrontmatter = true;
    else if (inFrontmatter) {
      if (line === '---' || line === '...') inFrontmatter = false;
    } else if (fence) {
      // A closing fence: the same character, at least as long, nothing after it.
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/u.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null;
    } else if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else {
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
    previousBlank = line.trim().length === 0 && !fence && !htmlEnd;
    offset = next;
    lineNumber++;
  }
  return starts;
}

const shiftSpan = (span: Span, delta: number): Span => ({ start: span.start + delta, end: span.end + delta });

function shiftField(field: Field, delta: number): Field {
  return { ...field, labelSpan: field.labelSpan ? shiftSpan(field.labelSpan, delta) : null, valueSpan: shiftSpan(field.valueSpan, delta) };
}

function shiftMeasure(measure: Measure, delta: number): Measure {
  if (delta === 0) return measure;
  const insertion = { ...measure.insertion, offset: measure.insertion.offset + delta };
  if (measure.insertion.cells) {
    insertion.cells = Object.fromEntries(Object.entries(measure.insertion.cells).map(([kind, span]) => [kind, shiftSpan(span as Span, delta)]));
  }
  return {
    ...measure,
    span: shiftSpan(measure.span, delta),
    textSpan: shiftSpan(measure.textSpan, delta),
    fields: measure.fields.map((field) => shiftField(field, delta)),
    owner: measure.owner ? shiftField(measure.owner, delta) : null,
    metric: measure.metric ? shiftField(measure.metric, delta) : null,
    deadline: measure.deadline ? shiftField(measure.deadline, delta) : null,
    quantities: measure.quantities.map((span) => shiftSpan(span, delta)),
    prose: measure.prose.map((span) => shiftSpan(span, delta)),
    insertion,
  };
}

/**
 * Join fragments (each built for the section starting at `starts[i]`) into the model of the
 * whole draft. Fragments are cached and shared, so nothing here mutates them.
 */
export function assembleModel(fragments: Fragment[], starts: number[], text: string): PolicyModel {
  const nets: NetSection[] = [];
  const orphanMeasures: Measure[] = [];
  const unknownNets: NetLikeHeading[] = [];
  const codeSpans: Span[] = [];
  const textSpans: Span[] = [];
  const comments: Array<{ span: Span; text: string }> = [];
  let meta: DocumentMeta = { title: null, date: null, schema: null, frontmatterSpan: null };
  let open: NetSection | null = null;

  fragments.forEach((fragment, index) => {
    const delta = starts[index];
    if (fragment.meta) meta = { ...fragment.meta, frontmatterSpan: fragment.meta.frontmatterSpan ? shiftSpan(fragment.meta.frontmatterSpan, delta) : null };
    if (open) {
      for (const measure of fragment.incomingMeasures) open.measures.push(shiftMeasure(measure, delta));
      if (fragment.incomingClosedAt !== null) {
        open.span.end = fragment.incomingClosedAt + delta;
        open = null;
      }
    }
    for (const net of fragment.nets) {
      const copy: NetSection = {
        ...net,
        headingSpan: shiftSpan(net.headingSpan, delta),
        nameSpan: shiftSpan(net.nameSpan, delta),
        span: shiftSpan(net.span, delta),
        measures: net.measures.map((measure) => shiftMeasure(measure, delta)),
      };
      nets.push(copy);
    }
    if (fragment.openAtEnd === 'last') {
      open = nets[nets.length - 1];
      open.span.end = text.length;
    } else if (fragment.openAtEnd === null) open = null;
    for (const measure of fragment.orphans) orphanMeasures.push(shiftMeasure(measure, delta));
    for (const heading of fragment.unknownNets) unknownNets.push({ ...heading, nameSpan: shiftSpan(heading.nameSpan, delta) });
    for (const span of fragment.codeSpans) codeSpans.push(shiftSpan(span, delta));
    for (const span of fragment.textSpans) textSpans.push(shiftSpan(span, delta));
    for (const comment of fragment.comments) comments.push({ span: shiftSpan(comment.span, delta), text: comment.text });
  });

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

export { shiftMeasure, shiftSpan };
