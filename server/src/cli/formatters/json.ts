/**
 * The JSON contract: {"version":1,"files":[…],"summary":{…}}. Lines and columns 1-based, range
 * 0-based (LSP). The report is JSON.stringify(report) plus a final line break: compact, as
 * ESLint's json formatter (the indented form was three times the size: 15 MB for 400 drafts, and
 * `jq .` indents it for reading). It is assembled here from one fragment per file (the file's
 * `diagnostics` array) so a fragment rendered once (by a worker, or stored in the cache) is
 * copied, not re-serialized.
 */
import type { Severity } from '../../engine/types';
import { chunkText, type Chunk } from '../output';
import type { Counts, FileResult, ReportedDiagnostic, ReportedSchema } from './types';
import { summarize } from './types';

interface JsonDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  range: ReportedDiagnostic['range'];
  fix: Array<{ range: { start: number; end: number }; text: string }> | null;
}

/** A file's `diagnostics` array exactly as it appears in the report. */
export function renderJsonDiagnostics(diagnostics: readonly ReportedDiagnostic[]): string {
  const shaped: JsonDiagnostic[] = diagnostics.map((diagnostic) => ({
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    message: diagnostic.message,
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    range: diagnostic.range,
    fix: diagnostic.fix ? diagnostic.fix.edits.map((edit) => ({ range: { start: edit.span.start, end: edit.span.end }, text: edit.newText })) : null,
  }));
  return JSON.stringify(shaped);
}

/** The diagnostics back from their rendering (for the other formats and --quiet). */
export function parseJsonDiagnostics(text: string): ReportedDiagnostic[] {
  return (JSON.parse(text) as JsonDiagnostic[]).map((shaped) => ({
    rule: shaped.rule,
    severity: shaped.severity,
    message: shaped.message,
    range: shaped.range,
    fix: shaped.fix ? { edits: shaped.fix.map((edit) => ({ span: { start: edit.range.start, end: edit.range.end }, newText: edit.text })) } : null,
  }));
}

export function formatJson(results: readonly FileResult[]): Chunk[] {
  const chunks: Chunk[] = ['{"version":1,"files":['];
  results.forEach((result, index) => {
    const schema = result.schema ? `"schema":${JSON.stringify({ id: result.schema.id, from: result.schema.from })},` : '';
    chunks.push(`${index === 0 ? '' : ','}{"path":${JSON.stringify(result.path)},${schema}"diagnostics":`);
    chunks.push(result.jsonDiagnostics ?? renderJsonDiagnostics(result.diagnostics));
    chunks.push('}');
  });
  chunks.push(`],"summary":${JSON.stringify(summarize(results))}}\n`);
  return chunks;
}

/** A file's result that keeps whichever form it came in (objects or rendered JSON) and derives the other on demand. */
export class FileReport implements FileResult {
  private parsed: readonly ReportedDiagnostic[] | undefined;
  private rendered: Chunk | undefined;
  readonly counts: Counts | undefined;
  readonly schema: ReportedSchema | undefined;

  constructor(
    readonly path: string,
    source: ({ diagnostics: readonly ReportedDiagnostic[]; json?: Chunk } | { json: Chunk; counts: Counts }) & { schema?: ReportedSchema },
  ) {
    this.parsed = 'diagnostics' in source ? source.diagnostics : undefined;
    this.rendered = source.json;
    this.counts = 'counts' in source ? source.counts : undefined;
    this.schema = source.schema;
  }

  get diagnostics(): readonly ReportedDiagnostic[] {
    this.parsed ??= parseJsonDiagnostics(chunkText(this.rendered as Chunk));
    return this.parsed;
  }

  get jsonDiagnostics(): Chunk {
    this.rendered ??= renderJsonDiagnostics(this.parsed ?? []);
    return this.rendered;
  }
}
