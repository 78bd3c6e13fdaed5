/**
 * The engine converts traditional text to simplified only when it holds a character the
 * conversion changes (script.ts). These tests hold that set to OpenCC's own converter.
 */
import * as assert from 'node:assert/strict';
import { ConverterFactory } from 'opencc-js/core';
import fromTaiwan from 'opencc-js/from/tw';
import toMainland from 'opencc-js/to/cn';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { changedByConversion, simplify } from '../../server/src/engine/script';

const convert = ConverterFactory(fromTaiwan, toMainland);
const keys = (dict: string) => dict.split('|').map((entry) => entry.split(' ')[0]);

describe('traditional to simplified: which characters need the converter', () => {
  it('holds exactly the dictionary keys the converter changes', () => {
    const all = new Set([...keys(TSCharacters), ...keys(TWVariantsRev)]);
    const changed = changedByConversion();
    const expected = [...all].filter((key) => convert(key) !== key);
    assert.ok(expected.length > 3000);
    assert.deepEqual([...changed].sort(), expected.sort());
    // 床 is a key (TWVariantsRev: 床 -> 牀) that comes back as itself (TSCharacters: 牀 -> 床).
    assert.ok(all.has('床') && !changed.has('床'));
  });

  it('no phrase of the dictionaries converts without one of those characters', () => {
    const changed = changedByConversion();
    const all = new Set([...keys(TSCharacters), ...keys(TWVariantsRev)]);
    // A phrase made of keys that convert to themselves (and other characters) was converted
    // before the set left those keys out: it must come back unchanged.
    const differs = [...keys(TSPhrases), ...keys(TWVariantsRevPhrases)].filter((phrase) => {
      const chars = [...phrase];
      return chars.some((ch) => all.has(ch)) && !chars.some((ch) => changed.has(ch)) && convert(phrase) !== phrase;
    });
    assert.deepEqual(differs, []);
  });

  it('simplify still converts traditional text and leaves 新增床位 alone', () => {
    assert.equal(simplify('完成時限：2021年底前'), '完成时限：2021年底前');
    const text = '新增床位2000张';
    assert.equal(simplify(text), text);
  });
});
