/**
 * Five Nets in Restricted Mode: the workspace-trust dialog is answered "No, I don't trust
 * the authors". The extension declares `untrustedWorkspaces: supported` (it runs no
 * workspace code), so diagnostics and hovers must work exactly as in a trusted folder.
 * No `fivenets.locale` here (auto): in the English UI, text about the Chinese draft follows
 * the draft (Chinese messages and hovers), the one language rule of the README. Restricted Mode
 * also turns on VS Code's non-ASCII highlighting, whose banner ("This document contains
 * many non-basic ASCII unicode characters") would sit over every Chinese draft: the
 * extension's `configurationDefaults` turn it off for Markdown.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { glossaryDefinition, lintJson } from './expected';
import { SEED, WAIT_MS, readSettled, useVsCode, waitUntil } from './workbench';

const DRAFT = 'wuhan-five-nets.policy.md';
const NOTES = 'notes.txt';
/** What VS Code says above a document with over 1000 non-ASCII characters when `editor.unicodeHighlight.nonBasicASCII` is on. */
const NON_ASCII_BANNER = 'This document contains many non-basic ASCII unicode characters';

describe('VS Code (code-server): Restricted Mode', function () {
  this.timeout(WAIT_MS * 3);
  const session = useVsCode({
    name: 'restricted',
    trust: false,
    settings: {},
    // The same Chinese text as plain text: VS Code's unicode highlighting without our Markdown defaults.
    files: { [DRAFT]: SEED, 'README.md': path.join(__dirname, 'fixtures', 'README.md'), [NOTES]: SEED },
  });
  const banner = () => session.workbench.page.locator('.editor-banner').filter({ hasText: NON_ASCII_BANNER });

  it('shows squiggles, and as many problems as `fivenets lint` reports', async () => {
    const { workbench } = session;
    await workbench.statusItem('Restricted Mode').waitFor();
    const report = lintJson(path.join(session.workspace, DRAFT), ['--locale', 'zh-CN']);
    await workbench.showsLintOf(DRAFT, report);
    // The messages are the CLI's Chinese ones: the draft's language, not the UI's.
    const first = report.files[0].diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    assert.ok(first);
    await workbench.page.locator('.markers-panel .monaco-list-row').filter({ hasText: first.message }).first().waitFor();
    // Seconds after the draft opened: VS Code would have put its unicode banner up by now (see below).
    assert.equal(await banner().filter({ visible: true }).count(), 0, `no "${NON_ASCII_BANNER}" banner over ${DRAFT}`);
    await workbench.screenshot('squiggles-and-problems');
  });

  it('hovers a glossary term with its definition in the draft’s language (Chinese in the English UI)', async () => {
    const { workbench } = session;
    await workbench.openFile(DRAFT);
    const term = '公共卫生总师';
    const line = (await readSettled(path.join(session.workspace, DRAFT))).split('\n').findIndex((text) => text.includes(term)) + 1;
    await workbench.goTo(line);
    await workbench.hover(DRAFT, term, glossaryDefinition(term, 'zh-Hans'));
    await workbench.screenshot('hover-glossary');
  });

  it('shows no "many non-basic ASCII unicode characters" banner on a Chinese draft', async () => {
    const { workbench } = session;
    // The check can fail: a plain-text copy of the draft gets the banner in this window
    // (Restricted Mode turns editor.unicodeHighlight.nonBasicASCII on: "inUntrustedWorkspace").
    await workbench.openFile(NOTES);
    await banner().first().waitFor({ timeout: WAIT_MS });
    await workbench.screenshot('banner-on-plain-text');
    // The draft, in the same editor: its squiggles and problems take longer to show than
    // the banner does, so once they are there a banner would be too.
    const expected = lintJson(path.join(session.workspace, DRAFT), ['--locale', 'zh-CN']).files[0].diagnostics.length;
    const editor = await workbench.openFile(DRAFT);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await workbench.problemsCount(DRAFT)) === expected ? true : undefined),
      () => `the Problems view to count ${expected} problems in ${DRAFT} (it shows ${shown})`,
    );
    await workbench.screenshot('no-banner-on-draft');
    assert.equal(await banner().filter({ visible: true }).count(), 0, `no "${NON_ASCII_BANNER}" banner over ${DRAFT}`);
  });
});
