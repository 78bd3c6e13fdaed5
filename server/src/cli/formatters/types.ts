import type { Locale, Range, Severity, TextEdit } from '../../engine/types';
import type { Chunk } from '../output';

/** What the formatters read of a diagnostic: an engine LintDiagnostic is one, and so is a cached one. */
export interface ReportedDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fix: { edits: readonly TextEdit[] } | null;
  /** For a Word document (linted as its import): the paragraph the line came from. */
  paragraph?: WordParagraphRef;
}

/** A paragraph of a .docx: its ¶ number (1-based, table cells included) and first words. */
export interface WordParagraphRef {
  number: number;
  words: string;
}

/** "¶37 “建设市级应急物资储备库…”", where a Word document's diagnostic is. */
export function paragraphPlace(paragraph: WordParagraphRef): string {
  return `¶${paragraph.number} “${paragraph.words}”`;
}

/** The message, led by its Word paragraph when it has one (formats with no column for it). */
export function placedMessage(diagnostic: ReportedDiagnostic): string {
  return diagnostic.paragraph ? `${paragraphPlace(diagnostic.paragraph)}: ${diagnostic.message}` : diagnostic.message;
}

/** The schema a draft was checked against and why (`from`: cli, frontmatter, config or auto). */
export interface ReportedSchema {
  id: string;
  from: string;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface FileResult {
  /** The path as given (or found under a folder), with forward slashes. */
  path: string;
  readonly diagnostics: readonly ReportedDiagnostic[];
  /**
   * The diagnostics as the JSON report renders them (formatters/json.ts), when already known:
   * a cache hit or a worker's result. The JSON report copies it instead of re-serializing.
   */
  readonly jsonDiagnostics?: Chunk;
  /** The severity counts of `diagnostics`, when known without reading them. */
  readonly counts?: Counts;
  /** The schema the draft was checked against, and why. */
  readonly schema?: ReportedSchema;
}

export interface Summary extends Counts {
  files: number;
}

export function countSeverities(diagnostics: readonly ReportedDiagnostic[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') counts.errors++;
    else if (diagnostic.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

export function summarize(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    const counts = result.counts ?? countSeverities(result.diagnostics);
    summary.errors += counts.errors;
    summary.warnings += counts.warnings;
    summary.infos += counts.infos;
  }
  return summary;
}

/** A rule as SARIF describes it, in the report's locale (from the engine, or from the cache). */
export interface RuleSummary {
  id: string;
  defaultSeverity: Severity;
  fixable: boolean;
  description: string;
  rationale: string;
}

export interface FormatContext {
  color: boolean;
  /** Language of the stylish summary line (the messages' locale). */
  locale: Locale;
  toolVersion: string;
  /** Base of the rule help pages (no trailing slash): a rule's page is <docsBase>/<rule-id>.md. */
  docsBase: string;
  /** Docs page of a rule, for SARIF helpUri. */
  helpUri(ruleId: string): string;
}

// C0 controls but tab, DEL and C1 controls: ESC [ … from a draft or a file name would move the
// cursor, recolour or retitle the terminal that shows the report.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/gu;
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Text for a terminal: control characters other than tab removed (line breaks too, unless `keepLineBreaks`). */
export function printable(text: string, keepLineBreaks = false): string {
  return text.replace(keepLineBreaks ? CONTROLS_BUT_LINE_BREAKS : CONTROLS, '');
}
