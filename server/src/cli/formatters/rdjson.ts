/**
 * reviewdog Diagnostic Format (rdjson): `reviewdog -f=rdjson` posts the findings as review
 * comments and offers fixes as suggestions. rdjson columns count UTF-8 bytes (1-based), so
 * they are computed from the file's text when it can be read; without it (standard input)
 * they fall back to UTF-16 columns, exact for ASCII lines only.
 */
import { LineIndex } from '../../engine/lines';
import type { FileResult, FormatContext, ReportedDiagnostic } from './types';

const SEVERITY = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

interface Position {
  line: number;
  column: number;
}

/** 0-based UTF-16 position -> rdjson position (1-based line, 1-based UTF-8 byte column). */
function positionIn(lines: readonly string[] | null, line: number, character: number): Position {
  const text = lines?.[line];
  if (text === undefined) return { line: line + 1, column: character + 1 };
  return { line: line + 1, column: Buffer.byteLength(text.slice(0, character), 'utf8') + 1 };
}

export function formatRdjson(results: readonly FileResult[], context: FormatContext, textOf: (path: string) => string | null): string {
  const diagnostics = results.flatMap((result) => {
    const text = result.diagnostics.length > 0 ? textOf(result.path) : null;
    const lines = text === null ? null : text.split(/\r\n|\r|\n/u);
    const index = text === null ? null : new LineIndex(text);
    return result.diagnostics.map((diagnostic) => {
      const range = {
        start: positionIn(lines, diagnostic.range.start.line, diagnostic.range.start.character),
        end: positionIn(lines, diagnostic.range.end.line, diagnostic.range.end.character),
      };
      return {
        message: diagnostic.message,
        location: { path: result.path, range },
        severity: SEVERITY[diagnostic.severity],
        source: { name: 'fivenets', url: context.docsBase },
        code: { value: diagnostic.rule, url: context.helpUri(diagnostic.rule) },
        ...(index && diagnostic.fix ? { suggestions: suggestions(diagnostic, lines as string[], index) } : {}),
      };
    });
  });
  const report = { source: { name: 'fivenets', url: context.docsBase }, diagnostics };
  return `${JSON.stringify(report)}\n`;
}

function suggestions(diagnostic: ReportedDiagnostic, lines: readonly string[], index: LineIndex) {
  return (diagnostic.fix?.edits ?? []).map((edit) => {
    const start = index.positionAt(edit.span.start);
    const end = index.positionAt(edit.span.end);
    return { range: { start: positionIn(lines, start.line, start.character), end: positionIn(lines, end.line, end.character) }, text: edit.newText };
  });
}
