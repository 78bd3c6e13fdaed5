/** isSingleUnit answers for unitSpans on the common owner field: the two must agree. */
import * as assert from 'node:assert/strict';
import { isSingleUnit, unitSpans } from '../../server/src/engine/labels';

describe('isSingleUnit', () => {
  it('says yes only where unitSpans gives the whole value back as one unit (5,000 random values)', () => {
    const pieces = ['市卫健委', '市', '局', 'Bureau', '、', '，', ',', '；', '/', '（', '）', '(', ')', '【', '】', ' ', '*', '_', '。', '：', '负责', '牵头', '配合', '按职责分工', '等', '<br>', '頭', '工作'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let single = 0;
    for (let run = 0; run < 5000; run++) {
      let value = '';
      for (let length = 1 + Math.floor(random() * 4); length > 0; length--) value += pieces[Math.floor(random() * pieces.length)];
      if (!isSingleUnit(value)) continue;
      single++;
      assert.deepEqual(unitSpans(value), [{ value, start: 0 }], JSON.stringify(value));
    }
    assert.ok(single > 300, `only ${single} single units: the test would check little`);
  });

  it('says no to lists, trailers and values to trim', () => {
    assert.equal(isSingleUnit('市卫健委'), true);
    for (const value of ['市卫健委、市民政局', '市卫健委负责', '市卫健委 ', '*市卫健委', '各县（市、区）政府', '市卫健委<br>市民政局', '']) assert.equal(isSingleUnit(value), false, value);
  });
});
