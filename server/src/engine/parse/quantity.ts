/**
 * Measurable targets stated in a measure's text: a number with a unit, a percentage, a
 * count, a quota or a count with a frequency (新增学位1.2万个, 覆盖率达到95%, 中心城区10分钟
 * 医疗急救圈, 三支队伍, 一村两名, 每年至少一次, at least once per year, one drill annually).
 * Years and dates are removed by the caller (deadline spans) before this runs; the caller
 * also passes simplified script (length-preserving), so 一村兩名 arrives as 一村两名.
 *
 * A number that is part of a name is not a target:
 * - inside a short quotation or a title (“16819”健康行动, “双一流”, 「新十条」, 《…2023年…》);
 *   a quoted sentence (with ，/；) is a quoted target and still counts;
 * - an ordinal (第四届, 第3个);
 * - a count followed by 大 (十大行动, 六大人才行动计划) — never matched, 大 is not a measure word;
 * - a number glued to a noun without a measure word (121人才梯队, 3＋N);
 * - a slogan: a count whose measure word is followed by a verb, an adjective or a principle
 *   rather than by the things delivered (四个到位, 两个维护, 三个代表 vs 新建3所学校, 三支队伍).
 * Quotas are targets even inside quotation marks (“一村两名或多名大学生村官”).
 */
import type { Span } from '../types';

const ARABIC_UNITS = [
  '个百分点',
  '人次',
  '分钟',
  '小时',
  '平方公里',
  '平方米',
  '公里',
  '千米',
  '万元',
  '亿元',
  '万人',
  '万个',
  '万户',
  '万平方米',
  '%',
  '％',
  '‰',
  '个',
  '家',
  '所',
  '人',
  '次',
  '天',
  '日',
  '周',
  '月',
  '米',
  '亩',
  '张',
  '台',
  '套',
  '项',
  '条',
  '处',
  '名',
  '座',
  '支',
  '户',
  '元',
  '床',
  '辆',
  '吨',
  '倍',
  '件',
  '场',
  '类',
  '间',
  '栋',
  '部',
  '份',
  '篇',
  '公顷',
  '万',
  '亿',
  '個',
  '萬',
  '億',
  '項',
  '條',
  '處',
  '張',
  '臺',
  '輛',
  '噸',
  '間',
  '場',
  '類',
  '戶',
  '場',
  '鐘',
  '時',
  '公頃',
  'percent',
  'minutes',
  'minute',
  'hours',
  'days',
  'beds',
  'units',
  'people',
  'km',
];

const UNIT_ALTERNATION = ARABIC_UNITS.sort((a, b) => b.length - a.length)
  .map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/**
 * A measure word and the next character forming a noun: the number before it names
 * something (121人才梯队, 3部门联合) instead of counting it (10个项目 still counts).
 */
const UNIT_STARTS_NOUN = new Set(['人才', '人员', '人民', '人口', '名单', '名称', '名录', '条件', '条例', '部门', '类型', '项目', '场所', '场景', '处理', '处置', '台账', '户籍', '次方', '件事']);

/**
 * Arabic numbers with a unit, or comparison targets (≥95, 不低于90). A number starts after a
 * non-digit and spaces are bounded, so a long run of digits or spaces is read once (linear).
 */
const ARABIC = new RegExp(
  `(?:[≥≤><]|不低于|不少于|不高于|不超过|达到|控制在|at least|no less than)?\\s{0,3}(?<![\\d.．])\\d{1,15}(?:[.．]\\d{1,6})?\\s{0,3}(?:${UNIT_ALTERNATION})|[≥≤]\\s{0,3}\\d{1,15}(?:\\.\\d{1,6})?`,
  'giu',
);

/**
 * Chinese numerals (two or more) counting things: 三支队伍, 五个中心, 两名. 一 alone reads as "a".
 * Not 级: a numeral before it names a grade or a scope (二级以上医院, 市县两级), not things delivered.
 * Bounded, and starting only at the first numeral of a run, so a run is read once.
 */
const CHINESE_COUNT = new RegExp(`(?<![二两三四五六七八九十百千万])[二两三四五六七八九十百千][一二两三四五六七八九十百千万]{0,8}\\s{0,2}(?:个|家|所|支|项|座|条|类|张|名|個|項|條|類|張)`, 'gu');

/**
 * Per-unit quotas and counts with a frequency: 一村两名, 一村一名, 每个社区配备一名, 每校2名,
 * 每年至少一次, 每季度一次. 一 here is a real "one": it is paired with a second count.
 */
const CHINESE_QUOTA = /(?:每|一)个?[\u4e00-\u9fff]{1,3}?(?:至少|不少于|配备|配齐|选派|选聘|设立|设置|安排|开展|组织)?(?:[一二两三四五六七八九十]|\d{1,4})(?:名|个|人|所|家|支|座|处|次|台|辆|张|套|户|项|场)/gu;

/** Words before 一 that make it part of another word (统一, 唯一, 进一步, 第一). */
const NOT_QUOTA_ONE_PREV = new Set([...'统同唯进第万之专单逐划其任']);

const EN_NUMBER_WORD = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred';
const EN_FREQUENCY = '(?:annually|quarterly|monthly|weekly|biannually|semi-annually|(?:per|each|every|a|an)\\s+(?:year|quarter|month|week|fiscal\\s+year))';

/** English counts: a number followed, within three words, by a plural noun (20 ambulance stations, two drills). */
const ENGLISH_COUNT = new RegExp(`\\b(?:\\d+(?:[.,]\\d+)?|(?:${EN_NUMBER_WORD.replace('one|', '')}))\\s+(?:[A-Za-z-]+\\s+){0,2}[A-Za-z]+s\\b`, 'giu');

/** English frequencies: at least once per year, twice a year, 4 times per year. */
const ENGLISH_FREQUENCY = new RegExp(`\\b(?:at\\s+least\\s+|no\\s+less\\s+than\\s+)?(?:once|twice|(?:\\d+|${EN_NUMBER_WORD})\\s+times)\\s+${EN_FREQUENCY}`, 'giu');

/** A count of things with a frequency: Conduct one citywide emergency management drill annually. */
const ENGLISH_COUNT_FREQUENCY = new RegExp(`\\b(?:\\d+|${EN_NUMBER_WORD})\\s+(?:[A-Za-z-]+\\s+){0,4}[A-Za-z-]+\\s+${EN_FREQUENCY}\\b`, 'giu');

/** Plural time nouns after a spelled-out number: for three years is a length, not a target. */
const EN_TIME_PLURAL = /\s(?:years|months|weeks|days|decades)$/iu;
/** A year heading a proper name: the 2023 Winter Storms, 2020 Census Tracts (2000 households still counts). */
const EN_YEAR_NAME = /^(?:19|20)\d{2}\s+[A-Z][A-Za-z-]*\s/u;

/**
 * After a measure word, words that make a count a slogan (四个到位, 两个维护, 三个代表,
 * 四个全面, 两个一百年, 一个中心两个基本点) rather than things delivered.
 */
const SLOGAN_AFTER = /^(?:到位|全面|意识|自信|维护|确保|代表|坚持|必须|务必|有利于|毫不动摇|一百年|一批|转变|优先|看齐|服从|结合|融合|统筹|同步|率先|更加|着力|聚焦|围绕|基本点|原则|方针|理念|精神|要求)/u;

/** Quotation marks and title marks, opener → closer. */
const QUOTES: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’', '"': '"', '《': '》', '〈': '〉' };
/** A quotation longer than this is not a name (and a stray quote mark cannot swallow the text). */
const MAX_QUOTED_NAME = 24;
const QUOTE_OPEN = /[“「『‘"《〈]/gu;
const MAX_TITLE = 80;

/** Spans of quoted names and titles in `text`; one pass, each lookahead bounded. */
function nameSpans(text: string): Span[] {
  const spans: Span[] = [];
  // Jump from opening mark to opening mark (most text has none) instead of visiting every character.
  QUOTE_OPEN.lastIndex = 0;
  for (let match = QUOTE_OPEN.exec(text); match; match = QUOTE_OPEN.exec(text)) {
    const i = match.index;
    const close = QUOTES[match[0]];
    const title = close === '》' || close === '〉';
    const limit = Math.min(text.length, i + 2 + (title ? MAX_TITLE : MAX_QUOTED_NAME));
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end >= limit) continue;
    // A quoted sentence (“…达到2000名左右，…40%”) is a quoted target, not a name.
    if (title || !/[，,；;。]/u.test(text.slice(i + 1, end))) spans.push({ start: i, end: end + 1 });
    QUOTE_OPEN.lastIndex = end + 1;
  }
  return spans;
}

function inside(spans: Span[], start: number, end: number): boolean {
  return spans.some((span) => start < span.end && end > span.start);
}

/** 第四届, 第3个: an ordinal, not a count. */
function isOrdinal(text: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  return p >= 0 && text[p] === '第';
}

function unitStartsNoun(text: string, end: number): boolean {
  return end > 0 && end < text.length && UNIT_STARTS_NOUN.has(text.charAt(end - 1) + text.charAt(end));
}

/** 3＋N, 1+X: a number in a formula-like name. */
function isFormula(text: string, end: number): boolean {
  return /^\s*[+＋]\s*[A-Za-zＡ-Ｚａ-ｚ]/u.test(text.slice(end, end + 4));
}

interface QuantityPattern {
  pattern: RegExp;
  quota: boolean;
  /** The traits (textTraits) a text must have for the pattern to match at all: a match starts with one of those characters. */
  needs: number;
}

/** Text traits: a Latin letter, an ASCII digit, 每 or 一 (CHINESE_QUOTA starts with one), a numeral CHINESE_COUNT starts with. */
const LATIN = 1;
const DIGIT = 2;
const QUOTA_START = 4;
const COUNT_START = 8;
const ALL_TRAITS = LATIN | DIGIT | QUOTA_START | COUNT_START;

const PATTERNS: QuantityPattern[] = [
  { pattern: CHINESE_QUOTA, quota: true, needs: QUOTA_START },
  { pattern: ENGLISH_FREQUENCY, quota: true, needs: LATIN },
  { pattern: ENGLISH_COUNT_FREQUENCY, quota: true, needs: LATIN },
  // ARABIC needs a digit in both alternatives.
  { pattern: ARABIC, quota: false, needs: DIGIT },
  { pattern: CHINESE_COUNT, quota: false, needs: COUNT_START },
  { pattern: ENGLISH_COUNT, quota: false, needs: LATIN },
];

/** The trait bits of each BMP code unit (0 for most). */
const TRAIT_OF = (() => {
  const table = new Uint8Array(0x10000);
  const mark = (characters: string, trait: number) => {
    for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] |= trait;
  };
  mark('0123456789', DIGIT);
  mark('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', LATIN);
  mark('每一', QUOTA_START);
  // The numerals a CHINESE_COUNT match starts with.
  mark('二两三四五六七八九十百千', COUNT_START);
  return table;
})();

/** Which characters the patterns start with the text holds (LATIN, DIGIT, QUOTA_START, COUNT_START): most Chinese measures pass few. */
function textTraits(text: string): number {
  let traits = 0;
  for (let i = 0; i < text.length && traits !== ALL_TRAITS; i++) traits |= TRAIT_OF[text.charCodeAt(i)];
  return traits;
}

const YEAR_MATCH = /^\d{4}\s*[年]/u;
const LEADING_DIGIT = /^\d/u;

export function findQuantities(text: string, offset: number, exclude: readonly Span[]): Span[] {
  const found: Span[] = [];
  let names: Span[] | null = null;
  const traits = textTraits(text);
  // exec on the shared patterns (lastIndex reset) rather than matchAll, which clones each
  // pattern per call: this runs for every measure.
  for (const { pattern, quota, needs } of PATTERNS) {
    if ((traits & needs) === 0) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const matched = match[0];
      const start = match.index;
      const end = start + matched.length;
      // A four-digit number followed by 年 is a year, not a quantity (2020年 is excluded upstream,
      // but 2020年 inside a vague range like 2020年前后 may remain).
      if (YEAR_MATCH.test(matched)) continue;
      if (overlaps(exclude, start + offset, end + offset)) continue;
      if (quota && matched.startsWith('一') && NOT_QUOTA_ONE_PREV.has(text.charAt(start - 1))) continue;
      if (!quota && inside((names ??= nameSpans(text)), start, end)) continue;
      if (isOrdinal(text, start) || isFormula(text, end) || unitStartsNoun(text, end) || SLOGAN_AFTER.test(text.slice(end, end + 4))) continue;
      if (pattern === ENGLISH_COUNT && !LEADING_DIGIT.test(matched) && EN_TIME_PLURAL.test(matched)) continue;
      if (pattern === ENGLISH_COUNT && EN_YEAR_NAME.test(matched)) continue;
      found.push({ start: offset + start, end: offset + end });
    }
  }
  return found.length > 1 ? mergeOverlapping(found) : found;
}

/** Does [start, end) overlap one of the spans (document offsets)? */
function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  for (const span of spans) if (start < span.end && end > span.start) return true;
  return false;
}

/** Sorted, with a span that overlaps an earlier one dropped (一村两名 is one quota, not two hits). */
function mergeOverlapping(spans: Span[]): Span[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    out.push(span);
  }
  return out;
}
