/** Examples are tests (remark-lint style): the examples in each rule's metadata and docs run here. */
import * as assert from 'node:assert/strict';
import { lint, RULES } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      it('has at least one flagged and one clean example', () => {
        assert.ok(rule.meta.examples.invalid.length > 0);
        assert.ok(rule.meta.examples.valid.length > 0);
      });
      rule.meta.examples.invalid.forEach((example, index) => {
        it(`flags invalid example ${index + 1}`, () => {
          const found = lint(example, options).diagnostics.filter((diagnostic) => diagnostic.rule === rule.meta.id);
          assert.ok(found.length > 0, `expected ${rule.meta.id} on:\n${example}`);
          for (const diagnostic of found) {
            if (!rule.meta.fixable) assert.equal(diagnostic.fix, null, 'a rule not marked fixable never carries a fix');
            assert.ok(diagnostic.message.length > 0 && !diagnostic.message.includes('{'), 'messages are filled in');
          }
        });
      });
      rule.meta.examples.valid.forEach((example, index) => {
        it(`does not flag valid example ${index + 1}`, () => {
          const found = lint(example, options).diagnostics.filter((diagnostic) => diagnostic.rule === rule.meta.id);
          assert.deepEqual(found.map((diagnostic) => diagnostic.message), []);
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
