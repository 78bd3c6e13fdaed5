/**
 * A drafter's afternoon (issue 15), over stdio: a placeholder is still a missing field, with
 * the workspace's owners offered for it; owner completion sees drafts on disk; hovers work
 * with the cursor right after a term.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeAction, CompletionList, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver/node';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

describe('drafting in the editor (LSP)', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;

  before(async () => {
    buildServer();
    root = makeWorkspace();
    // A draft on disk, never opened: its owner must still be offered.
    fs.writeFileSync(path.join(root, 'policies', 'disk-only.policy.md'), '## 公共卫生防护网\n\n1. 建设数据平台1个（牵头单位：市大数据中心；完成时限：2021年12月底前）\n');
    client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({ roster: [] }) });
  });
  after(async () => {
    await client?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = uriOf(path.join(root, name));
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  describe('a template is not an answer', () => {
    it('keeps missing-owner on a placeholder owner and offers the workspace’s owners, drafts on disk included', async () => {
      const text = '---\ndate: 2021-05-10\n---\n\n## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：【待填写】；完成时限：【待填写】）\n';
      const { uri, diagnostics } = await open('placeholder.policy.md', text);
      const owner = diagnostics.find((d) => d.code === 'missing-owner');
      assert.ok(owner, 'missing-owner stays');
      assert.equal(owner.severity, 1);
      assert.match(String(owner.message), /占位符“【待填写】”尚未填写/u);
      assert.deepEqual(owner.range, { start: { line: 6, character: 18 }, end: { line: 6, character: 23 } });
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: owner.range, context: { diagnostics: [owner] } });
      const use = actions.find((action) => action.title === '填写“市大数据中心”');
      assert.ok(use, `offered: ${actions.map((action) => action.title).join(', ')}`);
      const edit = (use.edit?.documentChanges?.[0] as TextDocumentEdit).edits[0];
      assert.deepEqual(edit, { range: owner.range, newText: '市大数据中心' });
      assert.ok(!actions.some((action) => action.title.includes('【待填写】') && action.title.startsWith('填写')), 'a placeholder is never offered as an owner');

      const deadline = diagnostics.find((d) => d.code === 'missing-deadline');
      assert.ok(deadline);
      const deadlineActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: deadline.range, context: { diagnostics: [deadline] } });
      assert.deepEqual(
        deadlineActions.filter((action) => action.title.startsWith('填写')).map((action) => action.title),
        ['填写“2021年6月底前”（本季度末）', '填写“2021年12月底前”（本年末）'],
      );
      await client.close(uri);
    });

    it('offers owners of drafts on disk in owner completion', async () => {
      const text = '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：\n';
      const { uri } = await open('completion.policy.md', text);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 18 } });
      assert.ok(list.items.some((item) => item.label === '市大数据中心'), list.items.map((item) => item.label).join(', '));
      await client.close(uri);
    });
  });

  describe('hover at the end of a term', () => {
    const text = '## 公共卫生防护网\n\n1. 设立公共卫生总师，建设急救站20个（牵头单位：市卫健委；完成时限：2021年12月底前）\n';
    const line = text.split('\n')[2];
    const hoverAfter = async (uri: string, term: string): Promise<{ hover: Hover | null; start: number; end: number }> => {
      const start = line.indexOf(term);
      assert.ok(start >= 0, term);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: start + term.length } });
      return { hover, start, end: start + term.length };
    };
    const markdown = (hover: Hover | null): string => (hover?.contents as { value: string } | undefined)?.value ?? '';

    it('shows the term, the owner, the deadline and the label with the cursor right after them', async () => {
      const { uri } = await open('hover-end.policy.md', text);
      for (const [term, expected] of [
        ['公共卫生总师', /公共卫生总师/u],
        ['市卫健委', /市卫健委/u],
        ['2021年12月底前', /2021-12-01/u],
        ['牵头单位', /牵头单位/u],
      ] as const) {
        const { hover, start, end } = await hoverAfter(uri, term);
        assert.ok(hover, `a hover right after ${term}`);
        assert.deepEqual(hover.range, { start: { line: 2, character: start }, end: { line: 2, character: end } }, term);
        assert.match(markdown(hover), expected, term);
      }
      // Right after the term and right before the next one, the next one wins (the character after the cursor).
      const before = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: line.indexOf('牵头单位') } });
      assert.match(markdown(before), /牵头单位/u);
      await client.close(uri);
    });
  });
});
