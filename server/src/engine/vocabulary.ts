/**
 * The vocabulary every part of Five Nets reads — vague owners, vague targets, placeholders —
 * and the one test of each (the vague-owner rule, completion and the report ask the same
 * functions, so they cannot disagree). Field labels live in labels.ts, net names in the
 * schemas. Vague words the rules look for. Traditional forms are matched because texts are
 * simplified (length-preserving, see script.ts) before these scans.
 */

import { lowerSameLength } from './casefold';
import { simplify } from './script';

/** Owners that name nobody: 有关部门, relevant departments. Longest first. */
export const VAGUE_OWNERS = ['各有关单位', '各有关部门', '各相关单位', '各相关部门', '有关部门', '相关部门', '有关单位', '相关单位', '有关方面', '相关方面', '各有关方面', '有关责任单位', '相关责任单位'].sort(
  (a, b) => b.length - a.length,
);

export const VAGUE_OWNERS_EN = ['relevant departments', 'relevant authorities', 'relevant units', 'related departments', 'related units', 'concerned departments', 'departments concerned', 'all departments'];

/** Targets with no quantity: 进一步提升, 力争, 明显改善. */
export const VAGUE_METRICS = [
  '进一步提升',
  '进一步提高',
  '进一步加强',
  '进一步完善',
  '进一步优化',
  '进一步改善',
  '进一步增强',
  '进一步扩大',
  '明显改善',
  '明显提升',
  '明显提高',
  '显著提升',
  '显著提高',
  '显著改善',
  '大幅提升',
  '大幅提高',
  '有效提升',
  '不断提升',
  '不断提高',
  '不断完善',
  '持续提升',
  '稳步提升',
  '力争',
  '努力',
  '逐步提高',
  '全面提升',
].sort((a, b) => b.length - a.length);

export const VAGUE_METRICS_EN = ['further improve', 'further enhance', 'significantly improve', 'substantially improve', 'strive to', 'continuously improve'];

/** Placeholders a template leaves for a person to fill. */
export const PLACEHOLDER_PATTERN = /【\s*(?:待填写|待填寫|待定|待补充|待補充|TBD|TODO)\s*】|\[\s*(?:TBD|TODO|to be filled)\s*\]|\b(?:TBD|TODO|FIXME)\b|待填写|待填寫|X{2,}|×{2,}|〇〇〇|某某/gu;

/**
 * Where vague owner words (有关部门, relevant departments) occur in a unit list, as offsets into
 * it: the simplified script for Chinese (length-preserving), case-folded for English, longest
 * words first and never two hits on one place.
 */
export function vagueOwnerHits(value: string): Array<{ index: number; length: number }> {
  const simplified = simplify(value);
  const hits: Array<{ index: number; length: number }> = [];
  for (const word of VAGUE_OWNERS) {
    let index = simplified.indexOf(word);
    while (index >= 0) {
      if (!overlapsHit(hits, index, word.length)) hits.push({ index, length: word.length });
      index = simplified.indexOf(word, index + word.length);
    }
  }
  // The English words are ASCII letters: a value with none (most Chinese owners) is not folded.
  if (!/[A-Za-z]/u.test(value)) return hits;
  const lower = lowerSameLength(value);
  for (const word of VAGUE_OWNERS_EN) {
    const index = lower.indexOf(word);
    if (index >= 0 && !overlapsHit(hits, index, word.length)) hits.push({ index, length: word.length });
  }
  return hits;
}

function overlapsHit(hits: ReadonlyArray<{ index: number; length: number }>, index: number, length: number): boolean {
  for (const hit of hits) if (index < hit.index + hit.length && hit.index < index + length) return true;
  return false;
}

/** Does this owner name nobody in particular (有关部门, relevant departments)? */
export function isVagueOwner(name: string): boolean {
  return vagueOwnerHits(name).length > 0;
}

const PLACEHOLDER_TEST = new RegExp(PLACEHOLDER_PATTERN.source, 'u');

/** Does the text hold a template placeholder (【待填写】, TBD) anywhere? */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER_TEST.test(text);
}

/** Is a value nothing but template placeholders (a required field a template left unfilled)? */
export function isPlaceholder(value: string): boolean {
  // Most values hold no placeholder at all: a test, before the replace and trims that allocate.
  if (!PLACEHOLDER_TEST.test(value)) return false;
  return value.replace(PLACEHOLDER_PATTERN, '').trim().length === 0 && value.trim().length > 0;
}
