import type { SectionRule } from '../rule';
import { excerpt, measureSpan } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'measure-outside-net',
    description: { en: 'Measures sit under a net heading.', 'zh-CN': '措施须归入某一张网的章节。' },
    rationale: {
      en: 'A measure with owner or deadline fields outside every net section is not counted for any net. Move it under its net’s heading.',
      'zh-CN': '带有责任单位或时限的措施如果不在任何一张网的章节下，就不会计入任何一张网。请把它移到对应章节下。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      outside: { en: 'Measure is outside every net section ("{measure}")', 'zh-CN': '措施不属于任何一张网（“{measure}”）' },
    },
    examples: {
      invalid: ['# 实施方案\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      valid: ['# 实施方案\n\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      expected: [['3:4-3:12: Measure is outside every net section ("建设急救站20个")']],
    },
  },
  check(context) {
    if (context.schema.nets.length === 0) return; // a plan schema (tasks): its own headings are its sections
    for (const measure of context.measures) {
      // In a net, or under a misspelt net heading (unknown-net reports the heading).
      if (measure.netId !== null || measure.underUnknownNet) continue;
      context.report({ span: measureSpan(measure), messageId: 'outside', data: { measure: excerpt(measure.text) } });
    }
  },
};
