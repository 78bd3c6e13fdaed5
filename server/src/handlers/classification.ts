/**
 * Is a document a policy draft, and with which config? The question every platform's draft
 * discovery answers: on disk (diskConfig.ts: config files, ignore files, the include globs)
 * or with settings only (settingsConfig.ts: the browser, where there is no disk). The rest
 * of the server only sees a `DraftClassifier`.
 */
import type { Locale } from '../engine';
import type { DraftScope } from '../engine/classify';
import type { ResolvedConfig } from '../engine/config-model';
import { LOCALE_SAMPLE, localeFrontmatterEnd, localeOfText } from '../engine/script';
import { FRONTMATTER_HEAD, SHORT_HEAD, frontmatterBlockEnd, opensFrontmatter } from '../engine/frontmatter';
import type { TextSource } from '../engine/text-source';
import type { Settings } from './settings';

export interface Classification {
  draft: boolean;
  resolved: ResolvedConfig;
  /** The workspace folder holding the file, if any. */
  folder: string | null;
  /** The language of what describes the draft: diagnostics, hovers, lenses, the status bar, the overview. */
  locale: Locale;
  /** The language of the extension's own notices: the setting, the config, then VS Code's. */
  uiLocale: Locale;
  /** Set when the draft is over the size limit (and so is not a draft for the server). */
  tooLarge: { size: number; max: number } | null;
  /** Why it is not a draft (null for a draft). */
  notDraft: NotDraftReason | null;
  /** Where the include globs come from: a config file's `include` overrides the `fivenets.include` setting. */
  includeFrom: IncludeFrom;
}

/**
 * Why a document is not a draft: `not-included` (outside the include globs, no frontmatter
 * schema: the user may want it in), `ignored` (an ignore file or the config's `ignore`),
 * `excluded` (files.exclude), `disabled` (fivenets.enable), `too-large`.
 */
export type NotDraftReason = 'not-included' | 'ignored' | 'excluded' | 'disabled' | 'too-large';

export type IncludeFrom = DraftScope['includeFrom'];

export interface DraftClassifier {
  /** Is this text (at this URI) a draft, with which config? Also used for files read from disk. */
  classify(uri: string, text: TextSource, settings: Settings): Classification;
  /** Config files or settings changed: forget what was read. */
  invalidate(): void;
}

/** What a classifier found, before the verdict: the config, the folder, and whether the globs or frontmatter take the text in. */
export interface Found {
  resolved: ResolvedConfig;
  folder: string | null;
  /** Why the globs or frontmatter do not take the text in (or it is disabled, excluded); null when they do. */
  notTaken: Exclude<NotDraftReason, 'too-large'> | null;
  includeFrom: IncludeFrom;
}

/**
 * What classifying reads of a draft's start: its frontmatter, if it opens with one
 * (frontmatterSchema reads no more than FRONTMATTER_HEAD), and the characters after it that
 * tell its language (localeOfText). A bounded head, short when the frontmatter closes early
 * for both readers: a draft read in place is never copied whole.
 */
export function headOf(text: TextSource): string {
  if (!opensFrontmatter(text.slice(0, 4))) return text.slice(0, LOCALE_SAMPLE);
  const short = text.slice(0, SHORT_HEAD + LOCALE_SAMPLE);
  const ends = [frontmatterBlockEnd(short), localeFrontmatterEnd(short)];
  if (ends.every((end) => end >= 0 && end <= SHORT_HEAD)) return short;
  return text.slice(0, FRONTMATTER_HEAD + LOCALE_SAMPLE);
}

/**
 * The verdict on what a classifier found: the locales (one language rule: what describes
 * the draft follows the setting, the config, then the draft's own language and script; the
 * editor's language only when the draft cannot tell), and the size limit (the config's
 * `maxFileSize`, else the setting).
 */
export function verdict(found: Found, text: TextSource, settings: Settings, editorLocale: Locale | null): Classification {
  const { resolved, folder } = found;
  const uiLocale = settings.locale ?? resolved.config.locale ?? editorLocale ?? 'zh-CN';
  const locale = settings.locale ?? resolved.config.locale ?? localeOfText(headOf(text)) ?? uiLocale;
  const result: Classification = { draft: false, resolved, folder, locale, uiLocale, tooLarge: null, notDraft: found.notTaken, includeFrom: found.includeFrom };
  if (found.notTaken) return result;
  const max = resolved.explicit.maxFileSize ?? settings.maxFileSize;
  // UTF-16 length bounds the UTF-8 size from below; only count bytes when it could matter.
  const size = text.length * 3 > max ? utf8Length(text) : text.length;
  if (size > max) return { ...result, tooLarge: { size, max }, notDraft: 'too-large' };
  return { ...result, draft: true };
}

/** Bytes of `text` in UTF-8 (a lone surrogate is U+FFFD, three bytes, as TextEncoder writes it). */
export function utf8Length(text: TextSource): number {
  if (typeof text === 'string') return new TextEncoder().encode(text).length;
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}
