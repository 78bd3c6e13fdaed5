/**
 * The editor on drafts checked against the `tasks` schema (no nets: the plan's own headings
 * are its sections), over stdio: squiggles, quick fixes, completion and folding, the status
 * bar numbers and which schema was used and why, the hover on the document title, the
 * outline as the plan's heading tree, code lenses on headings with measures, and the overview. Expected values are written out by hand from
 * the drafts below.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, FoldingRange, Hover, Range, SymbolInformation } from 'vscode-languageserver/node';
import type { DocumentStats, OverviewResult } from '../../shared/protocol';
import { TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
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

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as { value: string }).value;
}

describe('tasks drafts in the editor', function () {
  this.timeout(30_000);
  let root: string;
  let client: TestClient;
  let plan: string;
  let enPlan: string;
  let planDiagnostics: Diagnostic[];
  const file = (...parts: string[]) => path.join(root, ...parts);
  const hover = (uri: string, line: number, character: number) => client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const lenses = (uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const stats = (uri: string) => client.request<DocumentStats | null>('fivenets/documentStats', { uri });

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
      const { diagnostics } = await published;
      if (uri === plan) planDiagnostics = diagnostics;
    }
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('squiggles, quick fixes, completion and folding', () => {
    const complete = async (uri: string, line: number, character: number) => {
      const answer = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
      return (Array.isArray(answer) ? answer : (answer?.items ?? [])).map((item) => item.label);
    };

    it('reports the missing fields of measures and none of the net rules', () => {
      assert.deepEqual(
        planDiagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
        [
          ['missing-deadline', 7],
          ['missing-metric', 15],
        ],
      );
    });

    it('offers the quick fix that adds the field inside the measure’s own bracket', async () => {
      const missing = planDiagnostics[0];
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: plan }, range: missing.range, context: { diagnostics: [missing] } });
      const insert = actions.find((action) => action.title === '插入“完成时限”模板');
      assert.deepEqual(insert?.edit?.documentChanges, [{ textDocument: { uri: plan, version: 1 }, edits: [{ range: range(7, 22, 7, 22), newText: '；完成时限：【待填写】' }] }]);
    });

    it("completes with the tasks schema's terms, not the five nets' names", async () => {
      const uri = uriOf(file('policies', 'complete.md'));
      await client.open(uri, `${PLAN}\n## \n\n`);
      const labels = await complete(uri, 19, 0);
      assert.ok(labels.includes('完成时限：') && labels.includes('措施模板（牵头单位、指标、完成时限）'), labels.join(' '));
      assert.ok(labels.includes('按职责分工负责') && labels.includes('牵头单位'), 'tasks glossary terms');
      assert.ok(labels.includes('应急一张图'), "the config's own terms");
      const netNames = ['五张网', '城市应急处置网', '公共卫生防护网', '基层社会治理网', '矛盾风险化解网', '城市精细管理网'];
      assert.deepEqual(
        labels.filter((label) => netNames.includes(label)),
        [],
        'no net names',
      );
      assert.deepEqual(await complete(uri, 17, 3), [], 'no net names in a heading');
      const owners = await complete(uri, 7, 18);
      assert.ok(owners.includes('市住房城乡建设局') && owners.includes('市政务服务局'), `owners of the draft: ${owners.join(' ')}`);
      await client.close(uri);
    });

    it('folds each heading’s section, nested', async () => {
      assert.deepEqual(
        (await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: plan } })).map((fold) => [fold.startLine, fold.endLine]),
        [
          [0, 15],
          [2, 11],
          [4, 7],
          [9, 11],
          [13, 15],
        ],
      );
    });
  });

  describe('status bar (fivenets/documentStats)', () => {
    it('counts the measures of a tasks draft and says the schema was chosen automatically', async () => {
      assert.deepEqual(await stats(plan), {
        isDraft: true,
        netsPresent: 0,
        netsTotal: 0,
        measures: 4,
        incomplete: 2,
        schema: 'tasks',
        schemaName: '任务分工',
        schemaFrom: 'auto',
        schemaReason: '自动选择：没有标题点出任何一张网',
        text: '任务分工 · 4 项措施 · 2 项不完整',
        tooltip: '五张网：共 4 项措施，其中 2 项缺少责任单位、指标或完成时限。单击查看问题。\n检查方案：任务分工（自动选择：没有标题点出任何一张网）',
      });
    });

    it("names the schema in the draft's locale and says the frontmatter chose it", async () => {
      assert.deepEqual(await stats(enPlan), {
        isDraft: true,
        netsPresent: 0,
        netsTotal: 0,
        measures: 3,
        incomplete: 1,
        schema: 'tasks',
        schemaName: 'Task Assignment',
        schemaFrom: 'frontmatter',
        schemaReason: "the draft's frontmatter says schema: tasks",
        text: 'Task Assignment · 3 measures · 1 incomplete',
        tooltip: "Five Nets: 3 measures, 1 missing an owner, a metric or a deadline. Click to show the problems.\nSchema: Task Assignment (the draft's frontmatter says schema: tasks)",
      });
    });

    it('follows an edit that names a net: the draft becomes a five-nets draft', async () => {
      const uri = uriOf(file('policies', 'switch.md'));
      await client.open(uri, PLAN);
      assert.equal((await stats(uri))?.schema, 'tasks');
      await client.change(uri, [{ range: range(13, 3, 13, 9), text: '城市精细管理网' }]);
      const after = await stats(uri);
      assert.deepEqual(
        { schema: after?.schema, schemaName: after?.schemaName, schemaFrom: after?.schemaFrom, netsPresent: after?.netsPresent, netsTotal: after?.netsTotal },
        { schema: 'five-nets', schemaName: '五张网', schemaFrom: 'auto', netsPresent: 1, netsTotal: 5 },
      );
      assert.equal(after?.schemaReason, '自动选择：有标题点出了其中的网');
      await client.close(uri);
    });
  });

  describe('hover on the document title', () => {
    it("shows the schema's name, description and why on the first heading", async () => {
      const result = await hover(plan, 0, 4);
      assert.deepEqual(result?.range, range(0, 2, 0, 18));
      assert.equal(hoverText(result), '**任务分工**\n\n通用任务分工：章节即方案自身的标题，每项措施都须写明责任单位、量化指标和完成时限。\n\n检查方案 `tasks`：自动选择：没有标题点出任何一张网');
    });

    it('shows it on the frontmatter title: and schema: lines, in English', async () => {
      for (const line of [1, 2]) {
        const text = hoverText(await hover(enPlan, line, 3));
        assert.match(text, /^\*\*Task Assignment\*\*\n\nAny implementation plan: its own headings are the sections/u);
        assert.ok(text.endsWith("Schema `tasks`: the draft's frontmatter says schema: tasks"), text);
      }
      assert.deepEqual((await hover(enPlan, 2, 3))?.range, range(2, 0, 2, 13));
      assert.equal(await hover(enPlan, 0, 1), null, 'the frontmatter fence says nothing');
    });

    it('takes the first heading as the title when it is a setext heading after a measure', async () => {
      const result = await hover(enPlan, 7, 3);
      assert.deepEqual(result?.range, range(7, 0, 7, 21));
      assert.match(hoverText(result), /^\*\*Task Assignment\*\*/u);
      assert.equal(await hover(enPlan, 10, 5), null, 'a later heading is not the title');
    });

    it('says which schema a five-nets draft uses on its title, and keeps the net hover on net names', async () => {
      const astral = uriOf(file('policies', 'astral.md'));
      const published = client.nextDiagnostics(astral, 1);
      await client.open(astral, fs.readFileSync(file('policies', 'astral.md'), 'utf8'));
      await published;
      const title = hoverText(await hover(astral, 5, 8));
      assert.match(title, /^\*\*五张网\*\*\n\n武汉“五张网”：措施归入五张网的章节/u);
      assert.ok(title.endsWith('检查方案 `five-nets`：自动选择：有标题点出了其中的网'), title);
      assert.match(hoverText(await hover(astral, 1, 3)), /^\*\*五张网\*\*/u, 'the frontmatter title line');
      assert.equal(await hover(astral, 2, 3), null, 'the date line says nothing');
      assert.match(hoverText(await hover(astral, 7, 8)), /^\*\*城市应急处置网\*\*/u);
    });
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
      const text = [
        '# 方案',
        '',
        '```',
        '# 代码',
        '```',
        '',
        '> # 引用',
        '',
        '#标签 不是标题',
        '',
        '    # 缩进代码',
        '',
        '<div>',
        '# html',
        '</div>',
        '',
        '段落一',
        '第二行',
        '---',
        '',
        '1. 建设站点5个（责任单位：市卫健委；完成时限：2021年底前）',
        '',
      ];
      await client.open(uri, text.join('\n'));
      assert.deepEqual(shape(await symbols(uri)), ['3 方案 | 1 项措施', '  3 段落一 第二行 | 1 项措施', '    24 建设站点5个 | 市卫健委 · 2021年底前']);
      await client.close(uri);
    });

    it('reads headings alike with LF, CRLF and CR line breaks, and up to three spaces before them', async () => {
      const lines = [
        '# 方案 #',
        '',
        '   ## 一、投资 <!-- fivenets-disable missing-metric -->',
        '',
        '1. 新开工项目120个（牵头单位：市发改委；完成时限：2021年底前）',
        '',
        '二、改革',
        '------',
        '',
        '1. 推进一网通办（牵头单位：市政务服务局；完成时限：2021年底前）',
        '',
      ];
      for (const [index, eol] of ['\n', '\r\n', '\r'].entries()) {
        const uri = uriOf(file('policies', `eol-${index}.md`));
        await client.open(uri, lines.join(eol));
        const tree = await symbols(uri);
        assert.deepEqual(
          shape(tree),
          ['3 方案 | 2 项措施', '  3 一、投资 | 1 项措施', '    24 新开工项目120个 | 市发改委 · 2021年底前', '  3 二、改革 | 1 项措施', '    24 推进一网通办 | 市政务服务局 · 2021年底前'],
          JSON.stringify(eol),
        );
        assert.deepEqual(
          tree[0].children?.map((child) => [child.range, child.selectionRange]),
          [
            [range(2, 3, 4, 36), range(2, 6, 2, 51)],
            [range(6, 0, 9, 35), range(6, 0, 6, 4)],
          ],
        );
        await client.close(uri);
      }
    });

    it('nests a deeper heading under the last shallower one, whatever levels are skipped', async () => {
      const uri = uriOf(file('policies', 'levels.md'));
      await client.open(
        uri,
        ['#### 附件', '', '1. 建设站点5个（责任单位：市卫健委；完成时限：2021年底前）', '', '# 总体要求', '', '### 工作措施', '', '1. 培训人员200名（责任单位：市人社局；完成时限：2021年底前）', ''].join('\n'),
      );
      assert.deepEqual(shape(await symbols(uri)), ['3 附件 | 1 项措施', '  24 建设站点5个 | 市卫健委 · 2021年底前', '3 总体要求 | 1 项措施', '  3 工作措施 | 1 项措施', '    24 培训人员200名 | 市人社局 · 2021年底前']);
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

  describe('workspace symbols', () => {
    it('finds measures of a tasks draft on disk, read with the tasks schema', async () => {
      // Numbered items without labels: measures of a tasks plan, not of a five-nets one.
      fs.writeFileSync(file('policies', 'disk-tasks.md'), ['# 重点任务分工', '', '## 一、扩大投资', '', '1. 新开工重大项目120个，2021年底前完成。', '2. 改造老旧小区50个（市住房城乡建设局负责）', ''].join('\n'));
      const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: '重大项目' });
      const onDisk = uriOf(file('policies', 'disk-tasks.md'));
      assert.deepEqual(
        found.filter((symbol) => symbol.location.uri === onDisk),
        [{ name: '新开工重大项目120个，2021年底前完成。', kind: 24, location: { uri: onDisk, range: range(4, 0, 4, 25) } }],
      );
      const byOwner = await client.request<SymbolInformation[]>('workspace/symbol', { query: '市住房城乡建设局' });
      assert.deepEqual(
        byOwner.filter((symbol) => symbol.location.uri === onDisk).map((symbol) => [symbol.name, symbol.containerName]),
        [['改造老旧小区50个', '市住房城乡建设局']],
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
