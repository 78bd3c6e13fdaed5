/**
 * Pulled diagnostics after incremental edits equal a fresh lint of the edited text: the
 * server converts only the sections an edit touched and reuses the other sections' LSP
 * diagnostics (shifted when lines were added or removed above them). And the cap on how
 * many diagnostics go to the editor (initializationOptions.maxProblems).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { LineIndex, lint, lintOptionsFor } from '../../server/src/engine';
import { resolveConfigForFile } from '../../server/src/engine/config';
import { prng } from '../../bench/generate';
import { SEED, TestClient, buildServer, makeWorkspace, uriOf } from './harness';

const PULL_CLIENT = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

type Report = { kind: string; resultId: string; items: Diagnostic[] };

const PIECES = ['x', '\n', '\n\n', '## 公共卫生防护网\n\n', '1. 建设急救站20个（牵头单位：市卫健委）\n', '完成时限：尽快', '<!-- fivenets-disable-next-line missing-owner -->\n', '𠮷', '\r\n'];

describe('language server: incremental diagnostics', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    buildServer();
    root = makeWorkspace();
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  /** What the server must send for a text: the engine's diagnostics, as the client sees them. */
  function expected(file: string, text: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
    const result = lint(text, lintOptionsFor(resolveConfigForFile(file, { workspaceRoot: root }), { locale }));
    return result.diagnostics.map((d) => ({
      code: d.rule,
      range: d.range,
      message: d.message,
      fix: d.fix ? d.fix.edits.map((edit) => ({ range: result.lines.rangeOf(edit.span), newText: edit.newText })) : null,
    }));
  }

  function received(items: Diagnostic[], version: number) {
    return items.map((d) => {
      const data = d.data as { version: number; fix: { edits: unknown[] } | null };
      assert.equal(data.version, version, 'data carries the version of the report');
      return { code: d.code, range: d.range, message: d.message, fix: data.fix ? data.fix.edits : null };
    });
  }

  it('equals a fresh lint after every edit of a random sequence (inserted lines, deletions, CRLF)', async () => {
    const file = path.join(root, 'policies', 'incremental.md');
    const client = await TestClient.start({ root, capabilities: PULL_CLIENT, locale: 'zh-cn', initializationOptions: { maxProblems: 0 } });
    try {
      const uri = uriOf(file);
      let text = fs.readFileSync(SEED, 'utf8');
      await client.open(uri, text);
      const first = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(received(first.items, 1), expected(file, text));
      const random = prng(77);
      for (let step = 0; step < 40; step++) {
        const lines = new LineIndex(text);
        const at = Math.floor(random() * (text.length + 1));
        const remove = random() < 0.3 ? Math.min(text.length - at, 1 + Math.floor(random() * 20)) : 0;
        const piece = remove > 0 && random() < 0.5 ? '' : PIECES[Math.floor(random() * PIECES.length)];
        const change: TextDocumentContentChangeEvent = { range: lines.rangeOf({ start: at, end: at + remove }), text: piece };
        const version = await client.change(uri, [change]);
        text = client.text(uri);
        const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
        assert.deepEqual(received(report.items, version), expected(file, text), `step ${step}: ${JSON.stringify(change)}`);
      }
    } finally {
      await client.stop();
    }
  });

  it('sends at most maxProblems diagnostics: errors first, then the rest, and says how many are left out', async () => {
    const file = path.join(root, 'policies', 'capped.md');
    // English messages for a Chinese draft: the setting says so (auto would follow the draft).
    const client = await TestClient.start({ root, capabilities: PULL_CLIENT, locale: 'en-US', initializationOptions: { maxProblems: 3 }, settings: () => ({ locale: 'en' }) });
    try {
      const uri = uriOf(file);
      const text = fs.readFileSync(SEED, 'utf8');
      await client.open(uri, text);
      const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      const all = expected(file, text, 'en');
      const result = lint(text, lintOptionsFor(resolveConfigForFile(file, { workspaceRoot: root }), { locale: 'en' }));
      const rank = { error: 0, warning: 1, info: 2 } as const;
      // As VS Code picks when a file has too many: by severity, then in document order; sent in document order.
      const chosen = result.diagnostics
        .map((diagnostic, index) => ({ diagnostic, index }))
        .sort((a, b) => rank[a.diagnostic.severity] - rank[b.diagnostic.severity] || a.index - b.index)
        .slice(0, 3)
        .sort((a, b) => a.index - b.index)
        .map((entry) => all[entry.index]);
      assert.ok(all.length > 3, `the seed has more than three problems (${all.length})`);
      assert.equal(report.items.length, 4);
      assert.deepEqual(received(report.items.slice(0, 3), 1), chosen);
      const notice = report.items[3];
      assert.equal(notice.severity, 3);
      assert.equal(notice.code, undefined);
      assert.match(Diagnostic.getMessageString(notice), new RegExp(`^Five Nets: ${all.length - 3} more problems`, 'u'));
    } finally {
      await client.stop();
    }
  });

  it('takes the fivenets.maxProblems setting over initializationOptions (0 sends every problem)', async () => {
    const file = path.join(root, 'policies', 'setting.md');
    let maxProblems = 2;
    const capabilities = { ...PULL_CLIENT, workspace: { ...PULL_CLIENT.workspace, diagnostics: { refreshSupport: true } } };
    const client = await TestClient.start({ root, capabilities, locale: 'en-US', initializationOptions: { maxProblems: 3 }, settings: () => ({ maxProblems }) });
    try {
      const uri = uriOf(file);
      const text = fs.readFileSync(SEED, 'utf8');
      await client.open(uri, text);
      const all = expected(file, text, 'en');
      const capped = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(capped.items.length, 3, 'two problems and the note');
      maxProblems = 0;
      const refresh = client.nextServerRequest('workspace/diagnostic/refresh');
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      await refresh;
      const uncapped = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(uncapped.items.length, all.length);
    } finally {
      await client.stop();
    }
  });
});
