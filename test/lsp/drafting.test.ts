/**
 * A drafter's afternoon (issue 15), over stdio: a placeholder is still a missing field, with
 * the workspace's owners offered for it; owner completion sees drafts on disk; hovers work
 * with the cursor right after a term.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, type ClientCapabilities, type CodeAction, type CodeLens, type CompletionList, type DocumentSymbol, type Hover, type TextDocumentEdit } from 'vscode-languageserver/node';
import type { DocumentStats } from '../../shared/protocol';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
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
    // An English VS Code: what describes a Chinese draft must still be Chinese (fivenets.locale: auto).
    // files.exclude as the client sends it (the fivenets section's filesExclude).
    fs.mkdirSync(path.join(root, 'archive'), { recursive: true });
    fs.writeFileSync(path.join(root, 'archive', 'old.policy.md'), '## 公共卫生防护网\n\n1. 建设旧平台1个（牵头单位：市旧档案馆；完成时限：2019年底前）\n');
    client = await TestClient.start({ root, capabilities: CLIENT, locale: 'en-US', settings: () => ({ filesExclude: ['**/archive', '**/*.tmp.md'] }) });
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
      assert.match(Diagnostic.getMessageString(owner), /占位符“【待填写】”尚未填写/u);
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
      assert.ok(
        list.items.some((item) => item.label === '市大数据中心'),
        list.items.map((item) => item.label).join(', '),
      );
      await client.close(uri);
    });
  });

  describe('one language rule (fivenets.locale: auto)', () => {
    const describeDraft = async (name: string, text: string, headingLine: number) => {
      const { uri, diagnostics } = await open(name, text);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: headingLine, character: 4 } });
      const stats = await client.request<DocumentStats>('fivenets/documentStats', { uri });
      const missing = diagnostics.filter((d) => d.code === 'missing-deadline');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing[0].range, context: { diagnostics: missing } });
      await client.close(uri);
      const message = missing[0] ? Diagnostic.getMessageString(missing[0]) : undefined;
      return { message, lens: lenses[0]?.command?.title, hover: (hover?.contents as { value: string } | undefined)?.value ?? '', status: stats.text, actions: actions.map((action) => action.title) };
    };

    it('describes a Chinese draft in Chinese in an English editor: diagnostics, lenses, hovers, status bar, code actions', async () => {
      const seen = await describeDraft('zh.policy.md', '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：市卫健委）\n', 0);
      assert.equal(seen.message, '措施缺少完成时限：请补充完成时间（“新增发热门诊30个”）');
      assert.equal(seen.lens, '1 项措施 · 1 项不完整');
      assert.match(seen.hover, /^\*\*公共卫生防护网\*\*/u);
      assert.equal(seen.status, '1/5 张网 · 1 项措施 · 1 项不完整');
      assert.ok(seen.actions.includes('插入“完成时限”模板'), seen.actions.join(', '));
    });

    it('follows the script: a traditional draft gets traditional text', async () => {
      const seen = await describeDraft('hant.policy.md', '## 公共衛生防護網\n\n1. 新增發熱門診30個（牽頭單位：市衛健委）\n', 0);
      assert.match(seen.message ?? '', /^措施缺少完成時限/u);
      assert.equal(seen.lens, '1 項措施 · 1 項不完整');
      assert.equal(seen.status, '1/5 張網 · 1 項措施 · 1 項不完整');
    });

    it('describes an English draft in English, and an empty new one in the editor’s language', async () => {
      const seen = await describeDraft('en-draft.policy.md', '## Public Health Protection Net\n\n1. Build 20 ambulance stations (Owner: City Health Commission)\n', 0);
      assert.equal(seen.message, 'Measure has no deadline: add a completion date ("Build 20 ambulan…")');
      assert.equal(seen.lens, '1 measure · 1 incomplete');
      assert.equal(seen.status, '1/5 nets · 1 measure · 1 incomplete');
      const uri = uriOf(path.join(root, 'blank.policy.md'));
      await client.open(uri, '');
      const stats = await client.request<DocumentStats>('fivenets/documentStats', { uri });
      assert.equal(stats.text, 'Task Assignment · 0 measures · 0 incomplete');
      await client.close(uri);
    });
  });

  describe('files.exclude', () => {
    it('gives excluded files nothing, on disk or open, and keeps them out of workspace features', async () => {
      // A draft next to them is linted: the server is not simply silent.
      const { diagnostics } = await open('kept.policy.md', '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：市卫健委）\n');
      assert.ok(diagnostics.some((d) => d.code === 'missing-deadline'));
      const excluded = [uriOf(path.join(root, 'archive', 'old.policy.md')), uriOf(path.join(root, 'scratch.tmp.md'))];
      for (const uri of excluded) {
        await client.open(uri, '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：市卫健委）\n');
        assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 4 } }), null);
        assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
        assert.deepEqual(client.publishedFor(uri), []);
        await client.close(uri);
      }
      const symbols = await client.request<Array<{ location: { uri: string } }>>('workspace/symbol', { query: '旧平台' });
      assert.deepEqual(symbols, [], 'a draft in an excluded folder is not searched');
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(path.join(root, 'kept.policy.md')) }, position: { line: 2, character: 18 } });
      assert.ok(!list.items.some((item) => item.label === '市旧档案馆'), 'nor are its owners offered');
      await client.close(uriOf(path.join(root, 'kept.policy.md')));
    });
  });

  describe('outline', () => {
    it('keeps the measures of a misspelt net heading under it', async () => {
      const text =
        '## 公共卫生防户网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年底前）\n2. 新增发热门诊30个（牵头单位：市卫健委；完成时限：2021年底前）\n\n## 城市精细管理网\n\n1. 编制产业地图1份（牵头单位：市发改委；完成时限：2021年底前）\n';
      const { uri } = await open('misspelt.policy.md', text);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      await client.close(uri);
      assert.deepEqual(
        symbols.map((symbol) => [symbol.name, symbol.detail, symbol.range.start.line, symbol.range.end.line, (symbol.children ?? []).map((child) => child.name)]),
        [
          ['公共卫生防户网', '2 项措施', 0, 3, ['建设急救站20个', '新增发热门诊30个']],
          ['城市精细管理网', '1 项措施', 5, 7, ['编制产业地图1份']],
        ],
      );
      assert.deepEqual(symbols[0].selectionRange, { start: { line: 0, character: 3 }, end: { line: 0, character: 10 } });
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
