/**
 * The browser build in VS Code's web worker extension host: code-server runs web extensions
 * there when a setting asks (`remote.extensionKind: { "fivenets.fivenets": ["web"] }`; by
 * default it prefers its Node extension host for an extension with a `main`). The client
 * (client/out/browserExtension.js) starts the server (server/out/web/server.js) as a web
 * worker, which finds drafts with settings only.
 *
 * Which build runs is visible in the result: the workspace has a `.fivenets.yaml` turning
 * missing-owner off, which the Node build would read and the browser build cannot, so the
 * Problems view must count what `fivenets lint --config` with no config file reports (the
 * built-in defaults), missing-owner errors included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintJson } from './expected';
import { SEED, WAIT_MS, tempDir, useVsCode } from './workbench';

const DRAFT = 'wuhan-five-nets.policy.md';

describe('VS Code for the Web (code-server, web worker extension host)', function () {
  this.timeout(WAIT_MS * 3);
  const session = useVsCode({
    name: 'web',
    trust: true,
    settings: { 'remote.extensionKind': { 'fivenets.fivenets': ['web'] }, 'fivenets.locale': 'zh-CN' },
    files: { [DRAFT]: SEED, '.fivenets.yaml': path.join(__dirname, 'fixtures', 'web-config.yaml') },
  });

  it('lints a draft in the browser: the built-in defaults, not the workspace’s config file', async () => {
    const { workbench } = session;
    // The same draft linted by the CLI away from the config file: the built-in defaults.
    const alone = path.join(tempDir('web-alone'), DRAFT);
    fs.copyFileSync(SEED, alone);
    const report = lintJson(alone, ['--locale', 'zh-CN']);
    const ownerErrors = report.files[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'missing-owner');
    assert.ok(ownerErrors.length > 0, 'the seed has measures without an owner');
    // The Node build would drop them (the config turns missing-owner off): check the config does.
    const withConfig = lintJson(path.join(session.workspace, DRAFT), ['--locale', 'zh-CN']);
    assert.equal(withConfig.files[0].diagnostics.filter((diagnostic) => diagnostic.rule === 'missing-owner').length, 0);

    await workbench.showsLintOf(DRAFT, report);
    await workbench.page.locator('.markers-panel .monaco-list-row').filter({ hasText: ownerErrors[0].message }).first().waitFor({ timeout: WAIT_MS });
    await workbench.screenshot('web-worker-diagnostics');
  });
});
