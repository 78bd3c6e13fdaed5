/** JUnit XML: a test suite per file, a failing test case per diagnostic (a passing one for a clean file). */
import { paragraphPlace, type FileResult } from './types';
import { escapeXml } from './xml';

export function formatJunit(results: readonly FileResult[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const total = results.reduce((count, result) => count + Math.max(1, result.diagnostics.length), 0);
  const failures = results.reduce((count, result) => count + result.diagnostics.length, 0);
  out.push(`<testsuites name="fivenets" tests="${total}" failures="${failures}" errors="0">`);
  for (const result of results) {
    const name = escapeXml(result.path);
    const count = result.diagnostics.length;
    out.push(`  <testsuite name="${name}" tests="${Math.max(1, count)}" failures="${count}" errors="0">`);
    if (count === 0) out.push(`    <testcase name="${name}" classname="${name}"/>`);
    for (const diagnostic of result.diagnostics) {
      const where = diagnostic.paragraph ? paragraphPlace(diagnostic.paragraph) : `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
      out.push(`    <testcase name="${escapeXml(`${where} ${diagnostic.rule}`)}" classname="${name}">`);
      out.push(
        `      <failure message="${escapeXml(diagnostic.message)}" type="${diagnostic.severity}">${escapeXml(`${result.path}:${where} ${diagnostic.severity} ${diagnostic.message} (${diagnostic.rule})`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
