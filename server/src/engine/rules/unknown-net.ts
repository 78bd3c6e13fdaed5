import type { DocumentRule } from '../rule';
import { detectScript } from '../script';

export const rule: DocumentRule = {
  meta: {
    id: 'unknown-net',
    description: { en: 'A heading that names a net uses a name from the schema.', 'zh-CN': '网的章节标题须使用方案中的名称。' },
    rationale: {
      en: 'A misspelled net (公共卫生防控网 for 公共卫生防护网) is not counted: its measures fall outside every net and reports miss them.',
      'zh-CN': '写错的网名（如把“公共卫生防护网”写成“公共卫生防控网”）无法识别，其下措施不计入任何一张网。',
    },
    scope: 'document',
    defaultSeverity: 'warning',
    fixable: true,
    hasSuggestions: false,
    messages: {
      unknown: { en: '"{name}" is not a net of the schema', 'zh-CN': '“{name}”不是方案中的网' },
      closest: { en: '"{name}" is not a net of the schema: did you mean "{closest}"?', 'zh-CN': '“{name}”不是方案中的网：是否应为“{closest}”？' },
      rename: { en: 'Rename to "{closest}"', 'zh-CN': '改为“{closest}”' },
    },
    examples: {
      invalid: ['## 二、织密公共卫生防控网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      valid: ['## 二、织密公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n'],
      expected: [['1:8-1:15: "公共卫生防控网" is not a net of the schema: did you mean "公共卫生防护网"?']],
    },
  },
  check(context) {
    for (const heading of context.outline.unknownNets) {
      if (!heading.closest) {
        context.report({ span: heading.nameSpan, messageId: 'unknown', data: { name: heading.name } });
        continue;
      }
      const net = context.schema.nets.find((candidate) => candidate.id === heading.closest?.netId);
      // Rename in the heading's own script (a draft may mix scripts).
      const script = detectScript(heading.heading);
      const closest = net ? (script === 'hant' ? net.names['zh-Hant'] : script === 'en' ? net.names.en : net.names['zh-Hans']) : heading.closest.name;
      context.report({
        span: heading.nameSpan,
        messageId: 'closest',
        data: { name: heading.name, closest },
        fix: { title: context.t(rule.meta.messages.rename, { closest }), edits: [{ span: heading.nameSpan, newText: closest }] },
      });
    }
  },
};
