/**
 * Five Nets in real VS Code (code-server 4.100.3 = VS Code 1.100.3, driven in Chromium), in a
 * trusted workspace: the packaged fivenets.vsix is installed and a temp copy of the sample
 * draft is opened. Each step is checked against the CLI (the same engine), and leaves a
 * screenshot in test/e2e/artifacts/. Run with `npm run test:e2e`; see docs/e2e.md.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyCliFix, cliFixAll, exportJson, glossaryDefinition, isComplete, lintJson, schemaNets } from './expected';
import { ARTIFACTS, REPO, SEED, WAIT_MS, useVsCode, waitUntil } from './workbench';

const DRAFT = 'wuhan-five-nets.policy.md';
const ON_SAVE = 'fix-on-save.policy.md';
const README = 'README.md';

describe('VS Code (code-server): a trusted workspace', function () {
  this.timeout(WAIT_MS * 3);
  const session = useVsCode({
    name: 'vscode',
    trust: true,
    // Messages in Chinese, as drafters see them; the restricted-mode run keeps the default (the UI's English).
    settings: { 'fivenets.locale': 'zh-CN' },
    files: { [DRAFT]: SEED, [ON_SAVE]: SEED, [README]: path.join(__dirname, 'fixtures', 'README.md') },
  });
  const draftPath = () => path.join(session.workspace, DRAFT);

  it('shows squiggles, and as many problems as `fivenets lint` reports', async () => {
    const { workbench } = session;
    const report = lintJson(draftPath());
    const expected = report.files[0].diagnostics.length;
    assert.ok(expected > 0, 'the sample draft has problems to show');

    const editor = await workbench.openFile(DRAFT);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(DRAFT)) === expected ? true : undefined),
      () => `the Problems view to count ${expected} problems in ${DRAFT} (it shows ${shown})`,
    );
    // The status bar's problem counts cover the whole workspace: only the draft has any.
    const label = (await workbench.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    assert.match(label, new RegExp(`Errors: ${report.summary.errors}\\b`), label);
    assert.match(label, new RegExp(`Warnings: ${report.summary.warnings}\\b`), label);
    await workbench.screenshot('squiggles-and-problems');
  });

  it('shows the draft counts in the status bar (nets · measures · incomplete)', async () => {
    const { workbench } = session;
    await workbench.openFile(DRAFT);
    const measures = exportJson(draftPath());
    const nets = new Set(measures.map((measure) => measure.net).filter((net) => net !== null)).size;
    const incomplete = measures.filter((measure) => !isComplete(measure)).length;
    const text = `${nets}/${schemaNets().length} nets · ${measures.length} measures · ${incomplete} incomplete`;
    const item = workbench.statusItem(text);
    try {
      await item.waitFor({ timeout: WAIT_MS });
    } catch {
      const seen = await workbench.statusItem(/nets ·/).allTextContents();
      assert.fail(`status bar item "${text}" not shown; Five Nets items seen: ${JSON.stringify(seen)}`);
    } finally {
      await workbench.screenshot('status-bar');
    }
  });

  it('shows the five nets and their measures in the Outline view', async () => {
    const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
    await workbench.openFile(DRAFT);
    const measures = exportJson(draftPath());
    // Give the Outline the side bar: collapse the folder tree above it.
    const folderHeader = page.locator('.pane-header').filter({ hasText: /^drafts/i }).first();
    if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
    const outlineHeader = page.locator('.pane-header').filter({ hasText: /^Outline/i });
    if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
    const rows = page.locator('.outline-pane .monaco-list-row');
    // Two providers answer for Markdown: Five Nets and VS Code's own Markdown headings.
    const group = rows.filter({ hasText: /^Five Nets$/ });
    await group.first().waitFor({ timeout: WAIT_MS });
    if ((await group.first().getAttribute('aria-expanded')) !== 'true') await group.first().locator('.monaco-tl-twistie').click();
    const level2 = rows.and(page.locator('[aria-level="2"]'));
    for (const net of schemaNets()) {
      const row = level2.filter({ hasText: new RegExp(`${net.names['zh-Hans']}|${net.names['zh-Hant']}`) });
      await row.first().waitFor({ timeout: WAIT_MS });
      const count = measures.filter((measure) => measure.net === net.id).length;
      assert.match((await row.first().textContent()) ?? '', new RegExp(`${count} 项措施`), `Outline row of ${net.id}`);
    }
    // The first net's measures, in order.
    const first = schemaNets()[0];
    const netRow = level2.filter({ hasText: first.names['zh-Hans'] }).first();
    if ((await netRow.getAttribute('aria-expanded')) !== 'true') await netRow.locator('.monaco-tl-twistie').click();
    const expected = measures.filter((measure) => measure.net === first.id).map((measure) => measure.text.slice(0, 10));
    const level3 = rows.and(page.locator('[aria-level="3"]'));
    await waitUntil(
      async () => ((await level3.count()) === expected.length ? true : undefined),
      () => `${expected.length} measures under ${first.names['zh-Hans']} in the Outline`,
    );
    const labels = await level3.allTextContents();
    expected.forEach((text, index) => assert.ok(labels[index]?.includes(text), `Outline measure ${index + 1}: "${labels[index]}" should start with "${text}"`));
    await workbench.screenshot('outline');
  });

  it('hovers a glossary term (双报到, 公共卫生总师) with its definition', async () => {
    const { workbench } = session;
    await workbench.openFile(DRAFT);
    const text = fs.readFileSync(draftPath(), 'utf8').split('\n');
    for (const term of ['公共卫生总师', '双报到']) {
      await workbench.page.keyboard.press('Escape');
      await workbench.goTo(text.findIndex((line) => line.includes(term)) + 1);
      const definition = glossaryDefinition(term, 'zh-Hans');
      const hover = await workbench.hover(DRAFT, term, definition);
      assert.ok(((await hover.textContent()) ?? '').includes(term));
    }
    // The hover over 双报到 also shows the squiggle's message under the cursor: the README's picture.
    const shot = await workbench.screenshot('hover-glossary');
    if (process.env.FIVENETS_E2E_UPDATE_SCREENSHOT) fs.copyFileSync(shot, path.join(REPO, 'docs', 'screenshot.png'));
    else fs.copyFileSync(shot, path.join(ARTIFACTS, 'screenshot.png'));
  });

  it('hovers a net heading with its counts', async () => {
    const { workbench } = session;
    await workbench.openFile(DRAFT);
    const measures = exportJson(draftPath());
    const net = schemaNets()[0];
    const mine = measures.filter((measure) => measure.net === net.id);
    const lines = fs.readFileSync(draftPath(), 'utf8').split('\n');
    await workbench.page.keyboard.press('Escape');
    await workbench.goTo(lines.findIndex((line) => line.startsWith('#') && line.includes(net.names['zh-Hans'])) + 1);
    const counts = `措施 ${mine.length} 项，其中完整 ${mine.filter(isComplete).length} 项`;
    await workbench.hover(DRAFT, net.names['zh-Hans'], counts);
    await workbench.screenshot('hover-net');
  });

  it('applies a quick fix from the light bulb (Ctrl+.) on a missing deadline', async () => {
    const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
    const before = fs.readFileSync(draftPath(), 'utf8');
    const diagnostic = lintJson(draftPath()).files[0].diagnostics.find((candidate) => candidate.rule === 'missing-deadline' && candidate.fix);
    assert.ok(diagnostic?.fix, 'the sample has a fixable missing-deadline');
    await workbench.openFile(DRAFT);
    await workbench.goTo(diagnostic.line, diagnostic.column);
    const editor = workbench.editor(DRAFT);
    // VS Code 1.100 draws the light bulb in the gutter (codicon-gutter-lightbulb*).
    await editor.locator('[class*="codicon-gutter-lightbulb"], .lightBulbWidget [class*="codicon-light"]').filter({ visible: true }).first().waitFor({ timeout: WAIT_MS });
    await workbench.screenshot('light-bulb');
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ timeout: WAIT_MS });
    const title = '插入“完成时限”模板';
    // Walk the menu with the keyboard, as a user would (a pointer blocker covers it for clicks).
    await waitUntil(
      async () => {
        if ((await menu.locator('.monaco-list-row.focused').getAttribute('aria-label')) === title) return true;
        await page.keyboard.press('ArrowDown');
        return undefined;
      },
      () => `the quick fix "${title}" in the menu`,
      10_000,
    );
    await workbench.screenshot('quick-fix-menu');
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
    await page.locator('.tab.dirty').first().waitFor();
    const after = await workbench.saveAndRead(draftPath(), before);
    assert.ok(after.includes('完成时限：【待填写】'));
    assert.equal(after, applyCliFix(before, diagnostic.fix), 'the editor inserts exactly the CLI fix');
    await workbench.screenshot('quick-fix-applied');
  });

  it('fixes everything with "Five Nets: Fix All", as `fivenets lint --fix` does', async () => {
    const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
    const before = fs.readFileSync(draftPath(), 'utf8');
    await workbench.openFile(DRAFT);
    await workbench.runCommand('Five Nets: Fix All');
    await page.locator('.tab.dirty').first().waitFor();
    const after = await workbench.saveAndRead(draftPath(), before);
    assert.equal(after, cliFixAll(before, DRAFT));
    const remaining = lintJson(draftPath()).files[0].diagnostics;
    assert.deepEqual(remaining.filter((diagnostic) => diagnostic.fix), [], 'no fixable problem is left');
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(DRAFT)) === remaining.length ? true : undefined),
      () => `the Problems view to count ${remaining.length} problems after Fix All (it shows ${shown})`,
    );
    await workbench.screenshot('fix-all');
  });

  it('runs source.fixAll.fivenets on save (editor.codeActionsOnSave)', async () => {
    const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
    const file = path.join(session.workspace, ON_SAVE);
    const before = fs.readFileSync(file, 'utf8');
    const settings = path.join(session.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    // The ruler is how the test sees that VS Code has read this settings file.
    fs.writeFileSync(settings, JSON.stringify({ 'editor.codeActionsOnSave': { 'source.fixAll.fivenets': 'explicit' }, 'editor.rulers': [120] }, null, 2));
    const editor = await workbench.openFile(ON_SAVE);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
    await editor.locator('.view-ruler').first().waitFor({ timeout: WAIT_MS });
    const after = await workbench.saveAndRead(file, before);
    assert.equal(after, cliFixAll(before, ON_SAVE));
    await page.locator('.tab.dirty').first().waitFor({ state: 'detached' });
    await workbench.screenshot('fix-on-save');
  });

  it('leaves README.md alone, though the same text with `schema: five-nets` is a draft', async () => {
    const { workbench, page } = { workbench: session.workbench, page: session.workbench.page };
    const editor = await workbench.openFile(README);
    assert.equal(await workbench.problemsCount(README), null, 'README.md has no problems');
    assert.equal(await editor.locator('.squiggly-error, .squiggly-warning').count(), 0);
    // Proof that the server did look at the README: frontmatter makes it a draft, and undoing that clears it again.
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('---\nschema: five-nets\n---\n');
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(README)) !== null && shown > 0 ? true : undefined),
      () => `problems in README.md once it names the schema (it shows ${shown})`,
    );
    await editor.locator('.squiggly-error').first().waitFor();
    await workbench.screenshot('readme-as-draft');
    await page.keyboard.press('Control+Z');
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(README)) === null ? true : undefined),
      () => `README.md to have no problems after undo (it shows ${shown})`,
    );
    await editor.locator('.squiggly-error, .squiggly-warning').first().waitFor({ state: 'detached' });
    await workbench.screenshot('readme');
  });
});
