/**
 * Inline directives in HTML comments:
 *   <!-- fivenets-disable-next-line rule-id -->   <!-- fivenets-disable-line rule-id -->
 *   <!-- fivenets-disable rule-id --> … <!-- fivenets-enable rule-id -->
 *   <!-- fivenets-disable-file -->
 * No rule ids means every rule.
 */
import type { LineIndex } from './lines';
import type { PolicyModel } from './types';

const DIRECTIVE = /<!--\s*fivenets-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/gu;

interface RangeDirective {
  fromLine: number;
  toLine: number;
  rules: Set<string> | null;
}

export class Directives {
  private readonly ranges: RangeDirective[] = [];
  private fileDisabled = false;

  constructor(model: Pick<PolicyModel, 'comments'>, lines: LineIndex) {
    const open = new Map<string, number>();
    const events: Array<{ kind: string; rules: string[]; line: number; endLine: number }> = [];
    for (const comment of model.comments) {
      DIRECTIVE.lastIndex = 0;
      for (const match of comment.text.matchAll(DIRECTIVE)) {
        const offset = comment.span.start + (match.index ?? 0);
        const rules = match[2].split(/[\s,]+/u).filter((id) => id.length > 0);
        events.push({
          kind: match[1],
          rules,
          line: lines.positionAt(offset).line,
          endLine: lines.positionAt(offset + match[0].length).line,
        });
      }
    }
    const ALL = '*';
    for (const event of events) {
      const set = event.rules.length > 0 ? new Set(event.rules) : null;
      switch (event.kind) {
        case 'disable-file':
          this.fileDisabled = true;
          break;
        case 'disable-next-line':
          this.ranges.push({ fromLine: event.endLine + 1, toLine: event.endLine + 1, rules: set });
          break;
        case 'disable-line':
          this.ranges.push({ fromLine: event.line, toLine: event.line, rules: set });
          break;
        case 'disable':
          for (const id of event.rules.length > 0 ? event.rules : [ALL]) if (!open.has(id)) open.set(id, event.line);
          break;
        case 'enable':
          for (const id of event.rules.length > 0 ? event.rules : [...open.keys()]) {
            const from = open.get(id);
            if (from === undefined) continue;
            open.delete(id);
            this.ranges.push({ fromLine: from, toLine: event.line, rules: id === ALL ? null : new Set([id]) });
          }
          break;
      }
    }
    for (const [id, from] of open) this.ranges.push({ fromLine: from, toLine: Number.MAX_SAFE_INTEGER, rules: id === ALL ? null : new Set([id]) });
  }

  isDisabled(rule: string, line: number): boolean {
    if (this.fileDisabled) return true;
    return this.ranges.some((range) => line >= range.fromLine && line <= range.toLine && (range.rules === null || range.rules.has(rule)));
  }

  get disablesFile(): boolean {
    return this.fileDisabled;
  }
}
