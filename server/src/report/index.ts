/**
 * The policy overview report: `buildReport` (drafts -> ReportData, pure) and its renderers.
 * No editor types, so the CLI and a VS Code webview share it:
 *
 *   const data = buildReport([{ path, href, text, options: lintOptionsFor(resolved) }], { today: '2020-10-15' });
 *   webview.html = renderHtml(data, { nonce, csp: false });
 */
export { buildReport } from './model';
export type { ReportData, ReportSource } from './model';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

import type { ReportData } from './model';

/** The JSON format: the report data itself. */
export function renderJson(data: ReportData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
