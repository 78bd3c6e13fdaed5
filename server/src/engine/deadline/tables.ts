/**
 * The deadline grammar's tables: the length-preserving normalization, and the sticky
 * regexes and word lists the grammar (grammar.ts) and the scanner (index.ts) read, compiled
 * once at module load.
 */
import type { TextSource } from '../text-source';
import { CN_SMALL, SP, YEAR4, sticky } from './lexicon';
import { simplifyChars, traditionalUnitTable } from '../script';

const DASHES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2212': '-',
  '\u301c': '~',
  '\u25ef': '〇',
  '\u3000': ' ',
};

/** The code unit each full-width character or dash normalizes to (0: unchanged). */
const WIDTH_TABLE = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  for (const [from, to] of Object.entries(DASHES)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
})();

/**
 * Full-width ASCII and dashes to ASCII. Chinese punctuation (，（）：) is full-width, so nearly
 * every text has some: unchanged runs are sliced (measured faster than a regex replace with a
 * callback per match, a code-unit array decoded back, or fromCharCode over the array).
 */
function narrow(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const mapped = WIDTH_TABLE[text.charCodeAt(i)];
    if (mapped !== 0) {
      out += text.slice(last, i) + String.fromCharCode(mapped);
      last = i + 1;
    }
  }
  return last === 0 ? text : out + text.slice(last);
}

/** Per BMP code unit: 1 traditional (simplifyChars changes it), 2 full-width or a dash (narrow does). */
let unitKinds: Uint8Array | null = null;

function normalizationTable(): Uint8Array {
  if (!unitKinds) {
    unitKinds = Uint8Array.from(traditionalUnitTable());
    for (let code = 0; code < WIDTH_TABLE.length; code++) if (WIDTH_TABLE[code] !== 0) unitKinds[code] = 2;
    // A high surrogate: an astral character, which simplifyChars checks.
    for (let code = 0xd800; code <= 0xdbff; code++) unitKinds[code] = 1;
  }
  return unitKinds;
}

/**
 * Per BMP code unit: 1 when the unit, normalized, is one of `first` (the characters a
 * pattern's matches can start with), or when its normalization depends on the text around it
 * (traditional characters, which OpenCC converts by phrase; surrogates). A text with no such
 * unit cannot match: it need not be normalized or scanned (see mayMatch).
 */
export function startTable(first: string): Uint8Array {
  const kinds = normalizationTable();
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (kinds[code] === 1) table[code] = 1;
  for (let code = 0xdc00; code <= 0xdfff; code++) table[code] = 1;
  for (let index = 0; index < first.length; index++) table[first.charCodeAt(index)] = 1;
  // Full-width forms and dashes that normalize to one of them.
  for (let code = 0; code < WIDTH_TABLE.length; code++) if (WIDTH_TABLE[code] !== 0 && first.includes(String.fromCharCode(WIDTH_TABLE[code]))) table[code] = 1;
  return table;
}

/** Can a pattern with this start table (startTable) match in text[start, end)? One lookup per code unit, no copy. */
export function mayMatch(text: TextSource, table: Uint8Array, start = 0, end = text.length): boolean {
  for (let index = start; index < end; index++) if (table[text.charCodeAt(index)] === 1) return true;
  return false;
}

/**
 * Same length as the input, so offsets carry over unchanged: traditional characters to
 * simplified (the engine's OpenCC conversion, one character for one), full-width digits and
 * letters to ASCII, dashes and the ideographic space to ASCII. One table lookup per code
 * unit decides what is needed: most lines need nothing.
 */
export function normalize(text: string): string {
  const kinds = normalizationTable();
  let needs = 0;
  for (let index = 0; index < text.length && needs !== 3; index++) needs |= kinds[text.charCodeAt(index)];
  let normalized = needs & 1 ? simplifyChars(text) : text;
  if (needs & 2) normalized = narrow(normalized);
  return normalized;
}

const MONTHS_EN = 'january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
export const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// Numeric dates
export const R_ISO_DAY = sticky(`(${YEAR4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![0-9])`);
export const R_ISO_MONTH = sticky(`(${YEAR4})([-/.])(\\d{1,2})(?![0-9])`);
/** A fiscal year written over two calendar years: 2023-24, 2032-33 年度, 2023/24. */
export const R_FISCAL_YEAR = sticky(`(${YEAR4})${SP}[-/]${SP}(\\d{2})(?![0-9])(${SP}年度)?`);
// Years
export const R_NUM_YEAR_CN = sticky(`(${YEAR4})${SP}年度?`);
export const R_HAN_YEAR = sticky(`((?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})${SP}年度?`);
export const R_NUM_YEAR_QH = sticky(`(${YEAR4})${SP}[-/]?${SP}(?:[Qq]([0-9])|[Hh]([0-9]))(?![0-9A-Za-z])`);
export const R_NUM_YEAR_BARE = sticky(`(${YEAR4})(?![0-9])`);
export const R_REL_YEAR = sticky('(今年度|本年度|明年度|上年度|今年|本年|当年|明年|去年|上年)');
export const REL_OFFSET: Record<string, number> = {
  今年度: 0,
  本年度: 0,
  今年: 0,
  本年: 0,
  当年: 0,
  明年度: 1,
  明年: 1,
  上年度: -1,
  去年: -1,
  上年: -1,
};
// After a year
export const R_Y_END = sticky(`${SP}年?(?:底|末)`);
export const R_Y_EXTRA_YEAR = sticky(`${SP}年(?=(?:之|以)?内)`);
export const R_HALF = sticky(`${SP}(上|下)半年`);
export const R_QUARTER = sticky(`${SP}第?([一二三四五六七八九0-9])${SP}季度(底|末)?`);
export const R_QUARTER_Q = sticky(`${SP}[Qq]([0-9])(?![0-9A-Za-z])`);
export const R_MONTH = sticky(`${SP}(\\d{1,2}|${CN_SMALL})${SP}月份?`);
export const R_DAY = sticky(`${SP}(\\d{1,2}|${CN_SMALL})${SP}[日号]`);
export const R_XUN = sticky(`${SP}(上|中|下)旬`);
export const R_MONTH_END = sticky(`${SP}(?:底|末)`);
// Bare 年底 / 年末 / 年内 / 年度内 (year of the document)
export const R_BARE_YEAR = sticky('年度?(?:(底|末)|(?=(?:之|以)?内))');
// Trailing qualifiers
export const R_TRAIL = sticky(`${SP}(?:或|及)?(之前|以前|前|为止|之内|以内|内)`);
// Range connectors
export const R_CONNECTOR = sticky(`(?:${SP}(?:至|到|——|—|–|―|-|~)${SP}|[ \\t]+(?:to|through|thru|until|till)[ \\t]+)`, 'i');
// English
export const R_EN_MDY = sticky(`(${MONTHS_EN})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![0-9])${SP},?${SP}(${YEAR4})(?![0-9])`, 'i');
export const R_EN_MY = sticky(`(${MONTHS_EN})\\.?,?[ \\t]+(?:of[ \\t]+)?(${YEAR4})(?![0-9])`, 'i');
export const R_EN_MD = sticky(`(${MONTHS_EN})\\.?[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?(?![0-9A-Za-z])`, 'i');
export const R_EN_M = sticky(`(${MONTHS_EN})(?![A-Za-z])\\.?`, 'i');
export const R_EN_DMY = sticky(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MONTHS_EN})\\.?,?[ \\t]+(${YEAR4})(?![0-9])`, 'i');
export const R_EN_DM = sticky(`(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(${MONTHS_EN})(?![A-Za-z])\\.?`, 'i');
export const R_EN_QH = sticky(`(?:q([0-9])|h([0-9]))${SP}(?:[-/,]${SP}|of[ \\t]+)?(?:fy${SP})?(${YEAR4})(?![0-9])`, 'i');
export const R_EN_ORD = sticky(
  `(first|second|third|fourth|1st|2nd|3rd|4th)[ \\t]+(quarter|half)[ \\t]+(?:of[ \\t]+)?(?:the[ \\t]+)?(?:(?:fiscal[ \\t]+)?year[ \\t]+)?(?:(${YEAR4})(?![0-9])|(this|next)[ \\t]+year(?![A-Za-z]))`,
  'i',
);
export const ORDINAL: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
};
export const R_EN_END = sticky('(?:the[ \\t]+)?end(?:[ \\t]+of(?:[ \\t]+the)?[ \\t]+|[ \\t]*-[ \\t]*|[ \\t]+)', 'i');
export const R_EN_YEAR_WORD = sticky('(?:(this|next)[ \\t]+)?year(?![A-Za-z])', 'i');
export const R_EN_YEAR_END = sticky(`year${SP}-?${SP}end(?![A-Za-z])(?:[ \\t]+(${YEAR4})(?![0-9]))?`, 'i');
export const R_EN_REL_YEAR = sticky('(this|next)[ \\t]+year(?![A-Za-z])', 'i');

/** Where a hit may start. English alternatives only at word starts. */
export const CANDIDATE_RE =
  /[0-9〇○零一二三四五六七八九十今本当明去上下年第两半未往此]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|h[12]|end|first|second|third|fourth|this|next|the|year|within|in|over|during)/gi;
const LATIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The characters a CANDIDATE_RE match starts with (test/engine/deadline-prefilter.test.ts holds the two together). */
export const CANDIDATE_FIRST = `0123456789〇○零一二三四五六七八九十今本当明去上下年第两半未往此${LATIN_LETTERS}`;

/** Text before a weak hit that makes it a deadline (到2025年, by 2021, within 2024). */
export const PREFIX_BEFORE_RE = /(?:到|至|截至|截止|最迟|最晚|不晚于|不迟于|力争|争取|(?:^|[^A-Za-z])(?:by|before|until|till|through|within|during|no[ \t]+later[ \t]+than|not[ \t]+later[ \t]+than))[ \t]*$/i;
/**
 * 于/在 right before a weak hit (于2023年完成, 於 2023 年, 在2024年或之前) also make it a
 * deadline, but not inside 关于, 对于, 由于, 现在, 存在 … nor when the year is followed by
 * words of a starting point or a comparison (在2023年的基础上, 于2021年起施行).
 */
export const R_AT_PREFIX = /(?:^|[^关对由属位等基高低大小多少鉴处至终现存正所实自内外好])[于在][ \t]*$/;
export const NOT_AT_YEAR_AFTER = new Set([...'的基以起开来后间中初末']);

/** Leading words a field value may start with (于2021年底前, By June 30, 2019). */
export const R_FIELD_PREFIX = sticky(
  '(?:截止到|截止至|截至|截止|最迟于|最迟在|最迟|最晚于|最晚|不晚于|不迟于|力争于|力争在|力争到|力争|争取于|争取在|争取到|争取|计划于|计划在|预计于|预计在|拟于|拟在|于|在|到|至)[ \\t]*|(?:no[ \\t]+later[ \\t]+than|not[ \\t]+later[ \\t]+than|by|before|until|till|due(?:[ \\t]+by)?|in|within|during|on|at|deadline:?|target:?)[ \\t]+',
  'i',
);

export const TRIM_CHARS = new Set([...' \t\r\n\u00a0。；;，,、.!！:：?？']);

const ONGOING_WORD =
  '(?:长期|持续|常态化|长效化?|经常性|常年)(?:坚持|推进|开展|实施|执行|进行|落实|抓好|任务|工作|性任务)?' +
  '|on[ \\t]+an[ \\t]+ongoing[ \\t]+basis|ongoing|continuous(?:ly)?|continuing|continual(?:ly)?|long[- ]?term|permanent(?:ly)?|annually|quarterly|monthly|every[ \\t]+(?:year|quarter|month)';
export const R_ONGOING_WHOLE = new RegExp(`^(?:${ONGOING_WORD})(?:[ \\t]+(?:task|work|basis|effort))?(?:[、，,；;\\s和与及并]+(?:${ONGOING_WORD})(?:[ \\t]+(?:task|work|basis|effort))?)*$`, 'i');
export const R_ONGOING_LEAD = /^(?:长期|持续|常态化|长效|常年|ongoing|continuous|continuing|long[- ]?term)/i;
export const R_RECURRING_LEAD = /^(?:每年|每季度|每半年|每月|定期|annually|quarterly|monthly|every[ \t]+(?:year|quarter|month))/i;

/** The characters a VAGUE_RE match starts with. */
export const VAGUE_FIRST = `尽适及近逐另视择早抓待${LATIN_LETTERS}`;
export const VAGUE_RE =
  /尽快|尽早|适时|及时|近期|逐步|另行通知|另行确定|另行安排|视情况|择机|择时|早日|抓紧|待定|\b(?:as[ \t]+soon[ \t]+as[ \t]+possible|asap|in[ \t]+due[ \t]+course|in[ \t]+a[ \t]+timely[ \t]+(?:manner|fashion)|timely|soon|when[ \t]+appropriate|as[ \t]+appropriate|at[ \t]+an[ \t]+appropriate[ \t]+time|to[ \t]+be[ \t]+determined|tbd)\b/gi;

/** 前 followed by these is "the first N" (2021年前三季度) or 前期/前后, not "before". */
export const NOT_BEFORE_AFTER = new Set([...'0123456789一二三四五六七八九十两几期后列沿端台']);
/** Characters that make a bare 年内 / 年底 part of another phrase (三年内, 每年底, 近年内). */
export const NOT_BARE_YEAR_PREV = new Set([...'0123456789〇○零一二三四五六七八九十百千万两几多数每近同当今本明去上前后次该全逐历往学财']);
export const CN_NUMERAL_CHARS = new Set([...'〇○零一二三四五六七八九十百千万两几']);
export const REL_YEAR_BAD_PREV = new Set([...'过以基失每']);
