/** The JSON contract: {"version":1,"files":[…],"summary":{…}}. Lines and columns 1-based, range 0-based (LSP). */
import type { FileResult } from './types';
import { summarize } from './types';

export function formatJson(results: FileResult[]): string {
  const files = results.map((result) => ({
    path: result.path,
    diagnostics: result.diagnostics.map((diagnostic) => ({
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      message: diagnostic.message,
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      range: diagnostic.range,
      fix: diagnostic.fix ? diagnostic.fix.edits.map((edit) => ({ range: { start: edit.span.start, end: edit.span.end }, text: edit.newText })) : null,
    })),
  }));
  return `${JSON.stringify({ version: 1, files, summary: summarize(results) }, null, 2)}\n`;
}
