/** A template is not an answer: placeholders in required fields, the values offered for them, fix-all's order. */
import * as assert from 'node:assert/strict';
import { fixAll, lint } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2021-05-10', roster: ['市卫健委', '有关部门', '市应急局'] };

function diagnosticsOf(text: string, rule: string) {
  return lint(text, options).diagnostics.filter((diagnostic) => diagnostic.rule === rule);
}

describe('placeholders in required fields', () => {
  it('fix-all inserts the missing fields in the schema order (owner, metric, deadline)', () => {
    const fixed = fixAll('## 公共卫生防护网\n\n1. 推进院前急救中心建设\n', options).text;
    assert.equal(fixed, '## 公共卫生防护网\n\n1. 推进院前急救中心建设（牵头单位：【待填写】；指标：【待填写】；完成时限：【待填写】）\n');
    const english = fixAll('## Public Health Protection Net\n\n1. Build ambulance stations\n', options).text;
    assert.equal(english, '## Public Health Protection Net\n\n1. Build ambulance stations (Owner: [TBD]; Metric: [TBD]; Deadline: [TBD])\n');
  });

  it('after fix-all every missing-* error stays, says the placeholder is unfilled, and has no fix left', () => {
    const fixed = fixAll('## 公共卫生防护网\n\n1. 推进院前急救中心建设\n', options).text;
    for (const rule of ['missing-owner', 'missing-metric', 'missing-deadline']) {
      const found = diagnosticsOf(fixed, rule);
      assert.equal(found.length, 1, rule);
      assert.equal(found[0].severity, 'error');
      assert.match(found[0].message, /the placeholder "【待填写】" is not filled in/u);
      assert.equal(found[0].fix, null, 'a second template would not fill the first');
      assert.equal(fixed.slice(found[0].span.start, found[0].span.end), '【待填写】');
    }
    assert.equal(fixAll(fixed, options).text, fixed, 'fix-all is idempotent');
  });

  it('a written value ends the error', () => {
    const text = '## 公共卫生防护网\n\n1. 推进院前急救中心建设（牵头单位：市卫健委；指标：急救站20个；完成时限：2021年12月底前）\n';
    for (const rule of ['missing-owner', 'missing-metric', 'missing-deadline']) assert.deepEqual(diagnosticsOf(text, rule), [], rule);
  });

  it('offers the roster’s units (not vague ones) for a placeholder owner and for a vague one', () => {
    const text = '## 公共卫生防护网\n\n1. 急救站20个（牵头单位：【待填写】；完成时限：2021年12月底前）\n2. 发热门诊30个（牵头单位：有关部门；完成时限：2021年12月底前）\n';
    const [placeholder] = diagnosticsOf(text, 'missing-owner');
    assert.deepEqual(
      placeholder.suggestions.map((fix) => fix.title),
      ['Use "市卫健委"', 'Use "市应急局"'],
    );
    const edit = placeholder.suggestions[0].edits[0];
    assert.equal(text.slice(edit.span.start, edit.span.end), '【待填写】');
    const [vague] = diagnosticsOf(text, 'vague-owner');
    assert.deepEqual(
      vague.suggestions.map((fix) => fix.title),
      ['Use "市卫健委"', 'Use "市应急局"', 'Replace "有关部门" with a placeholder'],
    );
  });

  it('offers the end of the quarter, half-year and year of the document date for a deadline', () => {
    const text = '## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委；完成时限：【待填写】）\n2. 发热门诊30个（牵头单位：市卫健委；完成时限：尽快）\n';
    const [placeholder] = diagnosticsOf(text, 'missing-deadline');
    const values = placeholder.suggestions.map((fix) => fix.edits[0].newText);
    assert.deepEqual(values, ['2021年6月底前', '2021年12月底前'], 'the half-year of May ends with its quarter: offered once');
    const [vague] = diagnosticsOf(text, 'vague-deadline');
    assert.deepEqual(vague.suggestions.map((fix) => fix.edits[0].newText).slice(0, 2), values);
    // Each value is a deadline the grammar reads back: taking it ends the error.
    const filled = text.slice(0, placeholder.span.start) + values[0] + text.slice(placeholder.span.end);
    assert.deepEqual(diagnosticsOf(filled, 'missing-deadline'), []);
    const english = '## Public Health Protection Net\n\n1. Build 20 stations (Owner: City Health Commission; Deadline: TBD)\n';
    const [englishPlaceholder] = diagnosticsOf(english, 'missing-deadline');
    const octoberOptions = { ...options, documentDate: '2021-10-02' };
    const englishValues = lint(english, octoberOptions)
      .diagnostics.find((d) => d.rule === 'missing-deadline')
      ?.suggestions.map((fix) => fix.edits[0].newText);
    assert.deepEqual(englishValues, ['by end of December 2021']);
    assert.ok(englishPlaceholder);
    const englishFilled = english.replace('TBD', 'by end of December 2021');
    assert.deepEqual(
      lint(englishFilled, octoberOptions).diagnostics.filter((d) => d.rule.endsWith('deadline')),
      [],
    );
  });

  it('offers no deadline without a document date to count from', () => {
    const text = '## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委；完成时限：【待填写】）\n';
    const [found] = lint(text, { ...options, documentDate: null }).diagnostics.filter((d) => d.rule === 'missing-deadline');
    assert.deepEqual(found.suggestions, []);
  });
});
