/**
 * The editor on drafts checked against the `tasks` schema (no nets: the plan's own headings
 * are its sections), over stdio: the outline as the plan's heading tree, code lenses on
 * headings with measures, and the overview. Expected values are written out by hand from
 * the drafts below.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeLens, DocumentSymbol, Range } from 'vscode-languageserver/node';
import type { OverviewResult } from '../../server/src/handlers/protocol';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    hover: { contentFormat: ['markdown'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

/** A task-division plan: no heading names a net, so the server chooses `tasks` by itself. */
const PLAN = [
  '# 𠮷 市政府工作报告重点任务分工', // 0
  '',
  '## 一、扩大有效投资', // 2
  '',
  '### （一）重大项目', // 4
  '',
  '1. 新开工重大项目120个（牵头单位：市发改委；完成时限：2021年底前）', // 6
  '2. 完成投资300亿元（牵头单位：市发改委）', // 7: no deadline
  '',
  '### （二）城市更新', // 9
  '',
  '1. 改造老旧小区50个（牵头单位：市住房城乡建设局；完成时限：2021年6月底前）', // 11
  '',
  '## 二、优化营商环境', // 13
  '',
  '1. 推进一网通办（牵头单位：市政务服务局；完成时限：2021年底前）', // 15: no metric
  '',
].join('\n');

/**
 * An English plan whose frontmatter names the schema, with a measure before the first
 * heading, a setext heading, a heading carrying a directive comment and a closing sequence.
 */
const EN_PLAN = [
  '---', // 0
  'title: Operational Plan 2021',
  'schema: tasks', // 2
  '---',
  '',
  '1. Publish 12 open data sets (Owner: Data Office; Deadline: 2021-06-30)', // 5
  '',
  'Operational Plan 2021', // 7
  '=====================',
  '',
  '## Housing <!-- fivenets-disable missing-metric --> ##', // 10
  '',
  '1. Repair 300 homes (Owner: Housing Office; Deadline: 2021-12-31)', // 12
  '2. Review the allocation rules (Owner: Housing Office)', // 13
  '',
].join('\n');

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

const SHOW = 'fivenets.showProblems';

/** Names of a symbol tree, indented by depth, with their kind and detail. */
function shape(symbols: DocumentSymbol[] | undefined, indent = ''): string[] {
  return (symbols ?? []).flatMap((symbol) => [`${indent}${symbol.kind} ${symbol.name} | ${symbol.detail ?? ''}`, ...shape(symbol.children, `${indent}  `)]);
}

/** Every range of a symbol tree holds its selection range and its children's ranges. */
function assertNested(symbols: DocumentSymbol[] | undefined, outer?: Range): void {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: Range, container: Range) => before(container.start, inner.start) && before(inner.end, container.end);
  for (const symbol of symbols ?? []) {
    assert.ok(inside(symbol.selectionRange, symbol.range), `${symbol.name}: selection inside its range`);
    if (outer) assert.ok(inside(symbol.range, outer), `${symbol.name} inside its parent`);
    assertNested(symbol.children, symbol.range);
  }
}

describe('tasks drafts in the editor', function () {
  this.timeout(30_000);
  let root: string;
  let client: TestClient;
  let plan: string;
  let enPlan: string;
  const file = (...parts: string[]) => path.join(root, ...parts);
  const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const lenses = (uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

  before(async function () {
    this.timeout(120_000);
    buildServer();
    root = makeWorkspace();
    // English for the English plan (the setting), Chinese for everything else (the editor).
    client = await TestClient.start({ root, capabilities: CLIENT, locale: 'zh-cn', settings: (scope) => (scope?.includes('operational') ? { locale: 'en' } : {}) });
    plan = uriOf(file('policies', 'tasks.md'));
    enPlan = uriOf(file('policies', 'operational.md'));
    for (const [uri, text] of [
      [plan, PLAN],
      [enPlan, EN_PLAN],
    ]) {
      const published = client.nextDiagnostics(uri, 1);
      await client.open(uri, text);
      await published;
    }
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('outline (textDocument/documentSymbol)', () => {
    it("shows the plan's own headings as a tree with the measures under them", async () => {
      const tree = await symbols(plan);
      assert.deepEqual(shape(tree), [
        '3 𠮷 市政府工作报告重点任务分工 | 4 项措施',
        '  3 一、扩大有效投资 | 3 项措施',
        '    3 （一）重大项目 | 2 项措施',
        '      24 新开工重大项目120个 | 市发改委 · 2021年底前',
        '      24 完成投资300亿元 | 市发改委',
        '    3 （二）城市更新 | 1 项措施',
        '      24 改造老旧小区50个 | 市住房城乡建设局 · 2021年6月底前',
        '  3 二、优化营商环境 | 1 项措施',
        '    24 推进一网通办 | 市政务服务局 · 2021年底前',
      ]);
      assertNested(tree);
      const [title] = tree;
      assert.deepEqual([title.range, title.selectionRange], [range(0, 0, 15, 35), range(0, 2, 0, 18)]);
      const [invest, business] = title.children ?? [];
      assert.deepEqual([invest.range, invest.selectionRange], [range(2, 0, 11, 42), range(2, 3, 2, 11)]);
      assert.deepEqual(invest.children?.[0].range, range(4, 0, 7, 23));
      assert.deepEqual(invest.children?.[0].children?.[1].range, range(7, 0, 7, 23));
      assert.deepEqual(business.range, range(13, 0, 15, 35));
    });

    it('keeps measures before the first heading at the top, reads setext headings and leaves directive comments out of names', async () => {
      const tree = await symbols(enPlan);
      assert.deepEqual(shape(tree), [
        '24 Publish 12 open data sets | Data Office · 2021-06-30',
        '3 Operational Plan 2021 | 2 measures',
        '  3 Housing | 2 measures',
        '    24 Repair 300 homes | Housing Office · 2021-12-31',
        '    24 Review the allocation rules | Housing Office',
      ]);
      assertNested(tree);
      assert.deepEqual(tree[1].range, range(7, 0, 13, 54));
    });

    it('takes only headings for sections: not code, quotes, #tags or HTML', async () => {
      const uri = uriOf(file('policies', 'not-headings.md'));
      const text = ['# 方案', '', '```', '# 代码', '```', '', '> # 引用', '', '#标签 不是标题', '', '    # 缩进代码', '', '<div>', '# html', '</div>', '', '段落一', '第二行', '---', '', '1. 建设站点5个（责任单位：市卫健委；完成时限：2021年底前）', ''];
      await client.open(uri, text.join('\n'));
      assert.deepEqual(shape(await symbols(uri)), ['3 方案 | 1 项措施', '  3 段落一 第二行 | 1 项措施', '    24 建设站点5个 | 市卫健委 · 2021年底前']);
      await client.close(uri);
    });

    it('nests a deeper heading under the last shallower one, whatever levels are skipped', async () => {
      const uri = uriOf(file('policies', 'levels.md'));
      await client.open(uri, ['#### 附件', '', '1. 建设站点5个（责任单位：市卫健委；完成时限：2021年底前）', '', '# 总体要求', '', '### 工作措施', '', '1. 培训人员200名（责任单位：市人社局；完成时限：2021年底前）', ''].join('\n'));
      assert.deepEqual(shape(await symbols(uri)), [
        '3 附件 | 1 项措施',
        '  24 建设站点5个 | 市卫健委 · 2021年底前',
        '3 总体要求 | 1 项措施',
        '  3 工作措施 | 1 项措施',
        '    24 培训人员200名 | 市人社局 · 2021年底前',
      ]);
      await client.close(uri);
    });
  });

  describe('code lenses', () => {
    it('puts measure counts on each heading with measures under it', async () => {
      assert.deepEqual(await lenses(plan), [
        { range: range(0, 0, 0, 18), command: { title: '4 项措施 · 2 项不完整', command: SHOW, arguments: [plan, 0, null] } },
        { range: range(2, 0, 2, 11), command: { title: '3 项措施 · 1 项不完整', command: SHOW, arguments: [plan, 2, null] } },
        { range: range(4, 0, 4, 11), command: { title: '2 项措施 · 1 项不完整', command: SHOW, arguments: [plan, 4, null] } },
        { range: range(9, 0, 9, 11), command: { title: '1 项措施 · 0 项不完整', command: SHOW, arguments: [plan, 9, null] } },
        { range: range(13, 0, 13, 11), command: { title: '1 项措施 · 1 项不完整', command: SHOW, arguments: [plan, 13, null] } },
      ]);
    });

    it('skips headings without measures and puts a setext heading lens on its text and underline', async () => {
      const uri = uriOf(file('policies', 'lens.md'));
      await client.open(uri, ['# 说明', '', '本方案分工如下。', '', '# 任务', '', '1. 建设站点5个（责任单位：市卫健委；完成时限：2021年底前）', ''].join('\n'));
      assert.deepEqual(
        (await lenses(uri)).map((lens) => [lens.range, lens.command?.title]),
        [[range(4, 0, 4, 4), '1 项措施 · 0 项不完整']],
      );
      await client.close(uri);
      assert.deepEqual(
        (await lenses(enPlan)).map((lens) => [lens.range, lens.command?.title]),
        [
          [range(7, 0, 8, 21), '2 measures · 1 incomplete'],
          [range(10, 0, 10, 54), '2 measures · 1 incomplete'],
        ],
      );
    });
  });

  describe('overview (fivenets/overview)', () => {
    it('lists the measures of tasks drafts, outside the nets, with their owners', async () => {
      const result = await client.request<OverviewResult>('fivenets/overview', { today: '2021-03-01' });
      assert.equal(result.files['policies/tasks.md'], plan);
      for (const text of ['新开工重大项目120个', '完成投资300亿元', '改造老旧小区50个', '推进一网通办']) {
        assert.match(result.html, new RegExp(`<tr data-file="policies/tasks\\.md" data-line="\\d+" data-net="" data-group="outside"[^>]*>[^]*?${text}`, 'u'), text);
      }
      assert.ok(result.html.includes('市住房城乡建设局'));
    });
  });
});
