/** Human output in the ESLint "stylish" shape: one block per file, a summary line. */
import type { Locale } from '../../engine/types';
import type { Counts, FileResult, FormatContext } from './types';
import { paragraphPlace, printable, summarize } from './types';

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatStylish(results: readonly FileResult[], context: FormatContext): string {
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    out.push(paint(context.color, '4', printable(result.path)));
    const rows = result.diagnostics.map((diagnostic) => ({
      where: diagnostic.paragraph ? printable(paragraphPlace(diagnostic.paragraph)) : `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`,
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
  const words = SUMMARY[context.locale];
  if (total === 0) out.push(words.clean(summary.files));
  else {
    out.push(paint(context.color, summary.errors > 0 ? '31;1' : '33;1', words.problems(total, summary, summary.files)));
    if (fixable > 0) out.push(`  ${words.fixable(fixable)}`);
  }
  return `${out.join('\n')}\n`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The summary line in each locale, as the messages are (--locale, else the config's, else zh-CN). */
const SUMMARY: Record<Locale, { clean(files: number): string; problems(total: number, counts: Counts, files: number): string; fixable(count: number): string }> = {
  en: {
    clean: (files) => `✔ ${plural(files, 'file', 'files')} checked, no problems`,
    problems: (total, counts, files) =>
      `✖ ${plural(total, 'problem', 'problems')} (${plural(counts.errors, 'error', 'errors')}, ${plural(counts.warnings, 'warning', 'warnings')}, ${counts.infos} info) in ${plural(files, 'file', 'files')}`,
    fixable: (count) => `${count} can be fixed with --fix`,
  },
  'zh-CN': {
    clean: (files) => `✔ 已检查 ${files} 个文件，没有问题`,
    problems: (total, counts, files) => `✖ ${files} 个文件中有 ${total} 个问题（${counts.errors} 个错误，${counts.warnings} 个警告，${counts.infos} 个提示）`,
    fixable: (count) => `其中 ${count} 个可用 --fix 自动修复`,
  },
  'zh-TW': {
    clean: (files) => `✔ 已檢查 ${files} 個檔案，沒有問題`,
    problems: (total, counts, files) => `✖ ${files} 個檔案中有 ${total} 個問題（${counts.errors} 個錯誤，${counts.warnings} 個警告，${counts.infos} 個提示）`,
    fixable: (count) => `其中 ${count} 個可用 --fix 自動修復`,
  },
};
