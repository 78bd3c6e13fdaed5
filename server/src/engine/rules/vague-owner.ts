import type { SectionRule } from '../rule';
import { PLACEHOLDER } from '../labels';
import { vagueOwnerHits } from '../vocabulary';
import { ownerSuggestions } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'vague-owner',
    description: { en: 'Owners name a unit, not 有关部门.', 'zh-CN': '责任单位须具体，不能写“有关部门”。' },
    rationale: {
      en: '有关部门 (relevant departments) names nobody in particular, so nobody answers for the measure. Name the units.',
      'zh-CN': '“有关部门”“相关单位”等表述没有指向具体单位，无法问责。请写明具体单位名称。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      vague: { en: 'Vague owner "{word}": name the responsible unit', 'zh-CN': '责任单位“{word}”表述模糊：请写明具体单位' },
      replace: { en: 'Replace "{word}" with a placeholder', 'zh-CN': '将“{word}”替换为待填写占位符' },
    },
    examples: {
      invalid: ['## 矛盾风险化解网\n\n1. 建立矛盾纠纷排查机制，排查率100%（责任单位：有关部门；完成时限：2020年底前）\n'],
      valid: ['## 矛盾风险化解网\n\n1. 建立矛盾纠纷排查机制，排查率100%（责任单位：市信访局；完成时限：2020年底前）\n'],
      expected: [['3:28-3:32: Vague owner "有关部门": name the responsible unit']],
    },
  },
  check(context) {
    for (const measure of context.measures) {
      for (const field of measure.fields) {
        if (field.kind !== 'owner' && field.kind !== 'coOwners') continue;
        const hits = vagueOwnerHits(field.value);
        for (const hit of hits) {
          const start = field.valueSpan.start + hit.index;
          const span = { start, end: start + hit.length };
          const word = context.text.slice(span.start, span.end);
          context.report({
            span,
            messageId: 'vague',
            data: { word },
            suggestions: [...ownerSuggestions(context, span), { title: context.t(rule.meta.messages.replace, { word }), edits: [{ span, newText: PLACEHOLDER[context.script] }] }],
          });
        }
      }
    }
  },
};
