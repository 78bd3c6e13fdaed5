/**
 * The report in a real browser: headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core) opens the page from disk, light and dark, takes screenshots into
 * test/report/artifacts/ (gitignored) and checks that the numbers rendered in the DOM are
 * the numbers of `fivenets export`, that the script sorts and filters, and that the page
 * asks for nothing over the network. Skipped, with a message, where Chromium is missing.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../../server/src/cli/main';

const root = path.resolve(__dirname, '../..');
const artifacts = path.join(__dirname, 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
const TODAY = '2020-10-15';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Playwright = typeof import('playwright-core');
type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

interface ExportRow {
  net: string | null;
  owner: string | null;
  metric: string | null;
  hasMetric: boolean;
  deadline: string | null;
  missing: string[];
}

async function cli(argv: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  assert.equal(code, 0, stderr);
  return stdout;
}

/** Runs source text in the page, so the test project needs no DOM typings. */
async function inPage<T>(page: Page, source: string): Promise<T> {
  return await page.evaluate(source);
}

function loadPlaywright(): Playwright | null {
  try {
    return require('playwright-core') as Playwright;
  } catch {
    return null;
  }
}

describe('report in a browser (screenshots)', function () {
  this.timeout(120_000);
  let browser: Browser | null = null;
  let url = '';
  let rows: ExportRow[] = [];

  before(async function () {
    const playwright = loadPlaywright();
    if (!fs.existsSync(CHROMIUM) || !playwright) {
      console.log(`      (skipped: ${!playwright ? 'playwright-core is not installed' : `${CHROMIUM} is missing; apt-get install -y chromium fonts-noto-cjk`})`);
      this.skip();
      return;
    }
    fs.mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, 'report.html');
    await cli(['report', 'seeds/', '--today', TODAY, '--out', path.relative(root, file)]);
    url = pathToFileURL(file).href;
    rows = (JSON.parse(await cli(['export', 'seeds/', '--format', 'json'])) as { measures: ExportRow[] }).measures;
    browser = await playwright.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  async function open(colorScheme: 'light' | 'dark', javaScriptEnabled = true): Promise<{ page: Page; requests: string[] }> {
    assert.ok(browser);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.emulateMedia({ colorScheme });
    await page.goto(url, { waitUntil: 'load' });
    assert.deepEqual(errors, [], 'no script errors');
    return { page, requests };
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`renders the export's numbers in ${colorScheme} mode and loads nothing`, async () => {
      const { page, requests } = await open(colorScheme);
      await page.screenshot({ path: path.join(artifacts, `report-${colorScheme}.png`), fullPage: true });
      // The overview (summary, nets, owners, timeline) is the picture for the README (docs/report.png).
      const timeline = await page.locator('#timeline').boundingBox();
      assert.ok(timeline);
      await page.screenshot({ path: path.join(artifacts, `report-overview-${colorScheme}.png`), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(timeline.y + timeline.height + 28) } });

      const complete = (row: ExportRow) => row.missing.length === 0;
      const kpis = await inPage<Record<string, string>>(
        page,
        `Object.fromEntries(Array.from(document.querySelectorAll('[data-kpi]'), (card) => [card.getAttribute('data-kpi'), card.querySelector('.value').textContent.trim()]))`,
      );
      assert.equal(kpis.measures, String(rows.length));
      assert.equal(kpis.complete, String(rows.filter(complete).length));
      assert.equal(kpis['missing-owner'], String(rows.filter((row) => row.missing.includes('owner')).length));

      // The visible cells of the per-net table, not just its attributes.
      const nets = await inPage<Array<{ net: string; cells: string[] }>>(
        page,
        `Array.from(document.querySelectorAll('#nets-table tbody tr'), (tr) => ({ net: tr.getAttribute('data-net'), cells: Array.from(tr.children, (cell) => (cell.querySelector('.count') || cell).textContent.trim()) }))`,
      );
      for (const net of nets) {
        const mine = rows.filter((row) => (row.net ?? '') === net.net);
        const [, measures, completeText, missingOwner, missingMetric, missingDeadline] = net.cells;
        assert.equal(measures, String(mine.length), `${net.net} measures`);
        if (mine.length > 0) assert.match(completeText, new RegExp(`^${mine.filter(complete).length} / ${mine.length} · `, 'u'), `${net.net} complete`);
        assert.deepEqual(
          [missingOwner, missingMetric, missingDeadline],
          [String(mine.filter((row) => row.missing.includes('owner')).length), String(mine.filter((row) => row.missing.includes('metric')).length), String(mine.filter((row) => row.missing.includes('deadline')).length)],
          `${net.net} missing`,
        );
      }
      assert.equal(await page.locator('#tasks-table tbody tr:visible').count(), rows.length);

      const colours = await inPage<string[]>(page, `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]`);
      assert.deepEqual(colours, colorScheme === 'light' ? ['rgb(255, 255, 255)', 'rgb(31, 35, 40)'] : ['rgb(13, 17, 23)', 'rgb(230, 237, 243)']);
      const fontFamilies = await inPage<string>(page, `getComputedStyle(document.querySelector('h1')).fontFamily`);
      assert.match(fontFamilies, /Noto Sans CJK SC/u, 'a CJK font is in the stack');
      assert.deepEqual(requests, [], 'no network requests');
      await page.context().close();
    });
  }

  it('sorts and filters with the inline script', async () => {
    const { page } = await open('light');
    const incomplete = await inPage<number>(page, `Array.from(document.querySelectorAll('#tasks-table tbody tr')).filter((tr) => tr.getAttribute('data-missing')).length`);
    await page.locator('form[data-filter-for="tasks-table"] input[type="checkbox"]').check();
    assert.equal(await page.locator('#tasks-table tbody tr:visible').count(), incomplete);
    assert.match((await page.locator('form[data-filter-for="tasks-table"] output').textContent()) ?? '', new RegExp(`${incomplete} / ${rows.length}`, 'u'));
    await page.locator('form[data-filter-for="tasks-table"] input[type="search"]').fill('市卫健委');
    const shown = await inPage<string[]>(page, `Array.from(document.querySelectorAll('#tasks-table tbody tr:not([hidden])'), (tr) => tr.textContent)`);
    assert.ok(shown.length > 0 && shown.every((text) => text.includes('市卫健委')));

    await page.locator('#owners-table thead th', { hasText: '牵头' }).locator('button').click();
    const ascending = await inPage<number[]>(page, `Array.from(document.querySelectorAll('#owners-table tbody tr'), (tr) => Number(tr.getAttribute('data-leads')))`);
    assert.deepEqual(
      ascending,
      [...ascending].sort((a, b) => a - b),
    );
    assert.equal(await page.locator('#owners-table thead th[aria-sort="ascending"]').count(), 1);
    await page.screenshot({ path: path.join(artifacts, 'report-filtered.png'), fullPage: false });
    await page.context().close();
  });

  it('is complete without JavaScript', async () => {
    const { page } = await open('light', false);
    assert.equal(await page.locator('#tasks-table tbody tr:visible').count(), rows.length);
    assert.equal(await page.locator('form.filters:visible').count(), 0, 'filters need the script, so they stay hidden');
    await page.context().close();
  });
});
