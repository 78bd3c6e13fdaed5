/** Matching headings to the schema's nets, in any script, and spotting misspelled nets. */
import type { PolicySchema } from '../schema';
import type { Span } from '../types';
import { simplify } from '../script';
import { lowerSameLength } from '../casefold';

interface Needle {
  netId: string;
  text: string;
}

export interface NetMatch {
  netId: string;
  nameSpan: Span;
}

export interface NetLike {
  name: string;
  nameSpan: Span;
  closest: { netId: string; name: string } | null;
}

const matchers = new WeakMap<PolicySchema, Needle[]>();

function needlesOf(schema: PolicySchema): Needle[] {
  let needles = matchers.get(schema);
  if (!needles) {
    const list: Needle[] = [];
    for (const net of schema.nets) {
      const names = [net.names['zh-Hans'], net.names['zh-Hant'], net.names.en, ...net.aliases];
      for (const name of names) {
        if (name) list.push({ netId: net.id, text: simplify(name).toLowerCase() });
      }
    }
    needles = list.sort((a, b) => b.text.length - a.text.length);
    matchers.set(schema, needles);
  }
  return needles;
}

/** Find a net named in a heading's text. `offset` is where `headingText` starts in the document. */
export function matchNet(headingText: string, offset: number, schema: PolicySchema): NetMatch | null {
  const haystack = lowerSameLength(simplify(headingText)); // indexes are offsets into the heading
  for (const needle of needlesOf(schema)) {
    const index = haystack.indexOf(needle.text);
    if (index >= 0) return { netId: needle.netId, nameSpan: { start: offset + index, end: offset + index + needle.text.length } };
  }
  return null;
}

const LEADING_NOISE = /^[\s#]*(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]?\s*)?(?:织密|织牢|织好|织紧|织实|构建|健全|完善|打造|筑牢|织密织牢)?/u;
const TRAILING_NOISE = /[\s：:。，,]*$/u;

/** Edit distance, for the closest-name suggestion (names are a few characters long). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = saved;
    }
  }
  return previous[b.length];
}

/**
 * A heading that reads like a net (ends in 网/網 or "Net") but matches none: 公共卫生防控网.
 * Returns the closest schema name when it is near enough to be a misspelling.
 */
export function matchNetLike(headingText: string, offset: number, schema: PolicySchema): NetLike | null {
  const simplified = simplify(headingText);
  const lead = LEADING_NOISE.exec(simplified)?.[0].length ?? 0;
  const trail = TRAILING_NOISE.exec(simplified.slice(lead))?.[0].length ?? 0;
  const core = simplified.slice(lead, simplified.length - trail);
  const isChinese = /网$/u.test(core) && core.length >= 4 && /^[\u4e00-\u9fff]+$/u.test(core);
  const isEnglish = /\bnet(?:work)?$/iu.test(core) && core.split(/\s+/u).length >= 3;
  if (!isChinese && !isEnglish) return null;
  if (core.includes(simplify(schema.name['zh-Hans'])) || core.toLowerCase().includes(schema.name.en.toLowerCase())) return null;

  let closest: NetLike['closest'] = null;
  let best = Infinity;
  for (const net of schema.nets) {
    const candidates = isChinese ? [net.names['zh-Hans'], ...net.aliases.filter((alias) => /[\u4e00-\u9fff]/u.test(alias))] : [net.names.en];
    for (const candidate of candidates) {
      const distance = editDistance(isChinese ? core : core.toLowerCase(), isChinese ? simplify(candidate) : candidate.toLowerCase());
      if (distance < best) {
        best = distance;
        closest = { netId: net.id, name: isChinese ? net.names['zh-Hans'] : net.names.en };
      }
    }
  }
  const limit = Math.max(2, Math.floor(core.length * 0.34));
  return {
    name: headingText.slice(lead, simplified.length - trail),
    nameSpan: { start: offset + lead, end: offset + simplified.length - trail },
    closest: best <= limit ? closest : null,
  };
}
