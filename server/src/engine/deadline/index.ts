/**
 * A small domain grammar for deadline expressions in Chinese and English policy drafts
 * (完成时限：2021年底前, 2020年7月至12月, 二〇二一年第三季度, By June 30, 2019, Q3 2021,
 * 长期坚持 …). It replaces a general date parser, which failed on 年内 / 年底前 / quarters.
 *
 * How it works:
 * - The input is normalized one character for one character (full-width digits and
 *   letters, dashes, the few traditional characters the grammar needs), so every offset
 *   in the normalized text is also an offset in the original text.
 * - A hand-written recursive-descent parser reads one "piece" (a year, half, quarter,
 *   month, ten-day period or day, with an absolute, relative or missing year) using
 *   sticky regexes compiled once at module load; a hit is a piece, optionally a range
 *   connector and a second piece, and trailing qualifiers (前, 以前, 底前, 内 …).
 * - Pieces are resolved to closed ISO date intervals (start = first day, end = last day).
 * - `findDeadlines` walks candidate positions with one global regex and keeps only
 *   confident hits; every regex is anchored (sticky) with bounded quantifiers, so a scan
 *   is linear in the text length.
 */
import type { TextSource } from '../text-source';
import type { DeadlineValue } from '../types';
import { at } from './lexicon';
import { parseLimit } from './limits';
import { type Hit, hitStrength, parseHit } from './grammar';
import { type DocDate, type Resolved, documentDay, resolveHit, resolveLimit } from './resolve';
import {
  CANDIDATE_FIRST,
  CANDIDATE_RE,
  NOT_AT_YEAR_AFTER,
  PREFIX_BEFORE_RE,
  R_AT_PREFIX,
  R_FIELD_PREFIX,
  R_ONGOING_LEAD,
  R_ONGOING_WHOLE,
  R_RECURRING_LEAD,
  TRIM_CHARS,
  VAGUE_FIRST,
  VAGUE_RE,
  mayMatch,
  normalize,
  startTable,
} from './tables';

/** Where a deadline or a vague time word may start (startTable): most prose has neither. */
let candidateStarts: Uint8Array | null = null;
let vagueStarts: Uint8Array | null = null;

export interface DeadlineOptions {
  /** ISO YYYY-MM-DD; gives the year for 年底前 / 今年底 / 明年 and for yearless months. */
  documentDate?: string | null;
}

export type DeadlineParse =
  | {
      ok: true;
      value: DeadlineValue;
      /** Offsets in the input of the matched expression. */
      span: { start: number; end: number };
    }
  | { ok: false; reason: 'empty' | 'vague' | 'unreadable' | 'needs-year' };

// ---------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------

interface ScanHit {
  start: number;
  end: number;
  resolved: Resolved;
  absolute: boolean;
}

/** A weak hit (a year alone, a month) with a word before it that makes it a deadline. */
function weakHitIntroduced(input: string, hit: Hit): boolean {
  const before = input.slice(Math.max(0, hit.start - 16), hit.start);
  if (PREFIX_BEFORE_RE.test(before)) return true;
  if (!R_AT_PREFIX.test(before)) return false;
  let p = hit.end;
  while (p < input.length && (input[p] === ' ' || input[p] === '\t')) p++;
  return p >= input.length || !NOT_AT_YEAR_AFTER.has(input.charAt(p));
}

/**
 * Hits in `s` (normalized). 'text' mode keeps only confident hits and drops invalid ones
 * (a relative hit without a document date stays, unresolved: it is still a deadline);
 * 'field' mode (inside a deadline field value) keeps every hit.
 */
function scan(input: string, doc: DocDate | null, mode: 'text' | 'field'): ScanHit[] {
  const out: ScanHit[] = [];
  const docYear = doc?.y ?? null;
  // The shared global pattern, restarted: nothing called from this loop scans again.
  const re = CANDIDATE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    const i = m.index;
    const limit = parseLimit(input, i);
    if (limit) {
      const { end, resolved, absolute } = resolveLimit(input, limit, doc);
      re.lastIndex = end;
      if (mode === 'text' && !resolved.ok && resolved.reason === 'invalid') continue;
      out.push({ start: i, end, resolved, absolute });
      continue;
    }
    const hit = parseHit(input, i);
    if (!hit) {
      // Nothing starts inside a run of digits (a piece and a time limit both need a non-digit
      // before them: digitPiece, NOT_LIMIT_PREV): after a failed digit, skip the rest of its run.
      let next = i + 1;
      if (isDigitAt(input, i)) while (isDigitAt(input, next)) next++;
      re.lastIndex = next;
      continue;
    }
    re.lastIndex = hit.end;
    const resolved = resolveHit(hit, docYear);
    const absolute = hit.from.year?.kind === 'abs' || hit.to?.year?.kind === 'abs';
    if (mode === 'field') {
      out.push({ start: hit.start, end: hit.end, resolved, absolute });
      continue;
    }
    if (!resolved.ok && resolved.reason === 'invalid') continue;
    const strength = hitStrength(hit);
    if (strength === 0) continue;
    if (strength === 1 && !weakHitIntroduced(input, hit)) continue;
    // 每年6月底前 / 每月 …: a recurring date, not a deadline.
    if (hit.from.year === null && /每[年月]?[ \t]*$/.test(input.slice(Math.max(0, i - 3), i))) continue;
    out.push({ start: hit.start, end: hit.end, resolved, absolute });
  }
  return out;
}

function isDigitAt(input: string, index: number): boolean {
  const code = input.charCodeAt(index);
  return code >= 0x30 && code <= 0x39;
}

function trimBounds(input: string, start: number, end: number): [number, number] {
  let lo = start;
  let hi = end;
  while (lo < hi && TRIM_CHARS.has(input.charAt(lo))) lo++;
  while (hi > lo && TRIM_CHARS.has(input.charAt(hi - 1))) hi--;
  return [lo, hi];
}

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

/**
 * Parse a whole deadline field value, e.g. the text after 完成时限：. Leading/trailing
 * whitespace and punctuation (。；;，,、) are ignored; trailing qualifiers like
 * 前/以前/之前/底前 and leading 于/在/By/Before are accepted. When the value is not one
 * expression (2021年底前完成, 2021年试点、2022年推广), the dates found inside it are used:
 * the result spans from the earliest start to the latest end.
 */
export function parseDeadline(text: string, options?: DeadlineOptions): DeadlineParse {
  const input = normalize(text);
  const doc = documentDay(options);
  const docYear = doc?.y ?? null;
  const [lo, hi] = trimBounds(input, 0, input.length);
  if (lo >= hi) return { ok: false, reason: 'empty' };

  // 1. The whole value is one expression (after leading prepositions), or one time limit
  //    (5年内, within five years: tried before a leading "within" is dropped).
  let p = lo;
  for (;;) {
    const limit = parseLimit(input, p);
    if (limit) {
      const { end, resolved } = resolveLimit(input, limit, doc);
      if (trimBounds(input, end, hi)[0] >= hi) {
        if (resolved.ok) return { ok: true, value: resolved.value, span: { start: p, end } };
        return { ok: false, reason: resolved.reason === 'invalid' ? 'unreadable' : 'needs-year' };
      }
    }
    if (!(at(R_FIELD_PREFIX, input, p) && R_FIELD_PREFIX.lastIndex > p && R_FIELD_PREFIX.lastIndex < hi)) break;
    p = R_FIELD_PREFIX.lastIndex;
  }
  const whole = parseHit(input, p);
  if (whole && trimBounds(input, whole.end, hi)[0] >= hi) {
    const resolved = resolveHit(whole, docYear);
    if (resolved.ok) return { ok: true, value: resolved.value, span: { start: whole.start, end: whole.end } };
    return { ok: false, reason: resolved.reason === 'invalid' ? 'unreadable' : 'needs-year' };
  }

  const value = input.slice(lo, hi);
  // 2. Ongoing commitments: 长期坚持, 持续推进, ongoing …
  if (R_ONGOING_WHOLE.test(value)) return { ok: true, value: { kind: 'ongoing' }, span: { start: lo, end: hi } };

  // 3. Dates inside a longer value.
  const hits = scan(value, doc, 'field').map((hit) => ({ ...hit, start: hit.start + lo, end: hit.end + lo }));
  const good = hits.filter((hit) => hit.resolved.ok);
  const recurring = R_RECURRING_LEAD.test(value);
  if (good.length > 0 && !(recurring && !good.some((hit) => hit.absolute))) {
    let start = '';
    let end = '';
    for (const hit of good) {
      if (hit.resolved.ok && hit.resolved.value.kind === 'range') {
        if (start === '' || hit.resolved.value.start < start) start = hit.resolved.value.start;
        if (end === '' || hit.resolved.value.end > end) end = hit.resolved.value.end;
      }
    }
    const first = good[0];
    const last = good[good.length - 1];
    if (first && last) {
      return { ok: true, value: { kind: 'range', start, end }, span: { start: first.start, end: last.end } };
    }
  }

  // 4. Values that begin with an ongoing or recurring word: 长期坚持，每年评估; 每年6月底前.
  if (R_ONGOING_LEAD.test(value) || recurring) {
    return { ok: true, value: { kind: 'ongoing' }, span: { start: lo, end: hi } };
  }
  // 5. Vague time words: 尽快, 适时, as soon as possible …
  if (findVagueTimeWords(value).length > 0) return { ok: false, reason: 'vague' };
  // 6. Something date-like that could not be resolved.
  if (hits.some((hit) => !hit.resolved.ok && hit.resolved.reason === 'invalid')) return { ok: false, reason: 'unreadable' };
  if (hits.some((hit) => !hit.resolved.ok && hit.resolved.reason === 'needs-year')) return { ok: false, reason: 'needs-year' };
  return { ok: false, reason: 'unreadable' };
}

/** A deadline found in running text. */
export interface FoundDeadline {
  start: number;
  end: number;
  /**
   * The resolved interval, or null for a relative deadline (年底前, 5年内, within five
   * years) when the document date is unknown: it is still a deadline, with `problem`.
   */
  value: DeadlineValue | null;
  /** Why `value` is null: the same reason parseDeadline gives for the same words in a field. */
  problem: 'needs-year' | null;
}

/**
 * Find deadline expressions written inside running text, e.g. "2022年10月底前编制并公布"
 * -> one match. Returns matches in order, non-overlapping, with offsets into `text`
 * (UTF-16). Only confident matches: a bare number or 第三 does not match; a year alone
 * (2021年) matches only with a qualifier (年内, 年底, 底前, 前, 上半年) or a word before it
 * (到2025年, 于2023年, by 2021, within 2024), or as part of a fuller date. Time limits
 * (5年内, 在未來十年, within five years) are deadlines; frequencies (每年, annually) and
 * programme lengths (为期一年, for three years) are not. Relative forms (年底前, 5年内)
 * resolve from `documentDate`; without it they are found with `value: null`.
 */
export function findDeadlines(text: string, options?: DeadlineOptions): FoundDeadline[] {
  const out: FoundDeadline[] = [];
  if (!mayMatch(text, (candidateStarts ??= startTable(CANDIDATE_FIRST)))) return out;
  for (const hit of scan(normalize(text), documentDay(options), 'text')) {
    if (hit.resolved.ok) out.push({ start: hit.start, end: hit.end, value: hit.resolved.value, problem: null });
    else if (hit.resolved.reason === 'needs-year') out.push({ start: hit.start, end: hit.end, value: null, problem: 'needs-year' });
  }
  return out;
}

/** Can text[start, end) hold a vague time word? A lookup per code unit, no copy: a rule asks before slicing. */
export function mayHaveVagueTimeWord(text: TextSource, start = 0, end = text.length): boolean {
  return mayMatch(text, (vagueStarts ??= startTable(VAGUE_FIRST)), start, end);
}

/**
 * Vague time words that are not deadlines: 尽快, 适时, 及时, 近期, 逐步, 另行通知,
 * 另行确定, 视情况, 择机, 早日, 抓紧 (also 尽早, 另行安排, 择时, 待定) and traditional
 * forms (盡快, 適時, 另行確定 …); English: as soon as possible, ASAP, in due course,
 * (in a) timely (manner), soon, when/as appropriate, to be determined, TBD.
 * `word` is the text as written.
 */
export function findVagueTimeWords(text: string): Array<{ start: number; end: number; word: string }> {
  if (!mayHaveVagueTimeWord(text)) return [];
  const input = normalize(text);
  const re = VAGUE_RE;
  re.lastIndex = 0;
  const out: Array<{ start: number; end: number; word: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, word: text.slice(m.index, end) });
  }
  return out;
}

export { daysBetween } from './resolve';
