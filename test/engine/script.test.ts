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
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { changedByConversion, convertToSimplified, convertToTraditional, simplify, traditionalize } from '../../server/src/engine/script';
import { CONVERTED_CHARACTERS, SIMPLIFIED_FORMS, TRADITIONAL_FORMS } from '../../server/src/engine/script-tables.generated';
import { SIMPLIFIED_LABELS } from '../../server/src/engine/labels';
import { TASK_LABELS } from '../../server/src/engine/parse/numbering';

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

  it('script-tables.generated.ts is fresh (gen-script-tables.ts --check) and is what OpenCC gives', function () {
    this.timeout(60_000);
    const root = path.join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'gen-script-tables.ts'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(new Set(CONVERTED_CHARACTERS), changedByConversion());
    for (const label of [...Object.values(SIMPLIFIED_LABELS).flat(), ...TASK_LABELS]) {
      assert.equal(TRADITIONAL_FORMS.get(label), convertToTraditional(label), label);
      assert.equal(traditionalize(label), convertToTraditional(label));
    }
    assert.ok(SIMPLIFIED_FORMS.size >= 5);
    for (const [name, form] of SIMPLIFIED_FORMS) assert.equal(form, convertToSimplified(name), name);
    // Anything else still goes through OpenCC.
    assert.equal(traditionalize('完成率达到95%'), '完成率達到95%');
  });
});
