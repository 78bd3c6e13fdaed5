import type { SectionRule } from '../rule';
import { simplify } from '../script';
import { VAGUE_METRICS, VAGUE_METRICS_EN } from '../vocabulary';
import type { Span } from '../types';

/** The vague targets of both languages, in the order they are looked for. */
const VAGUE_METRIC_WORDS = [...VAGUE_METRICS, ...VAGUE_METRICS_EN];

/** Any of them at all: one scan of a region that holds none (most prose) instead of one per word. */
const ANY_VAGUE_METRIC = new RegExp(VAGUE_METRIC_WORDS.map((word) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'u');

export const rule: SectionRule = {
  meta: {
    id: 'unmeasurable-metric',
    description: { en: 'Targets are quantities, not 进一步提升.', 'zh-CN': '目标须可量化，不能只写“进一步提升”。' },
    rationale: {
      en: '进一步提升 (further improve) and 力争 (strive to) cannot be checked. Say by how much: 覆盖率达到95%, 平均响应时间≤10分钟.',
      'zh-CN': '“进一步提升”“力争”“明显改善”无法考核。请写明量化目标，如“覆盖率达到95%”“平均响应时间不超过10分钟”。',
    },
    scope: 'section',
    defaultSeverity: 'warning',
    fixable: false,
    hasSuggestions: false,
    messages: {
      vague: { en: '"{word}" is not measurable: state a quantity', 'zh-CN': '“{word}”无法量化考核：请写明具体数值' },
    },
    examples: {
      invalid: ['## 城市精细管理网\n\n1. 市容环境（牵头单位：市城管委；指标：进一步提升；完成时限：2020年底前）\n'],
      valid: ['## 城市精细管理网\n\n1. 市容环境达标率达到95%（牵头单位：市城管委；完成时限：2020年底前）\n'],
      expected: [['3:22-3:27: "进一步提升" is not measurable: state a quantity']],
    },
  },
  check(context) {
    for (const measure of context.measures) {
      if (measure.hasMetric) continue;
      const regions: readonly Span[] = measure.metric ? [measure.metric.valueSpan] : measure.prose;
      for (const region of regions) {
        // Simplified script and lower case keep offsets (both are length-preserving here).
        const raw = context.text.slice(region.start, region.end);
        const lower = raw.toLowerCase();
        const simplified = lower.length === raw.length ? simplify(lower) : simplify(raw);
        if (!ANY_VAGUE_METRIC.test(simplified)) continue;
        const taken: Span[] = [];
        for (const word of VAGUE_METRIC_WORDS) {
          let index = simplified.indexOf(word);
          while (index >= 0) {
            const span = { start: region.start + index, end: region.start + index + word.length };
            if (!taken.some((other) => span.start < other.end && other.start < span.end)) {
              taken.push(span);
              context.report({ span, messageId: 'vague', data: { word: context.text.slice(span.start, span.end) } });
            }
            index = simplified.indexOf(word, index + word.length);
          }
        }
      }
    }
  },
};
