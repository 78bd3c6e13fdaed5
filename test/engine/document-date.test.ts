/** The date a draft's rules count from is the engine's answer: the frontmatter's, else the config's. */
import * as assert from 'node:assert/strict';
import { IncrementalLinter, lint } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const BODY = '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年底前）\n';
const WITH_DATE = `---\ndate: 2022-03-01\n---\n\n${BODY}`;

describe('LintResult.documentDate', () => {
  const schema = builtinSchema();

  it('is the frontmatter date over the options (the config) date', () => {
    assert.equal(lint(WITH_DATE, { schema, documentDate: '2020-01-01' }).documentDate, '2022-03-01');
  });

  it('falls back to the options date, then null', () => {
    assert.equal(lint(BODY, { schema, documentDate: '2020-01-01' }).documentDate, '2020-01-01');
    assert.equal(lint(BODY, { schema }).documentDate, null);
  });

  it('follows edits of the frontmatter in the incremental linter', () => {
    const linter = new IncrementalLinter({ schema, documentDate: '2020-01-01' });
    assert.equal(linter.update(WITH_DATE).documentDate, '2022-03-01');
    assert.equal(linter.update(WITH_DATE.replace('2022-03-01', '2023-07-15')).documentDate, '2023-07-15');
    assert.equal(linter.update(BODY).documentDate, '2020-01-01');
  });
});
