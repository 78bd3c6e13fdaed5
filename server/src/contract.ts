/**
 * The JSON contracts of `fivenets lint --format json` and `fivenets export --format json`, in
 * one file: the CLI renders them, the engine's task table builds rows of them, and the npm
 * package's API returns them (its .d.ts ships this file's declarations). No imports, so the
 * shipped types stand alone.
 */

/** One diagnostic of the JSON report. `line`/`column` 1-based; `range` LSP (0-based, UTF-16). */
export interface Diagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The fix as UTF-16 offsets into the text, or null. */
  fix: Array<{ range: { start: number; end: number }; text: string }> | null;
  /** Word documents (.docx) only: the paragraph (¶, 1-based, table cells counted) and its first words. */
  paragraph?: number;
  excerpt?: string;
}

/** One row of the task table (任务分工表): a measure. */
export interface TaskRow {
  file: string;
  /** 1-based first line of the measure. */
  line: number;
  /** The schema's net id. */
  net: string | null;
  text: string;
  owner: string | null;
  coOwners: string[];
  metric: string | null;
  hasMetric: boolean;
  deadline: string | null;
  deadlineNormalized: { start: string; end: string } | 'ongoing' | null;
  missing: Array<'owner' | 'metric' | 'deadline'>;
  /** Word documents (.docx) only: the paragraph (¶) the measure starts in, and its first words. */
  paragraph?: number;
  excerpt?: string;
}

/** Which schema a draft was checked against, and why (`--schema`, its frontmatter, its config, or auto). */
export interface SchemaChoice {
  id: string;
  from: 'cli' | 'frontmatter' | 'config' | 'auto';
}
