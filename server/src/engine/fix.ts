/**
 * Fixes are data: text edits carried on diagnostics. This module builds the templates a
 * missing field gets (in the measure's own style) and applies edits to text.
 */
import type { FieldKind, Fix, Measure, Script, Span, TextEdit } from './types';
import { CANONICAL_LABELS, PLACEHOLDER } from './labels';

/** The edit that inserts a missing field into a measure, in its own style. */
export function insertFieldEdit(measure: Measure, kind: FieldKind, script: Script, eol: string): TextEdit {
  const label = CANONICAL_LABELS[script][kind];
  const placeholder = PLACEHOLDER[script];
  const english = script === 'en';
  const point = measure.insertion;
  const at = (offset: number, newText: string): TextEdit => ({ span: { start: offset, end: offset }, newText });
  switch (point.mode) {
    case 'bracket': {
      const colon = english ? ': ' : (point.colon ?? '：');
      const separator = point.separator ?? (english ? '; ' : '；');
      return at(point.offset, `${separator}${label}${colon}${placeholder}`);
    }
    case 'sublist':
    case 'line': {
      const colon = english ? ': ' : (point.colon === ':' ? ':' : '：');
      return at(point.offset, `${eol}${point.separator ?? ''}${label}${colon}${placeholder}`);
    }
    case 'cell': {
      const cell = point.cells?.[kind];
      if (cell) return at(cell.start, `${placeholder} `);
      break;
    }
    case 'append':
      break;
  }
  return english ? at(point.offset, ` (${label}: ${placeholder})`) : at(point.offset, `（${label}：${placeholder}）`);
}

function overlaps(a: Span, b: Span): boolean {
  // Two insertions at one offset also conflict: their order would be arbitrary.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end || (a.start === a.end && a.start > b.start && a.start < b.end) || (b.start === b.end && b.start > a.start && b.start < a.end);
}

/**
 * Apply fixes that do not conflict; later conflicting fixes wait for the next pass
 * (the caller re-lints and applies again, as ESLint does).
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  const accepted: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    if (fix.edits.some((edit) => accepted.some((other) => overlaps(edit.span, other.span)))) continue;
    accepted.push(...fix.edits);
    applied++;
  }
  accepted.sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let output = text;
  for (const edit of accepted) output = output.slice(0, edit.span.start) + edit.newText + output.slice(edit.span.end);
  return { text: output, applied };
}
