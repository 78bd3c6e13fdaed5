/**
 * Relative time limits: a span of time counted from the document date or from a stated
 * year (5年内, 在五年內, 半年内, 3个月内, 2012年起5年内, 在未來十年, within five years,
 * in the coming 5 years, over the next three years).
 *
 * Frequencies (每年, annually) and programme lengths (为期一年, 连续3年, for three years)
 * are not limits: a limit needs a "within" word (内, within, in/over the next …). Like the
 * rest of the grammar this reads normalized text with sticky, bounded regexes.
 */
import { CN_SMALL, NOT_WITHIN_AFTER, SP, YEAR4, at, iso, sticky, toNumber } from './lexicon';

export interface Limit {
  /** Offset just after the phrase. */
  end: number;
  /** Length of the limit in months (5年 = 60). */
  months: number;
  /** 2012年起5年内: the limit counts from 1 January of this year, not from the document date. */
  anchorYear: number | null;
  /** Offset just after an opening parenthesis that may hold the explicit window (2023-24 至 2032-33 年度). */
  windowAt: number | null;
}

const CN_COUNT = `两|半|\\d{1,2}|${CN_SMALL}`;
/** 2012年起 / 2012年开始, before a limit. */
const R_CN_ANCHOR = sticky(`(${YEAR4})${SP}年${SP}(?:起|开始)${SP}[,，]?${SP}`);
/** 5年内, 三年以内, 3个月内, 半年内. */
const R_CN_WITHIN = sticky(`(${CN_COUNT})${SP}(年|个月)${SP}(?:之|以)?内`);
/** 未来十年, 今后五年内, 今后三年间 (a bare 未来N年 needs 在/于 before it). */
const R_CN_NEXT = sticky(`(?:未来|今后|往后|此后)${SP}(${CN_COUNT})${SP}(年|个月)(${SP}(?:之|以)?(?:内|间|里))?`);
const EN_NUMBER: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
};
const EN_COUNT = `\\d{1,2}|${Object.keys(EN_NUMBER).join('|')}`;
/** within five years, within the next 12 months, within the next year. */
const R_EN_WITHIN = sticky(`within[ \\t]+(?:the[ \\t]+(next|coming|following)[ \\t]+)?(?:(${EN_COUNT})[ \\t]+)?(years?|months?)(?![A-Za-z])`, 'i');
/** in the coming 5 years, over the next three years, during the next year. */
const R_EN_NEXT = sticky(`(?:in|over|during)[ \\t]+the[ \\t]+(?:next|coming|following)[ \\t]+(?:(${EN_COUNT})[ \\t]+)?(years?|months?)(?![A-Za-z])`, 'i');
const R_WINDOW_OPEN = sticky(`${SP}[(\\[]${SP}`);

/** Characters before a count that make it something else: 近5年内 (the past), 为期, 连续, 每, 第, 前三年. */
const NOT_LIMIT_PREV = new Set([...'0123456789.〇○零一二三四五六七八九十百千万两几多近去每续期满第前头首最这该']);

function cnMonths(count: string, unit: string): number {
  if (count === '半') return unit === '年' ? 6 : NaN;
  const n = toNumber(count);
  return unit === '年' ? n * 12 : n;
}

function enMonths(count: string | undefined, unit: string): number {
  const n = count === undefined ? 1 : /^\d/.test(count) ? Number(count) : (EN_NUMBER[count.toLowerCase()] ?? NaN);
  return unit.toLowerCase().startsWith('year') ? n * 12 : n;
}

function withWindow(input: string, limit: Omit<Limit, 'windowAt'>): Limit | null {
  if (!(limit.months > 0)) return null;
  const windowAt = at(R_WINDOW_OPEN, input, limit.end) ? R_WINDOW_OPEN.lastIndex : null;
  return { ...limit, windowAt };
}

function previousNonSpace(input: string, i: number): string {
  let p = i - 1;
  while (p >= 0 && (input[p] === ' ' || input[p] === '\t')) p--;
  return p >= 0 ? input.charAt(p) : '';
}

/** A limit starting exactly at `i` (in normalized text), or null. */
export function parseLimit(input: string, i: number): Limit | null {
  const prev = i > 0 ? input.charAt(i - 1) : '';
  let match: RegExpExecArray | null;
  const c = input.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    if ((match = at(R_EN_WITHIN, input, i))) {
      // "within years" says nothing; "within the next year" is one year.
      if (match[2] === undefined && match[1] === undefined) return null;
      return withWindow(input, { end: R_EN_WITHIN.lastIndex, months: enMonths(match[2], match[3] ?? ''), anchorYear: null });
    }
    if ((match = at(R_EN_NEXT, input, i))) {
      return withWindow(input, { end: R_EN_NEXT.lastIndex, months: enMonths(match[1], match[2] ?? ''), anchorYear: null });
    }
    return null;
  }
  if ((match = at(R_CN_NEXT, input, i))) {
    const end = R_CN_NEXT.lastIndex;
    const limit = withWindow(input, { end, months: cnMonths(match[1] ?? '', match[2] ?? ''), anchorYear: null });
    const said = match[3] !== undefined || '在于'.includes(previousNonSpace(input, i) || '-');
    return limit && (said || limit.windowAt !== null) ? limit : null;
  }
  if (NOT_LIMIT_PREV.has(prev)) return null;
  let anchorYear: number | null = null;
  let p = i;
  if ((match = at(R_CN_ANCHOR, input, i))) {
    anchorYear = Number(match[1]);
    p = R_CN_ANCHOR.lastIndex;
  }
  if (!(match = at(R_CN_WITHIN, input, p))) return null;
  const end = R_CN_WITHIN.lastIndex;
  if (end < input.length && NOT_WITHIN_AFTER.has(input.charAt(end))) return null;
  return withWindow(input, { end, months: cnMonths(match[1] ?? '', match[2] ?? ''), anchorYear });
}

/**
 * The interval of a limit counted from a day: 5年内 from 2012-09-19 is 2012-09-19..2017-09-18.
 * Date.UTC rolls 29 February + 1 year over to 1 March, so the day before is 28 February.
 */
export function limitInterval(from: { y: number; m: number; d: number }, months: number): { start: string; end: string } {
  const last = new Date(Date.UTC(from.y, from.m - 1 + months, from.d) - 86_400_000);
  return {
    start: iso(from.y, from.m, from.d),
    end: iso(last.getUTCFullYear(), last.getUTCMonth() + 1, last.getUTCDate()),
  };
}
