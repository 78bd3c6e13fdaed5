/**
 * The deadline scanner and the vague-word scan skip text that cannot hold a match (a table of
 * the characters a match can start with, after normalization). These tests hold each table to
 * its pattern: a pattern that gains a word with a new first character must fail here.
 */
import * as assert from 'node:assert/strict';
import { CANDIDATE_FIRST, CANDIDATE_RE, VAGUE_FIRST, VAGUE_RE, mayMatch, normalize, startTable } from '../../server/src/engine/deadline/tables';
import { findDeadlines, findVagueTimeWords } from '../../server/src/engine/deadline';

/** The top-level alternatives of a pattern source, a non-capturing group's alternatives in place of the group. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let current = '';
  for (let index = 0; index < source.length; index++) {
    const ch = source[index];
    if (ch === '\\') {
      current += ch + source[++index];
      continue;
    }
    if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.flatMap((alternative) => {
    const group = /^(?:\\b)?\(\?:(.*)\)(?:\\b)?$/u.exec(alternative);
    return group ? alternatives(group[1]) : [alternative];
  });
}

/** The characters an alternative can start with (a class's members, or its first literal character). */
function firstCharacters(alternative: string): string[] {
  if (alternative.startsWith('[')) {
    const members = alternative.slice(1, alternative.indexOf(']'));
    const out: string[] = [];
    for (let index = 0; index < members.length; index++) {
      if (members[index + 1] === '-' && index + 2 < members.length) {
        for (let code = members.charCodeAt(index); code <= members.charCodeAt(index + 2); code++) out.push(String.fromCharCode(code));
        index += 2;
      } else out.push(members[index]);
    }
    return out;
  }
  return [alternative[0]];
}

describe('deadline prefilter', () => {
  for (const [name, pattern, first] of [
    ['CANDIDATE_RE', CANDIDATE_RE, CANDIDATE_FIRST],
    ['VAGUE_RE', VAGUE_RE, VAGUE_FIRST],
  ] as const) {
    it(`every alternative of ${name} starts with a character of its first-character class`, () => {
      const starts = alternatives(pattern.source).flatMap(firstCharacters);
      assert.ok(starts.length > 10, `too few alternatives read from ${name}`);
      const missing = starts.filter((ch) => !first.includes(ch) && !first.includes(ch.toUpperCase()));
      assert.deepEqual(missing, []);
    });
  }

  it('text the table rules out holds no match once normalized (full-width, traditional, astral, Latin)', () => {
    const alphabet = [...'今年底前5年內尽快盡快適时及時第三季度上半年２０２１ＡＳＡＰａｓａｐ不是的工作机制推进完善，。：（）', 'Q', 'q', 'y', 'x', ' ', '😀', '\u2012'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const candidates = startTable(CANDIDATE_FIRST);
    const vague = startTable(VAGUE_FIRST);
    let ruledOut = 0;
    for (let run = 0; run < 3000; run++) {
      let text = '';
      for (let length = 1 + Math.floor(random() * 6); length > 0; length--) text += alphabet[Math.floor(random() * alphabet.length)];
      for (const [table, pattern] of [
        [candidates, CANDIDATE_RE],
        [vague, VAGUE_RE],
      ] as const) {
        if (mayMatch(text, table)) continue;
        ruledOut++;
        assert.equal(new RegExp(pattern.source, pattern.flags.replace('g', '')).test(normalize(text)), false, JSON.stringify(text));
      }
    }
    assert.ok(ruledOut > 500, `only ${ruledOut} texts ruled out: the test would check little`);
  });

  it('still finds deadlines and vague words the table lets through (full-width and traditional forms)', () => {
    assert.equal(findDeadlines('２０２１年底前完成', { documentDate: '2020-07-01' }).length, 1);
    assert.deepEqual(
      findVagueTimeWords('盡快推進，ＡＳＡＰ').map((hit) => hit.word),
      ['盡快', 'ＡＳＡＰ'],
    );
    assert.deepEqual(findDeadlines('推进工作机制，确保落到实处。'), []);
  });
});
