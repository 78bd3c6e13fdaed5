import type { SectionRule } from '../rule';

export const rule: SectionRule = {
  meta: {
    id: 'invalid-deadline',
    description: { en: 'A deadline field holds a date the grammar can read.', 'zh-CN': '完成时限须为可识别的日期。' },
    rationale: {
      en: 'Deadlines feed the task table and the timeline: write them as 2021年12月底前, 2021年第三季度, 2021-06-30, Q3 2021 or 长期坚持.',
      'zh-CN': '完成时限会进入任务分工表和时间轴，请使用可识别的写法，如“2021年12月底前”“2021年第三季度”“长期坚持”。',
    },
    scope: 'section',
    defaultSeverity: 'error',
    fixable: false,
    hasSuggestions: false,
    messages: {
      unreadable: { en: 'Cannot read the deadline "{value}": write a date such as 2021年12月底前', 'zh-CN': '无法识别完成时限“{value}”：请写成“2021年12月底前”等格式' },
      needsYear: { en: 'Deadline "{value}" needs a year: add the year or a document date in the frontmatter', 'zh-CN': '完成时限“{value}”缺少年份：请写明年份，或在文档头部设置 date' },
      empty: { en: 'Deadline field is empty', 'zh-CN': '完成时限为空' },
      badDocumentDate: { en: 'Document date "{value}" is not a real day: write YYYY-MM-DD', 'zh-CN': '文档日期“{value}”不是有效日期：请写成 YYYY-MM-DD' },
    },
    examples: {
      invalid: [
        '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：下个阶段）\n',
        '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年2月30日）\n',
        '---\ndate: 2020-13-45\n---\n\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年第三季度）\n',
      ],
      valid: ['## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年第三季度）\n', '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：【待填写】）\n'],
      expected: [
        ['3:28-3:32: Cannot read the deadline "下个阶段": write a date such as 2021年12月底前'],
        ['3:28-3:38: Cannot read the deadline "2021年2月30日": write a date such as 2021年12月底前'],
        ['2:7-2:17: Document date "2020-13-45" is not a real day: write YYYY-MM-DD'],
      ],
    },
  },
  check(context) {
    // The document date counts every relative deadline: a date that is no real day is reported here, as a config's is refused.
    const bad = context.section.meta.badDate;
    if (bad) context.report({ span: bad.span, messageId: 'badDocumentDate', data: { value: bad.value } });
    for (const measure of context.measures) {
      const field = measure.deadline;
      if (!field || measure.deadlineValue || measure.deadlineProblem === null || measure.deadlineProblem === 'vague') continue;
      const problem = measure.deadlineProblem;
      const messageId = problem === 'needs-year' ? 'needsYear' : problem === 'empty' ? 'empty' : 'unreadable';
      const span = field.valueSpan.end > field.valueSpan.start ? field.valueSpan : (field.labelSpan ?? field.valueSpan);
      context.report({ span, messageId, data: { value: field.value } });
    }
  },
};
