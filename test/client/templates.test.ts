/** The text the client's commands insert (pure functions of client/src/templates.ts). */
import { strict as assert } from 'node:assert';
import { measureInsertion, newDraftFileName } from '../../client/src/templates';

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
    assert.equal(newDraftFileName(() => false), 'new-draft.policy.md');
    const taken = new Set(['new-draft.policy.md', 'new-draft-2.policy.md']);
    assert.equal(newDraftFileName((name) => taken.has(name)), 'new-draft-3.policy.md');
  });
});
