/**
 * Simplified/traditional Chinese handling with opencc-js. Matching works on simplified
 * text: labels, net names and glossary terms are compared after converting the candidate
 * to simplified. OpenCC maps these characters one to one, so offsets are preserved; we
 * check that and fall back to the original text when a conversion changes the length.
 *
 * Only OpenCC's small dictionaries are loaded (traditional -> simplified, and character-level
 * simplified -> traditional): the full simplified -> traditional phrase dictionary is 1 MB
 * and cost over a second at every CLI start.
 */
import type { Locale } from './types';
import { ConverterFactory } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/tw';
import toMainland from 'opencc-js/to/cn';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';

type Convert = (text: string) => string;

let toSimplified: Convert | null = null;
let toTraditional: Convert | null = null;

let traditionalChars: RegExp | null = null;

/** A character class of every character the traditional -> simplified dictionaries change. */
function traditionalCharacters(): RegExp {
  if (!traditionalChars) {
    const keys = new Set<string>();
    for (const dict of [TSCharacters, TWVariantsRev]) {
      for (const entry of dict.split('|')) {
        const key = entry.split(' ')[0];
        for (const ch of key) keys.add(ch);
      }
    }
    const escaped = [...keys].map((ch) => (/[\\\]^-]/u.test(ch) ? `\\${ch}` : ch)).join('');
    traditionalChars = new RegExp(`[${escaped}]`, 'u');
  }
  return traditionalChars;
}

/** Per BMP code unit: converted by the traditional -> simplified dictionaries, and which script uses it alone. */
const CONVERTED = 1;
const SIMPLIFIED_ONLY = 2;
const TRADITIONAL_ONLY = 4;
let codeTable: Uint8Array | null = null;

/**
 * One byte per BMP code unit, so the checks below are a table lookup per character with no
 * allocation (a regex over a 4,000-character class, and an array of every Han character
 * matched, cost a tenth of a lint pass in profiles of plain drafts).
 */
function scriptTable(): Uint8Array {
  if (!codeTable) {
    const table = new Uint8Array(0x10000);
    for (const dict of [TSCharacters, TWVariantsRev]) {
      for (const entry of dict.split('|')) {
        const key = entry.split(' ')[0];
        for (let i = 0; i < key.length; i++) table[key.charCodeAt(i)] |= CONVERTED;
      }
    }
    const { simplifiedOnly, traditionalOnly } = scriptSets();
    for (const ch of simplifiedOnly) if (ch.length === 1) table[ch.charCodeAt(0)] |= SIMPLIFIED_ONLY;
    for (const ch of traditionalOnly) if (ch.length === 1) table[ch.charCodeAt(0)] |= TRADITIONAL_ONLY;
    codeTable = table;
  }
  return codeTable;
}

/** Does OpenCC's traditional -> simplified conversion change anything in `text`? */
function hasTraditional(text: string): boolean {
  const table = scriptTable();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) return traditionalCharacters().test(text); // astral: the dictionaries' own class
    if ((table[code] & CONVERTED) !== 0) return true;
  }
  return false;
}

export function simplify(text: string): string {
  // Most text is simplified already: a table lookup per character is far cheaper than OpenCC's trie walk.
  if (!hasTraditional(text)) return text;
  toSimplified ??= ConverterFactory(fromTaiwan, toMainland);
  const converted = toSimplified(text);
  return converted.length === text.length ? converted : text;
}

export function traditionalize(text: string): string {
  toTraditional ??= ConverterFactory([[STCharacters]], [[TWPhrases, TWVariants]]);
  return toTraditional(text);
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;

let simplifiedOnly: Set<string> | null = null;
let traditionalOnly: Set<string> | null = null;

/** Characters that only one script uses, from OpenCC's character dictionaries. */
function scriptSets(): { simplifiedOnly: Set<string>; traditionalOnly: Set<string> } {
  if (!simplifiedOnly || !traditionalOnly) {
    const keys = (dict: string) => new Set(dict.split('|').map((entry) => entry.split(' ')[0]).filter((key) => [...key].length === 1));
    const simplifiedKeys = keys(STCharacters);
    const traditionalKeys = keys(TSCharacters);
    // A character that maps both ways (used in both scripts) says nothing about the script.
    simplifiedOnly = new Set([...simplifiedKeys].filter((ch) => !traditionalKeys.has(ch)));
    traditionalOnly = new Set([...traditionalKeys].filter((ch) => !simplifiedKeys.has(ch)));
  }
  return { simplifiedOnly, traditionalOnly };
}

/**
 * Guess the script of a sample of text: 'en' when it has (almost) no Han characters,
 * 'hant' when it has more traditional-only than simplified-only characters.
 */
export function detectScript(sample: string): 'hans' | 'hant' | 'en' {
  const table = scriptTable();
  let han = 0;
  let latinWords = 0;
  let latinRun = 0;
  let simplifiedCount = 0;
  let traditionalCount = 0;
  // One pass over the code units: Han characters (HAN's ranges), runs of two or more Latin
  // letters (/[A-Za-z]{2,}/), and the characters only one script uses.
  for (let i = 0; i <= sample.length; i++) {
    const code = i < sample.length ? sample.charCodeAt(i) : 0;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      latinRun++;
      continue;
    }
    if (latinRun >= 2) latinWords++;
    latinRun = 0;
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
      han++;
      const flags = table[code];
      if ((flags & SIMPLIFIED_ONLY) !== 0) simplifiedCount++;
      else if ((flags & TRADITIONAL_ONLY) !== 0) traditionalCount++;
    }
  }
  if (han < 4 || latinWords > han) return 'en';
  return traditionalCount > simplifiedCount ? 'hant' : 'hans';
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/u;

/**
 * The language a draft is written in, for text that describes it (messages, hovers, lenses,
 * the status bar, the overview) when `locale` is auto: zh-CN, zh-TW or en from the script of
 * its first 4000 characters after the frontmatter (whose keys are English), or null when it
 * has too little text to tell (an empty new document).
 */
export function localeOfText(text: string): Locale | null {
  const sample = text.replace(FRONTMATTER, '').slice(0, 4000);
  const han = sample.match(HAN)?.length ?? 0;
  const latinWords = sample.match(/[A-Za-z]{2,}/gu)?.length ?? 0;
  if (han < 4 && latinWords < 3) return null;
  const script = detectScript(sample);
  return script === 'en' ? 'en' : script === 'hant' ? 'zh-TW' : 'zh-CN';
}
