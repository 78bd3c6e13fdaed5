/**
 * The JSON contract: {"version":1,"files":[…],"summary":{…}}. Lines and columns 1-based, range
 * 0-based (LSP). The report is JSON.stringify(report) plus a final line break: compact, as
 * ESLint's json formatter (the indented form was three times the size: 15 MB for 400 drafts, and
 * `jq .` indents it for reading). It is assembled here from one fragment per file (the file's
 * `diagnostics` array) so a fragment rendered once (by a worker, or stored in the cache) is
 * copied, not re-serialized.
 */
import type { Diagnostic } from '../../contract';
import { chunkText, type Chunk } from '../output';
import type { Counts, FileResult, FormatContext, ReportedDiagnostic, ReportedSchema } from './types';
import { summarize } from './types';

/** A diagnostic as the report renders it (the contract in ../../contract.ts). */
type JsonDiagnostic = Diagnostic;

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
    ...(diagnostic.paragraph ? { paragraph: diagnostic.paragraph.number, excerpt: diagnostic.paragraph.words } : {}),
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
    ...(shaped.paragraph !== undefined ? { paragraph: { number: shaped.paragraph, words: shaped.excerpt ?? '' } } : {}),
  }));
}

/** `docsBase`: where rule pages are (`<docsUrl>/<rule>.md`); `outputs`: each file's fixed text (--fix-dry-run), by report path. */
export function formatJson(results: readonly FileResult[], context: Pick<FormatContext, 'docsBase'>, outputs?: ReadonlyMap<string, string>): Chunk[] {
  const chunks: Chunk[] = ['{"version":1,"files":['];
  results.forEach((result, index) => {
    const schema = result.schema ? `"schema":${JSON.stringify({ id: result.schema.id, from: result.schema.from })},` : '';
    chunks.push(`${index === 0 ? '' : ','}{"path":${JSON.stringify(result.path)},${schema}"diagnostics":`);
    chunks.push(result.jsonDiagnostics ?? renderJsonDiagnostics(result.diagnostics));
    const output = outputs?.get(result.path);
    chunks.push(output === undefined ? '}' : `,"output":${JSON.stringify(output)}}`);
  });
  chunks.push(`],"summary":${JSON.stringify(summarize(results))},"docsUrl":${JSON.stringify(context.docsBase)}}\n`);
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

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];
const DIAGNOSTIC_KEYS = ['column', 'fix', 'line', 'message', 'range', 'rule', 'severity'];
const RANGE_KEYS = ['end', 'start'];
const POSITION_KEYS = ['character', 'line'];
const EDIT_KEYS = ['range', 'text'];
const RULE_ID = /^[a-z][a-z0-9-]*$/u;

/**
 * Does `value` own exactly these keys? Counted in one pass (a sorted, joined copy of the keys of
 * each of 24,000 cached diagnostics was most of the time a cached run spent checking them).
 */
function hasExactly(value: object, keys: readonly string[]): boolean {
  let count = 0;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
    if (!keys.includes(key)) return false;
    count++;
  }
  return count === keys.length;
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && hasExactly(value, POSITION_KEYS) && isCount((value as { line: unknown }).line) && isCount((value as { character: unknown }).character);

export function checkJsonDiagnostics(value: unknown): Counts | null {
  if (!Array.isArray(value)) return null;
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  let lastRule = '';
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null || !hasExactly(item, DIAGNOSTIC_KEYS)) return null;
    const shaped = item as Record<string, unknown>;
    if (typeof shaped.rule !== 'string' || typeof shaped.message !== 'string') return null;
    if (shaped.rule !== lastRule) {
      if (!RULE_ID.test(shaped.rule)) return null;
      lastRule = shaped.rule;
    }
    if (typeof shaped.severity !== 'string' || !SEVERITIES.includes(shaped.severity)) return null;
    const range = shaped.range as { start?: unknown; end?: unknown } | null;
    if (typeof range !== 'object' || range === null || !hasExactly(range, RANGE_KEYS) || !isPosition(range.start) || !isPosition(range.end)) return null;
    const start = range.start as { line: number; character: number };
    if (shaped.line !== start.line + 1 || shaped.column !== start.character + 1) return null;
    if (shaped.fix !== null) {
      if (!Array.isArray(shaped.fix)) return null;
      for (const edit of shaped.fix as unknown[]) {
        if (typeof edit !== 'object' || edit === null || !hasExactly(edit, EDIT_KEYS)) return null;
        const { range: span, text } = edit as { range: { start?: unknown; end?: unknown } | null; text: unknown };
        if (typeof text !== 'string' || typeof span !== 'object' || span === null || !hasExactly(span, RANGE_KEYS)) return null;
        if (!isCount(span.start) || !isCount(span.end) || span.start > span.end) return null;
      }
    }
    if (shaped.severity === 'error') counts.errors++;
    else if (shaped.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}
