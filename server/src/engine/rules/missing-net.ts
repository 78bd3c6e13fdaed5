import type { DocumentRule } from '../rule';
import { CANONICAL_LABELS, PLACEHOLDER } from '../labels';
import type { Script } from '../types';
import type { NetDef } from '../schema';

function netName(net: NetDef, script: Script): string {
  return script === 'en' ? net.names.en : script === 'hant' ? net.names['zh-Hant'] : net.names['zh-Hans'];
}

/** A net section template: heading plus one measure with every field to fill. */
export function netSectionTemplate(net: NetDef, script: Script, depth: number, eol: string): string {
  const labels = CANONICAL_LABELS[script];
  const hole = PLACEHOLDER[script];
  const measure =
    script === 'en' ? `1. ${hole} (${labels.owner}: ${hole}; ${labels.metric}: ${hole}; ${labels.deadline}: ${hole})` : `1. ${hole}（${labels.owner}：${hole}；${labels.metric}：${hole}；${labels.deadline}：${hole}）`;
  return `${'#'.repeat(depth)} ${netName(net, script)}${eol}${eol}${measure}${eol}`;
}

export const rule: DocumentRule = {
  meta: {
    id: 'missing-net',
    description: { en: 'The draft covers every net of the schema.', 'zh-CN': '文稿须覆盖方案中的每一张网。' },
    rationale: {
      en: 'The plan is organised by the schema’s nets (the five nets by default); a draft without a section for one of them leaves that area unplanned.',
      'zh-CN': '方案按“五张网”（或自定义方案中的网）组织，缺少某张网的章节，意味着该领域没有安排任务。',
    },
    scope: 'document',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: true,
    messages: {
      missing: { en: 'The draft has no section for "{net}"', 'zh-CN': '文稿缺少“{net}”章节' },
      insert: { en: 'Insert a "{net}" section', 'zh-CN': '插入“{net}”章节模板' },
    },
    examples: {
      invalid: ['## 城市应急处置网\n\n1. 建设应急物资储备库3个（牵头单位：市应急局；完成时限：2020年底前）\n'],
      valid: [
        '## 城市应急处置网\n\n1. 储备库3个（牵头单位：市应急局；完成时限：2020年底前）\n\n## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n\n## 基层社会治理网\n\n1. 社工2000名（牵头单位：市民政局；完成时限：2020年底前）\n\n## 矛盾风险化解网\n\n1. 调解室100个（牵头单位：市司法局；完成时限：2020年底前）\n\n## 城市精细管理网\n\n1. 示范路50条（牵头单位：市城管委；完成时限：2020年底前）\n',
      ],
      expected: [
        [
          '1:4-1:11: The draft has no section for "Public Health Protection Net"',
          '1:4-1:11: The draft has no section for "Grassroots Social Governance Net"',
          '1:4-1:11: The draft has no section for "Conflict and Risk Resolution Net"',
          '1:4-1:11: The draft has no section for "Urban Fine Management Net"',
        ],
      ],
    },
  },
  check(context) {
    const present = new Set(context.outline.nets.map((net) => net.netId));
    const firstLineEnd = context.lines.lineEnd(context.outline.meta.frontmatterSpan ? context.lines.positionAt(context.outline.meta.frontmatterSpan.end).line + 1 : 0);
    const firstLineStart = context.outline.meta.frontmatterSpan ? context.lines.lineStart(context.lines.positionAt(context.outline.meta.frontmatterSpan.end).line + 1) : 0;
    const anchor = context.outline.nets[0]?.nameSpan ?? { start: firstLineStart, end: Math.max(firstLineStart, firstLineEnd) };
    const depth = context.outline.nets[0]?.depth ?? 2;
    const order = context.schema.nets.map((net) => net.id);
    for (const net of context.schema.nets) {
      if (present.has(net.id)) continue;
      // Insert before the next net of the schema's order that is present, else after the last net section.
      const later = context.outline.nets.find((section) => order.indexOf(section.netId) > order.indexOf(net.id));
      const lastSection = context.outline.nets[context.outline.nets.length - 1];
      let offset = later ? later.span.start : lastSection ? lastSection.span.end : context.text.length;
      let prefix = '';
      let suffix = context.eol;
      if (!later) {
        // At the end of a section or the document: make sure the template starts on its own paragraph.
        const before = context.text.slice(Math.max(0, offset - 2), offset);
        prefix = before.endsWith('\n\n') || offset === 0 ? '' : before.endsWith('\n') ? context.eol : context.eol + context.eol;
        suffix = offset < context.text.length ? context.eol : '';
      }
      // The message names the net in the reader's language; the template writes it in the draft's script.
      const name = context.locale === 'en' ? net.names.en : context.locale === 'zh-TW' ? net.names['zh-Hant'] : net.names['zh-Hans'];
      const template = prefix + netSectionTemplate(net, context.script, depth, context.eol) + suffix;
      if (offset > context.text.length) offset = context.text.length;
      context.report({
        span: anchor,
        messageId: 'missing',
        data: { net: name },
        // The suggestion names the heading it inserts, as written in the draft's script.
        suggestions: [{ title: context.t(rule.meta.messages.insert, { net: netName(net, context.script) }), edits: [{ span: { start: offset, end: offset }, newText: template }] }],
      });
    }
  },
};
