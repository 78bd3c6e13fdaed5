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
import { convertToSimplified, convertToTraditional, detectScript, simplify, traditionalize } from '../../server/src/engine/script';
import { changedByConversion } from '../../scripts/gen-script-tables';
import { scriptOf } from '../../server/src/engine/parse/sections';
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

  it('scriptOf reads the first blocks as if joined, without joining them (1,000 random drafts)', () => {
    const pieces = ['武汉市卫生健康委员会', '武漢市衛生健康委員會', 'Health Bureau', 'ab', 'x', ' ', '，', '😀', '台灣', '2021'];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const seen = new Set<string>();
    for (let run = 0; run < 1000; run++) {
      let text = '';
      const spans: Array<{ start: number; end: number }> = [];
      for (let block = Math.floor(random() * 80); block > 0; block--) {
        const start = text.length;
        const alphabet = run % 3 === 0 ? pieces.slice(2, 5) : pieces; // some drafts in English
        for (let length = Math.floor(random() * 300); length > 0; length--) text += alphabet[Math.floor(random() * alphabet.length)];
        spans.push({ start, end: text.length });
        text += '\n';
      }
      // What scriptOf did before: join the first 60 blocks (each cut at 4,000), then the first 4,000 characters.
      let sample = '';
      for (const span of spans.slice(0, 60)) {
        sample += text.slice(span.start, Math.min(span.end, span.start + 4000));
        if (sample.length >= 4000) break;
      }
      const expected = detectScript(sample.slice(0, 4000));
      assert.equal(scriptOf(text, spans), expected, `run ${run}`);
      seen.add(expected);
    }
    assert.deepEqual([...seen].sort(), ['en', 'hans', 'hant']);
  });
});
