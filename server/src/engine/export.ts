/** The task table (任务分工表): one row per measure, as `fivenets export` and the report show it. */
import type { PolicySchema } from './schema';
import type { DeadlineValue, Locale, PolicyModel } from './types';
import type { LineIndex } from './lines';
import { missingFields } from './summary';
import type { TaskRow } from '../contract';

export type { TaskRow } from '../contract';

function normalized(value: DeadlineValue | null): TaskRow['deadlineNormalized'] {
  if (!value) return null;
  return value.kind === 'ongoing' ? 'ongoing' : { start: value.start, end: value.end };
}

export function taskRows(file: string, model: PolicyModel, lines: LineIndex, schema: PolicySchema): TaskRow[] {
  const measures = [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
  return measures
    .map((measure): TaskRow => {
      const missing = missingFields(measure, schema);
      return {
        file,
        line: lines.positionAt(measure.span.start).line + 1,
        net: measure.netId,
        text: measure.text,
        owner: measure.owner?.value ?? null,
        coOwners: [...measure.coOwners],
        metric: measure.metric?.value ?? null,
        hasMetric: measure.hasMetric,
        deadline: measure.deadline?.value ?? null,
        deadlineNormalized: normalized(measure.deadlineValue),
        missing,
      };
    })
    .sort((a, b) => a.line - b.line);
}

/** The net's display name in a locale. */
export function netName(schema: PolicySchema, netId: string | null, locale: Locale): string {
  const net = schema.nets.find((candidate) => candidate.id === netId);
  if (!net) return '';
  return locale === 'en' ? net.names.en : locale === 'zh-TW' ? net.names['zh-Hant'] : net.names['zh-Hans'];
}
