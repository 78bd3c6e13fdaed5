/**
 * Examples are tests (remark-lint style): the examples in each rule's metadata and docs run
 * here, and each flagged example's reports (positions and messages) are the ones its doc
 * page shows.
 */
import * as assert from 'node:assert/strict';
import { lint, RULES, type LintDiagnostic } from '../../server/src/engine';
import { EXAMPLE_DATE } from '../../server/src/engine/rule';
import { rawReports } from '../../server/src/engine/linter/run-rules';
import { builtinSchema } from '../../server/src/engine/schema';

const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: EXAMPLE_DATE };

/** A report as the rule's examples write it: `line:column-line:column: message` (1-based). */
function reportLine(diagnostic: LintDiagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}: ${diagnostic.message}`;
}

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has at least one flagged and one clean example, and the reports of each flagged one', () => {
        assert.ok(rule.meta.examples.invalid.length > 0);
        assert.ok(rule.meta.examples.valid.length > 0);
        assert.equal(rule.meta.examples.expected.length, rule.meta.examples.invalid.length, 'one list of reports per flagged example');
      });
      rule.meta.examples.invalid.forEach((example, index) => {
        it(`reports exactly what the docs show on invalid example ${index + 1}`, () => {
          const found = lint(example, options).diagnostics.filter((diagnostic) => diagnostic.rule === rule.meta.id);
          assert.ok(found.length > 0, `expected ${rule.meta.id} on:\n${example}`);
          assert.deepEqual(found.map(reportLine), rule.meta.examples.expected[index]);
          for (const diagnostic of found) assert.ok(diagnostic.message.length > 0 && !diagnostic.message.includes('{'), 'messages are filled in');
        });
        if (!rule.meta.fixable) {
          it(`carries no fix on invalid example ${index + 1}, as the rule itself reports it (not fixable)`, () => {
            // The runner drops a fix of a rule not marked fixable: ask the rule itself.
            const result = lint(example, options);
            const reports = rawReports(rule, example, result.model, result.lines, options);
            assert.ok(reports.length > 0, 'the rule reports on its own');
            assert.deepEqual(
              reports.filter((report) => report.fix).map((report) => report.messageId),
              [],
              'a rule not marked fixable never makes a fix',
            );
          });
        }
      });
      rule.meta.examples.valid.forEach((example, index) => {
        it(`does not flag valid example ${index + 1}`, () => {
          const found = lint(example, options).diagnostics.filter((diagnostic) => diagnostic.rule === rule.meta.id);
          assert.deepEqual(
            found.map((diagnostic) => diagnostic.message),
            [],
          );
        });
      });
      if (rule.meta.fixable) {
        it('is marked fixable and carries a fix on its invalid examples', () => {
          const fixes = rule.meta.examples.invalid.flatMap((example) => lint(example, options).diagnostics.filter((d) => d.rule === rule.meta.id && d.fix));
          assert.ok(fixes.length > 0, `${rule.meta.id} is marked fixable but no example carries a fix`);
        });
      }
      it('localizes every message in zh-CN and zh-TW', () => {
        for (const locale of ['zh-CN', 'zh-TW'] as const) {
          for (const example of rule.meta.examples.invalid) {
            const found = lint(example, { ...options, locale }).diagnostics.filter((diagnostic) => diagnostic.rule === rule.meta.id);
            for (const diagnostic of found) assert.match(diagnostic.message, /[\u4e00-\u9fff]/u);
          }
        }
      });
    });
  }
});
