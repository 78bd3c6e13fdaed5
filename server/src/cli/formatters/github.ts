/** GitHub Actions workflow commands: ::error file=…,line=…,col=…,title=<rule>::<message>. */
import { placedMessage, printable, type FileResult } from './types';

// Escaping as the Actions toolkit does (toCommandValue / toCommandProperties).
// Line breaks are escaped (%0D, %0A); other controls would reach the log raw.
const escapeData = (text: string) => printable(text, true).replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
      const { start, end } = diagnostic.range;
      const properties = [
        `file=${escapeProperty(result.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(diagnostic.rule)}`,
      ].join(',');
      lines.push(`::${command} ${properties}::${escapeData(placedMessage(diagnostic))}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
