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
import type { DeadlineValue } from '../types';
import { CN_SMALL, NOT_WITHIN_AFTER, SP, YEAR4, at, cnYear, iso, sticky, toNumber } from './lexicon';
import { limitInterval, parseLimit, type Limit } from './limits';

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
// Normalization (length-preserving)
// ---------------------------------------------------------------------------------------

/** Traditional → simplified for the characters the grammar and word lists use. */
const TRADITIONAL: Record<string, string> = {
  內: '内', 當: '当', 長: '长', 堅: '坚', 續: '续', 態: '态', 盡: '尽', 儘: '尽', 適: '适',
  時: '时', 視: '视', 況: '况', 擇: '择', 機: '机', 緊: '紧', 確: '确', 號: '号', 於: '于',
  為: '为', 進: '进', 開: '开', 實: '实', 執: '执', 務: '务', 遲: '迟', 爭: '争', 計: '计',
  劃: '划', 預: '预', 擬: '拟', 後: '后', 終: '终', 間: '间', 與: '与', 並: '并', 達: '达',
  過: '过', 來: '来', 歲: '岁', 個: '个', 萬: '万', 億: '亿', 兩: '两', 幾: '几', 數: '数',
  週: '周', 貫: '贯', 徹: '彻', 規: '规', 範: '范', 復: '复', 現: '现', 際: '际',
  經: '经', 邊: '边', 總: '总', 結: '结', 對: '对', 應: '应', 線: '线', 網: '网',
  處: '处', 設: '设', 審: '审', 聯: '联', 資: '资', 銷: '销', 環: '环', 側: '侧',
  陸: '陆', 閣: '阁', 門: '门', 關: '关', 從: '从',
};

const DASHES: Record<string, string> = {
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u301c': '~', '\u25ef': '〇',
  '\u3000': ' ',
};

/**
 * The code unit each character normalizes to (0: unchanged): full-width ASCII, dashes and the
 * traditional characters above. A table and a loop instead of a regex replace with a callback
 * per match: Chinese punctuation (，（）：) is full-width, so nearly every text had matches.
 */
const NORMALIZE_TABLE = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  for (const [from, to] of [...Object.entries(DASHES), ...Object.entries(TRADITIONAL)]) {
    if (from.length !== 1 || to.length !== 1) throw new Error(`normalize: ${from} -> ${to} is not one code unit to one`);
    table[from.charCodeAt(0)] = to.charCodeAt(0);
  }
  return table;
})();

/** Same length as the input; offsets carry over unchanged. */
function normalize(text: string): string {
  // Unchanged runs are sliced, not copied a character at a time (measured: faster than a
  // regex replace, a code-unit array decoded back, or fromCharCode over the array).
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const mapped = NORMALIZE_TABLE[text.charCodeAt(i)];
    if (mapped !== 0) {
      out += text.slice(last, i) + String.fromCharCode(mapped);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

// ---------------------------------------------------------------------------------------
// Grammar (sticky regexes, compiled once)
// ---------------------------------------------------------------------------------------

const MONTHS_EN =
  'january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
const MONTH_INDEX: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// Numeric dates
const R_ISO_DAY = sticky(`(${YEAR4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![0-9])`);
const R_ISO_MONTH = sticky(`(${YEAR4})([-/.])(\\d{1,2})(?![0-9])`);
/** A fiscal year written over two calendar years: 2023-24, 2032-33 年度, 2023/24. */
const R_FISCAL_YEAR = sticky(`(${YEAR4})${SP}[-/]${SP}(\\d{2})(?![0-9])(${SP}年度)?`);
// Years
const R_NUM_YEAR_CN = sticky(`(${YEAR4})${SP}年度?`);
const R_HAN_YEAR = sticky(`((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})${SP}年度?`);
const R_NUM_YEAR_QH = sticky(`(${YEAR4})${SP}[-/]?${SP}(?:[Qq]([0-9])|[Hh]([0-9]))(?![0-9A-Za-z])`);
const R_NUM_YEAR_BARE = sticky(`(${YEAR4})(?![0-9])`);
const R_REL_YEAR = sticky('(今年度|本年度|明年度|上年度|今年|本年|当年|明年|去年|上年)');
const REL_OFFSET: Record<string, number> = {
  今年度: 0, 本年度: 0, 今年: 0, 本年: 0, 当年: 0, 明年度: 1, 明年: 1, 上年度: -1, 去年: -1, 上年: -1,
};
// After a year
const R_Y_END = sticky(`${SP}年?(?:底|末)`);
const R_Y_EXTRA_YEAR = sticky(`${SP}年(?=(?:之|以)?内)`);
const R_HALF = sticky(`${SP}(上|下)半年`);
const R_QUARTER = sticky(`${SP}第?([一二三四五六七八九0-9])${SP}季度(底|末)?`);
const R_QUARTER_Q = sticky(`${SP}[Qq]([0-9])(?![0-9A-Za-z])`);
const R_MONTH = sticky(`${SP}(\\d{1,2}|${CN_SMALL})${SP}月份?`);
const R_DAY = sticky(`${SP}(\\d{1,2}|${CN_SMALL})${SP}[日号]`);
const R_XUN = sticky(`${SP}(上|中|下)旬`);
const R_MONTH_END = sticky(`${SP}(?:底|末)`);
// Bare 年底 / 年末 / 年内 / 年度内 (year of the document)
const R_BARE_YEAR = sticky('年度?(?:(底|末)|(?=(?:之|以)?内))');
// Trailing qualifiers
const R_TRAIL = sticky(`${SP}(?:或|及)?(之前|以前|前|为止|之内|以内|内)`);
// Range connectors
const R_CONNECTOR = sticky(`(?:${SP}(?:至|到|——|—|–|―|-|~)${SP}|[ \\t]+(?:to|through|thru|until|till)[ \\t]+)`, 'i');
// English
const R_EN_MDY = sticky(
  `(${MONTHS_EN})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![0-9])${SP},?${SP}(${YEAR4})(?![0-9])`,
  'i',
);
const R_EN_MY = sticky(`(${MONTHS_EN})\\.?,?[ \\t]+(?:of[ \\t]+)?(${YEAR4})(?![0-9])`, 'i');
const R_EN_MD = sticky(`(${MONTHS_EN})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z])`, 'i');
const R_EN_M = sticky(`(${MONTHS_EN})(?![A-Za-z])\\.?`, 'i');
const R_EN_DMY = sticky(
  `(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MONTHS_EN})\\.?,?[ \\t]+(${YEAR4})(?![0-9])`,
  'i',
);
const R_EN_DM = sticky(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MONTHS_EN})(?![A-Za-z])\\.?`, 'i');
const R_EN_QH = sticky(`(?:q([0-9])|h([0-9]))${SP}(?:[-/,]${SP}|of[ \\t]+)?(?:fy${SP})?(${YEAR4})(?![0-9])`, 'i');
const R_EN_ORD = sticky(
  `(first|second|third|fourth|1st|2nd|3rd|4th)[ \\t]+(quarter|half)[ \\t]+(?:of[ \\t]+)?(?:the[ \\t]+)?(?:(?:fiscal[ \\t]+)?year[ \\t]+)?(?:(${YEAR4})(?![0-9])|(this|next)[ \\t]+year(?![A-Za-z]))`,
  'i',
);
const ORDINAL: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
const R_EN_END = sticky('(?:the[ \\t]+)?end(?:[ \\t]+of(?:[ \\t]+the)?[ \\t]+|[ \\t]*-[ \\t]*|[ \\t]+)', 'i');
const R_EN_YEAR_WORD = sticky('(?:(this|next)[ \\t]+)?year(?![A-Za-z])', 'i');
const R_EN_YEAR_END = sticky(`year${SP}-?${SP}end(?![A-Za-z])(?:[ \\t]+(${YEAR4})(?![0-9]))?`, 'i');
const R_EN_REL_YEAR = sticky('(this|next)[ \\t]+year(?![A-Za-z])', 'i');

/** Where a hit may start. English alternatives only at word starts. */
const CANDIDATE_RE =
  /[0-9〇○零一二三四五六七八九十今本当明去上下年第两半未往此]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|h[12]|end|first|second|third|fourth|this|next|the|year|within|in|over|during)/gi;

/** Text before a weak hit that makes it a deadline (到2025年, by 2021, within 2024). */
const PREFIX_BEFORE_RE =
  /(?:到|至|截至|截止|最迟|最晚|不晚于|不迟于|力争|争取|(?:^|[^A-Za-z])(?:by|before|until|till|through|within|during|no[ \t]+later[ \t]+than|not[ \t]+later[ \t]+than))[ \t]*$/i;
/**
 * 于/在 right before a weak hit (于2023年完成, 於 2023 年, 在2024年或之前) also make it a
 * deadline, but not inside 关于, 对于, 由于, 现在, 存在 … nor when the year is followed by
 * words of a starting point or a comparison (在2023年的基础上, 于2021年起施行).
 */
const R_AT_PREFIX = /(?:^|[^关对由属位等基高低大小多少鉴处至终现存正所实自内外好])[于在][ \t]*$/;
const NOT_AT_YEAR_AFTER = new Set([...'的基以起开来后间中初末']);

/** Leading words a field value may start with (于2021年底前, By June 30, 2019). */
const R_FIELD_PREFIX = sticky(
  '(?:截止到|截止至|截至|截止|最迟于|最迟在|最迟|最晚于|最晚|不晚于|不迟于|力争于|力争在|力争到|力争|争取于|争取在|争取到|争取|计划于|计划在|预计于|预计在|拟于|拟在|于|在|到|至)[ \\t]*|(?:no[ \\t]+later[ \\t]+than|not[ \\t]+later[ \\t]+than|by|before|until|till|due(?:[ \\t]+by)?|in|within|during|on|at|deadline:?|target:?)[ \\t]+',
  'i',
);

const TRIM_CHARS = new Set([...' \t\r\n\u00a0。；;，,、.!！:：?？']);

const ONGOING_WORD =
  '(?:长期|持续|常态化|长效化?|经常性|常年)(?:坚持|推进|开展|实施|执行|进行|落实|抓好|任务|工作|性任务)?' +
  '|on[ \\t]+an[ \\t]+ongoing[ \\t]+basis|ongoing|continuous(?:ly)?|continuing|continual(?:ly)?|long[- ]?term|permanent(?:ly)?|annually|quarterly|monthly|every[ \\t]+(?:year|quarter|month)';
const R_ONGOING_WHOLE = new RegExp(
  `^(?:${ONGOING_WORD})(?:[ \\t]+(?:task|work|basis|effort))?(?:[、，,；;\\s和与及并]+(?:${ONGOING_WORD})(?:[ \\t]+(?:task|work|basis|effort))?)*$`,
  'i',
);
const R_ONGOING_LEAD = /^(?:长期|持续|常态化|长效|常年|ongoing|continuous|continuing|long[- ]?term)/i;
const R_RECURRING_LEAD = /^(?:每年|每季度|每半年|每月|定期|annually|quarterly|monthly|every[ \t]+(?:year|quarter|month))/i;

const VAGUE_RE =
  /尽快|尽早|适时|及时|近期|逐步|另行通知|另行确定|另行安排|视情况|择机|择时|早日|抓紧|待定|\b(?:as[ \t]+soon[ \t]+as[ \t]+possible|asap|in[ \t]+due[ \t]+course|in[ \t]+a[ \t]+timely[ \t]+(?:manner|fashion)|timely|soon|when[ \t]+appropriate|as[ \t]+appropriate|at[ \t]+an[ \t]+appropriate[ \t]+time|to[ \t]+be[ \t]+determined|tbd)\b/gi;

/** 前 followed by these is "the first N" (2021年前三季度) or 前期/前后, not "before". */
const NOT_BEFORE_AFTER = new Set([...'0123456789一二三四五六七八九十两几期后列沿端台']);
/** Characters that make a bare 年内 / 年底 part of another phrase (三年内, 每年底, 近年内). */
const NOT_BARE_YEAR_PREV = new Set([...'0123456789〇○零一二三四五六七八九十百千万两几多数每近同当今本明去上前后次该全逐历往学财']);
const CN_NUMERAL_CHARS = new Set([...'〇○零一二三四五六七八九十百千万两几']);
const REL_YEAR_BAD_PREV = new Set([...'过以基失每']);

// ---------------------------------------------------------------------------------------
// Pieces and hits
// ---------------------------------------------------------------------------------------

type YearRef = { kind: 'abs'; year: number } | { kind: 'rel'; offset: number };

type Unit =
  | { u: 'year' }
  | { u: 'half'; n: number }
  | { u: 'quarter'; n: number }
  | { u: 'month'; m: number }
  | { u: 'xun'; m: number; n: number }
  | { u: 'day'; m: number; d: number }
  /** A fiscal year over two calendar years (2023-24 年度); its start month is not written. */
  | { u: 'fiscal' };

interface Piece {
  end: number;
  year: YearRef | null;
  unit: Unit;
  /** 底, 末, end of … */
  qualified: boolean;
  /** Never a deadline in running text on its own (上半年, 第三季度, May). */
  nameOnly: boolean;
  /** A form that is easily something else (2021.12 could be a decimal). */
  weakForm: boolean;
}

interface Hit {
  start: number;
  end: number;
  from: Piece;
  to: Piece | null;
  trailing: boolean;
}

/** 0: never alone in text; 1: needs a prefix in text; 2: confident. */
type Strength = 0 | 1 | 2;

function piece(end: number, year: YearRef | null, unit: Unit, extra?: Partial<Piece>): Piece {
  return { end, year, unit, qualified: false, nameOnly: false, weakForm: false, ...extra };
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** After a bare number like 2021 or 2021.12: not a count or a decimal (2021个, 2021.5万, 2021%). */
function bareNumberEndOk(s: string, end: number): boolean {
  let p = end;
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  if (p >= s.length) return true;
  const c = s.charCodeAt(p);
  if (isHanCode(c)) return '至到前底末内以之为'.includes(s.charAt(p));
  if (s[p] === '.' && p + 1 < s.length && isDigitCode(s.charCodeAt(p + 1))) return false;
  return !'%‰°℃'.includes(s.charAt(p));
}

function innerOk(s: string, pos: number): boolean {
  let p = pos;
  if (s[p] === '之' || s[p] === '以') p++;
  if (s[p] !== '内') return false;
  return p + 1 >= s.length || !NOT_WITHIN_AFTER.has(s.charAt(p + 1));
}

function monthTail(s: string, pos: number, year: YearRef | null, m: number, extra?: Partial<Piece>): Piece {
  let r = at(R_DAY, s, pos);
  if (r) return piece(R_DAY.lastIndex, year, { u: 'day', m, d: toNumber(r[1] ?? '') }, extra);
  r = at(R_XUN, s, pos);
  if (r) return piece(R_XUN.lastIndex, year, { u: 'xun', m, n: r[1] === '上' ? 1 : r[1] === '中' ? 2 : 3 }, extra);
  if (at(R_MONTH_END, s, pos)) return piece(R_MONTH_END.lastIndex, year, { u: 'month', m }, { ...extra, qualified: true });
  return piece(pos, year, { u: 'month', m }, extra);
}

/** Units written after a Chinese year: 底, 上半年, 第三季度, Q3, 6月30日 … */
function afterYear(s: string, pos: number, year: YearRef): Piece {
  let r: RegExpExecArray | null;
  if (at(R_Y_END, s, pos)) return piece(R_Y_END.lastIndex, year, { u: 'year' }, { qualified: true });
  if (at(R_Y_EXTRA_YEAR, s, pos) && innerOk(s, R_Y_EXTRA_YEAR.lastIndex)) {
    return piece(R_Y_EXTRA_YEAR.lastIndex, year, { u: 'year' });
  }
  if ((r = at(R_HALF, s, pos))) return piece(R_HALF.lastIndex, year, { u: 'half', n: r[1] === '上' ? 1 : 2 });
  if ((r = at(R_QUARTER, s, pos))) {
    return piece(R_QUARTER.lastIndex, year, { u: 'quarter', n: toNumber(r[1] ?? '') }, { qualified: r[2] !== undefined });
  }
  if ((r = at(R_QUARTER_Q, s, pos))) return piece(R_QUARTER_Q.lastIndex, year, { u: 'quarter', n: Number(r[1]) });
  if ((r = at(R_MONTH, s, pos))) return monthTail(s, R_MONTH.lastIndex, year, toNumber(r[1] ?? ''));
  return piece(pos, year, { u: 'year' });
}

function enMonth(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()] ?? NaN;
}

/** One date piece starting exactly at `i`, or null. `nested`: inside "end of", which does not repeat. */
function parsePiece(s: string, i: number, nested = false): Piece | null {
  const c = s.charCodeAt(i);
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  const prevChar = i > 0 ? s.charAt(i - 1) : '';
  let r: RegExpExecArray | null;

  if (isDigitCode(c)) {
    if (isDigitCode(prev)) return null;
    const afterNumberOk = prevChar !== '.' && !isLatinCode(prev);
    if (afterNumberOk) {
      if ((r = at(R_ISO_DAY, s, i))) {
        return piece(R_ISO_DAY.lastIndex, { kind: 'abs', year: Number(r[1]) }, { u: 'day', m: Number(r[3]), d: Number(r[4]) });
      }
      if ((r = at(R_FISCAL_YEAR, s, i))) {
        // 2023-24 is a fiscal year; 2011-12 reads as December 2011 unless 年度 follows.
        const year = Number(r[1]);
        const next = Number(r[2]);
        if (next === (year + 1) % 100 && (r[3] !== undefined || next > 12)) {
          return piece(R_FISCAL_YEAR.lastIndex, { kind: 'abs', year }, { u: 'fiscal' });
        }
      }
      if ((r = at(R_ISO_MONTH, s, i))) {
        const end = R_ISO_MONTH.lastIndex;
        const dot = r[2] === '.';
        if (!dot || bareNumberEndOk(s, end)) {
          return piece(end, { kind: 'abs', year: Number(r[1]) }, { u: 'month', m: Number(r[3]) }, { weakForm: dot });
        }
      }
      if ((r = at(R_NUM_YEAR_CN, s, i))) return afterYear(s, R_NUM_YEAR_CN.lastIndex, { kind: 'abs', year: Number(r[1]) });
      if ((r = at(R_NUM_YEAR_QH, s, i))) {
        const year: YearRef = { kind: 'abs', year: Number(r[1]) };
        return r[2] !== undefined
          ? piece(R_NUM_YEAR_QH.lastIndex, year, { u: 'quarter', n: Number(r[2]) })
          : piece(R_NUM_YEAR_QH.lastIndex, year, { u: 'half', n: Number(r[3]) });
      }
    }
    if ((r = at(R_EN_DMY, s, i))) {
      return piece(R_EN_DMY.lastIndex, { kind: 'abs', year: Number(r[3]) }, { u: 'day', m: enMonth(r[2] ?? ''), d: Number(r[1]) });
    }
    if ((r = at(R_EN_ORD, s, i))) return ordinalPiece(r, R_EN_ORD.lastIndex);
    if (afterNumberOk && (r = at(R_NUM_YEAR_BARE, s, i)) && bareNumberEndOk(s, R_NUM_YEAR_BARE.lastIndex)) {
      return piece(R_NUM_YEAR_BARE.lastIndex, { kind: 'abs', year: Number(r[1]) }, { u: 'year' });
    }
    if ((r = at(R_EN_DM, s, i))) {
      return piece(R_EN_DM.lastIndex, null, { u: 'day', m: enMonth(r[2] ?? ''), d: Number(r[1]) });
    }
    if (prevChar !== '.' && (r = at(R_MONTH, s, i))) return monthTail(s, R_MONTH.lastIndex, null, toNumber(r[1] ?? ''));
    return null;
  }

  if (isLatinCode(c)) {
    if (isLatinCode(prev) || isDigitCode(prev)) return null;
    if ((r = at(R_EN_MDY, s, i))) {
      return piece(R_EN_MDY.lastIndex, { kind: 'abs', year: Number(r[3]) }, { u: 'day', m: enMonth(r[1] ?? ''), d: Number(r[2]) });
    }
    if ((r = at(R_EN_MY, s, i))) {
      return piece(R_EN_MY.lastIndex, { kind: 'abs', year: Number(r[2]) }, { u: 'month', m: enMonth(r[1] ?? '') });
    }
    if ((r = at(R_EN_MD, s, i))) {
      return piece(R_EN_MD.lastIndex, null, { u: 'day', m: enMonth(r[1] ?? ''), d: Number(r[2]) });
    }
    if ((r = at(R_EN_M, s, i))) return piece(R_EN_M.lastIndex, null, { u: 'month', m: enMonth(r[1] ?? '') }, { nameOnly: true });
    if ((r = at(R_EN_QH, s, i))) {
      const year: YearRef = { kind: 'abs', year: Number(r[3]) };
      return r[1] !== undefined
        ? piece(R_EN_QH.lastIndex, year, { u: 'quarter', n: Number(r[1]) })
        : piece(R_EN_QH.lastIndex, year, { u: 'half', n: Number(r[2]) });
    }
    if ((r = at(R_EN_ORD, s, i))) return ordinalPiece(r, R_EN_ORD.lastIndex);
    if ((r = at(R_EN_YEAR_END, s, i))) {
      const year: YearRef = r[1] !== undefined ? { kind: 'abs', year: Number(r[1]) } : { kind: 'rel', offset: 0 };
      return piece(R_EN_YEAR_END.lastIndex, year, { u: 'year' }, { qualified: true });
    }
    if (!nested && at(R_EN_END, s, i)) {
      const inner = R_EN_END.lastIndex;
      if ((r = at(R_EN_YEAR_WORD, s, inner))) {
        const offset = r[1] !== undefined && r[1].toLowerCase() === 'next' ? 1 : 0;
        return piece(R_EN_YEAR_WORD.lastIndex, { kind: 'rel', offset }, { u: 'year' }, { qualified: true });
      }
      const p = parsePiece(s, inner, true);
      if (p) return { ...p, qualified: true, nameOnly: false };
      return null;
    }
    if ((r = at(R_EN_REL_YEAR, s, i))) {
      const offset = (r[1] ?? '').toLowerCase() === 'next' ? 1 : 0;
      return piece(R_EN_REL_YEAR.lastIndex, { kind: 'rel', offset }, { u: 'year' });
    }
    return null;
  }

  // Chinese
  if ((r = at(R_HAN_YEAR, s, i))) {
    if (CN_NUMERAL_CHARS.has(prevChar)) return null;
    return afterYear(s, R_HAN_YEAR.lastIndex, { kind: 'abs', year: cnYear(r[1] ?? '') });
  }
  if ((r = at(R_REL_YEAR, s, i))) {
    if (REL_YEAR_BAD_PREV.has(prevChar)) return null;
    return afterYear(s, R_REL_YEAR.lastIndex, { kind: 'rel', offset: REL_OFFSET[r[1] ?? ''] ?? 0 });
  }
  if (s[i] === '年') {
    if (NOT_BARE_YEAR_PREV.has(prevChar) || !(r = at(R_BARE_YEAR, s, i))) return null;
    const end = R_BARE_YEAR.lastIndex;
    if (r[1] === undefined && !innerOk(s, end)) return null;
    return piece(end, { kind: 'rel', offset: 0 }, { u: 'year' }, { qualified: true });
  }
  if ((r = at(R_HALF, s, i))) {
    return piece(R_HALF.lastIndex, null, { u: 'half', n: r[1] === '上' ? 1 : 2 }, { nameOnly: true });
  }
  if ((r = at(R_QUARTER, s, i))) {
    if (CN_NUMERAL_CHARS.has(prevChar)) return null;
    return piece(R_QUARTER.lastIndex, null, { u: 'quarter', n: toNumber(r[1] ?? '') }, { nameOnly: true });
  }
  if (!CN_NUMERAL_CHARS.has(prevChar) && (r = at(R_MONTH, s, i))) {
    return monthTail(s, R_MONTH.lastIndex, null, toNumber(r[1] ?? ''));
  }
  return null;
}

function ordinalPiece(r: RegExpExecArray, end: number): Piece {
  const n = ORDINAL[(r[1] ?? '').toLowerCase()] ?? NaN;
  const year: YearRef =
    r[3] !== undefined
      ? { kind: 'abs', year: Number(r[3]) }
      : { kind: 'rel', offset: (r[4] ?? '').toLowerCase() === 'next' ? 1 : 0 };
  const unit: Unit = (r[2] ?? '').toLowerCase() === 'half' ? { u: 'half', n } : { u: 'quarter', n };
  return piece(end, year, unit);
}

/** A piece, an optional range, and trailing qualifiers, starting exactly at `i`. */
function parseHit(s: string, i: number): Hit | null {
  const from = parsePiece(s, i);
  if (!from) return null;
  let end = from.end;
  let to: Piece | null = null;
  if (at(R_CONNECTOR, s, end)) {
    const second = parsePiece(s, R_CONNECTOR.lastIndex);
    if (second) {
      to = second;
      end = second.end;
    }
  }
  let trailing = false;
  const t = at(R_TRAIL, s, end);
  if (t) {
    const after = R_TRAIL.lastIndex;
    const word = t[1] ?? '';
    const ok = word.endsWith('前')
      ? after >= s.length || !NOT_BEFORE_AFTER.has(s.charAt(after))
      : word.endsWith('内')
        ? after >= s.length || !NOT_WITHIN_AFTER.has(s.charAt(after))
        : true;
    if (ok) {
      trailing = true;
      end = after;
    }
  }
  if (!to && !trailing) end = amendedEnd(s, i, from, end);
  return { start: i, end, from, to, trailing };
}

const R_GAP = sticky('[ \\t]+');

/**
 * "By December 2021 December 2020": an amended date written beside the date it replaced.
 * The first date is the deadline; the second is part of the same hit, not a second one.
 */
function amendedEnd(s: string, i: number, from: Piece, end: number): number {
  if (!isLatinCode(s.charCodeAt(i)) || from.year?.kind !== 'abs' || !at(R_GAP, s, end)) return end;
  const next = R_GAP.lastIndex;
  if (!isLatinCode(s.charCodeAt(next))) return end;
  const second = parsePiece(s, next, true);
  return second && second.year?.kind === 'abs' && second.unit.u === from.unit.u ? second.end : end;
}

function pieceStrength(p: Piece): Strength {
  if (p.nameOnly) return 0;
  if (p.qualified) return 2;
  if (p.weakForm) return 1;
  const u = p.unit.u;
  if (u === 'day' || u === 'xun') return 2;
  if ((u === 'month' || u === 'half' || u === 'quarter') && p.year !== null) return 2;
  return 1;
}

function hitStrength(h: Hit): Strength {
  const a = pieceStrength(h.from);
  const b = h.to ? pieceStrength(h.to) : 0;
  const best: Strength = a > b ? a : b;
  return h.trailing && best >= 1 ? 2 : best;
}

// ---------------------------------------------------------------------------------------
// Resolution to ISO intervals
// ---------------------------------------------------------------------------------------

type Resolved = { ok: true; value: DeadlineValue } | { ok: false; reason: 'invalid' | 'needs-year' };

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}

function unitValid(unit: Unit): boolean {
  switch (unit.u) {
    case 'year':
    case 'fiscal':
      return true;
    case 'half':
      return unit.n === 1 || unit.n === 2;
    case 'quarter':
      return unit.n >= 1 && unit.n <= 4;
    case 'month':
    case 'xun':
      return unit.m >= 1 && unit.m <= 12;
    case 'day':
      // Year not known yet: allow 29 February; checked again once the year is known.
      return unit.m >= 1 && unit.m <= 12 && unit.d >= 1 && unit.d <= daysInMonth(2000, unit.m);
  }
}


/** The interval of a unit in a year, or null when the day does not exist in that year. */
function interval(unit: Unit, y: number): { start: string; end: string } | null {
  switch (unit.u) {
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'fiscal':
      // The fiscal year's first month is not written: cover both calendar years it touches,
      // so a deadline is never called past too early.
      return { start: iso(y, 1, 1), end: iso(y + 1, 12, 31) };
    case 'half':
      return unit.n === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    case 'quarter': {
      const last = unit.n * 3;
      return { start: iso(y, last - 2, 1), end: iso(y, last, daysInMonth(y, last)) };
    }
    case 'month':
      return { start: iso(y, unit.m, 1), end: iso(y, unit.m, daysInMonth(y, unit.m)) };
    case 'xun': {
      const first = (unit.n - 1) * 10 + 1;
      const lastDay = unit.n === 3 ? daysInMonth(y, unit.m) : unit.n * 10;
      return { start: iso(y, unit.m, first), end: iso(y, unit.m, lastDay) };
    }
    case 'day':
      if (unit.d > daysInMonth(y, unit.m)) return null;
      return { start: iso(y, unit.m, unit.d), end: iso(y, unit.m, unit.d) };
  }
}

function yearOf(ref: YearRef | null, docYear: number | null): number | null | 'needs' {
  if (ref === null) return null;
  if (ref.kind === 'abs') return ref.year;
  return docYear === null ? 'needs' : docYear + ref.offset;
}

function resolveHit(h: Hit, docYear: number | null): Resolved {
  if (!unitValid(h.from.unit) || (h.to && !unitValid(h.to.unit))) return { ok: false, reason: 'invalid' };
  let fy = yearOf(h.from.year, docYear);
  let ty = h.to ? yearOf(h.to.year, docYear) : null;
  if (fy === 'needs' || ty === 'needs') return { ok: false, reason: 'needs-year' };
  if (!h.to) {
    const y = fy ?? docYear;
    if (y === null) return { ok: false, reason: 'needs-year' };
    const iv = interval(h.from.unit, y);
    return iv ? { ok: true, value: { kind: 'range', ...iv } } : { ok: false, reason: 'invalid' };
  }
  let fromInherited = false;
  let toInherited = false;
  if (fy === null && ty === null) {
    if (docYear === null) return { ok: false, reason: 'needs-year' };
    fy = ty = docYear;
    toInherited = true;
  } else if (fy === null) {
    fy = ty;
    fromInherited = true;
  } else if (ty === null) {
    ty = fy;
    toInherited = true;
  }
  if (fy === null || ty === null) return { ok: false, reason: 'needs-year' };
  let a = interval(h.from.unit, fy);
  let b = interval(h.to.unit, ty);
  if (a && b && b.end < a.start) {
    // 2020年11月至2月, November to February 2021: the inherited side crosses a year.
    if (toInherited) b = interval(h.to.unit, ty + 1);
    else if (fromInherited) a = interval(h.from.unit, fy - 1);
    else return { ok: false, reason: 'invalid' };
  }
  if (!a || !b) return { ok: false, reason: 'invalid' };
  return { ok: true, value: { kind: 'range', start: a.start, end: b.end } };
}

// ---------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------

interface ScanHit {
  start: number;
  end: number;
  resolved: Resolved;
  absolute: boolean;
}

/** The document date, which relative forms count from (年底前, 5年内). */
interface DocDate {
  y: number;
  m: number;
  d: number;
}

/** The last document date read (a draft's measures all ask with the same one). */
let lastDocumentDay: { date: string; day: DocDate | null } | null = null;

function documentDay(options?: DeadlineOptions): DocDate | null {
  const d = options?.documentDate;
  if (!d) return null;
  if (lastDocumentDay?.date !== d) lastDocumentDay = { date: d, day: readDocumentDay(d) };
  return lastDocumentDay.day;
}

function readDocumentDay(d: string): DocDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A malformed month or day still gives the year; limits then count from 1 January.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y, month) ? { y, m: month, d: day } : { y, m: 1, d: 1 };
}

const R_WINDOW_CLOSE = sticky(`${SP}[)\\]]`);

/**
 * A limit resolved: the explicit window when one is written in parentheses (在未來十年
 * (2023-24 至 2032-33 年度)), else counted from its stated year (2012年起5年内), else from
 * the document date; without a document date it needs one, like 年底前.
 */
function resolveLimit(s: string, limit: Limit, doc: DocDate | null): { end: number; resolved: Resolved; absolute: boolean } {
  if (limit.windowAt !== null) {
    const window = parseHit(s, limit.windowAt);
    if (window && at(R_WINDOW_CLOSE, s, window.end)) {
      const resolved = resolveHit(window, doc?.y ?? null);
      const absolute = window.from.year?.kind === 'abs' || window.to?.year?.kind === 'abs';
      if (resolved.ok) return { end: R_WINDOW_CLOSE.lastIndex, resolved, absolute };
    }
  }
  if (limit.anchorYear !== null) {
    const value = limitInterval({ y: limit.anchorYear, m: 1, d: 1 }, limit.months);
    return { end: limit.end, resolved: { ok: true, value: { kind: 'range', ...value } }, absolute: true };
  }
  if (doc === null) return { end: limit.end, resolved: { ok: false, reason: 'needs-year' }, absolute: false };
  return { end: limit.end, resolved: { ok: true, value: { kind: 'range', ...limitInterval(doc, limit.months) } }, absolute: false };
}

/** A weak hit (a year alone, a month) with a word before it that makes it a deadline. */
function weakHitIntroduced(s: string, hit: Hit): boolean {
  const before = s.slice(Math.max(0, hit.start - 16), hit.start);
  if (PREFIX_BEFORE_RE.test(before)) return true;
  if (!R_AT_PREFIX.test(before)) return false;
  let p = hit.end;
  while (p < s.length && (s[p] === ' ' || s[p] === '\t')) p++;
  return p >= s.length || !NOT_AT_YEAR_AFTER.has(s.charAt(p));
}

/**
 * Hits in `s` (normalized). 'text' mode keeps only confident hits and drops invalid ones
 * (a relative hit without a document date stays, unresolved: it is still a deadline);
 * 'field' mode (inside a deadline field value) keeps every hit.
 */
function scan(s: string, doc: DocDate | null, mode: 'text' | 'field'): ScanHit[] {
  const out: ScanHit[] = [];
  const docYear = doc?.y ?? null;
  // The shared global pattern, restarted: nothing called from this loop scans again.
  const re = CANDIDATE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const i = m.index;
    const limit = parseLimit(s, i);
    if (limit) {
      const { end, resolved, absolute } = resolveLimit(s, limit, doc);
      re.lastIndex = end;
      if (mode === 'text' && !resolved.ok && resolved.reason === 'invalid') continue;
      out.push({ start: i, end, resolved, absolute });
      continue;
    }
    const hit = parseHit(s, i);
    if (!hit) {
      re.lastIndex = i + 1;
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
    if (strength === 1 && !weakHitIntroduced(s, hit)) continue;
    // 每年6月底前 / 每月 …: a recurring date, not a deadline.
    if (hit.from.year === null && /每[年月]?[ \t]*$/.test(s.slice(Math.max(0, i - 3), i))) continue;
    out.push({ start: hit.start, end: hit.end, resolved, absolute });
  }
  return out;
}

function trimBounds(s: string, start: number, end: number): [number, number] {
  let lo = start;
  let hi = end;
  while (lo < hi && TRIM_CHARS.has(s.charAt(lo))) lo++;
  while (hi > lo && TRIM_CHARS.has(s.charAt(hi - 1))) hi--;
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
  const s = normalize(text);
  const doc = documentDay(options);
  const docYear = doc?.y ?? null;
  const [lo, hi] = trimBounds(s, 0, s.length);
  if (lo >= hi) return { ok: false, reason: 'empty' };

  // 1. The whole value is one expression (after leading prepositions), or one time limit
  //    (5年内, within five years: tried before a leading "within" is dropped).
  let p = lo;
  for (;;) {
    const limit = parseLimit(s, p);
    if (limit) {
      const { end, resolved } = resolveLimit(s, limit, doc);
      if (trimBounds(s, end, hi)[0] >= hi) {
        if (resolved.ok) return { ok: true, value: resolved.value, span: { start: p, end } };
        return { ok: false, reason: resolved.reason === 'invalid' ? 'unreadable' : 'needs-year' };
      }
    }
    if (!(at(R_FIELD_PREFIX, s, p) && R_FIELD_PREFIX.lastIndex > p && R_FIELD_PREFIX.lastIndex < hi)) break;
    p = R_FIELD_PREFIX.lastIndex;
  }
  const whole = parseHit(s, p);
  if (whole && trimBounds(s, whole.end, hi)[0] >= hi) {
    const resolved = resolveHit(whole, docYear);
    if (resolved.ok) return { ok: true, value: resolved.value, span: { start: whole.start, end: whole.end } };
    return { ok: false, reason: resolved.reason === 'invalid' ? 'unreadable' : 'needs-year' };
  }

  const value = s.slice(lo, hi);
  // 2. Ongoing commitments: 长期坚持, 持续推进, ongoing …
  if (R_ONGOING_WHOLE.test(value)) return { ok: true, value: { kind: 'ongoing' }, span: { start: lo, end: hi } };

  // 3. Dates inside a longer value.
  const hits = scan(value, doc, 'field').map((h) => ({ ...h, start: h.start + lo, end: h.end + lo }));
  const good = hits.filter((h) => h.resolved.ok);
  const recurring = R_RECURRING_LEAD.test(value);
  if (good.length > 0 && !(recurring && !good.some((h) => h.absolute))) {
    let start = '';
    let end = '';
    for (const h of good) {
      if (h.resolved.ok && h.resolved.value.kind === 'range') {
        if (start === '' || h.resolved.value.start < start) start = h.resolved.value.start;
        if (end === '' || h.resolved.value.end > end) end = h.resolved.value.end;
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
  if (hits.some((h) => !h.resolved.ok && h.resolved.reason === 'invalid')) return { ok: false, reason: 'unreadable' };
  if (hits.some((h) => !h.resolved.ok && h.resolved.reason === 'needs-year')) return { ok: false, reason: 'needs-year' };
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
  for (const h of scan(normalize(text), documentDay(options), 'text')) {
    if (h.resolved.ok) out.push({ start: h.start, end: h.end, value: h.resolved.value, problem: null });
    else if (h.resolved.reason === 'needs-year') out.push({ start: h.start, end: h.end, value: null, problem: 'needs-year' });
  }
  return out;
}

/**
 * Vague time words that are not deadlines: 尽快, 适时, 及时, 近期, 逐步, 另行通知,
 * 另行确定, 视情况, 择机, 早日, 抓紧 (also 尽早, 另行安排, 择时, 待定) and traditional
 * forms (盡快, 適時, 另行確定 …); English: as soon as possible, ASAP, in due course,
 * (in a) timely (manner), soon, when/as appropriate, to be determined, TBD.
 * `word` is the text as written.
 */
export function findVagueTimeWords(text: string): Array<{ start: number; end: number; word: string }> {
  const s = normalize(text);
  const re = VAGUE_RE;
  re.lastIndex = 0;
  const out: Array<{ start: number; end: number; word: string }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, word: text.slice(m.index, end) });
  }
  return out;
}

const R_ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToUtc(d: string): number {
  const m = R_ISO_ONLY.exec(d.trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y, mo - 1, day);
}

/** Days between two ISO dates (b - a); NaN when either is not a valid YYYY-MM-DD date. */
export function daysBetween(a: string, b: string): number {
  const ta = isoToUtc(a);
  const tb = isoToUtc(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return NaN;
  return Math.round((tb - ta) / 86_400_000);
}
