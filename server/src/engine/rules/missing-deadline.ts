import type { SectionRule } from '../rule';
import { isPlaceholder } from '../vocabulary';
import { deadlineSuggestions, excerpt, measureSpan, missingFieldFix } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'missing-deadline',
    description: { en: 'Every measure has a deadline.', 'zh-CN': '每项措施须明确完成时限。' },
    rationale: {
      en: 'A measure without a deadline never falls due. Add 完成时限 (2021年12月底前, Q3 2021) or mark ongoing work as 长期坚持 / 持续推进.',
      'zh-CN': '没有完成时限的措施永远不会到期。请补充“完成时限”（如2021年12月底前），长期工作写“长期坚持”或“持续推进”。',
    },
    scope: 'section',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      missing: { en: 'Measure has no deadline: add a completion date ("{measure}")', 'zh-CN': '措施缺少完成时限：请补充完成时间（“{measure}”）' },
      placeholder: { en: 'Measure has no deadline: the placeholder "{placeholder}" is not filled in ("{measure}")', 'zh-CN': '措施缺少完成时限：占位符“{placeholder}”尚未填写（“{measure}”）' },
    },
    examples: {
      invalid: ['## 城市精细管理网\n\n1. 编制全市产业地图，明确10个区的产业定位（牵头单位：市发改委）\n', '## 城市精细管理网\n\n1. 编制全市产业地图，明确10个区的产业定位（牵头单位：市发改委；完成时限：【待填写】）\n'],
      valid: ['## 城市精细管理网\n\n1. 编制全市产业地图，明确10个区的产业定位（牵头单位：市发改委；完成时限：2020年12月底前）\n'],
      expected: [
        ['3:4-3:24: Measure has no deadline: add a completion date ("编制全市产业地图，明确10个区的…")'],
        ['3:40-3:45: Measure has no deadline: the placeholder "【待填写】" is not filled in ("编制全市产业地图，明确10个区的…")'],
      ],
    },
  },
  check(context) {
    if (!context.schema.requiredFields.includes('deadline')) return;
    for (const measure of context.measures) {
      const placeholder = measure.deadline && measure.deadline.source !== 'text' && isPlaceholder(measure.deadline.value) ? measure.deadline : null;
      if (placeholder) {
        const data = { placeholder: placeholder.value, measure: excerpt(measure.text) };
        context.report({ span: placeholder.valueSpan, messageId: 'placeholder', data, suggestions: deadlineSuggestions(context, placeholder.valueSpan) });
        continue;
      }
      if (measure.deadline) continue;
      context.report({ span: measureSpan(measure), messageId: 'missing', data: { measure: excerpt(measure.text) }, fix: missingFieldFix(context, measure, 'deadline') });
    }
  },
};
