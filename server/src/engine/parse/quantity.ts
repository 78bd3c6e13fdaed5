/**
 * Measurable targets stated in a measure's text: a number with a unit, a percentage or a
 * count (新增学位1.2万个, 覆盖率达到95%, 中心城区10分钟医疗急救圈, 三支队伍).
 * Years and dates are removed by the caller (deadline spans) before this runs.
 */
import type { Span } from '../types';

const ARABIC_UNITS = [
  '个百分点', '人次', '分钟', '小时', '平方公里', '平方米', '公里', '千米', '万元', '亿元', '万人', '万个', '万户', '万平方米',
  '%', '％', '‰', '个', '家', '所', '人', '次', '天', '日', '周', '月', '米', '亩', '张', '台', '套', '项', '条', '处',
  '名', '座', '支', '户', '元', '床', '辆', '吨', '倍', '件', '场', '类', '间', '栋', '部', '份', '篇', '公顷', '万', '亿',
  '個', '萬', '億', '項', '條', '處', '張', '臺', '輛', '噸', '間', '場', '類', '戶', '場', '鐘', '時', '公頃',
  'percent', 'minutes', 'minute', 'hours', 'days', 'beds', 'units', 'people', 'km',
];

const UNIT_ALTERNATION = ARABIC_UNITS.sort((a, b) => b.length - a.length)
  .map((unit) => unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/** Arabic numbers with a unit, or comparison targets (≥95, 不低于90). */
const ARABIC = new RegExp(
  `(?:[≥≤><]|不低于|不少于|不高于|不超过|达到|控制在|at least|no less than)?\\s*\\d+(?:[.．]\\d+)?\\s*(?:${UNIT_ALTERNATION})|[≥≤]\\s*\\d+(?:\\.\\d+)?`,
  'giu',
);

/** Chinese numerals (two or more) counting things: 三支队伍, 五个中心. 一 alone reads as "a". */
const CHINESE_COUNT = /[二两三四五六七八九十百千][一二两三四五六七八九十百千万]*\s*(?:个|家|所|支|项|座|条|类|级|张|個|項|條|類|張)/gu;

/** English counts: a number followed, within three words, by a plural noun (20 ambulance stations). */
const ENGLISH_COUNT = /\b\d+(?:[.,]\d+)?\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z]+s\b/gu;

export function findQuantities(text: string, offset: number, exclude: Span[]): Span[] {
  const found: Span[] = [];
  const overlapsExcluded = (start: number, end: number) =>
    exclude.some((span) => start < span.end - offset && end > span.start - offset);
  for (const pattern of [ARABIC, CHINESE_COUNT, ENGLISH_COUNT]) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      // A four-digit number followed by 年 is a year, not a quantity (2020年 is excluded upstream,
      // but 2020年 inside a vague range like 2020年前后 may remain).
      if (/^\d{4}\s*[年]/u.test(match[0])) continue;
      if (overlapsExcluded(start, end)) continue;
      found.push({ start: offset + start, end: offset + end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
