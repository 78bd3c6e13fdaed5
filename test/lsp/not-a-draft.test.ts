/**
 * "Not a draft? Say so" (issue 15), over stdio: fivenets/documentStats says why a Markdown
 * file is not a draft, so the client shows "Five Nets: not a draft" only for a file outside
 * the include globs without a frontmatter schema, with the schema a frontmatter should name
 * and where the include globs come from. Both ways in ("Treat as Policy Draft") make it a
 * draft with diagnostics: the frontmatter edit the client applies, and the folder's glob in
 * `fivenets.include`.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentStats } from '../../shared/protocol';
import { schemaFrontmatterEdit } from '../../server/src/engine/frontmatter';
import { folderIncludeGlob } from '../../client/src/templates';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: { publishDiagnostics: { versionSupport: true, dataSupport: true } },
};

const FIVE_NETS_NOTE = '# 会议纪要\n\n## 公共卫生防护网\n\n1. 推进院前急救中心建设\n';
const TASKS_NOTE = '# 周报\n\n1. 完成数据平台建设\n';

describe('not a draft: why, and the ways in (LSP)', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;
  let settings: Record<string, unknown> = {};
  const stats = (uri: string) => client.request<DocumentStats | null>('fivenets/documentStats', { uri });
  const why = async (uri: string) => {
    const result = await stats(uri);
    return result && { isDraft: result.isDraft, notDraftReason: result.notDraftReason, includeFrom: result.includeFrom, suggestedSchema: result.suggestedSchema };
  };

  before(async () => {
    buildServer();
    root = makeWorkspace();
    fs.mkdirSync(path.join(root, 'minutes'));
    fs.mkdirSync(path.join(root, 'archive'));
    fs.writeFileSync(path.join(root, '.fivenetsignore'), 'ignored/\n');
    fs.mkdirSync(path.join(root, 'ignored'));
    client = await TestClient.start({ root, capabilities: CLIENT, locale: 'zh-CN', settings: () => settings });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('says not-included for a Markdown file outside the include globs, with the schema it would get', async () => {
    const notes = uriOf(path.join(root, 'minutes', 'meeting.md'));
    await client.open(notes, FIVE_NETS_NOTE);
    assert.deepEqual(await why(notes), { isDraft: false, notDraftReason: 'not-included', includeFrom: 'setting', suggestedSchema: 'five-nets' });
    const report = uriOf(path.join(root, 'minutes', 'report.md'));
    await client.open(report, TASKS_NOTE);
    assert.equal((await why(report))?.suggestedSchema, 'tasks', 'no heading names a net: the tasks schema');
    const untitled = 'untitled:Untitled-1';
    await client.open(untitled, FIVE_NETS_NOTE);
    assert.equal((await why(untitled))?.notDraftReason, 'not-included');
    for (const uri of [notes, report, untitled]) await client.close(uri);
  });

  it('says why for files left out on purpose (the client shows nothing for them)', async () => {
    const ignored = uriOf(path.join(root, 'ignored', 'x.policy.md'));
    await client.open(ignored, FIVE_NETS_NOTE);
    assert.equal((await why(ignored))?.notDraftReason, 'ignored', '.fivenetsignore');
    settings = { filesExclude: ['**/archive'] };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const archived = uriOf(path.join(root, 'archive', 'old.policy.md'));
    await client.open(archived, FIVE_NETS_NOTE);
    assert.equal((await why(archived))?.notDraftReason, 'excluded', 'files.exclude');
    settings = { enable: false };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const draft = uriOf(path.join(root, 'off.policy.md'));
    await client.open(draft, FIVE_NETS_NOTE);
    assert.equal((await why(draft))?.notDraftReason, 'disabled', 'fivenets.enable: false');
    settings = {};
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(await why(draft), { isDraft: true, notDraftReason: undefined, includeFrom: undefined, suggestedSchema: undefined });
    for (const uri of [ignored, archived, draft]) await client.close(uri);
  });

  it('becomes a draft with diagnostics once "Treat as Policy Draft" adds the frontmatter', async () => {
    const uri = uriOf(path.join(root, 'minutes', 'frontmatter.md'));
    const text = '---\ntitle: 会议纪要\n---\n## 公共卫生防护网\n\n1. 推进院前急救中心建设\n';
    await client.open(uri, text);
    const stats0 = await why(uri);
    assert.equal(stats0?.notDraftReason, 'not-included');
    const edit = schemaFrontmatterEdit(text, stats0.suggestedSchema ?? '');
    const published = client.nextDiagnostics(uri, 2);
    const before = TextDocument.create(uri, 'markdown', 1, text);
    await client.change(uri, [{ range: { start: before.positionAt(edit.start), end: before.positionAt(edit.end) }, text: edit.newText }]);
    assert.ok(client.text(uri).startsWith('---\nschema: five-nets\ntitle: 会议纪要\n---\n'), client.text(uri));
    const { diagnostics } = await published;
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    assert.equal((await stats(uri))?.isDraft, true);
    await client.close(uri);
  });

  it('becomes a draft with diagnostics once its folder’s glob is in fivenets.include', async () => {
    const uri = uriOf(path.join(root, 'minutes', 'include.md'));
    await client.open(uri, FIVE_NETS_NOTE);
    assert.equal((await why(uri))?.notDraftReason, 'not-included');
    const published = client.nextDiagnostics(uri);
    settings = { include: ['**/*.policy.md', 'policies/**/*.md', folderIncludeGlob('minutes')] };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const { diagnostics } = await published;
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'missing-owner'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    assert.equal((await stats(uri))?.isDraft, true);
    settings = {};
    await client.close(uri);
  });

  it('says the include globs come from a config file when one sets them (the setting would change nothing)', async () => {
    const folder = path.join(root, 'configured');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '.fivenets.yaml'), 'include:\n  - "plans/**/*.md"\n');
    const uri = uriOf(path.join(folder, 'notes.md'));
    await client.open(uri, FIVE_NETS_NOTE);
    assert.deepEqual(await why(uri), { isDraft: false, notDraftReason: 'not-included', includeFrom: 'config', suggestedSchema: 'five-nets' });
    await client.close(uri);
  });
});
