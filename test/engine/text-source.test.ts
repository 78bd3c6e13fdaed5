/**
 * PieceText reads like the string it holds; the bounded heads that classification and the
 * schema choice read of a draft give what the whole text gives.
 */
import * as assert from 'node:assert/strict';
import { PieceText, someBlock, textOf } from '../../server/src/engine/text-source';
import { frontmatterSchema, FRONTMATTER_HEAD, SHORT_HEAD } from '../../server/src/engine/frontmatter';
import { localeOfText } from '../../server/src/engine/script';
import { headOf, utf8Length } from '../../server/src/handlers/classification';
import { prng } from '../../bench/generate';

const ALPHABET = ['a', '\n', '\r', '\r\n', '城', '😀', '\ud83d', ' ', '#', '---', '...', 'schema: tasks', 'Plan the work'];

/**
 * The reference: frontmatterSchema as it read before it looked at 8 K first (one regex over
 * the first FRONTMATTER_HEAD characters), spelt out here so the test does not compare the
 * function with itself.
 */
function schemaOfWholeHead(text: string): string | null {
  const block = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.exec(text.slice(0, FRONTMATTER_HEAD));
  const line = block && /^schema[ \t]*:[ \t]*(?:"([^"\r\n]*)"|'([^'\r\n]*)'|([^\s#][^#\r\n]*?))[ \t]*(?:#.*)?$/mu.exec(block[1]);
  const value = line ? (line[1] ?? line[2] ?? line[3] ?? '').trim() : '';
  return value.length > 0 ? value : null;
}

function randomText(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return text;
}

/** `text` cut into pieces at random places. */
function pieces(text: string, random: () => number): PieceText {
  const cuts = [0];
  for (let at = 0; at < text.length; at += 1 + Math.floor(random() * 20)) cuts.push(at);
  cuts.push(text.length);
  const unique = [...new Set(cuts)].sort((a, b) => a - b);
  return PieceText.of(unique.slice(1).map((end, index) => text.slice(unique[index], end)));
}

describe('text sources', () => {
  it('a PieceText reads as its string: charCodeAt, slice, length, after any edits', () => {
    const random = prng(5);
    for (let round = 0; round < 200; round++) {
      let text = randomText(random, Math.floor(random() * 80));
      let source = pieces(text, random);
      for (let step = 0; step < 10; step++) {
        assert.equal(source.length, text.length);
        assert.equal(String(source), text);
        for (let index = -2; index <= text.length + 1; index++) assert.ok(Object.is(source.charCodeAt(index), text.charCodeAt(index)), `charCodeAt ${index}`);
        for (let probe = 0; probe < 20; probe++) {
          const a = Math.floor(random() * (text.length + 1));
          const b = Math.floor(random() * (text.length + 1));
          assert.equal(source.slice(a, b), text.slice(a, b), `slice ${a} ${b}`);
        }
        assert.equal(source.slice(), text);
        const start = Math.floor(random() * (text.length + 1));
        const end = Math.min(text.length, start + Math.floor(random() * 6));
        const insert = randomText(random, Math.floor(random() * 4));
        source = source.edited({ start, end, text: insert });
        text = text.slice(0, start) + insert + text.slice(end);
        // An edit makes one new piece: the pieces it did not touch are shared.
        assert.ok(source.pieces.length >= 1);
      }
    }
  });

  it('an edit shares the untouched pieces and merges the ones it touches', () => {
    const source = PieceText.of(['# a\n\n', '# b\n\n', '# c\n']);
    const edited = source.edited({ start: 7, end: 7, text: 'X' });
    assert.equal(String(edited), '# a\n\n# Xb\n\n# c\n');
    assert.equal(edited.pieces[0], source.pieces[0]);
    assert.equal(edited.pieces[2], source.pieces[2]);
    // Deleting the line break before a piece merges that piece too: every piece still starts after an unchanged break.
    const joined = source.edited({ start: 4, end: 5, text: '' });
    assert.deepEqual(joined.pieces, ['# a\n# b\n\n', '# c\n']);
    assert.equal(textOf(joined), '# a\n# b\n\n# c\n');
    assert.equal(PieceText.of([]).edited({ start: 3, end: 9, text: 'x' }).toString(), 'x');
  });

  it('someBlock reads a PieceText piece by piece and a string whole', () => {
    const seen: string[] = [];
    someBlock(PieceText.of(['a', 'b']), (block) => (seen.push(block), false));
    someBlock('cd', (block) => (seen.push(block), false));
    assert.deepEqual(seen, ['a', 'b', 'cd']);
  });

  it('the heads read for the frontmatter and the language give what the whole text gives', () => {
    const random = prng(11);
    let named = 0;
    const bodies = ['', '城市应急处置网 建设急救站。'.repeat(400), 'Plan the work of the city. '.repeat(300), randomText(random, 9000)];
    for (let round = 0; round < 400; round++) {
      // Frontmatter of every length around the heads' bounds, closed by ---, ..., or not at all.
      const size = [10, SHORT_HEAD - 40, SHORT_HEAD - 3, SHORT_HEAD + 5, FRONTMATTER_HEAD - 20, FRONTMATTER_HEAD + 10][Math.floor(random() * 6)];
      const bom = random() < 0.2 ? '\ufeff' : '';
      const close = ['---', '---\n', '...\n', '--- \r\n', ''][Math.floor(random() * 5)];
      const filler = randomText(random, Math.max(0, size - 30)).replace(/^[-.]+/gmu, 'x');
      const text = `${bom}---\nschema: tasks\n${filler}\n${close}${bodies[Math.floor(random() * bodies.length)]}`;
      const source = pieces(text, random);
      const where = `round ${round}: ${JSON.stringify(text.slice(0, 60))}…, ${text.length} characters`;
      assert.equal(frontmatterSchema(source), schemaOfWholeHead(text), where);
      assert.equal(frontmatterSchema(text), schemaOfWholeHead(text), where);
      assert.equal(localeOfText(headOf(source)), localeOfText(text), where);
      assert.ok(headOf(source).length <= FRONTMATTER_HEAD + 4000, where);
      if (schemaOfWholeHead(text) !== null) named++;
    }
    // Both answers occur, past the short head too (the cases the 8 K look must not decide alone).
    assert.ok(named > 100 && named < 350, `frontmatter naming a schema: ${named} of 400`);
    assert.equal(headOf(PieceText.of(['# 标题\n', '城'.repeat(90_000)])).length, 4000, 'no frontmatter: the language sample only');
  });

  it('counts UTF-8 bytes of a draft read in place as TextEncoder does', () => {
    const random = prng(3);
    for (let round = 0; round < 200; round++) {
      const text = randomText(random, Math.floor(random() * 60));
      assert.equal(utf8Length(pieces(text, random)), new TextEncoder().encode(text).length, JSON.stringify(text));
    }
  });
});
