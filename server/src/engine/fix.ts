/**
 * Fixes are data: text edits carried on diagnostics. This module builds the templates a
 * missing field gets (in the measure's own style) and applies edits to text.
 */
import type { FieldKind, Fix, Measure, Script, TextEdit } from './types';
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
      // The parser records the separator without the space English puts after it.
      const separator = point.separator ? (english ? `${point.separator.trim()} ` : point.separator) : english ? '; ' : '；';
      return at(point.offset, `${separator}${label}${colon}${placeholder}`);
    }
    case 'sublist':
    case 'line': {
      const colon = english ? ': ' : point.colon === ':' ? ':' : '：';
      return at(point.offset, `${eol}${point.blankLine ? eol : ''}${point.separator ?? ''}${label}${colon}${placeholder}`);
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

/**
 * Apply fixes that do not conflict; later conflicting fixes wait for the next pass
 * (the caller re-lints and applies again, as ESLint does). Linear in the number of edits:
 * edits are sorted once, conflicts are checked against the neighbours, and the text is
 * joined from pieces once.
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: number } {
  // Accepted edits, kept sorted by start; a fix is accepted only if none of its edits conflicts.
  const accepted: TextEdit[] = [];
  let applied = 0;
  const conflicts = (edit: TextEdit): boolean => {
    // Binary search for the first accepted edit that starts at or after this one.
    let low = 0;
    let high = accepted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (accepted[mid].span.start < edit.span.start) low = mid + 1;
      else high = mid;
    }
    const before = accepted[low - 1];
    const after = accepted[low];
    // Two insertions at one offset also conflict: their order would be arbitrary.
    if (before && (before.span.end > edit.span.start || (before.span.start === edit.span.start && before.span.end === before.span.start))) return true;
    if (after && (after.span.start < edit.span.end || after.span.start === edit.span.start)) return true;
    return false;
  };
  const insert = (edit: TextEdit) => {
    let index = accepted.length;
    while (index > 0 && accepted[index - 1].span.start > edit.span.start) index--;
    accepted.splice(index, 0, edit);
  };
  for (const fix of fixes) {
    if (fix.edits.some(conflicts)) continue;
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start);
    // A fix's own edits must not overlap each other either.
    if (edits.some((edit, index) => index > 0 && edits[index - 1].span.end > edit.span.start)) continue;
    for (const edit of edits) insert(edit);
    applied++;
  }
  const pieces: string[] = [];
  let cursor = 0;
  for (const edit of accepted) {
    pieces.push(text.slice(cursor, edit.span.start), edit.newText);
    cursor = edit.span.end;
  }
  pieces.push(text.slice(cursor));
  return { text: pieces.join(''), applied };
}
