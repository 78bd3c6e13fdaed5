/**
 * The engine modules the language server added (edits, frontmatter, summary), tested
 * directly, and the boundary: nothing in engine/ may import an editor package.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../server/src/engine';
import { applyEdits, diffEdits, disableLineEdit } from '../../server/src/engine/edits';
import { frontmatterSchema } from '../../server/src/engine/frontmatter';
import { measureTitle } from '../../server/src/engine/summary';
import type { Measure, TextEdit } from '../../server/src/engine';
import { REPO } from './harness';
import { prng as random } from '../../bench/generate';

const PIECES = ['措施', '𠮷', '😀', '（牵头单位：市卫健委）', '\n', '\r\n', '| a |', ' ', 'x', '【待填写】'];

function checkEdits(before: string, after: string): TextEdit[] {
  const edits = diffEdits(before, after);
  assert.equal(applyEdits(before, edits), after, JSON.stringify({ before, after, edits }));
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].span.end <= edits[i].span.start, 'sorted, not overlapping');
  for (const edit of edits) {
    // No edit boundary splits a surrogate pair.
    for (const offset of [edit.span.start, edit.span.end]) {
      const code = before.charCodeAt(offset);
      assert.ok(!(code >= 0xdc00 && code <= 0xdfff), `boundary inside a surrogate pair at ${offset}`);
    }
  }
  return edits;
}

describe('engine additions for the editor', () => {
  describe('diffEdits', () => {
    it('turns any text into any other (random CJK, astral, CRLF texts)', () => {
      const next = random(42);
      const pick = () => PIECES[Math.floor(next() * PIECES.length)];
      for (let round = 0; round < 300; round++) {
        const before = Array.from({ length: Math.floor(next() * 30) }, pick).join('');
        let after = before;
        for (let change = Math.floor(next() * 4); change >= 0; change--) {
          const at = Math.floor(next() * (after.length + 1));
          const cut = next() < 0.5 ? 0 : Math.floor(next() * 5);
          after = after.slice(0, at) + (next() < 0.7 ? pick() : '') + after.slice(Math.min(after.length, at + cut));
        }
        checkEdits(before, after);
      }
    });

    it('keeps insertions on separate lines as separate insertions', () => {
      const before = ['1. 甲（牵头单位：市卫健委）', '2. 乙（牵头单位：市民政局）', '', '3. 丙（牵头单位：市信访局）', ''].join('\n');
      const after = before.replace(/）/gu, '；完成时限：【待填写】）');
      const edits = checkEdits(before, after);
      assert.equal(edits.length, 3);
      for (const edit of edits) {
        assert.equal(edit.span.start, edit.span.end);
        assert.equal(edit.newText, '；完成时限：【待填写】');
      }
    });

    it('replaces a whole astral character, never half of it', () => {
      assert.deepEqual(diffEdits('a😀b', 'a😃b'), [{ span: { start: 1, end: 3 }, newText: '😃' }]);
      assert.deepEqual(diffEdits('same', 'same'), []);
    });
  });

  describe('disableLineEdit', () => {
    const edit = (text: string, line: number, rule: string) => {
      const result = disableLineEdit(text, new LineIndex(text), line, rule);
      return result === null ? null : applyEdits(text, [result]);
    };

    it('appends the directive at the end of a line, before trailing spaces', () => {
      assert.equal(edit('# 标题\n1. 😀推进建设（牵头单位：市卫健委）\n', 1, 'missing-metric'), '# 标题\n1. 😀推进建设（牵头单位：市卫健委） <!-- fivenets-disable-line missing-metric -->\n');
      assert.equal(edit('a  \r\nb', 0, 'x'), 'a <!-- fivenets-disable-line x -->  \r\nb');
    });

    it('puts it before the last | of a table row', () => {
      assert.equal(edit('| 1 | 𠮷措施 | 市卫健委 |  |', 0, 'missing-deadline'), '| 1 | 𠮷措施 | 市卫健委 |  <!-- fivenets-disable-line missing-deadline --> |');
      assert.equal(edit('| 1 | 措施|', 0, 'r'), '| 1 | 措施 <!-- fivenets-disable-line r --> |');
      assert.equal(edit('a \\|', 0, 'r'), 'a \\| <!-- fivenets-disable-line r -->', 'an escaped pipe is text');
    });

    it('adds the rule to a directive already on the line, or does nothing', () => {
      assert.equal(edit('x <!-- fivenets-disable-line a -->', 0, 'b'), 'x <!-- fivenets-disable-line a b -->');
      assert.equal(disableLineEdit('x <!-- fivenets-disable-line a b -->', new LineIndex('x <!-- fivenets-disable-line a b -->'), 0, 'b'), null);
      assert.equal(disableLineEdit('x <!-- fivenets-disable-line -->', new LineIndex('x <!-- fivenets-disable-line -->'), 0, 'b'), null, 'already disables every rule');
    });
  });

  describe('frontmatterSchema', () => {
    it('reads the schema named in the frontmatter only', () => {
      assert.equal(frontmatterSchema('---\ntitle: x\nschema: five-nets\n---\n# x'), 'five-nets');
      assert.equal(frontmatterSchema('\ufeff---\r\nschema: "five-nets" # built in\r\n---\r\n'), 'five-nets');
      assert.equal(frontmatterSchema("---\nschema: 'my-schema'\n---"), 'my-schema');
      assert.equal(frontmatterSchema('---\ntitle: x\n---\nschema: five-nets\n'), null);
      assert.equal(frontmatterSchema('# x\n---\nschema: five-nets\n---\n'), null);
      assert.equal(frontmatterSchema('---\nschema:\n---\n'), null);
    });
  });

  it('measureTitle cuts by characters, not UTF-16 units, and drops comments', () => {
    const measure = { text: '😀'.repeat(41) } as Measure;
    assert.equal(measureTitle(measure), `${'😀'.repeat(40)}…`);
    assert.equal(measureTitle({ text: '推进 <!-- fivenets-disable-line x --> 建设' } as Measure), '推进 建设');
  });

  it('engine/ imports no editor package', () => {
    const engine = path.join(REPO, 'server', 'src', 'engine');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && /from\s+['"](?:vscode|vscode-languageserver[^'"]*|vscode-jsonrpc[^'"]*|\.\.\/handlers[^'"]*)['"]/u.test(fs.readFileSync(full, 'utf8')))
          offenders.push(path.relative(engine, full));
      }
    };
    walk(engine);
    assert.deepEqual(offenders, []);
  });
});
