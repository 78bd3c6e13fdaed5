import type { DocumentRule } from '../rule';
import { CANONICAL_LABELS, PLACEHOLDER } from '../labels';

export const rule: DocumentRule = {
  meta: {
    id: 'empty-net',
    description: { en: 'A net section holds at least one measure.', 'zh-CN': '每张网的章节至少包含一项措施。' },
    rationale: {
      en: 'A net heading with no measure under it looks covered but plans nothing.',
      'zh-CN': '只有标题、没有措施的章节看似覆盖了这张网，实际上没有安排任何任务。',
    },
    scope: 'document',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      empty: { en: '"{name}" has no measures', 'zh-CN': '“{name}”章节下没有措施' },
      insert: { en: 'Insert a measure template', 'zh-CN': '插入措施模板' },
    },
    examples: {
      invalid: ['## 矛盾风险化解网\n\n围绕矛盾纠纷多元化解开展工作。\n\n## 城市精细管理网\n\n1. 示范路50条（牵头单位：市城管委；完成时限：2020年底前）\n'],
      valid: ['## 矛盾风险化解网\n\n1. 调解室100个（牵头单位：市司法局；完成时限：2020年底前）\n'],
      expected: [['1:4-1:11: "矛盾风险化解网" has no measures']],
    },
  },
  check(context) {
    const labels = CANONICAL_LABELS[context.script];
    const hole = PLACEHOLDER[context.script];
    for (const net of context.outline.nets) {
      if (net.measureCount > 0) continue;
      const template =
        context.script === 'en'
          ? `1. ${hole} (${labels.owner}: ${hole}; ${labels.metric}: ${hole}; ${labels.deadline}: ${hole})`
          : `1. ${hole}（${labels.owner}：${hole}；${labels.metric}：${hole}；${labels.deadline}：${hole}）`;
      const at = net.headingSpan.end;
      context.report({
        span: net.nameSpan,
        messageId: 'empty',
        data: { name: context.text.slice(net.nameSpan.start, net.nameSpan.end) },
        suggestions: [{ title: context.t(rule.meta.messages.insert), edits: [{ span: { start: at, end: at }, newText: `${context.eol}${context.eol}${template}` }] }],
      });
    }
  },
};
