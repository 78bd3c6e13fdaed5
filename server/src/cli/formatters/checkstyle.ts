/**
 * Checkstyle XML (`<checkstyle><file name><error line column severity message source/>`), the
 * format Jenkins' Warnings plugin, reviewdog (-f=checkstyle) and many CI dashboards read.
 * Severity is error, warning or info; `source` is fivenets.<rule-id>, as ESLint writes eslint.rules.<id>.
 */
import type { FileResult } from './types';
import { escapeXml } from './xml';

export function formatCheckstyle(results: readonly FileResult[]): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    out.push(`  <file name="${escapeXml(result.path)}">`);
    for (const diagnostic of result.diagnostics) {
      const { start } = diagnostic.range;
      out.push(`    <error line="${start.line + 1}" column="${start.character + 1}" severity="${diagnostic.severity}" message="${escapeXml(diagnostic.message)}" source="${escapeXml(`fivenets.${diagnostic.rule}`)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
