/**
 * Quick fixes as snippets (issue 15), over stdio: a client with LSP 3.18
 * `workspace.workspaceEdit.snippetEditSupport` gets each inserted placeholder as a tab stop,
 * in a SnippetTextEdit of the same range and text as the plain fix; a client without it (Neovim,
 * the CLI's data) gets the plain TextEdit, unchanged. Fixes applied on save stay plain.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeAction, Diagnostic, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';
import { snippetInsertText } from '../engine/snippet-text';

function capabilities(snippetEditSupport: boolean): ClientCapabilities {
  return {
    workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true, snippetEditSupport } },
    textDocument: {
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
        isPreferredSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
  };
}

// Two measures, each without a deadline; the first has no metric either.
const TEXT = '## 公共卫生防护网\n\n1. 新增发热门诊（牵头单位：市卫健委）\n2. 建设数据平台1个（牵头单位：市大数据中心）\n';
const DEADLINE_FIX = '；完成时限：【待填写】';

type AnyEdit = TextEdit | SnippetTextEdit;
const isSnippet = (edit: AnyEdit): edit is SnippetTextEdit => 'snippet' in edit;
const editsOf = (action: CodeAction | undefined): AnyEdit[] => (action?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined)?.edits ?? [];

describe('quick fixes as snippets (LSP 3.18 snippetEditSupport)', function () {
  this.timeout(60_000);
  let root: string;
  const clients: TestClient[] = [];

  before(() => {
    buildServer();
    root = makeWorkspace();
  });
  after(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  async function session(snippetEditSupport: boolean, name: string): Promise<{ client: TestClient; uri: string; diagnostics: Diagnostic[] }> {
    const client = await TestClient.start({ root, capabilities: capabilities(snippetEditSupport), locale: 'zh-CN' });
    clients.push(client);
    const uri = uriOf(path.join(root, name));
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, TEXT);
    return { client, uri, diagnostics: (await published).diagnostics };
  }

  const deadlineOf = (diagnostics: Diagnostic[], line: number): Diagnostic => {
    const found = diagnostics.find((diagnostic) => diagnostic.code === 'missing-deadline' && diagnostic.range.start.line === line);
    assert.ok(found, `missing-deadline on line ${line}: ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line]))}`);
    return found;
  };

  async function actionsFor(client: TestClient, uri: string, diagnostic: Diagnostic, triggerKind?: 1 | 2): Promise<CodeAction[]> {
    const context = triggerKind === undefined ? { diagnostics: [diagnostic] } : { diagnostics: [diagnostic], triggerKind };
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context });
  }

  it('sends the template fix as a SnippetTextEdit whose tab stop is the placeholder', async () => {
    const { client, uri, diagnostics } = await session(true, 'snippet.policy.md');
    const deadline = deadlineOf(diagnostics, 2);
    const fix = (await actionsFor(client, uri, deadline, 1)).find((action) => action.isPreferred);
    assert.ok(fix, 'the preferred quick fix');
    assert.equal(fix.title, '插入“完成时限”模板');
    const position = { line: 2, character: '1. 新增发热门诊（牵头单位：市卫健委'.length };
    assert.deepEqual(editsOf(fix), [{ range: { start: position, end: position }, snippet: { kind: 'snippet', value: '；完成时限：${1:【待填写】}' } }]);
    // The data on the diagnostic stays the plain fix: the snippet is derived from it.
    assert.deepEqual((deadline.data as { fix: { edits: TextEdit[] } }).fix.edits, [{ range: { start: position, end: position }, newText: DEADLINE_FIX }]);
  });

  it('numbers the tab stops of "Fix all" across its edits, in document order', async () => {
    const { client, uri, diagnostics } = await session(true, 'fix-all.policy.md');
    const deadline = deadlineOf(diagnostics, 2);
    const all = (await actionsFor(client, uri, deadline, 1)).find((action) => action.title.includes('missing-deadline') && !action.edit);
    assert.ok(all, 'a "Fix all missing-deadline problems" action to resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    const edits = editsOf(resolved);
    assert.equal(edits.length, 2);
    assert.ok(edits.every(isSnippet), JSON.stringify(edits));
    assert.deepEqual(
      edits.map((edit) => edit.snippet.value),
      ['；完成时限：${1:【待填写】}', '；完成时限：${2:【待填写】}'],
    );
    // Each snippet inserts exactly its plain edit's text.
    for (const edit of edits) assert.equal(snippetInsertText(edit.snippet.value), DEADLINE_FIX);
  });

  it('keeps fixes applied on save plain (triggerKind Automatic), and actions without a placeholder plain', async () => {
    const { client, uri, diagnostics } = await session(true, 'on-save.policy.md');
    const deadline = deadlineOf(diagnostics, 2);
    const onSave = await actionsFor(client, uri, deadline, 2);
    assert.ok(onSave.length > 0);
    for (const action of onSave) assert.ok(!editsOf(action).some(isSnippet), `${action.title} is plain on save`);
    const source = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: deadline.range, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 } });
    const resolved = await client.request<CodeAction>('codeAction/resolve', source[0]);
    assert.ok(editsOf(resolved).length > 0 && !editsOf(resolved).some(isSnippet), 'source.fixAll on save is plain');
    // Disable-line has no placeholder: a TextEdit even when the user asks.
    const disable = (await actionsFor(client, uri, deadline, 1)).find((action) => action.title === '在此行停用 missing-deadline');
    assert.ok(disable, 'the disable action');
    assert.ok(!editsOf(disable).some(isSnippet));
  });

  it('sends plain TextEdits to a client without snippetEditSupport (Neovim)', async () => {
    const { client, uri, diagnostics } = await session(false, 'plain.policy.md');
    const deadline = deadlineOf(diagnostics, 2);
    const fix = (await actionsFor(client, uri, deadline, 1)).find((action) => action.isPreferred);
    const position = { line: 2, character: '1. 新增发热门诊（牵头单位：市卫健委'.length };
    assert.deepEqual(editsOf(fix), [{ range: { start: position, end: position }, newText: DEADLINE_FIX }]);
    const all = (await actionsFor(client, uri, deadline)).find((action) => action.title.includes('missing-deadline') && !action.edit);
    assert.ok(all);
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    assert.deepEqual(
      editsOf(resolved).map((edit) => (edit as TextEdit).newText),
      [DEADLINE_FIX, DEADLINE_FIX],
    );
  });
});
