/**
 * The Five Nets requests beyond LSP, over stdio: `fivenets/documentStats` (the status bar
 * item) and `fivenets/overview` (the policy overview webview). Expected numbers are
 * counted here from the engine's task rows and the drafts' text, not by the handlers' code.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities } from 'vscode-languageserver/node';
import { ResponseError } from 'vscode-jsonrpc/node';
import { lint, lintOptionsFor, taskRows } from '../../server/src/engine';
import { defaultResolvedConfig } from '../../server/src/engine/config';
import { PLACEHOLDER_PATTERN, isVagueOwner } from '../../server/src/engine/vocabulary';
import type { DocumentStats, OverviewResult } from '../../shared/protocol';
import { REPO, TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { publishDiagnostics: { versionSupport: true } },
};

const NONCE = 'dGVzdC1ub25jZS0wMTIzNDU2Nzg5';
const UNTITLED = 'untitled:Untitled-1';

/**
 * What "Five Nets: New Policy Draft" opens as an untitled document (client/src/templates.ts
 * `newDraftText('hans', 2020-07-15)`; the test project cannot import client code).
 */
const NEW_DRAFT = [
  '---',
  'title: 织牢织密“五张网”实施方案（草稿）',
  'date: 2020-07-15',
  'schema: five-nets',
  '---',
  '',
  '# 织牢织密“五张网”实施方案（草稿）',
  '',
  ...['一、城市应急处置网', '二、公共卫生防护网', '三、基层社会治理网', '四、矛盾风险化解网', '五、城市精细管理网'].flatMap((net) => [
    `## ${net}`,
    '',
    '1. 【待填写】（牵头单位：【待填写】；指标：【待填写】；完成时限：【待填写】）',
    '',
  ]),
].join('\n');

/**
 * Drafts of the fixture workspace on disk, as `fivenets lint .` takes them: the default include
 * globs and notes/frontmatter-draft.md (its frontmatter names the schema), not README.md or
 * notes/plain.md.
 */
const DISK_DRAFTS = [
  'broken/b.policy.md',
  'changing/c.policy.md',
  'empty.policy.md',
  'en.policy.md',
  'escape/e.policy.md',
  'hant.policy.md',
  'notes/frontmatter-draft.md',
  'policies/astral.md',
  'policies/closed.md',
  'policies/table.md',
  'wuhan-five-nets.policy.md',
];

const rawStats = (client: TestClient, uri: string) => client.request<DocumentStats | null>('fivenets/documentStats', { uri });

/** documentStats without its words (the tests of the words are their own). */
async function stats(client: TestClient, uri: string): Promise<Omit<DocumentStats, 'text' | 'tooltip'> | null> {
  const result = await rawStats(client, uri);
  if (!result) return result;
  const { text: _text, tooltip: _tooltip, ...numbers } = result;
  return numbers;
}

/** What documentStats says of a Markdown file that is not a draft. */
const NOT_A_DRAFT: Omit<DocumentStats, 'text' | 'tooltip'> = { isDraft: false, netsPresent: 0, netsTotal: 0, measures: 0, incomplete: 0, schema: '', schemaName: '', schemaFrom: null, schemaReason: '' };

/** The schema part of documentStats for a five-nets draft (zh-CN), by why it was chosen. */
const FIVE_NETS_AUTO = { schema: 'five-nets', schemaName: '五张网', schemaFrom: 'auto', schemaReason: '自动选择：有标题点出了其中的网' } as const;
const FIVE_NETS_FRONTMATTER = { schema: 'five-nets', schemaName: '五张网', schemaFrom: 'frontmatter', schemaReason: '文稿头部写明 schema: five-nets' } as const;

/** Only placeholders, like 【待填写】 (the test's own reading of "unfilled"). */
const placeholderOnly = (value: string | null) => value !== null && value.replace(new RegExp(PLACEHOLDER_PATTERN.source, 'gu'), '').trim() === '';

/** Measures per net id ('' outside every net), counted from `fivenets export`'s rows. */
function measuresPerNet(texts: string[]): Map<string, number> {
  const options = lintOptionsFor(defaultResolvedConfig(REPO));
  const counts = new Map<string, number>();
  for (const text of texts) {
    const { model, lines } = lint(text, options);
    for (const row of taskRows('x.md', model, lines, options.schema)) counts.set(row.net ?? '', (counts.get(row.net ?? '') ?? 0) + 1);
  }
  return counts;
}

/** The nets table of the page: net id -> data-measures. */
function netRows(html: string): Map<string, number> {
  const rows = new Map<string, number>();
  for (const match of html.matchAll(/<tr data-net="([^"]*)" data-measures="(\d+)"/gu)) rows.set(match[1], Number(match[2]));
  return rows;
}

/** Nets with measures; the page also lists the schema's empty nets with 0. */
const nonZero = (counts: Map<string, number>) => new Map([...counts].filter(([, count]) => count > 0));

async function expectError(promise: Promise<unknown>, code: number): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof ResponseError && error.code === code);
}

describe('custom requests', function () {
  this.timeout(30_000);
  let root: string;
  let client: TestClient;
  const file = (...parts: string[]) => path.join(root, ...parts);
  const open = async (relative: string, text = fs.readFileSync(file(relative), 'utf8')) => {
    const uri = uriOf(file(relative));
    await client.open(uri, text);
    return uri;
  };

  before(async function () {
    this.timeout(120_000);
    buildServer();
    root = makeWorkspace();
    client = await TestClient.start({ root, capabilities: CLIENT, locale: 'zh-cn', settings: () => ({}) });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('fivenets/documentStats', () => {
    it('counts nets present, measures and incomplete measures of a draft', async () => {
      const uri = await open('policies/astral.md');
      // One net of five; measure 2 lacks a metric and a deadline.
      assert.deepEqual(await stats(client, uri), { isDraft: true, netsPresent: 1, netsTotal: 5, measures: 3, incomplete: 1, ...FIVE_NETS_AUTO });
      // The status bar's words, in the draft's language (the server words them, not VS Code).
      const words = await rawStats(client, uri);
      assert.equal(words?.text, '1/5 张网 · 3 项措施 · 1 项不完整');
      assert.equal(words?.tooltip, '五张网：5 张网中已有 1 张网的章节；共 3 项措施，其中 1 项缺少责任单位、指标或完成时限。单击查看问题。\n检查方案：五张网（自动选择：有标题点出了其中的网）');
    });

    it('answers isDraft false with zeros for a Markdown file that is not a draft, null for an unknown one', async () => {
      const uri = await open('README.md');
      // Outside the include globs, no frontmatter schema: the client offers "Treat as Policy Draft" (not-a-draft.test.ts).
      assert.deepEqual(await stats(client, uri), { ...NOT_A_DRAFT, notDraftReason: 'not-included', includeFrom: 'setting', suggestedSchema: 'five-nets' });
      assert.equal(await stats(client, uriOf(file('policies', 'closed.md'))), null, 'a draft that is not open');
      assert.equal(await stats(client, uriOf(file('nowhere.md'))), null);
    });

    it('counts the sample draft like the task table, placeholders as unfilled', async () => {
      const text = fs.readFileSync(file('wuhan-five-nets.policy.md'), 'utf8');
      const uri = await open('wuhan-five-nets.policy.md', text);
      const options = lintOptionsFor(defaultResolvedConfig(root));
      const { model, lines } = lint(text, options);
      const rows = taskRows('seed.md', model, lines, options.schema);
      const incomplete = rows.filter((row) => row.missing.length > 0 || [row.owner, row.deadline].some(placeholderOnly) || (placeholderOnly(row.metric) && !/\d/u.test(row.text))).length;
      const nets = new Set(rows.map((row) => row.net).filter((net) => net !== null)).size;
      assert.ok(rows.length > 20 && incomplete > 0 && incomplete < rows.length, `${rows.length} measures, ${incomplete} incomplete`);
      assert.deepEqual(await stats(client, uri), { isDraft: true, netsPresent: nets, netsTotal: 5, measures: rows.length, incomplete, ...FIVE_NETS_FRONTMATTER });
    });

    it('follows edits: a filled deadline completes a measure, a placeholder does not', async () => {
      const uri = uriOf(file('policies', 'stats.md'));
      await client.open(uri, fs.readFileSync(file('policies', 'astral.md'), 'utf8'));
      const line = '2. 𠮷😀推进应急避难场所建设（牵头单位：市应急管理局）';
      const end = line.length - 1;
      await client.change(uri, [{ range: { start: { line: 10, character: end }, end: { line: 10, character: end } }, text: '；指标：建成20处；完成时限：【待填写】' }]);
      assert.deepEqual(await stats(client, uri), { isDraft: true, netsPresent: 1, netsTotal: 5, measures: 3, incomplete: 1, ...FIVE_NETS_AUTO });
      const placeholder = client.text(uri).split('\n')[10].indexOf('【待填写】');
      await client.change(uri, [{ range: { start: { line: 10, character: placeholder }, end: { line: 10, character: placeholder + 5 } }, text: '2021年6月底前' }]);
      assert.deepEqual(await stats(client, uri), { isDraft: true, netsPresent: 1, netsTotal: 5, measures: 3, incomplete: 0, ...FIVE_NETS_AUTO });
    });

    it('treats an untitled document as a draft when its frontmatter names the schema (New Policy Draft)', async () => {
      const published = client.nextDiagnostics(UNTITLED, 1);
      await client.open(UNTITLED, NEW_DRAFT);
      assert.ok((await published).diagnostics.some((diagnostic) => diagnostic.code === 'unfilled-placeholder'));
      // Every net has one measure, every field a placeholder.
      assert.deepEqual(await stats(client, UNTITLED), { isDraft: true, netsPresent: 5, netsTotal: 5, measures: 5, incomplete: 5, ...FIVE_NETS_FRONTMATTER });
      const plain = 'untitled:Untitled-2';
      await client.open(plain, '# 笔记\n\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n');
      assert.deepEqual(await stats(client, plain), { ...NOT_A_DRAFT, notDraftReason: 'not-included', includeFrom: 'setting', suggestedSchema: 'five-nets' });
      await client.close(plain);
    });

    it('refuses params without a uri', async () => {
      await expectError(client.request('fivenets/documentStats', {}), -32602);
    });
  });

  describe('fivenets/overview', () => {
    let first: OverviewResult;
    let diskCounts: Map<string, number>;

    before(async () => {
      // Only the drafts on disk: close what the stats tests opened.
      for (const uri of [...client.documents.keys()]) await client.close(uri);
      diskCounts = measuresPerNet(DISK_DRAFTS.map((relative) => fs.readFileSync(file(relative), 'utf8')));
      first = await client.request<OverviewResult>('fivenets/overview', { today: '2020-10-15', nonce: NONCE });
    });

    it('reports the drafts on disk that fivenets lint takes, by workspace-relative path', () => {
      assert.deepEqual(first.files, Object.fromEntries(DISK_DRAFTS.map((relative) => [relative, uriOf(file(relative))])));
    });

    it('counts measures per net as the task table does', () => {
      assert.ok(diskCounts.size >= 4, [...diskCounts].join(' '));
      assert.deepEqual(nonZero(netRows(first.html)), diskCounts);
      const total = /<tr data-total="1" data-measures="(\d+)"/u.exec(first.html);
      assert.equal(
        Number(total?.[1]),
        [...diskCounts.values()].reduce((sum, count) => sum + count, 0),
      );
      assert.ok(first.html.includes('data-today="2020-10-15"'));
      assert.match(first.html, /<html lang="zh-Hans-CN">/u);
    });

    it('counts a placeholder owner as missing, not as a unit, and marks vague owners as the vague-owner rule does', () => {
      // The seed on disk has 牵头单位：【待填写】 and 有关部门.
      const owners = [...first.html.matchAll(/<tr data-owner="([^"]*)"[^>]*?( data-vague="1")?>/gu)].map((match) => [match[1], match[2] !== undefined] as const);
      assert.ok(owners.length > 5);
      assert.ok(!owners.some(([name]) => name.includes('待填写')), 'no 【待填写】 row in the workload table');
      assert.deepEqual(
        owners.filter(([, vague]) => vague).map(([name]) => name),
        owners.filter(([name]) => isVagueOwner(name)).map(([name]) => name),
      );
      assert.ok(
        owners.some(([, vague]) => vague),
        'the seed has a vague owner',
      );
    });

    it('puts the nonce on every script and style, and leaves the CSP to the host', () => {
      const tags = [...first.html.matchAll(/<(script|style)\b[^>]*>/gu)].map((match) => match[0]);
      assert.ok(tags.some((tag) => tag.startsWith('<script')) && tags.some((tag) => tag.startsWith('<style')));
      for (const tag of tags) assert.ok(tag.includes(` nonce="${NONCE}"`), tag);
      assert.ok(!first.html.includes('Content-Security-Policy'));
    });

    it('gives the same page with a new nonce when nothing changed', async () => {
      const other = 'b3RoZXItbm9uY2UtOTg3NjU0MzIx';
      const again = await client.request<OverviewResult>('fivenets/overview', { today: '2020-10-15', nonce: other });
      assert.equal(again.html, first.html.split(NONCE).join(other));
      assert.deepEqual(again.files, first.files);
    });

    it('links problems and tasks to a draft by data-file and data-line', () => {
      assert.match(first.html, /<a href="policies\/astral\.md#L11" data-file="policies\/astral\.md" data-line="11">/u);
      for (const match of first.html.matchAll(/data-file="([^"]*)"/gu)) assert.ok(match[1] in first.files, match[1]);
    });

    it('shows open documents as they are in the editor, unsaved changes and untitled drafts included', async () => {
      const closed = 'policies/closed.md';
      const text = fs.readFileSync(file(closed), 'utf8');
      await client.open(uriOf(file(closed)), `${text}2. 建立矛盾纠纷排查台账，排查率100%（牵头单位：市信访局；完成时限：2020年12月底前）\n`);
      await client.open(UNTITLED, NEW_DRAFT);
      let result: OverviewResult;
      try {
        result = await client.request<OverviewResult>('fivenets/overview', { today: '2020-10-15', nonce: NONCE });
      } finally {
        // Closed again: the next tests see the files on disk.
        await client.close(uriOf(file(closed)));
        await client.close(UNTITLED);
      }
      const expected = new Map(diskCounts);
      for (const [net, count] of measuresPerNet([NEW_DRAFT])) expected.set(net, (expected.get(net) ?? 0) + count);
      expected.set('risk-resolution', (expected.get('risk-resolution') ?? 0) + 1);
      assert.deepEqual(nonZero(netRows(result.html)), expected);
      assert.equal(result.files[UNTITLED], UNTITLED);
      assert.ok(result.html.includes(`data-file="${UNTITLED}"`));
      assert.ok(result.html.includes('建立矛盾纠纷排查台账'));
    });

    it('reads a draft again when its file changes on disk', async () => {
      fs.writeFileSync(file('policies', 'new.md'), '## 矛盾风险化解网\n\n1. 化解积案50件（牵头单位：市信访局；完成时限：2020年底前）\n2. 建立台账（牵头单位：市信访局）\n');
      fs.appendFileSync(file('policies', 'table.md'), '| 3 | 新建方舱医院2个 | 市卫健委 | 2020年底前 |  |\n');
      const result = await client.request<OverviewResult>('fivenets/overview', { today: '2020-10-15' });
      assert.equal(result.files['policies/new.md'], uriOf(file('policies', 'new.md')));
      const rows = netRows(result.html);
      assert.equal(rows.get('risk-resolution'), (diskCounts.get('risk-resolution') ?? 0) + 2);
      assert.equal(rows.get('public-health'), (diskCounts.get('public-health') ?? 0) + 1);
      assert.ok(!/ nonce=/u.test(result.html), 'no nonce asked, none given');
    });

    it('refuses a malformed today or nonce', async () => {
      await expectError(client.request('fivenets/overview', { today: '2020-02-30' }), -32602);
      await expectError(client.request('fivenets/overview', { nonce: '"><script>' }), -32602);
    });
  });
});
