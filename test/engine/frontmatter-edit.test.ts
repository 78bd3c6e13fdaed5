/** "Treat as Policy Draft": the frontmatter edit (engine/frontmatter.ts schemaFrontmatterEdit) changes only the schema line. */
import * as assert from 'node:assert/strict';
import { frontmatterSchema, schemaFrontmatterEdit } from '../../server/src/engine/frontmatter';

const apply = (text: string, schema: string): string => {
  const edit = schemaFrontmatterEdit(text, schema);
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
};

describe('schemaFrontmatterEdit', () => {
  it('adds a frontmatter block to a file without one, in the file’s line endings', () => {
    assert.equal(apply('# 会议纪要\n\n正文\n', 'five-nets'), '---\nschema: five-nets\n---\n\n# 会议纪要\n\n正文\n');
    assert.equal(apply('# Notes\r\n\r\nText\r\n', 'tasks'), '---\r\nschema: tasks\r\n---\r\n\r\n# Notes\r\n\r\nText\r\n');
    assert.equal(apply('', 'five-nets'), '---\nschema: five-nets\n---\n');
    // After a byte order mark, which must stay first.
    assert.equal(apply('\ufeff# 标题\n', 'five-nets'), '\ufeff---\nschema: five-nets\n---\n\n# 标题\n');
  });

  it('adds the schema line to an existing block and keeps its keys', () => {
    const text = '---\ntitle: 会议纪要\ndate: 2021-01-01\n---\n# 会议纪要\n';
    const after = apply(text, 'five-nets');
    assert.equal(after, '---\nschema: five-nets\ntitle: 会议纪要\ndate: 2021-01-01\n---\n# 会议纪要\n');
    assert.equal(frontmatterSchema(after), 'five-nets');
    assert.equal(apply('---\n---\n正文\n', 'tasks'), '---\nschema: tasks\n---\n正文\n', 'an empty block');
  });

  it('replaces only the value of an unknown schema, keeping quotes’ absence, comments and CRLF', () => {
    assert.equal(apply('---\r\ntitle: a\r\nschema: unknown # 旧值\r\n---\r\nx', 'five-nets'), '---\r\ntitle: a\r\nschema: five-nets # 旧值\r\n---\r\nx');
    assert.equal(apply('---\nschema: "old one"\nowner: 市政府\n---\n', 'tasks'), '---\nschema: tasks\nowner: 市政府\n---\n');
  });

  it('quotes a schema id that YAML would read otherwise', () => {
    const after = apply('# x\n', 'my schema: v2');
    assert.equal(after, '---\nschema: "my schema: v2"\n---\n\n# x\n');
    assert.equal(frontmatterSchema(after), 'my schema: v2');
  });

  it('does not take a thematic break for a frontmatter block', () => {
    const text = '---\n\n正文\n';
    assert.equal(apply(text, 'five-nets'), `---\nschema: five-nets\n---\n\n${text}`);
  });
});
