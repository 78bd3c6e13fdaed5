import type { SectionRule, SectionRuleContext } from '../rule';
import type { Measure, Span } from '../types';
import { findVagueTimeWords, mayHaveVagueTimeWord } from '../deadline';
import { PLACEHOLDER } from '../labels';
import { isPlaceholder } from '../vocabulary';
import { deadlineSuggestions } from './_shared';

export const rule: SectionRule = {
  meta: {
    id: 'vague-deadline',
    description: { en: 'Deadlines are dates, not 尽快 or 适时.', 'zh-CN': '完成时限须为具体时间，不能写“尽快”“适时”。' },
    rationale: {
      en: '尽快 (as soon as possible) and 适时 (in due course) never fall due. Write a date (2021年6月底前) or 长期坚持 for ongoing work.',
      'zh-CN': '“尽快”“适时”“逐步”等词没有截止日期，无法督办。请写明具体时间（如2021年6月底前），长期工作写“长期坚持”。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      vague: { en: 'Vague deadline "{word}": give a date', 'zh-CN': '时限“{word}”表述模糊：请写明具体完成时间' },
      replace: { en: 'Replace "{word}" with a placeholder', 'zh-CN': '将“{word}”替换为待填写占位符' },
    },
    examples: {
      invalid: ['## 城市精细管理网\n\n1. 尽快编制全市产业地图，覆盖13个区（牵头单位：市发改委）\n', '## 城市精细管理网\n\n1. 编制产业地图，覆盖13个区（牵头单位：市发改委；完成时限：适时）\n'],
      valid: ['## 城市精细管理网\n\n1. 编制全市产业地图，覆盖13个区（牵头单位：市发改委；完成时限：2020年12月底前）\n'],
      expected: [['3:4-3:6: Vague deadline "尽快": give a date'], ['3:33-3:35: Vague deadline "适时": give a date']],
    },
  },
  check(context) {
    for (const measure of context.measures) {
      // A measure with a readable deadline field may still say 逐步 in its prose: only the
      // deadline field and the prose of measures without a deadline are checked.
      if (!(measure.deadline && measure.deadlineValue)) for (const region of measure.prose) reportVague(context, measure, region);
      if (measure.deadline && measure.deadline.source !== 'text') reportVague(context, measure, measure.deadline.valueSpan);
    }
  },
};

/** Report the vague time words of one region of a measure (its prose or its deadline field). */
function reportVague(context: SectionRuleContext, measure: Measure, region: Span): void {
  if (!mayHaveVagueTimeWord(context.text, region.start, region.end)) return;
  for (const found of findVagueTimeWords(context.text.slice(region.start, region.end))) {
    if (isPlaceholder(found.word)) continue; // TBD is a placeholder: unfilled-placeholder reports it
    const span = { start: region.start + found.start, end: region.start + found.end };
    const word = context.text.slice(span.start, span.end);
    const inField = measure.deadline !== null && span.start >= measure.deadline.valueSpan.start && span.end <= measure.deadline.valueSpan.end;
    context.report({
      span,
      messageId: 'vague',
      data: { word },
      suggestions: inField ? [...deadlineSuggestions(context, span), { title: context.t(rule.meta.messages.replace, { word }), edits: [{ span, newText: PLACEHOLDER[context.script] }] }] : [],
    });
  }
}
