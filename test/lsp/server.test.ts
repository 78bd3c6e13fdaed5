/**
 * The language server over stdio (and once over IPC), driven with vscode-jsonrpc like an
 * editor would: exact capabilities, diagnostics per version, every hover kind, every code
 * action applied and linted again, completion, navigation, configuration and locale changes.
 * Positions are checked after CJK text and astral characters (𠮷, 😀: two UTF-16 units each).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
  ClientCapabilities,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
  SymbolInformation,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { lint, lintOptionsFor } from '../../server/src/engine';
import { resolveConfigForFile } from '../../server/src/engine/config';
import { daysBetween } from '../../server/src/engine/deadline';
import { DOCS_BASE } from '../../server/src/version';
import { SEED, TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const PUSH_CLIENT: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    codeLens: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } },
      isPreferredSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

/** A client that pulls diagnostics, cannot resolve code actions and applies plain `changes`. */
const PULL_CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
  },
};

const BASE_CAPABILITIES = {
  textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['：', ':', '#', '、'], resolveProvider: false },
  codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.fivenets'], resolveProvider: true },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
  workspaceSymbolProvider: true,
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};

const pos = (line: number, character: number): Position => ({ line, character });
const range = (line: number, start: number, endLine: number, end: number): Range => ({ start: pos(line, start), end: pos(endLine, end) });

/** Today in local time, as the server computes it. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const brief = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

function editsOf(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version: number | null } {
  assert.ok(edit, 'the action carries an edit');
  if (edit.documentChanges) {
    assert.equal(edit.documentChanges.length, 1);
    const change = edit.documentChanges[0] as TextDocumentEdit;
    assert.equal(change.textDocument.uri, uri);
    return { edits: change.edits as TextEdit[], version: change.textDocument.version };
  }
  assert.ok(edit.changes?.[uri], 'the edit changes this document');
  return { edits: edit.changes[uri], version: null };
}

const comparePositions = (a: Position, b: Position) => a.line - b.line || a.character - b.character;
const messageOf = (d: Diagnostic | undefined) => (d === undefined ? '' : typeof d.message === 'string' ? d.message : d.message.value);

/** Apply a workspace edit as incremental changes (last edit first), wait for the new version's diagnostics. */
async function applyEdit(client: TestClient, uri: string, edit: WorkspaceEdit | undefined): Promise<Diagnostic[]> {
  const { edits, version } = editsOf(edit, uri);
  const document = client.documents.get(uri);
  assert.ok(document);
  if (version !== null) assert.equal(version, document.version, 'the edit is for the current version');
  const sorted = [...edits].sort((a, b) => comparePositions(b.range.start, a.range.start));
  const next = client.nextDiagnostics(uri, document.version + 1);
  await client.change(
    uri,
    sorted.map((item) => ({ range: item.range, text: item.newText })),
  );
  return (await next).diagnostics;
}

async function openAndWait(client: TestClient, file: string, text = fs.readFileSync(file, 'utf8')): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = uriOf(file);
  const published = client.nextDiagnostics(uri, 1);
  await client.open(uri, text);
  return { uri, diagnostics: (await published).diagnostics };
}

function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const at = diagnostics[0]?.range ?? range(0, 0, 0, 0);
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: at, context: { diagnostics, only } });
}

function hoverAt(client: TestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos(line, character) });
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: pos(line, character) });
  assert.ok(list, 'expected completions');
  return list.items;
}

function item(items: CompletionItem[], label: string): CompletionItem & { textEdit: TextEdit } {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion "${label}" in ${items.map((candidate) => candidate.label).join(', ')}`);
  assert.ok(found.textEdit && 'range' in found.textEdit);
  return found as CompletionItem & { textEdit: TextEdit };
}

describe('language server', function () {
  this.timeout(30_000);

  before(function () {
    this.timeout(120_000);
    buildServer();
  });

  describe('over stdio with push diagnostics', () => {
    let root: string;
    let client: TestClient;
    /** What the client answers for `fivenets` settings; per-file overrides by basename. */
    let userSettings: Record<string, unknown> = {};
    const perFile: Record<string, Record<string, unknown>> = {
      'big.policy.md': { maxFileSize: 200 },
      'disabled.policy.md': { enable: false },
    };
    const file = (...parts: string[]) => path.join(root, ...parts);
    const changeSettings = async (settings: Record<string, unknown>, uri: string) => {
      userSettings = settings;
      const next = client.nextDiagnostics(uri);
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      return (await next).diagnostics;
    };

    before(async () => {
      root = makeWorkspace();
      client = await TestClient.start({
        root,
        capabilities: PUSH_CLIENT,
        locale: 'zh-cn',
        settings: (scopeUri) => ({ ...userSettings, ...(scopeUri ? perFile[path.basename(scopeUri)] : {}) }),
      });
    });

    after(async () => {
      if (process.env.LSP_DEBUG)
        console.log(
          client.logs,
          client.stderr,
          client.published.map((p) => `${p.uri} v${p.version} ${p.diagnostics.length}`),
          client.serverRequests,
          client.messages,
        );
      await client?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('declares exactly its capabilities', () => {
      assert.deepEqual(client.initializeResult.capabilities, BASE_CAPABILITIES);
      assert.equal(client.initializeResult.serverInfo?.name, 'fivenets');
    });

    it('registers a watcher for config files and for configuration changes', async () => {
      await client.serverRequested('client/registerCapability');
      const watcher = client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
      assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/.fivenets.{yaml,yml,json}' }, { globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/{.gitignore,.fivenetsignore}' }] });
      assert.ok(client.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'));
    });

    it('publishes diagnostics for a draft on open: version, rule code, doc link, source, fixes as data', async () => {
      const { uri, diagnostics } = await openAndWait(client, file('policies', 'astral.md'));
      assert.equal(client.publishedFor(uri)[0].version, 1);
      assert.deepEqual(brief(diagnostics).sort(), ['missing-deadline 10:3-10:17', 'missing-metric 10:3-10:17', 'missing-net 7:7-7:14', 'missing-net 7:7-7:14', 'missing-net 7:7-7:14', 'missing-net 7:7-7:14']);
      const deadline = diagnostics.find((d) => d.code === 'missing-deadline');
      assert.ok(deadline);
      assert.equal(deadline.source, 'fivenets');
      assert.equal(deadline.severity, 1);
      assert.equal(messageOf(deadline), '措施缺少完成时限：请补充完成时间（“𠮷😀推进应急避难场所建设”）');
      assert.deepEqual(deadline.codeDescription, { href: `${DOCS_BASE}/missing-deadline.md` });
      assert.deepEqual(deadline.data, {
        version: 1,
        fix: { title: '插入“完成时限”模板', edits: [{ range: range(10, 29, 10, 29), newText: '；完成时限：【待填写】' }] },
        suggestions: [],
      });
      assert.equal(diagnostics.find((d) => d.code === 'missing-net')?.severity, 2);
    });

    it('lints the same way as the CLI (same config resolution and options)', async () => {
      const seedFile = file('wuhan-five-nets.policy.md');
      const { diagnostics } = await openAndWait(client, seedFile);
      const text = fs.readFileSync(seedFile, 'utf8');
      const expected = lint(text, lintOptionsFor(resolveConfigForFile(seedFile, { workspaceRoot: root }))).diagnostics;
      assert.ok(expected.length > 5);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range, messageOf(d)]),
        expected.map((d) => [d.rule, d.range, d.message]),
      );
    });

    it('re-lints incremental edits and publishes only the latest version', async () => {
      const uri = uriOf(file('policies', 'edits.md'));
      const opened = client.nextDiagnostics(uri, 1);
      await client.open(uri, fs.readFileSync(file('policies', 'astral.md'), 'utf8'));
      await opened;
      const latest = client.nextDiagnostics(uri, 3);
      // Typed quickly: a deadline after the owner (v2), then a quantity in the text (v3).
      await client.change(uri, [{ range: range(10, 29, 10, 29), text: '；完成时限：2021年6月底前' }]);
      await client.change(uri, [{ range: range(10, 17, 10, 17), text: '20处' }]);
      const published = await latest;
      assert.deepEqual(brief(published.diagnostics), ['missing-net 7:7-7:14', 'missing-net 7:7-7:14', 'missing-net 7:7-7:14', 'missing-net 7:7-7:14']);
      assert.deepEqual(
        client.publishedFor(uri).map((params) => params.version),
        [1, 3],
        'version 2 was superseded before its lint ran',
      );
      assert.equal(client.text(uri).split('\n')[10], '2. 𠮷😀推进应急避难场所建设20处（牵头单位：市应急管理局；完成时限：2021年6月底前）');
    });

    it('gives Markdown files outside the include globs nothing, and frontmatter makes a draft', async () => {
      const readme = uriOf(file('README.md'));
      const plain = uriOf(file('notes', 'plain.md'));
      await client.open(readme, fs.readFileSync(file('README.md'), 'utf8'));
      await client.open(plain, fs.readFileSync(file('notes', 'plain.md'), 'utf8'));
      const { diagnostics } = await openAndWait(client, file('notes', 'frontmatter-draft.md'));
      assert.deepEqual(
        codes(diagnostics)
          .filter((code) => code !== 'missing-net')
          .sort(),
        ['missing-deadline', 'missing-metric'],
      );
      assert.deepEqual(client.publishedFor(readme), []);
      assert.deepEqual(client.publishedFor(plain), []);
      for (const uri of [readme, plain]) {
        assert.equal(await hoverAt(client, uri, 2, 5), null);
        assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
        assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
        assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
        assert.equal(await client.request('textDocument/completion', { textDocument: { uri }, position: pos(2, 0) }), null);
        assert.deepEqual(await actionsFor(client, uri, [], ['source.fixAll']), []);
      }
    });

    describe('hover', () => {
      let astral: string;
      before(() => {
        astral = uriOf(file('policies', 'astral.md'));
      });

      it('explains a glossary term', async () => {
        const hover = await hoverAt(client, astral, 9, 21);
        assert.deepEqual(hover?.range, range(9, 20, 9, 23));
        assert.match(hoverText(hover), /^\*\*双报到\*\*\n\n“街道吹哨、部门报到；社区吹哨、党员报到”/u);
      });

      it('explains a glossary term from the config file', async () => {
        const hover = await hoverAt(client, astral, 11, 16);
        assert.deepEqual(hover?.range, range(11, 15, 11, 20));
        assert.match(hoverText(hover), /汇集全市应急资源的一张电子地图/u);
      });

      it('finds glossary terms written in traditional script', async () => {
        const { uri } = await openAndWait(client, file('hant.policy.md'));
        const hover = await hoverAt(client, uri, 6, 11);
        assert.deepEqual(hover?.range, range(6, 10, 6, 14));
        // In the draft's own script: the hover describes the draft.
        assert.match(hoverText(hover), /^\*\*一網通辦\*\*\n\n政務服務通過一個網上平臺統一受理和辦理。/u);
      });

      it('describes a net heading with its measures and how many are complete', async () => {
        const hover = await hoverAt(client, astral, 7, 8);
        assert.deepEqual(hover?.range, range(7, 7, 7, 14));
        const text = hoverText(hover);
        assert.match(text, /^\*\*城市应急处置网\*\*\n\n覆盖突发事件的预防预警/u);
        assert.match(text, /必填字段：牵头单位、指标、完成时限/u);
        assert.match(text, /措施 3 项，其中完整 2 项/u);
      });

      it('explains a field label with an example', async () => {
        const hover = await hoverAt(client, astral, 9, 26);
        assert.deepEqual(hover?.range, range(9, 25, 9, 29));
        const text = hoverText(hover);
        assert.match(text, /牵头单位：对该项措施负总责的一个具体单位/u);
        assert.match(text, /示例：`牵头单位：市卫健委`/u);
      });

      it('shows a deadline as dates, days left against today and against the document date', async () => {
        const hover = await hoverAt(client, astral, 9, 45);
        assert.deepEqual(hover?.range, range(9, 42, 9, 52));
        const text = hoverText(hover);
        assert.match(text, /完成时限：2020-12-01 至 2020-12-31/u);
        const left = daysBetween(today(), '2020-12-31');
        assert.ok(left < 0);
        assert.ok(text.includes(`已逾期 ${-left} 天（今天是 ${today()}）`), text);
        assert.ok(text.includes('在文档日期 2020-07-15 之后 169 天'), text);
      });

      it('shows an owner: known to the roster, and how many measures it leads', async () => {
        const hover = await hoverAt(client, astral, 9, 31);
        assert.deepEqual(hover?.range, range(9, 30, 9, 36));
        const text = hoverText(hover);
        assert.match(text, /^\*\*市应急管理局\*\*\n\n在单位名册中\n\n在本文稿中牵头 3 项措施/u);
      });

      it('says when no roster is configured', async () => {
        const seed = uriOf(file('wuhan-five-nets.policy.md'));
        const lines = fs.readFileSync(file('wuhan-five-nets.policy.md'), 'utf8').split('\n');
        const line = lines.findIndex((text) => text.includes('（牵头单位：市委政法委；'));
        const character = lines[line].indexOf('市委政法委') + 1;
        const text = hoverText(await hoverAt(client, seed, line, character));
        assert.match(text, /^\*\*市委政法委\*\*\n\n未配置单位名册/u);
        assert.match(text, /在本文稿中牵头 2 项措施/u);
      });

      it('has nothing to say about plain text', async () => {
        // Line 5 is the title, which names the schema (test/lsp/tasks.test.ts).
        assert.equal(await hoverAt(client, astral, 10, 9), null);
      });
    });

    describe('completion', () => {
      const draft = ['## 城市应急处置网', '', '1. 𠮷😀建设避难场所5处（完成', '2. 建设储备库3个（责任单位：市卫健委、', '', '## ', '', ''].join('\n');
      let uri: string;
      before(async () => {
        uri = uriOf(file('policies', 'complete.md'));
        const opened = client.nextDiagnostics(uri, 1);
        await client.open(uri, draft);
        await opened;
      });

      it('offers field labels with their colon, replacing the label typed so far', async () => {
        const items = await complete(client, uri, 2, 18);
        const deadline = item(items, '完成时限：');
        assert.deepEqual(deadline.textEdit, { range: range(2, 16, 2, 18), newText: '完成时限：' });
        assert.equal(deadline.kind, 5);
        assert.deepEqual(item(items, '牵头单位：').textEdit, { range: range(2, 18, 2, 18), newText: '牵头单位：' });
        assert.ok(!items.some((candidate) => candidate.label === '牽頭單位：' || candidate.label === 'Owner:'));
        assert.ok(
          items.some((candidate) => candidate.label === '双报到' && candidate.kind === 1),
          'glossary terms',
        );
      });

      it('offers the roster and the owners of open drafts after an owner label', async () => {
        const astral = uriOf(file('policies', 'astral.md'));
        const items = await complete(client, astral, 10, 23);
        const labels = items.map((candidate) => candidate.label);
        assert.deepEqual(labels.slice(0, 3), ['市应急管理局', '市卫健委', '市民政局']);
        assert.ok(labels.includes('市发改委'), 'an owner used in the open seed draft');
        assert.ok(!labels.includes('有关部门') && !labels.includes('【待填写】'), 'no vague owners or placeholders');
        assert.ok(items.every((candidate) => candidate.kind === 12 && (candidate.textEdit as TextEdit).range.start.character === 23));
        assert.equal(item(items, '市应急管理局').detail, '单位名册');
        assert.equal(item(items, '市发改委').detail, '已在打开的文稿中使用');
        // Typing an owner replaces what was typed; after 、 the units already listed are not offered again.
        assert.deepEqual(item(await complete(client, astral, 10, 25), '市应急管理局').textEdit.range, range(10, 23, 10, 25));
        const more = await complete(client, uri, 3, 21);
        assert.ok(!more.some((candidate) => candidate.label === '市卫健委'));
        assert.deepEqual(item(more, '市民政局').textEdit, { range: range(3, 21, 3, 21), newText: '市民政局' });
      });

      it('offers net names in headings', async () => {
        const items = await complete(client, uri, 5, 3);
        assert.deepEqual(
          [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText))).map((candidate) => candidate.label),
          ['公共卫生防护网', '基层社会治理网', '矛盾风险化解网', '城市精细管理网', '城市应急处置网'],
        );
        assert.deepEqual(item(items, '公共卫生防护网').textEdit, { range: range(5, 3, 5, 3), newText: '公共卫生防护网' });
        assert.equal(item(items, '公共卫生防护网').kind, 9);
      });

      it('offers measure and net section snippets on an empty line', async () => {
        const items = await complete(client, uri, 7, 0);
        const measure = item(items, '措施模板（牵头单位、指标、完成时限）');
        assert.equal(measure.kind, 15);
        assert.equal(measure.insertTextFormat, 2);
        assert.equal(measure.textEdit.newText, '1. ${1:【待填写】}（牵头单位：${2:【待填写】}；指标：${3:【待填写】}；完成时限：${4:【待填写】}）$0');
        const section = item(items, '网章节模板');
        assert.ok(section.textEdit.newText.startsWith('## ${1|公共卫生防护网,基层社会治理网,矛盾风险化解网,城市精细管理网,城市应急处置网|}\n\n1. ${2:【待填写】}'), section.textEdit.newText);
        assert.ok(!items.some((candidate) => candidate.label === '五张网文稿骨架'), 'no skeleton in a draft that has nets');
      });

      it('offers a whole-draft skeleton in an empty draft', async () => {
        const { uri: empty } = await openAndWait(client, file('empty.policy.md'));
        const skeleton = item(await complete(client, empty, 0, 0), '五张网文稿骨架');
        assert.equal(skeleton.insertTextFormat, 2);
        const text = skeleton.textEdit.newText;
        assert.ok(text.startsWith('---\ntitle: ${1:【待填写】}\ndate: ${2:'), text);
        assert.ok(text.includes('\nschema: five-nets\n---\n'));
        for (const net of ['城市应急处置网', '公共卫生防护网', '基层社会治理网', '矛盾风险化解网', '城市精细管理网']) assert.ok(text.includes(`## ${net}\n\n1. 【待填写】（牵头单位：`), net);
      });

      it('uses the draft’s script: traditional and English labels', async () => {
        const hant = uriOf(file('hant.policy.md'));
        const hantItems = await complete(client, hant, 7, 13);
        assert.deepEqual(item(hantItems, '牽頭單位：').textEdit, { range: range(7, 13, 7, 13), newText: '牽頭單位：' });
        assert.ok(!hantItems.some((candidate) => candidate.label === '牵头单位：'));
        const { uri: en } = await openAndWait(client, file('en.policy.md'));
        const enItems = await complete(client, en, 7, 25);
        assert.deepEqual(item(enItems, 'Owner:').textEdit, { range: range(7, 25, 7, 25), newText: 'Owner: ' });
        assert.ok(!enItems.some((candidate) => /[\u4e00-\u9fff]/u.test(candidate.label) && candidate.kind === 5));
      });
    });

    describe('navigation', () => {
      let astral: string;
      before(() => {
        astral = uriOf(file('policies', 'astral.md'));
      });

      it('lists nets and their measures as document symbols', async () => {
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: astral } });
        assert.deepEqual(symbols, [
          {
            name: '一、织密城市应急处置网',
            detail: '3 项措施',
            kind: 3,
            range: range(7, 0, 11, 48),
            selectionRange: range(7, 7, 7, 14),
            children: [
              { name: '😀建设应急物资储备库3个，落实“双报到”', detail: '市应急管理局 · 2020年12月底前', kind: 24, range: range(9, 0, 9, 53), selectionRange: range(9, 3, 9, 24) },
              { name: '𠮷😀推进应急避难场所建设', detail: '市应急管理局', kind: 24, range: range(10, 0, 10, 30), selectionRange: range(10, 3, 10, 17) },
              { name: '完善应急预案25个，绘制应急一张图', detail: '市应急管理局 · 2021年6月底前', kind: 24, range: range(11, 0, 11, 48), selectionRange: range(11, 3, 11, 20) },
            ],
          },
        ]);
      });

      it('folds each net section', async () => {
        assert.deepEqual(await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: astral } }), [{ startLine: 7, endLine: 11, kind: 'region' }]);
      });

      it('puts a code lens with measure counts on each net heading', async () => {
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: astral } });
        assert.deepEqual(lenses, [{ range: range(7, 0, 7, 14), command: { title: '3 项措施 · 1 项不完整', command: 'fivenets.showProblems', arguments: [astral, 7, 'emergency-response'] } }]);
      });

      it('finds measures by text or owner in open drafts and in drafts on disk', async () => {
        const byText = await client.request<SymbolInformation[]>('workspace/symbol', { query: '避难' });
        const astralHit = byText.find((symbol) => symbol.location.uri === astral);
        assert.deepEqual(astralHit, {
          name: '𠮷😀推进应急避难场所建设',
          kind: 24,
          location: { uri: astral, range: range(10, 0, 10, 30) },
          containerName: '城市应急处置网 · 市应急管理局',
        });
        const closed = uriOf(file('policies', 'closed.md'));
        const byOwner = await client.request<SymbolInformation[]>('workspace/symbol', { query: '市信访局' });
        const closedHit = byOwner.find((symbol) => symbol.location.uri === closed);
        assert.deepEqual(closedHit, {
          name: '建立信访积案化解台账，化解率90%',
          kind: 24,
          location: { uri: closed, range: range(6, 0, 6, 47) },
          containerName: '矛盾风险化解网 · 市信访局',
        });
        const notDrafts = await client.request<SymbolInformation[]>('workspace/symbol', { query: '院前急救' });
        const files = new Set(notDrafts.map((symbol) => path.relative(root, new URL(symbol.location.uri).pathname)));
        assert.ok(files.has(path.join('notes', 'frontmatter-draft.md')), [...files].join(', '));
        assert.ok(!files.has('README.md') && !files.has(path.join('notes', 'plain.md')), [...files].join(', '));
      });
    });

    describe('code actions', () => {
      let uri: string;
      let diagnostics: Diagnostic[];
      before(async () => {
        ({ uri, diagnostics } = await openAndWait(client, file('policies', 'actions.md'), fs.readFileSync(file('policies', 'astral.md'), 'utf8')));
      });

      it('a preferred quick fix inserts the missing field there; its placeholder is then flagged', async () => {
        const missing = diagnostics.find((d) => d.code === 'missing-deadline');
        assert.ok(missing);
        const actions = await actionsFor(client, uri, [missing]);
        assert.deepEqual(
          actions.map((action) => [action.title, action.kind, action.isPreferred ?? false]),
          [
            ['插入“完成时限”模板', 'quickfix', true],
            ['在此行停用 missing-deadline', 'quickfix', false],
          ],
        );
        const { edits } = editsOf(actions[0].edit, uri);
        assert.deepEqual(edits, [{ range: range(10, 29, 10, 29), newText: '；完成时限：【待填写】' }]);
        diagnostics = await applyEdit(client, uri, actions[0].edit);
        // A template is not an answer: the deadline stays missing, now on its placeholder, with no second template.
        assert.deepEqual(brief(diagnostics.filter((d) => d.code === 'missing-deadline')), ['missing-deadline 10:35-10:40']);
        assert.equal((diagnostics.find((d) => d.code === 'missing-deadline')?.data as { fix: unknown }).fix, null);
        assert.deepEqual(brief(diagnostics.filter((d) => d.code === 'unfilled-placeholder')), ['unfilled-placeholder 10:35-10:40']);
      });

      it('a second fix on the new version, then disabling a rule for the line', async () => {
        const metric = diagnostics.find((d) => d.code === 'missing-metric');
        assert.ok(metric);
        const [fix] = await actionsFor(client, uri, [metric]);
        assert.equal(fix.isPreferred, true);
        diagnostics = await applyEdit(client, uri, fix.edit);
        const placeholders = diagnostics.filter((d) => d.code === 'unfilled-placeholder');
        assert.deepEqual(brief(placeholders), ['unfilled-placeholder 10:35-10:40', 'unfilled-placeholder 10:44-10:49']);
        const disable = (await actionsFor(client, uri, placeholders)).find((action) => action.title === '在此行停用 unfilled-placeholder');
        assert.ok(disable);
        assert.equal(disable.diagnostics?.length, 2);
        diagnostics = await applyEdit(client, uri, disable.edit);
        assert.ok(!codes(diagnostics).includes('unfilled-placeholder'));
        assert.equal(client.text(uri).split('\n')[10], '2. 𠮷😀推进应急避难场所建设（牵头单位：市应急管理局；完成时限：【待填写】；指标：【待填写】） <!-- fivenets-disable-line unfilled-placeholder -->');
      });

      it('a suggestion inserts a missing net section', async () => {
        const missingNet = diagnostics.find((d) => d.code === 'missing-net' && messageOf(d).includes('矛盾风险化解网'));
        assert.ok(missingNet);
        const actions = await actionsFor(client, uri, [missingNet]);
        const insert = actions.find((action) => action.title === '插入“矛盾风险化解网”章节模板');
        assert.ok(insert && !insert.isPreferred);
        const after = await applyEdit(client, uri, insert.edit);
        assert.equal(after.filter((d) => d.code === 'missing-net').length, 3);
        assert.ok(!after.some((d) => messageOf(d).includes('矛盾风险化解网')));
        assert.ok(client.text(uri).includes('\n## 矛盾风险化解网\n\n1. 【待填写】（牵头单位：【待填写】'));
      });

      it('disables a rule on a table row before its last |', async () => {
        const { uri: table, diagnostics: rows } = await openAndWait(client, file('policies', 'table.md'));
        const metric = rows.find((d) => d.code === 'missing-metric');
        assert.deepEqual(metric?.range, range(5, 6, 5, 18));
        const disable = (await actionsFor(client, table, [metric])).find((action) => action.title === '在此行停用 missing-metric');
        assert.ok(disable);
        const after = await applyEdit(client, table, disable.edit);
        assert.deepEqual(
          after.filter((d) => d.range.start.line === 5),
          [],
        );
        assert.equal(client.text(table).split('\n')[5], '| 2 | 𠮷深入谋划医养产业发展 | 市发改委 | 2021年底前 |  <!-- fivenets-disable-line missing-metric --> |');
      });

      describe('on the seed draft', () => {
        let seed: string;
        let seedDiagnostics: Diagnostic[];
        before(async () => {
          ({ uri: seed, diagnostics: seedDiagnostics } = await openAndWait(client, file('policies', 'seed.md'), fs.readFileSync(SEED, 'utf8')));
        });

        it('a suggestion replaces a vague owner with a placeholder', async () => {
          const vague = seedDiagnostics.find((d) => d.code === 'vague-owner');
          assert.ok(vague);
          const replace = (await actionsFor(client, seed, [vague])).find((action) => action.title.startsWith('将“'));
          assert.ok(replace && !replace.isPreferred);
          const after = await applyEdit(client, seed, replace.edit);
          assert.equal(after.filter((d) => d.code === 'vague-owner').length, seedDiagnostics.filter((d) => d.code === 'vague-owner').length - 1);
          assert.ok(after.some((d) => d.code === 'unfilled-placeholder' && d.range.start.line === vague.range.start.line && d.range.start.character === vague.range.start.character));
          seedDiagnostics = after;
        });

        it('fixes a misspelled net', async () => {
          const unknown = seedDiagnostics.find((d) => d.code === 'unknown-net');
          assert.ok(unknown);
          const [fix] = await actionsFor(client, seed, [unknown]);
          assert.ok(fix.isPreferred);
          seedDiagnostics = await applyEdit(client, seed, fix.edit);
          assert.ok(!codes(seedDiagnostics).includes('unknown-net'));
        });

        it('"Fix all <rule> problems" resolves to minimal edits that fix every one', async () => {
          const missing = seedDiagnostics.filter((d) => d.code === 'missing-deadline');
          const fixable = missing.filter((d) => (d.data as { fix: unknown }).fix !== null);
          assert.ok(fixable.length >= 2);
          const fixAllAction = (await actionsFor(client, seed, [missing[0]])).find((action) => action.title === '修复本文件中所有 missing-deadline 问题');
          assert.ok(fixAllAction);
          assert.equal(fixAllAction.kind, 'quickfix');
          assert.equal(fixAllAction.edit, undefined, 'computed on resolve');
          const resolved = await client.request<CodeAction>('codeAction/resolve', fixAllAction);
          const { edits } = editsOf(resolved.edit, seed);
          assert.equal(edits.length, fixable.length, 'one insertion per fix, not a whole-document replace');
          for (const edit of edits) assert.deepEqual(edit.range.start, edit.range.end);
          const placeholdersBefore = seedDiagnostics.filter((d) => d.code === 'unfilled-placeholder').length;
          seedDiagnostics = await applyEdit(client, seed, resolved.edit);
          assert.deepEqual(
            seedDiagnostics.filter((d) => d.code === 'missing-deadline' && (d.data as { fix: unknown }).fix !== null),
            [],
          );
          assert.equal(seedDiagnostics.filter((d) => d.code === 'unfilled-placeholder').length, placeholdersBefore + fixable.length);
        });

        it('an action resolved after the document changed carries no edit', async () => {
          const [fixAllAction] = await actionsFor(client, seed, [], ['source.fixAll']);
          assert.ok(fixAllAction);
          const next = client.nextDiagnostics(seed, client.documents.get(seed)!.version + 1);
          await client.change(seed, [{ range: range(0, 0, 0, 0), text: '' }]);
          await next;
          const resolved = await client.request<CodeAction>('codeAction/resolve', fixAllAction);
          assert.equal(resolved.edit, undefined);
        });

        it('source.fixAll.fivenets fixes every fixable problem (for codeActionsOnSave)', async () => {
          const actions = await actionsFor(client, seed, [], ['source.fixAll']);
          assert.deepEqual(
            actions.map((action) => [action.title, action.kind]),
            [['修复所有五张网问题', 'source.fixAll.fivenets']],
          );
          assert.deepEqual(await actionsFor(client, seed, [], ['quickfix']), []);
          const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
          const after = await applyEdit(client, seed, resolved.edit);
          assert.deepEqual(
            after.filter((d) => (d.data as { fix: unknown }).fix !== null).map((d) => d.code),
            [],
          );
          assert.ok(codes(after).includes('unfilled-placeholder'));
          assert.deepEqual(await actionsFor(client, seed, [], ['source.fixAll']), [], 'nothing left to fix');
        });
      });
    });

    describe('configuration', () => {
      it('re-lints when a watched config file changes', async () => {
        const { uri, diagnostics } = await openAndWait(client, file('changing', 'c.policy.md'));
        assert.ok(codes(diagnostics).includes('missing-owner'));
        const config = file('changing', '.fivenets.yaml');
        fs.writeFileSync(config, 'rules:\n  missing-owner: "off"\n');
        let next = client.nextDiagnostics(uri, 1);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
        assert.ok(!codes((await next).diagnostics).includes('missing-owner'));
        fs.rmSync(config);
        next = client.nextDiagnostics(uri, 1);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 3 }] });
        assert.ok(codes((await next).diagnostics).includes('missing-owner'));
      });

      it('re-lints when settings change: rules from the settings win over the config file', async () => {
        const uri = uriOf(file('changing', 'c.policy.md'));
        const after = await changeSettings({ rules: { 'missing-net': 'off', 'missing-owner': 'info' } }, uri);
        assert.ok(!codes(after).includes('missing-net'));
        assert.equal(after.find((d) => d.code === 'missing-owner')?.severity, 3);
        const restored = await changeSettings({}, uri);
        assert.ok(codes(restored).includes('missing-net'));
      });

      it('reports a broken config once, on the config file, and lints the draft with defaults', async () => {
        const config = uriOf(file('broken', '.fivenets.yaml'));
        const { uri, diagnostics } = await openAndWait(client, file('broken', 'b.policy.md'));
        assert.equal(diagnostics.find((d) => d.code === 'missing-owner')?.severity, 1, 'default severity');
        const onConfig = client.publishedFor(config);
        assert.ok(onConfig.length > 0);
        const latest = onConfig[onConfig.length - 1];
        assert.equal(latest.diagnostics.length, 1);
        const problem = latest.diagnostics[0];
        assert.equal(problem.range.start.line, 1);
        assert.equal(problem.source, 'fivenets');
        assert.equal(problem.severity, 1);
        assert.match(messageOf(problem), /missing-owner/u);
        // Another edit of the draft does not publish the config problem again.
        const edited = client.nextDiagnostics(uri, 2);
        await client.change(uri, [{ range: range(0, 0, 0, 0), text: '\n' }]);
        await edited;
        assert.equal(client.publishedFor(config).length, onConfig.length);
        // Fixing the file clears its diagnostic and its rules apply.
        fs.writeFileSync(file('broken', '.fivenets.yaml'), 'rules:\n  missing-owner: warning\n');
        const cleared = client.nextDiagnostics(config);
        const relinted = client.nextDiagnostics(uri, 2);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
        assert.deepEqual((await cleared).diagnostics, []);
        assert.equal((await relinted).diagnostics.find((d) => d.code === 'missing-owner')?.severity, 2);
      });

      it('refuses a schema path outside the workspace, on the config file', async () => {
        const config = uriOf(file('escape', '.fivenets.yaml'));
        const { diagnostics } = await openAndWait(client, file('escape', 'e.policy.md'));
        assert.ok(codes(diagnostics).includes('missing-owner'), 'the draft is linted with the defaults');
        const onConfig = client.publishedFor(config);
        assert.deepEqual(
          onConfig[onConfig.length - 1].diagnostics.map((d) => [d.range.start.line, messageOf(d)]),
          [[0, 'schema path ../../outside-schema.yaml is outside the workspace']],
        );
      });

      it('switches locale: settings over the editor locale, zh-TW derived from zh-CN', async () => {
        const astral = uriOf(file('policies', 'astral.md'));
        const english = await changeSettings({ locale: 'en' }, astral);
        assert.equal(messageOf(english.find((d) => d.code === 'missing-deadline')), 'Measure has no deadline: add a completion date ("𠮷😀推进应急避难场所建设")');
        assert.match(hoverText(await hoverAt(client, astral, 7, 8)), /3 measures, 2 complete/u);
        const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: astral } });
        assert.equal(lenses[0].command?.title, '3 measures · 1 incomplete');
        const traditional = await changeSettings({ locale: 'zh-TW' }, astral);
        assert.match(messageOf(traditional.find((d) => d.code === 'missing-deadline')), /^措施缺少完成時限/u);
        const tLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: astral } });
        assert.equal(tLenses[0].command?.title, '3 項措施 · 1 項不完整');
        const back = await changeSettings({}, astral);
        assert.match(messageOf(back.find((d) => d.code === 'missing-deadline')), /^措施缺少完成时限/u);
      });

      it('skips a draft over fivenets.maxFileSize with one message, and a disabled one silently', async () => {
        const big = uriOf(file('big.policy.md'));
        const disabled = uriOf(file('disabled.policy.md'));
        const text = fs.readFileSync(file('policies', 'astral.md'), 'utf8');
        const messagesBefore = client.messages.length;
        await client.open(big, text);
        await client.change(big, [{ range: range(0, 0, 0, 0), text: ' ' }]);
        await client.open(disabled, text);
        // Requests on the documents analyse their current versions: the notice comes before the answer.
        assert.equal(await hoverAt(client, big, 9, 21), null);
        assert.equal(await hoverAt(client, disabled, 9, 21), null);
        await openAndWait(client, file('policies', 'barrier.md'), text);
        assert.deepEqual(client.publishedFor(big), []);
        assert.deepEqual(client.publishedFor(disabled), []);
        const told = client.messages.slice(messagesBefore);
        assert.equal(told.length, 1);
        assert.equal(told[0].type, 3);
        assert.match(told[0].message, /big\.policy\.md.*超过 fivenets\.maxFileSize（200 字节）/u);
      });

      it('closing a draft clears its diagnostics', async () => {
        const uri = uriOf(file('policies', 'barrier.md'));
        const cleared = client.nextDiagnostics(uri);
        await client.close(uri);
        assert.deepEqual((await cleared).diagnostics, []);
      });
    });

    it('survives a request that makes a handler throw: empty result, one logged error', async () => {
      const astral = uriOf(file('policies', 'astral.md'));
      const logsBefore = client.logs.length;
      for (let i = 0; i < 2; i++) {
        assert.equal(await client.request('textDocument/hover', { textDocument: { uri: astral }, position: null }), null);
      }
      const errors = client.logs.slice(logsBefore).filter((message) => message.includes('internal error in textDocument/hover'));
      assert.equal(errors.length, 1);
      assert.ok(await hoverAt(client, astral, 9, 21), 'still serving');
    });
  });

  describe('with pull diagnostics', () => {
    let root: string;
    let client: TestClient;
    const file = (...parts: string[]) => path.join(root, ...parts);

    before(async () => {
      root = makeWorkspace();
      // No settings and no config locale: the draft's language applies, not the editor's (en).
      client = await TestClient.start({ root, capabilities: PULL_CLIENT, locale: 'en-US' });
    });

    after(async () => {
      await client?.stop();
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('declares a diagnostic provider', () => {
      assert.deepEqual(client.initializeResult.capabilities, {
        ...BASE_CAPABILITIES,
        diagnosticProvider: { identifier: 'fivenets', interFileDependencies: false, workspaceDiagnostics: false },
      });
    });

    it('answers textDocument/diagnostic in the draft’s language (not the editor’s), unchanged when nothing changed', async () => {
      const uri = uriOf(file('policies', 'astral.md'));
      await client.open(uri, fs.readFileSync(file('policies', 'astral.md'), 'utf8'));
      const report = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(
        brief(report.items).filter((entry) => !entry.startsWith('missing-net')),
        ['missing-deadline 10:3-10:17', 'missing-metric 10:3-10:17'],
      );
      assert.equal(messageOf(report.items.find((d) => d.code === 'missing-deadline')), '措施缺少完成时限：请补充完成时间（“𠮷😀推进应急避难场所建设”）');
      const again = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
      assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
      const readme = uriOf(file('README.md'));
      await client.open(readme, fs.readFileSync(file('README.md'), 'utf8'));
      assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: { uri: readme } }), { kind: 'full', items: [] });
      assert.deepEqual(client.published, [], 'nothing is pushed');
    });

    it('sends plain `changes` edits, computed eagerly, to a client that cannot resolve', async () => {
      const uri = uriOf(file('policies', 'astral.md'));
      const [fixAllAction] = await actionsFor(client, uri, [], ['source.fixAll.fivenets']);
      assert.equal(fixAllAction.title, '修复所有五张网问题');
      assert.equal(fixAllAction.edit?.documentChanges, undefined);
      const edits = fixAllAction.edit?.changes?.[uri];
      // Both missing fields of the measure, in the draft's script, as one insertion after the owner.
      assert.equal(edits?.length, 1, JSON.stringify(edits));
      assert.deepEqual(edits[0].range, range(10, 29, 10, 29));
      assert.ok(edits[0].newText.includes('；完成时限：【待填写】') && edits[0].newText.includes('；指标：【待填写】'), edits[0].newText);
    });

    it('asks the client to pull again after a config change', async () => {
      const refresh = client.nextServerRequest('workspace/diagnostic/refresh');
      fs.writeFileSync(file('policies', '.fivenets.yaml'), 'locale: zh-CN\n');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('policies', '.fivenets.yaml')), type: 2 }] });
      await refresh;
      const uri = uriOf(file('policies', 'astral.md'));
      const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.match(messageOf(report.items.find((d) => d.code === 'missing-deadline')), /^措施缺少完成时限/u, 'config locale over the editor locale');
    });

    it('re-lints when a custom schema file a config names changes', async () => {
      const schema = (nets: string[]) =>
        [
          'id: local-nets',
          'name: { zh-Hans: 本地网, zh-Hant: 本地網, en: Local Nets }',
          'requiredFields: [owner, deadline]',
          'nets:',
          ...nets.map((name, index) => `  - id: net${index}\n    names: { zh-Hans: ${name}, zh-Hant: ${name}, en: Net ${index} }`),
        ].join('\n') + '\n';
      fs.mkdirSync(file('custom'), { recursive: true });
      fs.writeFileSync(file('custom', '.fivenets.yaml'), 'schema: ./nets/local.yaml\n');
      fs.mkdirSync(file('custom', 'nets'), { recursive: true });
      fs.writeFileSync(file('custom', 'nets', 'local.yaml'), schema(['安全防护网', '民生服务网', '生态保护网']));
      const uri = uriOf(file('custom', 'plan.policy.md'));
      await client.open(uri, '## 安全防护网\n\n1. 建设应急站20个（牵头单位：市应急管理局；完成时限：2026年底）\n');
      const missingNets = async () => {
        const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
        return report.items.filter((d) => d.code === 'missing-net').length;
      };
      assert.equal(await missingNets(), 2);
      const refresh = client.nextServerRequest('workspace/diagnostic/refresh');
      fs.writeFileSync(file('custom', 'nets', 'local.yaml'), schema(['安全防护网', '民生服务网']));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file('custom', 'nets', 'local.yaml')), type: 2 }] });
      await refresh;
      assert.equal(await missingNets(), 1);
    });
  });

  describe('over IPC', () => {
    it('serves --node-ipc the same way', async () => {
      const root = makeWorkspace();
      const client = await TestClient.start({ root, capabilities: PUSH_CLIENT, transport: 'ipc', settings: () => ({}) });
      try {
        assert.deepEqual(client.initializeResult.capabilities, BASE_CAPABILITIES);
        const { diagnostics } = await openAndWait(client, path.join(root, 'policies', 'astral.md'));
        // No setting, config or editor locale: zh-CN.
        assert.match(messageOf(diagnostics.find((d) => d.code === 'missing-deadline')), /^措施缺少完成时限/u);
      } finally {
        await client.stop();
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  });
});
