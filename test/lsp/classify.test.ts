/**
 * The editor and CI agree on which files are drafts: the language server, given the
 * repository of test/cli/repository.ts as its workspace, treats exactly the files that
 * `fivenets lint .` lints as drafts (include globs, frontmatter, .gitignore, .fivenetsignore).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, DocumentSymbol } from 'vscode-languageserver/node';
import { main } from '../../server/src/cli/main';
import { DRAFTS, REPOSITORY_FILES, makeRepository } from '../cli/repository';
import { TestClient, buildServer, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { publishDiagnostics: { versionSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
};

describe('language server: which files are drafts', function () {
  this.timeout(60_000);
  let root: string;
  let client: TestClient;

  before(async function () {
    this.timeout(120_000);
    buildServer();
    root = makeRepository();
    client = await TestClient.start({ root, capabilities: CLIENT, locale: 'zh-cn' });
  });

  after(async () => {
    await client?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('treats as drafts exactly the files fivenets lint . lints', async () => {
    let stdout = '';
    await main({ argv: ['lint', '.', '--format', 'json'], cwd: root, stdout: (text) => (stdout += text), stderr: () => undefined });
    const cli = (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();
    assert.deepEqual(cli, DRAFTS);
    const editor: string[] = [];
    for (const name of Object.keys(REPOSITORY_FILES)) {
      const uri = uriOf(path.join(root, name));
      await client.open(uri, REPOSITORY_FILES[name].text);
      // Every file of the repository has a net heading: a draft has symbols, anything else none.
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      if (symbols.length > 0) editor.push(name);
    }
    assert.deepEqual(editor.sort(), cli);
  });

  it('puts the same drafts in the policy overview as fivenets report . does', async () => {
    const overview = await client.request<{ files: Record<string, string> }>('fivenets/overview', { today: '2026-01-15', nonce: 'abcdefghijklmnop' });
    let stdout = '';
    await main({ argv: ['report', '.', '--format', 'json', '--today', '2026-01-15'], cwd: root, stdout: (text) => (stdout += text), stderr: () => undefined });
    const report = (JSON.parse(stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();
    assert.deepEqual(report, DRAFTS);
    assert.deepEqual(Object.keys(overview.files).sort(), report);
  });

  it('links rule help to the config’s docsUrl, as the CLI’s reports do', async () => {
    fs.mkdirSync(path.join(root, 'intranet'));
    fs.writeFileSync(path.join(root, 'intranet', '.fivenets.yaml'), 'docsUrl: https://intranet.example/fivenets/rules\n');
    const file = path.join(root, 'intranet', 'plan.policy.md');
    const text = REPOSITORY_FILES['wuhan.policy.md'].text;
    fs.writeFileSync(file, text);
    const uri = uriOf(file);
    const published = client.nextDiagnostics(uri, 1);
    await client.open(uri, text);
    const { diagnostics } = await published;
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) assert.equal(diagnostic.codeDescription?.href, `https://intranet.example/fivenets/rules/${String(diagnostic.code)}.md`);
  });
});
