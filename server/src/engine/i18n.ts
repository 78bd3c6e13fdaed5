/** Message localization. zh-TW text is derived from zh-CN with OpenCC, so it never drifts. */
import type { Localized } from './rule';
import type { Locale, Script } from './types';
import { traditionalize } from './script';

const traditionalCache = new Map<string, string>();
/** Templates split at their {keys}: literal, key, literal, …, literal. */
const compiledTemplates = new Map<string, string[]>();

export function localize(message: Localized, locale: Locale, data: Record<string, string | number> = {}): string {
  let template: string;
  if (locale === 'en') template = message.en;
  else if (locale === 'zh-TW') {
    template = traditionalCache.get(message['zh-CN']) ?? traditionalize(message['zh-CN']);
    traditionalCache.set(message['zh-CN'], template);
  } else template = message['zh-CN'];
  // Templates are few and messages many (one per diagnostic): each template is split into
  // literal text and {keys} once, instead of a regex replace with a callback per message.
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/u);
    if (compiledTemplates.size >= 1000) compiledTemplates.clear(); // schemas from files bring their own
    compiledTemplates.set(template, parts);
  }
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    text += (key in data ? String(data[key]) : `{${key}}`) + parts[i + 1];
  }
  return text;
}

/** Map an editor or OS locale (zh-cn, zh-Hant-TW, en-US…) to one we ship. */
export function normalizeLocale(input: string | null | undefined): Locale | null {
  if (!input) return null;
  const lower = input.toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/u.test(lower)) return 'zh-TW';
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return null;
}

/** Text of a schema (zh-Hans and en) in a locale; zh-TW is derived with OpenCC. */
export function bilingual(text: { 'zh-Hans': string; en: string }, locale: Locale): string {
  if (locale === 'en') return text.en;
  return locale === 'zh-TW' ? traditionalize(text['zh-Hans']) : text['zh-Hans'];
}

/** The script a locale writes in (for labels a completion or fix inserts). */
export function scriptForLocale(locale: Locale): Script {
  return locale === 'en' ? 'en' : locale === 'zh-TW' ? 'hant' : 'hans';
}
