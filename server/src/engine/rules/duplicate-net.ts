import type { DocumentRule } from '../rule';

export const rule: DocumentRule = {
  meta: {
    id: 'duplicate-net',
    description: { en: 'Each net has one section.', 'zh-CN': '每张网只设一个章节。' },
    rationale: {
      en: 'Two sections for one net split its measures and double-count it in reports. Merge them.',
      'zh-CN': '同一张网出现两个章节，会拆散其措施并在统计中重复计数，请合并。',
    },
    scope: 'document',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      duplicate: { en: '"{name}" already has a section at line {line}', 'zh-CN': '“{name}”已在第{line}行设有章节' },
    },
    examples: {
      invalid: ['## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n\n## 公共卫生防护网\n\n1. 发热门诊30个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      valid: ['## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      expected: [['5:4-5:11: "公共卫生防护网" already has a section at line 1']],
    },
  },
  check(context) {
    const first = new Map<string, number>();
    for (const net of context.outline.nets) {
      const seen = first.get(net.netId);
      if (seen === undefined) {
        first.set(net.netId, net.headingSpan.start);
        continue;
      }
      context.report({
        span: net.nameSpan,
        messageId: 'duplicate',
        data: { name: context.text.slice(net.nameSpan.start, net.nameSpan.end), line: context.lines.positionAt(seen).line + 1 },
      });
    }
  },
};
