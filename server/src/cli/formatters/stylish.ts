/** Human output in the ESLint "stylish" shape: one block per file, a summary line. */
import type { FileResult, FormatContext } from './types';
import { printable, summarize } from './types';

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatStylish(results: readonly FileResult[], context: FormatContext): string {
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out.push(paint(context.color, '4', printable(result.path)));
    const rows = result.diagnostics.map((diagnostic) => ({
      where: `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`,
      severity: diagnostic.severity,
      message: printable(diagnostic.message),
      rule: printable(diagnostic.rule),
    }));
    const whereWidth = rows.reduce((widest, row) => Math.max(widest, row.where.length), 0);
    for (const row of rows) {
      const severity = row.severity === 'error' ? paint(context.color, '31', 'error  ') : row.severity === 'warning' ? paint(context.color, '33', 'warning') : paint(context.color, '36', 'info   ');
      out.push(`  ${row.where.padEnd(whereWidth)}  ${severity}  ${row.message}  ${paint(context.color, '2', row.rule)}`);
    }
    out.push('');
  }
  const summary = summarize(results);
  const total = summary.errors + summary.warnings + summary.infos;
  const fixable = results.reduce((count, result) => count + result.diagnostics.filter((diagnostic) => diagnostic.fix).length, 0);
  if (total === 0) out.push(`✔ ${summary.files} file(s) checked, no problems`);
  else {
    const line = `✖ ${total} problem(s) (${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info) in ${summary.files} file(s)`;
    out.push(paint(context.color, summary.errors > 0 ? '31;1' : '33;1', line));
    if (fixable > 0) out.push(`  ${fixable} can be fixed with --fix`);
  }
  return `${out.join('\n')}\n`;
}
