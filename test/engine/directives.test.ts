/** fivenets-disable comments: next line, same line, ranges, whole file, and code that only looks like one. */
import * as assert from 'node:assert/strict';
import { lint } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const options = { schema: builtinSchema(), locale: 'en' as const, severities: { 'missing-net': 'off' as const, 'missing-metric': 'off' as const } };
const lines = (text: string, rule: string) =>
  lint(text, options)
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => d.range.start.line + 1);
const draft = (...body: string[]) => ['## 公共卫生防护网', '', ...body, ''].join('\n');
const measure = (n: number) => `${n}. 急救站${n}个（牵头单位：市卫健委）`;

describe('inline directives', () => {
  it('without comments every measure is flagged', () => {
    assert.deepEqual(lines(draft(measure(1), measure(2), measure(3)), 'missing-deadline'), [3, 4, 5]);
  });

  it('disable-next-line covers the next line only, for the named rule only', () => {
    const text = draft('<!-- fivenets-disable-next-line missing-deadline -->', measure(1), measure(2));
    assert.deepEqual(lines(text, 'missing-deadline'), [5]);
    const other = draft('<!-- fivenets-disable-next-line vague-owner -->', measure(1));
    assert.deepEqual(lines(other, 'missing-deadline'), [4]);
  });

  it('disable-line at the end of a line covers that line', () => {
    const text = draft(`${measure(1)} <!-- fivenets-disable-line missing-deadline -->`, measure(2));
    assert.deepEqual(lines(text, 'missing-deadline'), [4]);
  });

  it('disable … enable covers a range; without ids it covers every rule', () => {
    const text = draft(measure(1), '', '<!-- fivenets-disable missing-deadline -->', '', measure(2), measure(3), '', '<!-- fivenets-enable missing-deadline -->', '', measure(4));
    assert.deepEqual(lines(text, 'missing-deadline'), [3, 12]);
    const all = draft('<!-- fivenets-disable -->', '', measure(1), '', '<!-- fivenets-enable -->', '', measure(2));
    assert.deepEqual(lines(all, 'missing-deadline'), [9]);
  });

  it('disable-file silences the file', () => {
    assert.deepEqual(lint(draft('<!-- fivenets-disable-file -->', '', measure(1)), options).diagnostics, []);
  });

  it('a directive inside a code block is not a directive', () => {
    const text = draft('```', '<!-- fivenets-disable-file -->', '```', '', measure(1));
    assert.deepEqual(lines(text, 'missing-deadline'), [7]);
  });
});
