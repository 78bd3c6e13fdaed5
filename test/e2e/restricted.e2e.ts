/**
 * Five Nets in Restricted Mode: the workspace-trust dialog is answered "No, I don't trust
 * the authors". The extension declares `untrustedWorkspaces: supported` (it runs no
 * workspace code), so diagnostics and hovers must work exactly as in a trusted folder.
 * No `fivenets.locale` here: messages follow the UI language (English).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { glossaryDefinition, lintJson } from './expected';
import { SEED, WAIT_MS, useVsCode, waitUntil } from './workbench';

const DRAFT = 'wuhan-five-nets.policy.md';

describe('VS Code (code-server): Restricted Mode', function () {
  this.timeout(WAIT_MS * 3);
  const session = useVsCode({
    name: 'restricted',
    trust: false,
    settings: {},
    files: { [DRAFT]: SEED, 'README.md': path.join(__dirname, 'fixtures', 'README.md') },
  });

  it('shows squiggles, and as many problems as `fivenets lint` reports', async () => {
    const { workbench } = session;
    await workbench.statusItem('Restricted Mode').waitFor();
    const report = lintJson(path.join(session.workspace, DRAFT), ['--locale', 'en']);
    const expected = report.files[0].diagnostics.length;
    const editor = await workbench.openFile(DRAFT);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(DRAFT)) === expected ? true : undefined),
      () => `the Problems view to count ${expected} problems in ${DRAFT} (it shows ${shown})`,
    );
    const label = (await workbench.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    assert.match(label, new RegExp(`Errors: ${report.summary.errors}\\b`), label);
    assert.match(label, new RegExp(`Warnings: ${report.summary.warnings}\\b`), label);
    // The messages are the CLI's English ones.
    const first = report.files[0].diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    assert.ok(first);
    await workbench.page.locator('.markers-panel .monaco-list-row').filter({ hasText: first.message }).first().waitFor();
    await workbench.screenshot('squiggles-and-problems');
  });

  it('hovers a glossary term with its (English) definition', async () => {
    const { workbench } = session;
    await workbench.openFile(DRAFT);
    const term = '公共卫生总师';
    const line = fs.readFileSync(path.join(session.workspace, DRAFT), 'utf8').split('\n').findIndex((text) => text.includes(term)) + 1;
    await workbench.goTo(line);
    await workbench.hover(DRAFT, term, glossaryDefinition(term, 'en'));
    await workbench.screenshot('hover-glossary');
  });
});
