/**
 * The browser build's server (server/out/web/server.js) as a web worker runs it, one level
 * below the code-server test (test/e2e/web.e2e.ts): the bundle is evaluated in a bare V8
 * context (node:vm) whose only globals are the language's own and what a dedicated worker
 * offers (self with postMessage/onmessage/addEventListener, timers, TextEncoder/Decoder, URL):
 * no process, require, Buffer or document, so a Node or DOM dependency fails here. Messages
 * cross the boundary as structured clones do, and the test speaks LSP to it: initialize,
 * didOpen, diagnostics, the custom requests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection, type DataCallback, type Disposable, type Message, type MessageConnection } from 'vscode-jsonrpc';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { lint, lintOptionsFor } from '../../server/src/engine';
import { builtinResolvedConfig } from '../../server/src/engine/config-model';
import { DocumentStatsRequest, OverviewRequest } from '../../shared/protocol';
import { REPO, SEED, buildServer } from './harness';

const BUNDLE = path.join(REPO, 'server', 'out', 'web', 'server.js');
// A folder as vscode.dev and code-server's web host name them: no file: URI, no disk.
const FOLDER = 'vscode-test-web://mount/drafts';

/** The worker's global scope: what the server may use of it. */
function workerScope(toClient: (message: unknown) => void) {
  let onmessage: ((event: { data: unknown }) => void) | null = null;
  const listeners = new Map<string, Array<(event: unknown) => void>>();
  const scope = {
    postMessage: (message: unknown) => toClient(structuredClone(message)),
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    removeEventListener: (type: string, listener: (event: unknown) => void) =>
      listeners.set(
        type,
        (listeners.get(type) ?? []).filter((entry) => entry !== listener),
      ),
    get onmessage() {
      return onmessage;
    },
    set onmessage(handler) {
      onmessage = handler;
    },
  };
  return { scope, deliver: (data: unknown) => onmessage?.({ data }), listeners };
}

class ToServer extends AbstractMessageWriter {
  constructor(private readonly deliver: (message: unknown) => void) {
    super();
  }
  write(message: Message): Promise<void> {
    return new Promise((resolve) => {
      this.deliver(structuredClone(message));
      resolve();
    });
  }
  end(): void {}
}

class FromServer extends AbstractMessageReader {
  private callback: DataCallback | null = null;
  private readonly early: Message[] = [];
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = null) };
  }
  receive(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
}

describe('the browser build of the server, in a bare worker scope (LSP)', function () {
  this.timeout(60_000);
  let connection: MessageConnection;
  let context: vm.Context;
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiting: Array<() => void> = [];

  const diagnosticsFor = async (uri: string): Promise<PublishDiagnosticsParams> => {
    for (;;) {
      const found = published.get(uri)?.at(-1);
      if (found) return found;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };

  before(() => {
    buildServer();
    const reader = new FromServer();
    const { scope, deliver } = workerScope((message) => reader.receive(message as Message));
    context = vm.createContext({ self: scope, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL });
    vm.runInContext(fs.readFileSync(BUNDLE, 'utf8'), context, { filename: BUNDLE });
    connection = createMessageConnection(reader, new ToServer(deliver));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
      for (const wake of waiting.splice(0)) wake();
    });
    connection.listen();
  });

  after(() => connection?.dispose());

  it('has no Node or DOM globals to lean on', () => {
    for (const name of ['process', 'require', 'module', 'Buffer', 'setImmediate', 'document', 'window']) assert.equal(vm.runInContext(`typeof ${name}`, context), 'undefined', name);
  });

  it('initializes and lints an open draft as the engine does, with the built-in defaults', async () => {
    const result = await connection.sendRequest<{ serverInfo: { name: string } }>('initialize', { processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: FOLDER, name: 'drafts' }], locale: 'en' });
    assert.equal(result.serverInfo.name, 'fivenets');
    await connection.sendNotification('initialized', {});
    const text = fs.readFileSync(SEED, 'utf8');
    const uri = `${FOLDER}/wuhan-five-nets.policy.md`;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const { diagnostics } = await diagnosticsFor(uri);
    const expected = lint(text, lintOptionsFor(builtinResolvedConfig(''), { locale: 'zh-CN' })).diagnostics;
    assert.ok(expected.length > 10, `the seed has findings (${expected.length})`);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message]),
      expected.map((diagnostic) => [diagnostic.rule, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.message]),
    );
    const stats = await connection.sendRequest(DocumentStatsRequest, { uri });
    assert.equal(stats?.isDraft, true);
    assert.equal(stats?.netsTotal, 5);
  });

  it('takes drafts by fivenets.include under the folder or by frontmatter, and nothing else', async () => {
    const body = '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委）\n';
    const notes = `${FOLDER}/notes/plan.md`;
    const named = `${FOLDER}/notes/named.md`;
    const elsewhere = 'vscode-test-web://mount/other/policies/plan.md';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: notes, languageId: 'markdown', version: 1, text: body } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: named, languageId: 'markdown', version: 1, text: `---\nschema: five-nets\n---\n\n${body}` } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: elsewhere, languageId: 'markdown', version: 1, text: body } });
    // Not a draft, and why: the status bar offers "Treat as Policy Draft" here too (both
    // ways need no disk: the frontmatter, or the folder's glob in the settings).
    const notesStats = await connection.sendRequest(DocumentStatsRequest, { uri: notes });
    assert.equal(notesStats?.isDraft, false);
    assert.equal(notesStats?.notDraftReason, 'not-included');
    assert.equal(notesStats?.includeFrom, 'setting');
    assert.equal(notesStats?.suggestedSchema, 'five-nets', 'a heading names a net');
    assert.equal((await connection.sendRequest(DocumentStatsRequest, { uri: named }))?.isDraft, true);
    // policies/**/*.md is relative to a workspace folder: this one is outside every folder.
    assert.equal((await connection.sendRequest(DocumentStatsRequest, { uri: elsewhere }))?.isDraft, false);
    const draftProblems = (await diagnosticsFor(named)).diagnostics.map((diagnostic) => diagnostic.code);
    assert.ok(draftProblems.includes('missing-deadline'), draftProblems.join(', '));
  });

  it('answers fivenets/overview with MethodNotFound: there is no workspace on disk to report on', async () => {
    await assert.rejects(connection.sendRequest(OverviewRequest, {}), (error: { code?: number }) => error.code === -32601);
  });
});
