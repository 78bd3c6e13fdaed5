import type { SectionRule } from '../rule';
import { excerpt, measureSpan, missingFieldFix, placeholderField } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'missing-metric',
    description: { en: 'Every measure states a measurable target.', 'zh-CN': '每项措施须有可量化的目标指标。' },
    rationale: {
      en: 'Without a number nobody can tell whether a measure was done. State a metric field (指标：…) or a quantity in the text (覆盖率达到95%, 新增学位1.2万个).',
      'zh-CN': '没有量化指标就无法考核措施是否完成。请写明“指标”，或在措施中写出数量（如覆盖率达到95%、新增学位1.2万个）。',
    },
    scope: 'section',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: false,
    messages: {
      missing: { en: 'Measure has no measurable target: add a metric ("{measure}")', 'zh-CN': '措施缺少量化指标：请补充可考核的目标（“{measure}”）' },
      placeholder: { en: 'Measure has no measurable target: the placeholder "{placeholder}" is not filled in ("{measure}")', 'zh-CN': '措施缺少量化指标：占位符“{placeholder}”尚未填写（“{measure}”）' },
    },
    examples: {
      invalid: [
        '## 基层社会治理网\n\n1. 完善机关党员下沉社区常态化机制（牵头单位：市委组织部；完成时限：2020年12月底前）\n',
        '## 基层社会治理网\n\n1. 完善机关党员下沉社区常态化机制（牵头单位：市委组织部；指标：【待填写】；完成时限：2020年12月底前）\n',
      ],
      valid: ['## 基层社会治理网\n\n1. 新增社区工作者2000名（牵头单位：市民政局；完成时限：2020年12月底前）\n'],
      expected: [
        ['3:4-3:19: Measure has no measurable target: add a metric ("完善机关党员下沉社区常态化机制")'],
        ['3:34-3:39: Measure has no measurable target: the placeholder "【待填写】" is not filled in ("完善机关党员下沉社区常态化机制")'],
      ],
    },
  },
  check(context) {
    if (!context.schema.requiredFields.includes('metric')) return;
    for (const measure of context.measures) {
      // A quantity in the text is the metric whatever the field says (as in summary.ts).
      if (measure.hasMetric) continue;
      const placeholder = placeholderField(measure, 'metric');
      if (placeholder) {
        context.report({ span: placeholder.valueSpan, messageId: 'placeholder', data: { placeholder: placeholder.value, measure: excerpt(measure.text) } });
        continue;
      }
      if (measure.metric) continue;
      context.report({ span: measureSpan(measure), messageId: 'missing', data: { measure: excerpt(measure.text) }, fix: missingFieldFix(context, measure, 'metric') });
    }
  },
};
