/**
 * `fivenets report`: the numbers on the page are the numbers of `fivenets export` (read
 * back from the data attributes the page emits), the page loads nothing, and the Markdown
 * and JSON formats carry the same report.
 */
import * as assert from 'node:assert/strict';
import type { TaskRow } from '../../server/src/engine';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { simplify } from '../../server/src/engine/script';
import { isPlaceholder, isVagueOwner } from '../../server/src/engine/vocabulary';
import { buildReport, renderHtml, renderJson, renderMarkdown, type ReportData } from '../../server/src/report';
import { builtinSchema } from '../../server/src/engine/schema';

const root = path.resolve(__dirname, '../..');
const TODAY = '2020-10-15';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], cwd = root): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A row of `fivenets export --format json`. */
type ExportRow = TaskRow;

async function exportRows(paths: string[]): Promise<ExportRow[]> {
  const run = await cli(['export', ...paths, '--format', 'json']);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { measures: ExportRow[] }).measures;
}

function missingOf(row: ExportRow): string[] {
  // The export lists the fields a measure lacks (or holds only a placeholder for).
  return [...row.missing];
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/gu, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** The data-* attributes of every opening tag `tag` inside the element with this id. */
function rowsOf(html: string, id: string, tag = 'tr'): Array<Record<string, string>> {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `#${id} is on the page`);
  const end = html.indexOf('</table>', start);
  const section = html.slice(start, end < 0 ? undefined : end);
  const rows: Array<Record<string, string>> = [];
  for (const match of section.matchAll(new RegExp(`<${tag}\\s([^>]*)>`, 'gu'))) {
    const attributes: Record<string, string> = {};
    for (const attribute of match[1].matchAll(/data-([a-z-]+)="([^"]*)"/gu)) attributes[attribute[1]] = unescapeHtml(attribute[2]);
    if (Object.keys(attributes).length > 0) rows.push(attributes);
  }
  return rows;
}

function ownerKey(name: string): string {
  return simplify(name.trim()).replace(/\s+/gu, ' ').toLowerCase();
}

/** Lead and support counts per unit, computed from the export independently of the report. */
function ownersFromExport(rows: ExportRow[]): Map<string, { leads: number; coOwns: number }> {
  const owners = new Map<string, { leads: number; coOwns: number }>();
  const get = (name: string) => {
    const key = ownerKey(name);
    if (!owners.has(key)) owners.set(key, { leads: 0, coOwns: 0 });
    return owners.get(key) as { leads: number; coOwns: number };
  };
  for (const row of rows) {
    const seen = new Set<string>();
    // A placeholder is a missing owner, not a unit (the export lists it as missing).
    if (row.owner && !row.missing.includes('owner')) {
      get(row.owner).leads++;
      seen.add(ownerKey(row.owner));
    }
    for (const unit of row.coOwners) {
      if (seen.has(ownerKey(unit)) || isPlaceholder(unit)) continue;
      seen.add(ownerKey(unit));
      get(unit).coOwns++;
    }
  }
  return owners;
}

/** Every URL the page would load or link to outside itself. */
function networkReferences(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/\b(?:src|href|action|poster|data|xlink:href)\s*=\s*["']?\s*([^"'\s>]+)/giu)) {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/iu.test(match[1]) && !/^data:/iu.test(match[1])) found.push(match[0]);
  }
  for (const match of html.matchAll(/@import|url\(\s*["']?(?!data:|#)[^)]*\)|@font-face|<link\b|<iframe\b|<object\b|<embed\b|<img\b/giu)) found.push(match[0]);
  return found;
}

describe('report', () => {
  const samples = ['seeds/', 'seeds/000_8cecb90e2c4c70b0.txt'];
  let html = '';
  let rows: ExportRow[] = [];

  before(async () => {
    const run = await cli(['report', ...samples, '--today', TODAY]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    html = run.stdout;
    rows = await exportRows(samples);
    assert.ok(rows.length > 10, 'the samples have measures');
  });

  describe('html', () => {
    it('is one page in the draft’s language with a title', () => {
      assert.match(html, /^<!doctype html>\n<html lang="zh-Hans-CN">/u);
      assert.match(html, /<title>政策概览 · 武汉市织牢织密“五张网”实施方案（征求意见稿）<\/title>/u);
      assert.match(html, /<meta charset="utf-8">/u);
      for (const heading of ['各网完成情况', '责任单位工作量', '完成时限分布', '问题清单', '任务分工表']) assert.match(html, new RegExp(`<h2 id="[a-z-]+">${heading}`, 'u'));
    });

    it('shows per net the measures, complete ones and missing fields of the export', () => {
      const nets = rowsOf(html, 'nets-table').filter((row) => row.net !== undefined);
      const schemaNets = builtinSchema().nets.map((net) => net.id);
      assert.deepEqual(
        nets.map((row) => row.net),
        [...schemaNets, ...(rows.some((row) => row.net === null) ? [''] : [])],
        'every net of the schema, in schema order',
      );
      for (const net of nets) {
        const mine = rows.filter((row) => (row.net ?? '') === net.net);
        assert.deepEqual(
          {
            measures: Number(net.measures),
            complete: Number(net.complete),
            owner: Number(net['missing-owner']),
            metric: Number(net['missing-metric']),
            deadline: Number(net['missing-deadline']),
          },
          {
            measures: mine.length,
            complete: mine.filter((row) => missingOf(row).length === 0).length,
            owner: mine.filter((row) => missingOf(row).includes('owner')).length,
            metric: mine.filter((row) => missingOf(row).includes('metric')).length,
            deadline: mine.filter((row) => missingOf(row).includes('deadline')).length,
          },
          `net ${net.net}`,
        );
      }
      const publicHealth = nets.find((row) => row.net === 'public-health');
      assert.ok(publicHealth && Number(publicHealth.measures) > 0 && Number(publicHealth.complete) < Number(publicHealth.measures), 'the sample has incomplete public-health measures');
    });

    it('shows the totals of the export in the summary and the table footer', () => {
      const kpi = (name: string) => Number(new RegExp(`data-kpi="${name}" data-value="(\\d+)"`, 'u').exec(html)?.[1]);
      assert.equal(kpi('measures'), rows.length);
      assert.equal(kpi('complete'), rows.filter((row) => missingOf(row).length === 0).length);
      assert.equal(kpi('missing-owner'), rows.filter((row) => missingOf(row).includes('owner')).length);
      assert.equal(kpi('missing-metric'), rows.filter((row) => missingOf(row).includes('metric')).length);
      assert.equal(kpi('missing-deadline'), rows.filter((row) => missingOf(row).includes('deadline')).length);
      const total = rowsOf(html, 'nets-table').find((row) => row.total === '1');
      assert.equal(Number(total?.measures), rows.length);
    });

    it('shows per owner the measures each unit leads and supports, busiest first', () => {
      const owners = rowsOf(html, 'owners-table');
      const expected = ownersFromExport(rows);
      assert.equal(owners.length, expected.size, 'one row per unit (simplified and traditional spellings are one unit)');
      for (const owner of owners) {
        assert.deepEqual({ leads: Number(owner.leads), coOwns: Number(owner['co-owns']) }, expected.get(ownerKey(owner.owner)), owner.owner);
      }
      const totals = owners.map((owner) => Number(owner.leads) + Number(owner['co-owns']));
      assert.deepEqual(
        totals,
        [...totals].sort((a, b) => b - a),
        'sorted descending',
      );
      assert.equal(owners[0].owner, '市卫健委');
      assert.ok(
        owners.some((owner) => owner.owner === '有关部门' && owner.vague === '1'),
        'vague owners are marked',
      );
      assert.ok(!owners.some((owner) => owner.owner === '市發改委'), '市發改委 counts as 市发改委');
      assert.ok(
        rows.some((row) => row.owner === '【待填写】'),
        'the samples have a placeholder owner',
      );
      assert.ok(!owners.some((owner) => owner.owner.includes('待填写')), 'a placeholder owner is missing, not a unit');
      for (const owner of owners) assert.equal(owner.vague === '1', isVagueOwner(owner.owner), `vague as the vague-owner rule says: ${owner.owner}`);
    });

    it('lists the task rows of the export, in order, each linking to file:line', () => {
      const tasks = rowsOf(html, 'tasks-table');
      assert.deepEqual(
        tasks.map((task) => [task.file, Number(task.line), task.net || null, task.missing ? task.missing.split(' ') : []]),
        rows.map((row) => [row.file, row.line, row.net, missingOf(row)]),
      );
      assert.match(html, /<a href="seeds\/wuhan-five-nets\.policy\.md#L13" title="seeds\/wuhan-five-nets\.policy\.md:13"/u);
    });

    it('lists the problems of fivenets lint, each linking to file:line and showing it', async () => {
      const lint = await cli(['lint', ...samples, '--format', 'json']);
      const report = JSON.parse(lint.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; line: number }> }> };
      const expected = report.files.flatMap((file) => file.diagnostics.map((diagnostic) => [file.path, diagnostic.line, diagnostic.rule]));
      const problems = rowsOf(html, 'problems-table');
      assert.deepEqual(
        problems.map((problem) => [problem.file, Number(problem.line), problem.rule]),
        expected,
      );
      assert.ok(expected.length > 0);
      assert.match(html, /<a href="seeds\/wuhan-five-nets\.policy\.md#L17" data-file="seeds\/wuhan-five-nets\.policy\.md" data-line="17">seeds\/wuhan-five-nets\.policy\.md:17<\/a>/u);
      assert.match(html, /<a href="seeds\/000_8cecb90e2c4c70b0\.txt#L\d+"/u, 'problems of the .txt seed link to it');
    });

    it('puts every dated measure in the timeline, by net and month', () => {
      const cells = [...html.matchAll(/<g class="tl-cell status-([a-z-]+)" data-net="([^"]*)" data-bucket="([^"]+)" data-count="(\d+)"/gu)].map((match) => ({
        status: match[1],
        net: match[2],
        bucket: match[3],
        count: Number(match[4]),
      }));
      const expected = new Map<string, number>();
      for (const row of rows) {
        const value = row.deadlineNormalized;
        const bucket = value === null ? 'undated' : value === 'ongoing' ? 'ongoing' : value.end.slice(0, 7);
        const key = `${row.net ?? ''} ${bucket}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      assert.deepEqual(new Map(cells.map((cell) => [`${cell.net} ${cell.bucket}`, cell.count])), expected);
      // The sample is dated 2020-07-15: 2020年6月底前 is overdue; with today 2020-10-15, December 2020 is this quarter.
      assert.ok(cells.some((cell) => cell.status === 'overdue' && cell.bucket === '2020-06'));
      assert.ok(cells.some((cell) => cell.status === 'this-quarter' && cell.bucket === '2020-12'));
      assert.match(html, /<svg class="timeline"[^>]*role="img" aria-labelledby="timeline-title timeline-desc"><title id="timeline-title">/u);
    });

    it('loads nothing from the network (no src/href URLs, @import, fonts, or external scripts)', () => {
      assert.deepEqual(networkReferences(html), []);
      assert.doesNotMatch(html, /https?:\/\//u, 'not even a namespace URL');
      assert.doesNotMatch(html, /<script\b[^>]*\bsrc=/u);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/u);
      assert.equal((html.match(/<script\b/gu) ?? []).length, 1, 'one inline script');
      assert.equal((html.match(/<style\b/gu) ?? []).length, 1, 'one inline stylesheet');
    });

    it('detects network references (the check above can fail)', () => {
      for (const bad of ['<img src="https://x.test/a.png">', '<a href="http://x.test">', '<style>@import "x.css";</style>', '<div style="background:url(//x.test/a)">', '<script src="//cdn.test/x.js"></script>']) {
        assert.notDeepEqual(networkReferences(bad), [], bad);
      }
      assert.deepEqual(networkReferences('<a href="seeds/a.md#L3">x</a><a href="#tasks">t</a>'), []);
    });

    it('is readable without JavaScript: every row is shown, filters wait for the script', () => {
      assert.doesNotMatch(html, /<tr[^>]*\shidden/u);
      for (const form of html.match(/<form [^>]*>/gu) ?? []) assert.match(form, /\shidden>$/u);
      assert.equal((html.match(/<form /gu) ?? []).length, 2);
      assert.match(html, /<th scope="col" data-sort="text">位置<\/th>/u, 'plain headers until the script makes them buttons');
    });

    it('themes with CSS variables: light, dark, data-theme and VS Code fallbacks', () => {
      assert.match(html, /@media \(prefers-color-scheme: dark\)/u);
      assert.match(html, /:root\[data-theme="dark"\]/u);
      assert.match(html, /:root\[data-theme="high-contrast"\]/u);
      assert.match(html, /var\(--vscode-editor-background, #ffffff\)/u);
    });

    it('escapes what drafts say', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-report-'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'include: ["**/*.md"]\n');
      fs.writeFileSync(path.join(dir, 'a "b" <c>.md'), '## 公共卫生防护网\n\n1. 新建<script>alert(1)</script>站20个（牵头单位：市卫健委&"民政局"；完成时限：2020年底前）\n');
      const run = await cli(['report', '.', '--today', TODAY], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /<script>alert/u);
      assert.match(run.stdout, /新建&lt;script&gt;alert\(1\)&lt;\/script&gt;站20个/u);
      assert.match(run.stdout, /data-owner="市卫健委&amp;&quot;民政局&quot;"/u);
      assert.match(run.stdout, /href="a%20%22b%22%20%3Cc%3E\.md#L3"/u, 'file names are percent-encoded in links');
    });
  });

  describe('command line', () => {
    it('writes --out with links relative to the report', async () => {
      const out = path.join(root, 'test/report/artifacts/cli/report.html');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      const run = await cli(['report', 'seeds/', '--today', TODAY, '--out', path.relative(root, out)]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      const page = fs.readFileSync(out, 'utf8');
      const href = /<a href="([^"#]+)#L13"/u.exec(page)?.[1];
      assert.equal(href, '../../../../seeds/wuhan-five-nets.policy.md');
      assert.ok(fs.existsSync(path.resolve(path.dirname(out), decodeURIComponent(href ?? ''))), 'the link resolves from the report’s folder');
    });

    it('takes the language from --locale, then the config, then the draft', async () => {
      assert.match((await cli(['report', 'seeds/', '--today', TODAY, '--locale', 'en'])).stdout, /<html lang="en">[\s\S]*<h2 id="nets-heading">Completeness by net/u);
      const tw = (await cli(['report', 'seeds/', '--today', TODAY, '--locale', 'zh-TW'])).stdout;
      assert.match(tw, /<html lang="zh-Hant-TW">[\s\S]*<h2 id="nets-heading">各網完成情況/u);
      assert.match(tw, /城市應急處置網/u, 'net names in traditional script');
      assert.match((await cli(['report', 'test/cli/english/plan.md', '--today', TODAY])).stdout, /<html lang="en">/u);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-report-'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'locale: zh-TW\ninclude: ["*.md"]\n');
      fs.writeFileSync(path.join(dir, 'draft.md'), '## 公共卫生防护网\n\n1. 新建急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n');
      assert.match((await cli(['report', '.', '--today', TODAY], dir)).stdout, /<html lang="zh-Hant-TW">/u);
    });

    it('infers the format from --out and checks its flags', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-report-'));
      const run = await cli(['report', path.join(root, 'seeds/'), '--today', TODAY, '--out', path.join(dir, 'r.md')]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(fs.readFileSync(path.join(dir, 'r.md'), 'utf8'), /^# 政策概览：/u);
      for (const [flags, message] of [
        [['--today', '2020-13-01'], /--today expects a date as YYYY-MM-DD, got "2020-13-01"/u],
        [['--format', 'pdf'], /--format must be html, md or json/u],
        [['--locale', 'fr'], /--locale must be zh-CN, zh-TW or en/u],
        [['--theme', 'pink'], /--theme must be light, dark or high-contrast/u],
        [['--bogus'], /Unknown option '--bogus'/u],
      ] as Array<[string[], RegExp]>) {
        const bad = await cli(['report', 'seeds/', ...flags]);
        assert.equal(bad.code, 2, flags.join(' '));
        assert.equal(bad.stdout, '');
        assert.match(bad.stderr, message);
        assert.equal(bad.stderr.trimEnd().split('\n').length, 1);
      }
      assert.match((await cli(['report', '--help'])).stdout, /--today <date>/u);
    });

    it('exits 2 and writes nothing when a draft cannot be read', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-report-'));
      const out = path.join(dir, 'report.html');
      const run = await cli(['report', 'seeds/', 'no-such-draft.md', '--today', TODAY, '--out', out]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no-such-draft\.md: no such file or directory/u);
      assert.ok(!fs.existsSync(out));
    });
  });

  describe('markdown and json', () => {
    it('prints the same numbers as Markdown tables with file:line links', async () => {
      const run = await cli(['report', ...samples, '--today', TODAY, '--format', 'md']);
      assert.equal(run.code, 0, run.stderr);
      const md = run.stdout;
      assert.match(md, /^# 政策概览：武汉市织牢织密“五张网”实施方案（征求意见稿）\n/u);
      for (const net of builtinSchema().nets) {
        const mine = rows.filter((row) => row.net === net.id);
        const complete = mine.filter((row) => missingOf(row).length === 0).length;
        assert.match(md, new RegExp(`^\\| ${net.names['zh-Hans']} \\| ${mine.length} \\| ${complete} \\(`, 'mu'), net.id);
      }
      assert.match(md, /\[seeds\/wuhan-five-nets\.policy\.md:13\]\(seeds\/wuhan-five-nets\.policy\.md#L13\)/u);
      const taskLines = md
        .slice(md.indexOf('## 任务分工表'))
        .split('\n')
        .filter((line) => line.startsWith('| ['));
      assert.equal(taskLines.length, rows.length);
      assert.doesNotMatch(md, /https?:\/\//u);
    });

    it('prints the report data as JSON, with the export rows as its tasks', async () => {
      const run = await cli(['report', ...samples, '--today', TODAY, '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const data = JSON.parse(run.stdout) as ReportData;
      assert.equal(data.version, 1);
      assert.equal(data.today, TODAY);
      assert.equal(data.locale, 'zh-CN');
      assert.deepEqual(data.quarter, { year: 2020, quarter: 4, start: '2020-10-01', end: '2020-12-31' });
      assert.deepEqual(
        data.tasks.map(({ file, line, net, text, owner, coOwners, metric, hasMetric, deadline, deadlineNormalized, missing }) => ({
          file,
          line,
          net,
          text,
          owner,
          coOwners,
          metric,
          hasMetric,
          deadline,
          deadlineNormalized,
          missing,
        })),
        rows,
      );
      assert.equal(data.totals.measures, rows.length);
      assert.equal(
        data.nets.reduce((sum, net) => sum + net.measures, 0),
        rows.length,
      );
      const statuses = Object.values(data.totals.statuses).reduce((sum, count) => sum + count, 0);
      assert.equal(statuses, rows.length, 'every measure has one status');
      assert.equal(data.totals.statuses.overdue, 1, '2020年6月底前 is before the document date 2020-07-15');
    });
  });

  describe('buildReport (the API a webview calls)', () => {
    const text = fs.readFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), 'utf8');
    const source = { path: 'wuhan.md', text, options: { schema: builtinSchema() } };

    it("shows a tasks draft's measures with the heading of their section", () => {
      const plan = '# 方案\n\n## 一、稳增长\n\n1. 新建学校3所（牵头单位：市教育局；完成时限：2020年底前）\n\n## 二、保民生\n\n1. 新建养老院2所（牵头单位：市民政局）\n';
      const data = buildReport([{ path: 'plan.md', text: plan, options: { schema: builtinSchema(), schemaFrom: 'auto' } }], { today: TODAY });
      assert.deepEqual(
        data.tasks.map((task) => [task.netName, task.owner]),
        [
          ['一、稳增长', '市教育局'],
          ['二、保民生', '市民政局'],
        ],
      );
    });

    it('is pure: the same drafts and today give the same report', () => {
      const a = renderJson(buildReport([source], { today: TODAY }));
      const b = renderJson(buildReport([source], { today: TODAY }));
      assert.equal(a, b);
      assert.notEqual(renderJson(buildReport([source], { today: '2021-05-01' })), a, 'today matters');
      assert.throws(() => buildReport([source], { today: '15.10.2020' }), /today must be YYYY-MM-DD/u);
    });

    it('renders for a webview with a nonce, no CSP of its own and a forced theme', () => {
      const page = renderHtml(buildReport([source], { today: TODAY, locale: 'en' }), { nonce: 'abc123', csp: false, theme: 'dark' });
      assert.match(page, /<html lang="en" data-theme="dark">/u);
      assert.match(page, /<style nonce="abc123">/u);
      assert.match(page, /<script nonce="abc123">/u);
      assert.doesNotMatch(page, /Content-Security-Policy/u);
    });

    it('reports an empty set of drafts without failing', () => {
      const data = buildReport([], { today: TODAY });
      assert.equal(data.totals.measures, 0);
      assert.match(renderHtml(data), /没有找到措施/u);
      assert.match(renderMarkdown(data), /没有找到措施/u);
    });

    it('groups long plans by quarter, then by year', () => {
      const draft = (end: number) => `## 公共卫生防护网\n\n1. 新建急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n2. 新建急救站30个（牵头单位：市卫健委；完成时限：${end}年底前）\n`;
      const unitOf = (end: number) => buildReport([{ path: 'd.md', text: draft(end), options: { schema: builtinSchema() } }], { today: TODAY }).timeline;
      assert.equal(unitOf(2022).unit, 'month');
      assert.equal(unitOf(2027).unit, 'quarter');
      const long = unitOf(2040);
      assert.equal(long.unit, 'year');
      assert.equal(long.buckets.length, 21);
      assert.deepEqual(
        long.cells.map((cell) => [cell.bucket, cell.count]),
        [
          ['2020', 1],
          ['2040', 1],
        ],
      );
    });
  });

  it('keeps report/ pure: no editor, LSP, file system or process imports', () => {
    const dir = path.join(root, 'server/src/report');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of source.matchAll(/^import [^;]*? from '([^']+)';/gmu)) {
        assert.doesNotMatch(match[1], /^(?:vscode|vscode-languageserver|node:|fs$|path$|child_process$)/u, `${file} imports ${match[1]}`);
      }
    }
  });
});
