import type { SectionRule } from '../rule';
import { isPlaceholder } from '../vocabulary';
import { excerpt, measureSpan, missingFieldFix, ownerSuggestions, placeholderField } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'missing-owner',
    description: { en: 'Every measure names an owner (the lead unit).', 'zh-CN': '每项措施须明确责任单位（牵头单位）。' },
    rationale: {
      en: 'A measure nobody owns is nobody’s job. Name the lead unit with 牵头单位 (or list 责任单位, first one leads).',
      'zh-CN': '没有责任单位的措施无人落实。请用“牵头单位”写明牵头单位，或列出“责任单位”（列第一位的为牵头单位）。',
    },
    scope: 'section',
    defaultSeverity: 'error',
    fixable: true,
    hasSuggestions: true,
    messages: {
      missing: { en: 'Measure has no owner: add the lead unit ("{measure}")', 'zh-CN': '措施缺少责任单位：请补充牵头单位（“{measure}”）' },
      placeholder: { en: 'Measure has no owner: the placeholder "{placeholder}" is not filled in ("{measure}")', 'zh-CN': '措施缺少责任单位：占位符“{placeholder}”尚未填写（“{measure}”）' },
    },
    examples: {
      invalid: [
        '## 公共卫生防护网\n\n1. 推进市、区院前急救中心建设（完成时限：2021年12月底前；指标：急救圈10分钟）\n',
        '## 公共卫生防护网\n\n1. 推进院前急救中心建设（牵头单位：【待填写】；完成时限：2021年12月底前；指标：急救圈10分钟）\n',
      ],
      valid: ['## 公共卫生防护网\n\n1. 推进院前急救中心建设（牵头单位：市卫健委；完成时限：2021年12月底前；指标：急救圈10分钟）\n'],
      expected: [['3:4-3:17: Measure has no owner: add the lead unit ("推进市、区院前急救中心建设")'], ['3:20-3:25: Measure has no owner: the placeholder "【待填写】" is not filled in ("推进院前急救中心建设")']],
    },
  },
  check(context) {
    if (!context.schema.requiredFields.includes('owner')) return;
    for (const measure of context.measures) {
      const placeholder = measure.owner && isPlaceholder(measure.owner.value) ? measure.owner : placeholderField(measure, 'owner');
      if (placeholder) {
        // A template is not an answer: the owner is still missing, and the roster offers values.
        const data = { placeholder: placeholder.value, measure: excerpt(measure.text) };
        context.report({ span: placeholder.valueSpan, messageId: 'placeholder', data, suggestions: ownerSuggestions(context, placeholder.valueSpan) });
        continue;
      }
      if (measure.owner || measure.fields.some((field) => field.kind === 'owner')) continue;
      context.report({ span: measureSpan(measure), messageId: 'missing', data: { measure: excerpt(measure.text) }, fix: missingFieldFix(context, measure, 'owner') });
    }
  },
};
