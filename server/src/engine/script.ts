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
import { blockEndWithin } from './frontmatter';
import type { TextSource } from './text-source';
import type { Locale } from './types';
import { CONVERTED_CHARACTERS, SIMPLIFIED_FORMS, TRADITIONAL_FORMS } from './script-tables.generated';
import { ConverterFactory } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/tw';
import toMainland from 'opencc-js/to/cn';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

type Convert = (text: string) => string;

let toSimplified: Convert | null = null;
let toTraditional: Convert | null = null;

let traditionalChars: RegExp | null = null;
/** For each BMP code unit: 1 when the traditional -> simplified dictionaries change it. */
let traditionalUnits: Uint8Array | null = null;

/**
 * A character class of every character the traditional -> simplified conversion changes
 * (CONVERTED_CHARACTERS, recorded by scripts/gen-script-tables.ts: keys that convert back to
 * themselves, such as 床, are left out).
 */
function traditionalCharacters(): RegExp {
  if (!traditionalChars) {
    const keys = new Set<string>(CONVERTED_CHARACTERS);
    const escaped = [...keys].map((ch) => (/[\\\]^-]/u.test(ch) ? `\\${ch}` : ch)).join('');
    traditionalChars = new RegExp(`[${escaped}]`, 'u');
    traditionalUnits = new Uint8Array(0x10000);
    for (const ch of keys) if (ch.length === 1) traditionalUnits[ch.charCodeAt(0)] = 1;
  }
  return traditionalChars;
}

/**
 * For each BMP code unit, 1 when the traditional -> simplified dictionaries change it: a
 * table lookup per code unit is cheaper than testing the character class, and every line
 * of a draft is asked. Astral characters (surrogates) are 0: ask the character class.
 */
export function traditionalUnitTable(): Uint8Array {
  traditionalCharacters();
  return traditionalUnits as Uint8Array;
}

/** Does `text` hold a character the dictionaries change? */
function hasTraditional(text: string): boolean {
  const units = traditionalUnitTable();
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    if (units[unit] === 1) return true;
    // An astral character (a surrogate pair): the character class decides.
    if (unit >= 0xd800 && unit <= 0xdbff) return traditionalCharacters().test(text);
  }
  return false;
}

export function simplify(text: string): string {
  // Most text is simplified already: a table lookup is far cheaper than OpenCC's trie walk.
  if (!hasTraditional(text)) return text;
  const converted = SIMPLIFIED_FORMS.get(text) ?? convertToSimplified(text);
  return converted.length === text.length ? converted : text;
}

/** Traditional to simplified with OpenCC itself (the built-in schemas' names are generated: script-tables.generated.ts). */
export function convertToSimplified(text: string): string {
  toSimplified ??= ConverterFactory(fromTaiwan, toMainland);
  return toSimplified(text);
}

/**
 * `simplify`, always one UTF-16 unit for one, so offsets in the result are offsets in `text`:
 * where OpenCC's phrase conversion would change the length, each traditional character is
 * converted on its own (the deadline grammar reads dates and words in any draft this way).
 */
export function simplifyChars(text: string): string {
  if (!hasTraditional(text)) return text;
  toSimplified ??= ConverterFactory(fromTaiwan, toMainland);
  const convert = toSimplified;
  const converted = convert(text);
  if (converted.length === text.length) return converted;
  return text.replace(new RegExp(traditionalCharacters().source, 'gu'), (ch) => {
    const one = convert(ch);
    return one.length === ch.length ? one : ch;
  });
}

/** Simplified to traditional (Taiwan forms); the labels' forms are generated (script-tables.generated.ts), so a start loads no dictionary. */
export function traditionalize(text: string): string {
  return TRADITIONAL_FORMS.get(text) ?? convertToTraditional(text);
}

/** Simplified to traditional with OpenCC itself (what scripts/gen-script-tables.ts records). */
export function convertToTraditional(text: string): string {
  toTraditional ??= ConverterFactory([[STCharacters]], [[TWPhrases, TWVariants]]);
  return toTraditional(text);
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;

let simplifiedOnly: Set<string> | null = null;
let traditionalOnly: Set<string> | null = null;

/** Characters that only one script uses, from OpenCC's character dictionaries. */
function scriptSets(): { simplifiedOnly: Set<string>; traditionalOnly: Set<string> } {
  if (!simplifiedOnly || !traditionalOnly) {
    const keys = (dict: string) =>
      new Set(
        dict
          .split('|')
          .map((entry) => entry.split(' ')[0])
          .filter((key) => [...key].length === 1),
      );
    const simplifiedKeys = keys(STCharacters);
    const traditionalKeys = keys(TSCharacters);
    // A character that maps both ways (used in both scripts) says nothing about the script.
    simplifiedOnly = new Set([...simplifiedKeys].filter((ch) => !traditionalKeys.has(ch)));
    traditionalOnly = new Set([...traditionalKeys].filter((ch) => !simplifiedKeys.has(ch)));
  }
  return { simplifiedOnly, traditionalOnly };
}

/** Per BMP code unit: which script uses it alone (1 simplified, 2 traditional), 0 otherwise. */
let scriptOnlyUnits: Uint8Array | null = null;

/** One byte per BMP code unit, so detectScript is a lookup per character with no allocation. */
function scriptOnlyTable(): Uint8Array {
  if (!scriptOnlyUnits) {
    const table = new Uint8Array(0x10000);
    const sets = scriptSets();
    for (const ch of sets.simplifiedOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 1;
    for (const ch of sets.traditionalOnly) if (ch.length === 1) table[ch.charCodeAt(0)] = 2;
    scriptOnlyUnits = table;
  }
  return scriptOnlyUnits;
}

/**
 * Guess the script of a sample of text: 'en' when it has (almost) no Han characters,
 * 'hant' when it has more traditional-only than simplified-only characters.
 */
export function detectScript(sample: string): 'hans' | 'hant' | 'en' {
  const counter = new ScriptCounter();
  counter.add(sample, 0, sample.length);
  return counter.script();
}

/**
 * detectScript over pieces of a text read one after another as if joined (text[from, to) for
 * each `add`), without building the joined string.
 */
export class ScriptCounter {
  private readonly table = scriptOnlyTable();
  private han = 0;
  private latinWords = 0;
  private latinRun = 0;
  private simplifiedCount = 0;
  private traditionalCount = 0;

  // One pass over the code units (matching every Han character into an array, as this did,
  // was a visible share of a lint pass): Han characters (HAN's ranges), runs of two or more
  // Latin letters (/[A-Za-z]{2,}/), and the characters only one script uses.
  add(text: TextSource, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
        this.latinRun++;
        continue;
      }
      this.endLatinRun();
      if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) {
        this.han++;
        const only = this.table[code];
        if (only === 1) this.simplifiedCount++;
        else if (only === 2) this.traditionalCount++;
      }
    }
  }

  script(): 'hans' | 'hant' | 'en' {
    this.endLatinRun();
    if (this.han < 4 || this.latinWords > this.han) return 'en';
    return this.traditionalCount > this.simplifiedCount ? 'hant' : 'hans';
  }

  private endLatinRun(): void {
    if (this.latinRun >= 2) this.latinWords++;
    this.latinRun = 0;
  }
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/u;

/** How much of a draft's body (after its frontmatter) localeOfText reads. */
export const LOCALE_SAMPLE = 4000;

/** Where the frontmatter block localeOfText skips ends in `head` (0: none), or -1 when it may end past the head (no match, or one that reaches its end). */
export function localeFrontmatterEnd(head: string): number {
  return head.startsWith('---') ? blockEndWithin(FRONTMATTER, head) : 0;
}

/**
 * The language a draft is written in, for text that describes it (messages, hovers, lenses,
 * the status bar, the overview) when `locale` is auto: zh-CN, zh-TW or en from the script of
 * its first 4000 characters after the frontmatter (whose keys are English), or null when it
 * has too little text to tell (an empty new document).
 */
export function localeOfText(text: string): Locale | null {
  const sample = text.replace(FRONTMATTER, '').slice(0, LOCALE_SAMPLE);
  const han = sample.match(HAN)?.length ?? 0;
  const latinWords = sample.match(/[A-Za-z]{2,}/gu)?.length ?? 0;
  if (han < 4 && latinWords < 3) return null;
  const script = detectScript(sample);
  return script === 'en' ? 'en' : script === 'hant' ? 'zh-TW' : 'zh-CN';
}
