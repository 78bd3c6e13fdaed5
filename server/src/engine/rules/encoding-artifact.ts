import type { SectionRule } from '../rule';
import { scanText } from './_shared';

/**
 * Pinyin left by a broken conversion: 會(huì)議, 日?qǐng)?bào)訊, 補(bǔ) — a parenthesised (or
 * ?-prefixed) syllable with a tone mark, closed by ')'. Also U+FFFD replacement characters.
 */
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const ARTIFACT = new RegExp(`[(?（][a-zü${TONED}]{0,5}[${TONED}][a-zü${TONED}]{0,5}[)）]|\\uFFFD+`, 'gu');

export const rule: SectionRule = {
  meta: {
    id: 'encoding-artifact',
    description: { en: 'No conversion garbage (pinyin annotations, U+FFFD) in the text.', 'zh-CN': '文中不得残留转码乱码（拼音注音、替换字符）。' },
    rationale: {
      en: 'Text pasted from broken web pages carries pinyin annotations such as 會(huì)議 and replacement characters (�). They must not reach a signed document.',
      'zh-CN': '从网页复制的文字可能夹带“會(huì)議”这类拼音注音或“�”替换字符，不能出现在正式文件中。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    messages: {
      pinyin: { en: 'Encoding artifact "{text}": pinyin left by a broken conversion', 'zh-CN': '转码残留“{text}”：拼音注音乱码' },
      replacement: { en: 'Replacement character (U+FFFD): a character was lost in conversion', 'zh-CN': '替换字符（U+FFFD）：转码时丢失了字符' },
      remove: { en: 'Remove "{text}"', 'zh-CN': '删除“{text}”' },
    },
    examples: {
      invalid: ['武漢市委十三屆九次全體會(huì)議上獲悉\n', '湖北日?qǐng)?bào)訊\n', '城市\uFFFD管理\n'],
      valid: ['武漢市委十三屆九次全體會議上獲悉，投资(2020年)\n'],
      expected: [
        ['1:13-1:18: Encoding artifact "(huì)": pinyin left by a broken conversion'],
        ['1:4-1:10: Encoding artifact "?qǐng)": pinyin left by a broken conversion', '1:10-1:15: Encoding artifact "?bào)": pinyin left by a broken conversion'],
        ['1:3-1:4: Replacement character (U+FFFD): a character was lost in conversion'],
      ],
    },
  },
  check(context) {
    for (const hit of scanText(context, ARTIFACT)) {
      const text = hit.match[0];
      const span = { start: hit.start, end: hit.end };
      const messageId = text.startsWith('\uFFFD') ? 'replacement' : 'pinyin';
      context.report({ span, messageId, data: { text }, fix: { title: context.t(rule.meta.messages.remove, { text }), edits: [{ span, newText: '' }] } });
    }
  },
};
