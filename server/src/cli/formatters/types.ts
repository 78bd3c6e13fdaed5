import type { LintDiagnostic } from '../../engine';

export interface FileResult {
  /** The path as given (or found under a folder), with forward slashes. */
  path: string;
  diagnostics: LintDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(results: FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'error') summary.errors++;
      else if (diagnostic.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

export interface FormatContext {
  color: boolean;
  toolVersion: string;
  /** Docs page of a rule, for SARIF helpUri. */
  helpUri(ruleId: string): string;
}
