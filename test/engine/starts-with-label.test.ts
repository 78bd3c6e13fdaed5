/**
 * startsWithLabel (parse/fields.ts) skips a line's lead by offsets instead of trimming copies:
 * it must answer as the trimming version did, spelt out here as the reference.
 */
import * as assert from 'node:assert/strict';
import { extractFields, startsWithLabel } from '../../server/src/engine/parse/fields';
import { prng } from '../../bench/generate';

/** The reference: trim with the two regexes, then the first label found in the first 40 characters must start the rest. */
function reference(line: string): boolean {
  const trimmed = line.replace(/^[\s*_]+/u, '').replace(/^[（(〔【[][\s]*/u, '');
  const head = trimmed.slice(0, 40);
  // The first label of the head, as extractFields finds labels (a field with a label).
  const first = extractFields(head, 0)
    .fields.concat()
    .sort((a, b) => (a.labelSpan?.start ?? 0) - (b.labelSpan?.start ?? 0))[0];
  return first?.labelSpan?.start === 0;
}

const PIECES = [
  ' ',
  '\u3000',
  '\t',
  '*',
  '**',
  '_',
  '（',
  '(',
  '〔',
  '【',
  '[',
  '责任单位',
  '牵头单位',
  '完成时限',
  'Owner',
  'owner',
  'Deadline',
  '：',
  ':',
  '市民政局',
  '推进',
  'x',
  '）',
  '。',
  'lead ',
  'Lead unit',
  '\ufeff',
  '  ',
];

describe('startsWithLabel', () => {
  it('answers as trimming the line first did (20,000 random lines)', () => {
    const random = prng(17);
    let yes = 0;
    for (let round = 0; round < 20_000; round++) {
      // Half the lines are built to start with a lead, a bracket and a label: the others are noise.
      const pick = (options: string[]) => options[Math.floor(random() * options.length)];
      let line = random() < 0.5 ? `${pick(['', ' ', '**', '\u3000', '_ '])}${pick(['', '（', '【 ', '(('])}${pick(['责任单位', 'Owner', '推进', 'Lead unit'])}${pick(['：', ':', ''])}` : '';
      const count = 1 + Math.floor(random() * 8);
      for (let index = 0; index < count; index++) line += PIECES[Math.floor(random() * PIECES.length)];
      const expected = reference(line);
      assert.equal(startsWithLabel(line), expected, JSON.stringify(line));
      if (expected) yes++;
    }
    assert.ok(yes > 1000 && yes < 19_000, `lines starting with a label: ${yes}`);
  });

  it('reads labels after the lead and one bracket, within 40 characters', () => {
    assert.equal(startsWithLabel('  **责任单位：市民政局'), true);
    assert.equal(startsWithLabel('（ 牵头单位：市卫健委）'), true);
    assert.equal(startsWithLabel('（（牵头单位：市卫健委）'), false, 'one bracket only');
    assert.equal(startsWithLabel(`${'推'.repeat(39)}责任单位：x`), false);
    assert.equal(startsWithLabel('推进工作。责任单位：市民政局'), false);
  });
});
