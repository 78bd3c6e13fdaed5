/** The text the client's commands insert (pure functions of client/src/templates.ts). */
import { strict as assert } from 'node:assert';
import picomatch from 'picomatch';
import { folderIncludeGlob, measureInsertion, newDraftFileName } from '../../client/src/templates';

describe('client templates', () => {
  const lines = ['## 公共卫生防护网', '', '1. 建设急救站20个（牵头单位：市卫健委）', '', '2、新增门诊'];

  it('Insert Measure on an empty line: at the cursor, numbered after the item above', () => {
    assert.deepEqual(measureInsertion(lines, 3, 0), { atLineEnd: false, lead: '2. ' });
    assert.deepEqual(measureInsertion(lines, 1, 0), { atLineEnd: false, lead: '1. ' });
  });

  it('Insert Measure on a line with text: a new line after it, never glued onto the text', () => {
    assert.deepEqual(measureInsertion(lines, 2, 5), { atLineEnd: true, lead: '\n2. ' });
    assert.deepEqual(measureInsertion(lines, 4, 8), { atLineEnd: true, lead: '\n3、' });
    assert.deepEqual(measureInsertion(lines, 0, 3), { atLineEnd: true, lead: '\n1. ' }, 'after a heading: a first item');
  });

  it('New Policy Draft proposes a *.policy.md name that is free', () => {
    assert.equal(
      newDraftFileName(() => false),
      'new-draft.policy.md',
    );
    const taken = new Set(['new-draft.policy.md', 'new-draft-2.policy.md']);
    assert.equal(
      newDraftFileName((name) => taken.has(name)),
      'new-draft-3.policy.md',
    );
  });

  it('"Treat as Policy Draft" includes a folder’s Markdown files with one glob, glob syntax escaped', () => {
    assert.equal(folderIncludeGlob('/notes'), 'notes/**/*.md');
    assert.equal(folderIncludeGlob('docs/会议纪要'), 'docs/会议纪要/**/*.md');
    assert.equal(folderIncludeGlob(''), '*.md', 'the workspace folder itself: its own files only');
    assert.equal(folderIncludeGlob('drafts [2021]/a*b'), 'drafts \\[2021\\]/a\\*b/**/*.md');
    // The server matches include globs with picomatch: the escaped glob takes that folder's files only.
    const matches = picomatch(folderIncludeGlob('drafts [2021]/a*b'), { dot: true });
    assert.ok(matches('drafts [2021]/a*b/plan.md') && matches('drafts [2021]/a*b/sub/plan.md'));
    assert.ok(!matches('drafts 2/a*b/plan.md') && !matches('drafts [2021]/axb/plan.md'));
  });
});
