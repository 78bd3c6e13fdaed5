/**
 * Field extraction from a measure's text: labelled fields inline in brackets
 * （牵头单位：市卫健委；完成时限：2020年12月底前）, labelled fields without brackets, and the
 * verb form 市政府办公室牵头，市级各有关部门按职责分工负责.
 *
 * Written by hand: remark gives us the paragraph text, and no Markdown or NLP library
 * knows these Chinese plan conventions; the scans are linear regex passes.
 */
import type { Field, Span } from '../types';
import { isJsSpace, isOpenBracket, isStrongOrSpace, isValueEndPunctuation, kindOfLabel, labelBefore, looksLikeUnit, unitSpans } from '../labels';

export interface Bracket {
  open: number;
  close: number;
  openChar: string;
  closeChar: string;
  /** The separator used between fields inside the bracket, if any. */
  separator: string | null;
  colon: string;
}

export interface ExtractedFields {
  fields: Field[];
  /** The last bracket holding labelled fields, for inline insertion. */
  fieldBracket: Bracket | null;
  /** Offset where the measure's own text ends (before the first field bracket or label). */
  textEnd: number;
}

/** Find bracket groups (one level, mixed full/half width allowed) in `text`. */
function findBrackets(text: string): Array<{ open: number; close: number }> {
  const groups: Array<{ open: number; close: number }> = [];
  let depth = 0;
  let open = 0;
  // A loop over char codes: a regex jumping from bracket to bracket allocated a match per
  // bracket, and this runs for every measure (twice for one without an owner field).
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0xff08: // （
      case 0x28: // (
      case 0x3014: // 〔
      case 0x3010: // 【
      case 0x5b: // [
        if (depth === 0) open = i;
        depth++;
        break;
      case 0xff09: // ）
      case 0x29: // )
      case 0x3015: // 〕
      case 0x3011: // 】
      case 0x5d: // ]
        if (depth > 0 && --depth === 0) groups.push({ open, close: i });
        break;
      case 0x0a:
        // Brackets do not span lines in these drafts; an unclosed one is plain text.
        depth = 0;
        break;
    }
  }
  return groups;
}

const VERB_OWNER_HINT = /牵头|牽頭|负责|負責|\blead\b/iu;
/** The span of a value without leading spaces, * and _, and without trailing ones or sentence punctuation (no slices: it runs for every field). */
function trimmedSpan(text: string, start: number, end: number): Span {
  let s = start;
  while (s < end) {
    const code = text.charCodeAt(s);
    if (!isStrongOrSpace(code)) break;
    s++;
  }
  let e = end;
  while (e > s) {
    const code = text.charCodeAt(e - 1);
    if (!(isStrongOrSpace(code) || isValueEndPunctuation(code))) break;
    e--;
  }
  return { start: s, end: e };
}

interface LabelHit {
  label: string;
  kind: ReturnType<typeof kindOfLabel>;
  start: number;
  colonEnd: number;
  colon: string;
}

function findLabels(text: string, from: number, to: number): LabelHit[] {
  // Every label ends in a colon: look for colons first, then for a label just before each.
  const hits: LabelHit[] = [];
  let colon = nextColon(text, from, to);
  while (colon >= 0) {
    const hit = labelBefore(text, from, colon);
    if (hit) hits.push(hit);
    colon = nextColon(text, colon + 1, to);
  }
  return hits;
}

/** The first colon (： or :) in [from, to). Scans no further than `to`: indexOf would run to the end of a long line once per colon (quadratic). */
function nextColon(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff1a || code === 0x3a) return i;
  }
  return -1;
}

/**
 * Push the labelled fields of hits[first..last) onto `fields`; each value runs to the next
 * label or `to`. (Indexes into one list of hits, so no sub-list is built per bracket or label.)
 */
function pushFieldsFromLabels(fields: Field[], text: string, hits: LabelHit[], first: number, last: number, to: number, base: number): void {
  for (let i = first; i < last; i++) {
    const hit = hits[i];
    let valueEnd = i + 1 < last ? hits[i + 1].start : to;
    if (hit.kind === 'owner' || hit.kind === 'coOwners') {
      // A list of units ends with its sentence: 〔责任单位：省发展改革委、商务厅按职责分工负责。具体任务均涉及…，下同。〕
      // (Scan the value only: indexOf past it would make a long line of fields quadratic.)
      for (let j = hit.colonEnd; j < valueEnd; j++) {
        if (text.charCodeAt(j) === 0x3002 /* 。 */) {
          valueEnd = j;
          break;
        }
      }
    }
    if (!hit.kind) continue;
    const valueSpan = trimmedSpan(text, hit.colonEnd, valueEnd);
    fields.push({
      kind: hit.kind,
      label: hit.label,
      labelSpan: { start: base + hit.start, end: base + hit.start + hit.label.length },
      value: text.slice(valueSpan.start, valueSpan.end),
      valueSpan: { start: base + valueSpan.start, end: base + valueSpan.end },
      source: 'inline',
    });
  }
}

/** Is text[from, to) empty or white space only? */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The separator used between fields in text[from, to): the first ；/; or else the first ，/, (null when none). */
function fieldSeparator(text: string, from: number, to: number): string | null {
  let comma: string | null = null;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xff1b || code === 0x3b) return text[i];
    if (comma === null && (code === 0xff0c || code === 0x2c)) comma = text[i];
  }
  return comma;
}

/**
 * Extract the labelled fields of a measure's text. `base` is the offset of `text` in the
 * document. Labels outside brackets end at 。 or the end of the line.
 */
export function extractFields(text: string, base: number): ExtractedFields {
  const fields: Field[] = [];
  let fieldBracket: Bracket | null = null;
  let textEnd = text.length;
  const covered: Span[] = [];
  /** How many of the labels the field brackets hold. */
  let inBrackets = 0;
  // Every label of the text, found once: a bracket's labels are the ones inside it (a label
  // holds no bracket, so looking back from a colon never crosses one), the rest are loose.
  const all = findLabels(text, 0, text.length);
  if (all.length === 0) return { fields, fieldBracket, textEnd };

  let next = 0;
  for (const group of findBrackets(text)) {
    while (next < all.length && all[next].start <= group.open) next++;
    let last = next;
    while (last < all.length && all[last].colonEnd <= group.close) last++;
    if (last === next) continue;
    const first = all[next];
    const from = next;
    next = last;
    // A field bracket starts with a label, or with the verb form of the owner
    // (（市委组织部牵头，…；完成时限：长期坚持）); a label deep inside prose in parentheses is not.
    if (!blank(text, group.open + 1, first.start)) {
      const prefix = text.slice(group.open + 1, first.start).trim();
      if (!(prefix.length <= 60 && VERB_OWNER_HINT.test(prefix))) continue;
    }
    pushFieldsFromLabels(fields, text, all, from, last, group.close, base);
    inBrackets += last - from;
    fieldBracket = {
      open: base + group.open,
      close: base + group.close,
      openChar: text[group.open],
      closeChar: text[group.close],
      separator: fieldSeparator(text, first.colonEnd, group.close),
      colon: first.colon,
    };
    covered.push({ start: group.open, end: group.close + 1 });
    textEnd = Math.min(textEnd, group.open);
  }

  // Labels outside brackets: 牵头单位：市卫健委；完成时限：2021年底 at the end of a sentence.
  // Hits and covered brackets are both in document order: walk them together (a long line
  // holds thousands of each, and a search per hit would be quadratic).
  let inside = 0;
  const loose =
    covered.length === 0
      ? all
      : inBrackets === all.length
        ? NO_LABELS
        : all.filter((hit) => {
            while (inside < covered.length && covered[inside].end <= hit.start) inside++;
            return !(inside < covered.length && hit.start >= covered[inside].start);
          });
  if (loose.length > 0) {
    // Each loose label's value ends at the next label, a covered bracket, 。 or a newline.
    let after = 0;
    for (let i = 0; i < loose.length; i++) {
      const hit = loose[i];
      let end = i + 1 < loose.length ? loose[i + 1].start : text.length;
      const stop = /[。\n]/u.exec(text.slice(hit.colonEnd, end));
      if (stop) end = hit.colonEnd + stop.index;
      while (after < covered.length && covered[after].start < hit.colonEnd) after++;
      const bracketAfter = after < covered.length && covered[after].start < end ? covered[after] : undefined;
      if (bracketAfter) end = bracketAfter.start;
      pushFieldsFromLabels(fields, text, loose, i, i + 1, end, base);
    }
    textEnd = Math.min(textEnd, loose[0].start);
  }

  if (!inOrder(fields)) fields.sort((a, b) => a.valueSpan.start - b.valueSpan.start);
  return { fields, fieldBracket, textEnd };
}

/** Are the fields already in text order (as they almost always are: sort allocates even then)? */
function inOrder(fields: Field[]): boolean {
  for (let i = 1; i < fields.length; i++) if (fields[i - 1].valueSpan.start > fields[i].valueSpan.start) return false;
  return true;
}

const NO_LABELS: LabelHit[] = [];

/** Does this line start with a field label (a field line such as `责任单位：市民政局`)? */
export function startsWithLabel(line: string): boolean {
  // Past leading white space, * and _, and one opening bracket with the space after it: a whole
  // line in brackets counts too (（责任单位：市民政局） after a group of items). Offsets, not
  // trimmed copies: this runs for every item and line. (labelBefore reads before its start
  // only for a Latin letter, which none of the skipped characters is.)
  const length = line.length;
  let start = 0;
  while (start < length && isLeadOrSpace(line.charCodeAt(start))) start++;
  if (start < length && isOpenBracket(line.charCodeAt(start))) {
    start++;
    while (start < length && isJsSpace(line.charCodeAt(start))) start++;
  }
  const end = Math.min(length, start + 40);
  for (let colon = nextColon(line, start, end); colon >= 0; colon = nextColon(line, colon + 1, end)) {
    const hit = labelBefore(line, start, colon);
    if (hit) return hit.start === start;
  }
  return false;
}

/** White space, * or _ (what may come before a label at a line's start). */
function isLeadOrSpace(code: number): boolean {
  return code === 0x2a || code === 0x5f || isJsSpace(code);
}

const VERB_LEAD = /(?:^|[，,。；;（(〔、\s]|由)([\u4e00-\u9fffA-Za-z0-9、]{2,40}?)(?:牵头|牽頭)(?:负责|負責)?/gu;
/** 由市民政局负责 (by X, responsible): X owns. */
const VERB_BY = /由([\u4e00-\u9fffA-Za-z0-9、]{2,40}?)(?:负责|負責|承担|承擔)/u;
const VERB_CO = /^[，,、\s]*([\u4e00-\u9fffA-Za-z0-9、]{2,40}?)(?:按职责分工负责|按職責分工負責|配合|参与|參與|协同|協同|共同负责|共同負責|负责|負責)/u;

/** The verb form of an owner: X牵头，Y配合 / 由X牵头. */
export function extractVerbOwner(text: string, base: number): Field[] {
  VERB_LEAD.lastIndex = 0;
  const match = VERB_LEAD.exec(text);
  if (!match) {
    const by = VERB_BY.exec(text);
    if (!by || !looksLikeUnit(by[1].split('、')[0])) return [];
    const start = (by.index ?? 0) + 1;
    return [{ kind: 'owner', label: null, labelSpan: null, value: by[1], valueSpan: { start: base + start, end: base + start + by[1].length }, source: 'verb' }];
  }
  let unit = match[1];
  let unitStart = (match.index ?? 0) + match[0].indexOf(unit);
  if (unit.startsWith('由')) {
    unit = unit.slice(1);
    unitStart += 1;
  }
  if (unit.length < 2) return [];
  const fields: Field[] = [
    {
      kind: 'owner',
      label: null,
      labelSpan: null,
      value: unit,
      valueSpan: { start: base + unitStart, end: base + unitStart + unit.length },
      source: 'verb',
    },
  ];
  const after = (match.index ?? 0) + match[0].length;
  const co = VERB_CO.exec(text.slice(after));
  if (co) {
    const coStart = after + co[0].indexOf(co[1]);
    fields.push({
      kind: 'coOwners',
      label: null,
      labelSpan: null,
      value: co[1],
      valueSpan: { start: base + coStart, end: base + coStart + co[1].length },
      source: 'verb',
    });
  }
  return fields;
}

/** Parentheses that hold prose, not units: (以下简称…), (2023-24 至 2032-33 年度), (含…). */
const PROSE_IN_BRACKETS = /简称|簡稱|以下|含|包括|如|即|例如|年度|\d{4}|e\.g\.|i\.e\.|including/u;

/**
 * Owners in unlabelled trailing parentheses: …消除至少 75%。(政務司副司長辦公室/相關政策局),
 * …（市卫健委、市民政局）. Only the last bracket of the text, with nothing but sentence
 * punctuation after it, and only when every part of it reads as a unit (a unit word such
 * as 局 委 办 政府 Bureau Department, or a name on the roster): prose in parentheses is not
 * an owner.
 */
export function extractBracketOwner(text: string, base: number, roster: readonly string[] = []): { field: Field; bracket: Bracket } | null {
  const groups = findBrackets(text);
  const last = groups[groups.length - 1];
  if (!last) return null;
  if (!/^[\s。.；;，,]*$/u.test(text.slice(last.close + 1))) return null;
  const inner = text.slice(last.open + 1, last.close);
  if (inner.trim().length === 0 || inner.length > 120 || PROSE_IN_BRACKETS.test(inner)) return null;
  const units = unitSpans(inner);
  if (units.length === 0 || !units.every((unit) => looksLikeUnit(unit.value, roster))) return null;
  const valueSpan = trimmedSpan(text, last.open + 1, last.close);
  const separator = /[；;]/u.exec(inner)?.[0] ?? (text[last.open] === '(' ? '; ' : '；');
  return {
    field: { kind: 'owner', label: null, labelSpan: null, value: text.slice(valueSpan.start, valueSpan.end), valueSpan: { start: base + valueSpan.start, end: base + valueSpan.end }, source: 'inline' },
    bracket: { open: base + last.open, close: base + last.close, openChar: text[last.open], closeChar: text[last.close], separator, colon: text[last.open] === '(' ? ':' : '：' },
  };
}

/**
 * Can a line hold a field? Every field needs one of these characters: a label its colon, an
 * owner in brackets a closing bracket, the verb forms 牵头/牽頭 or 由…负责/負責/承担/承擔
 * (extractFields, extractBracketOwner, VERB_LEAD and VERB_BY above). A line of prose without any
 * is not built as a measure (parse/model.ts) only to be dropped.
 */
export function mayHoldFields(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x3a: // :
      case 0xff1a: // ：
      case 0x29: // )
      case 0xff09: // ）
      case 0x3015: // 〕
      case 0x3011: // 】
      case 0x5d: // ]
      case 0x7275: // 牵
      case 0x727d: // 牽
      case 0x8d1f: // 负
      case 0x8ca0: // 負
      case 0x627f: // 承
        return true;
    }
  }
  return false;
}
