import type { SectionRule } from '../rule';
import { PLACEHOLDER_PATTERN } from '../vocabulary';
import { scanText } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'unfilled-placeholder',
    description: { en: 'No template placeholder is left unfilled.', 'zh-CN': '模板占位符须填写完整。' },
    rationale: {
      en: 'Quick fixes insert 【待填写】 (or [TBD]) where a field is missing; it stays flagged until a person fills it in.',
      'zh-CN': '快速修复会在缺失字段处插入“【待填写】”，在有人填写之前，它会一直被标出。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      unfilled: { en: 'Placeholder "{text}" is not filled in', 'zh-CN': '占位符“{text}”尚未填写' },
    },
    examples: {
      invalid: ['## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：【待填写】；完成时限：2020年底前）\n', '## Public Health Protection Net\n\n1. Build 20 ambulance stations (Owner: TBD; Deadline: 2020-12-31)\n'],
      valid: ['## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      expected: [['3:18-3:23: Placeholder "【待填写】" is not filled in'], ['3:40-3:43: Placeholder "TBD" is not filled in']],
    },
  },
  check(context) {
    for (const hit of scanText(context, PLACEHOLDER_PATTERN)) {
      context.report({ span: { start: hit.start, end: hit.end }, messageId: 'unfilled', data: { text: hit.match[0] } });
    }
  },
};
