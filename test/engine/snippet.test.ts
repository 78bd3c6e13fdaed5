/** The snippet form of a fix's edit (engine/snippet.ts): same text, placeholders as tab stops, escapes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/engine';
import { PLACEHOLDER } from '../../server/src/engine/labels';
import { builtinSchema } from '../../server/src/engine/schema';
import { escapeSnippetText, snippetOf } from '../../server/src/engine/snippet';
import { snippetInsertText } from './snippet-text';

const PLACEHOLDERS = Object.values(PLACEHOLDER);

describe('snippet edits (engine/snippet.ts)', () => {
  it('makes each placeholder a tab stop, numbered on from the first', () => {
    assert.deepEqual(snippetOf('；完成时限：【待填写】', PLACEHOLDERS, 1), { value: '；完成时限：${1:【待填写】}', nextTabstop: 2 });
    assert.deepEqual(snippetOf('（牵头单位：【待填写】；指标：【待填写】）', PLACEHOLDERS, 3), {
      value: '（牵头单位：${3:【待填写】}；指标：${4:【待填写】}）',
      nextTabstop: 5,
    });
    assert.deepEqual(snippetOf(' (Deadline: [TBD])', PLACEHOLDERS, 1), { value: ' (Deadline: ${1:[TBD]})', nextTabstop: 2 });
    assert.deepEqual(snippetOf('（完成時限：【待填寫】）', PLACEHOLDERS, 1)?.value, '（完成時限：${1:【待填寫】}）');
  });

  it('is null for text without a placeholder (values, directives stay plain edits)', () => {
    assert.equal(snippetOf('市卫健委', PLACEHOLDERS, 1), null);
    assert.equal(snippetOf(' <!-- fivenets-disable-line missing-owner -->', PLACEHOLDERS, 1), null);
  });

  it('escapes $, } and \\ in the text and in the placeholder', () => {
    assert.equal(escapeSnippetText('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
    const text = '${TM_FILENAME} \\n }【待填写】$1';
    const snippet = snippetOf(text, PLACEHOLDERS, 1);
    assert.ok(snippet);
    assert.equal(snippet.value, '\\${TM_FILENAME\\} \\\\n \\}${1:【待填写】}\\$1');
    assert.equal(snippetInsertText(snippet.value), text);
    assert.equal(snippetOf('x', ['a}b'], 1), null);
    assert.equal(snippetOf('xa}by', ['a}b'], 1)?.value, 'x${1:a\\}b}y');
  });

  it('inserts exactly the text of every fix in the rule fixtures (the CLI --fix text)', () => {
    const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };
    const rules = path.join(__dirname, '..', 'rules');
    let withTabstops = 0;
    for (const rule of fs.readdirSync(rules, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const name of fs.readdirSync(path.join(rules, rule.name)).filter((file) => file.endsWith('.md') && !file.endsWith('.fixed.md'))) {
        const text = fs.readFileSync(path.join(rules, rule.name, name), 'utf8');
        for (const diagnostic of lint(text, options).diagnostics) {
          for (const edit of diagnostic.fix?.edits ?? []) {
            const snippet = snippetOf(edit.newText, PLACEHOLDERS, 1);
            if (!snippet) continue;
            withTabstops++;
            assert.equal(snippetInsertText(snippet.value), edit.newText, `${rule.name}/${name}`);
          }
        }
      }
    }
    assert.ok(withTabstops >= 5, `fixes with placeholders checked: ${withTabstops}`);
  });

  it('has an oracle that can fail', () => {
    assert.throws(() => snippetInsertText('a$b'), /unescaped/u);
    assert.notEqual(snippetInsertText('${1:【待填写】}'), '${1:【待填写】}');
  });
});
