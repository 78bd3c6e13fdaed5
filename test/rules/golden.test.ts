/**
 * Golden fixtures per rule (markdownlint style): test/rules/<rule-id>/<case>.md beside
 * <case>.json (every rule's diagnostics, English messages; an entry without `rule` is the
 * folder's rule, so a regression in another rule shows too) and, for fixable rules,
 * <case>.fixed.md. Regenerate with UPDATE_GOLDEN=1 and review the diff.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint, RULES_BY_ID } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const update = process.env.UPDATE_GOLDEN === '1';
const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };

const ruleDirs = fs
  .readdirSync(__dirname, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('rule golden fixtures', () => {
  it('has a fixture folder for every rule and no folder for an unknown rule', () => {
    assert.deepEqual([...ruleDirs].sort(), [...RULES_BY_ID.keys()].sort());
  });

  for (const ruleId of ruleDirs) {
    const rule = RULES_BY_ID.get(ruleId);
    describe(ruleId, () => {
      const dir = path.join(__dirname, ruleId);
      const cases = fs.readdirSync(dir).filter((name) => name.endsWith('.md') && !name.endsWith('.fixed.md'));
      it('has at least one case', () => assert.ok(cases.length > 0));
      for (const name of cases) {
        const base = path.join(dir, name.replace(/\.md$/u, ''));
        const text = fs.readFileSync(`${base}.md`, 'utf8');
        const diagnostics = lint(text, options).diagnostics;

        it(`${name}: diagnostics match ${path.basename(base)}.json`, () => {
          const actual = diagnostics.map((diagnostic) => ({
            ...(diagnostic.rule === ruleId ? {} : { rule: diagnostic.rule }),
            line: diagnostic.range.start.line + 1,
            column: diagnostic.range.start.character + 1,
            endLine: diagnostic.range.end.line + 1,
            endColumn: diagnostic.range.end.character + 1,
            severity: diagnostic.severity,
            message: diagnostic.message,
            text: text.slice(diagnostic.span.start, diagnostic.span.end),
            fix: diagnostic.fix ? diagnostic.fix.edits.map((edit) => ({ at: edit.span.start, remove: edit.span.end - edit.span.start, insert: edit.newText })) : null,
            suggestions: diagnostic.suggestions.map((suggestion) => suggestion.title),
          }));
          if (update) fs.writeFileSync(`${base}.json`, `${JSON.stringify(actual, null, 2)}\n`);
          assert.ok(
            diagnostics.some((diagnostic) => diagnostic.rule === ruleId),
            'every golden case shows the rule at work',
          );
          assert.deepEqual(actual, JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')));
        });

        it(`${name}: fixes only replace their own span`, () => {
          for (const diagnostic of diagnostics) {
            for (const fix of [diagnostic.fix, ...diagnostic.suggestions]) {
              for (const edit of fix?.edits ?? []) {
                if (edit.span.start === edit.span.end) continue; // pure insertion: deletes nothing
                assert.ok(edit.span.start >= diagnostic.span.start && edit.span.end <= diagnostic.span.end, `${diagnostic.rule} edit outside its diagnostic`);
              }
            }
          }
        });

        if (rule?.meta.fixable) {
          it(`${name}: --fix output matches ${path.basename(base)}.fixed.md and leaves nothing fixable`, () => {
            const fixed = fixAll(text, options, (id) => id === ruleId).text;
            if (update) fs.writeFileSync(`${base}.fixed.md`, fixed);
            assert.equal(fixed, fs.readFileSync(`${base}.fixed.md`, 'utf8'));
            const after = lint(fixed, options).diagnostics.filter((diagnostic) => diagnostic.rule === ruleId && diagnostic.fix);
            assert.deepEqual(
              after.map((diagnostic) => diagnostic.message),
              [],
            );
            assert.equal(fixAll(fixed, options, (id) => id === ruleId).text, fixed, 'fix-all is idempotent');
          });
        }
      }
    });
  }
});
