import type { SectionRule } from '../rule';

export const rule: SectionRule = {
  meta: {
    id: 'past-deadline',
    description: { en: 'No deadline falls before the document date.', 'zh-CN': '完成时限不得早于文档日期。' },
    rationale: {
      en: 'A deadline that ended before the draft was dated is a copy-paste leftover or a typo. The document date comes from the frontmatter `date` or the config.',
      'zh-CN': '早于文档日期的完成时限多为沿用旧稿或笔误。文档日期取自文档头部的 date 或配置文件。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      past: { en: 'Deadline {end} is before the document date {date}', 'zh-CN': '完成时限 {end} 早于文档日期 {date}' },
    },
    examples: {
      invalid: ['---\ndate: 2021-03-01\n---\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年12月底前）\n'],
      valid: ['---\ndate: 2020-07-01\n---\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年12月底前）\n'],
      expected: [['6:28-6:38: Deadline 2020-12-31 is before the document date 2021-03-01']],
    },
  },
  check(context) {
    const date = context.documentDate;
    if (!date) return;
    for (const measure of context.measures) {
      const value = measure.deadlineValue;
      if (!measure.deadline || !value || value.kind !== 'range') continue;
      if (value.end < date) context.report({ span: measure.deadline.valueSpan, messageId: 'past', data: { end: value.end, date } });
    }
  },
};
