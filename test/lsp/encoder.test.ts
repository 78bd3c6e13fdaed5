/**
 * The stdio encoder (server/src/handlers/encoder.ts) joins diagnostic reports from cached
 * bytes: its output must be byte for byte what JSON.stringify and Buffer.from give, for
 * pushed and pulled reports, with CJK and astral text, a capped report's note, items someone
 * changed after the report was built, and every other message. And the stdio connection built
 * around it still ends the server when the client goes away, as the library's own does.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { defaultResolvedConfig } from '../../server/src/engine/config';
import { DiagnosticViews } from '../../server/src/handlers/documentDiagnostics';
import { encodeMessage } from '../../server/src/handlers/encoder';
import type { Analysis } from '../../server/src/handlers/drafts';
import { REPO, SERVER, buildServer } from './harness';

const SEED = fs.readFileSync(path.join(REPO, 'seeds', 'wuhan-five-nets.policy.md'), 'utf8');
// Astral characters and emoji in measures, quoted in messages and fix edits.
const TEXT = SEED.replace('开展综合应急演练', '开展𠮷😀"综合"\\应急演练');

/** An analysis of `text` at `version`, as Drafts makes one (only what the diagnostics view reads). */
function analysisOf(linter: IncrementalLinter, text: string, version: number, maxProblems: number | null): Analysis {
  return { uri: 'file:///draft.policy.md', version, text, result: linter.update(text), resolved: defaultResolvedConfig(REPO), locale: 'zh-CN', resultId: `0:${version}`, maxProblems } as unknown as Analysis;
}

/** The report the server sends for an analysis: the document's diagnostics view, as DiagnosticsFeature asks it. */
const views = new DiagnosticViews();
const lspDiagnostics = (analysis: Analysis) => views.of(analysis).diagnostics();

const stringified = (message: unknown) => Buffer.from(JSON.stringify(message), 'utf8');

describe('stdio encoder: cached diagnostic bytes', () => {
  const linter = new IncrementalLinter({ schema: builtinSchema(), locale: 'zh-CN' });

  it('encodes a pushed report exactly as JSON.stringify does', () => {
    const diagnostics = lspDiagnostics(analysisOf(linter, TEXT, 3, null));
    assert.ok(diagnostics.length > 5);
    assert.ok(
      diagnostics.some((diagnostic) => /𠮷😀/u.test(JSON.stringify(diagnostic.message))),
      'an astral character is quoted',
    );
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///draft.policy.md', version: 3, diagnostics } };
    assert.deepEqual(encodeMessage(message), stringified(message));
  });

  it('encodes a pulled report, and the next version from the same cached parts', () => {
    for (const [version, text] of [
      [4, TEXT],
      [5, TEXT.replace('（牵头单位：市应急管理局', '（牵头单位：市应急管理局、市卫健委')],
    ] as const) {
      const items = lspDiagnostics(analysisOf(linter, text, version, null));
      const message = { jsonrpc: '2.0', id: 7, result: { kind: 'full', resultId: `0:${version}`, items } };
      assert.deepEqual(encodeMessage(message), stringified(message));
      assert.ok(encodeMessage(message).includes(`"version":${version},`));
    }
  });

  it('encodes a capped report with its note of what was left out', () => {
    const items = lspDiagnostics(analysisOf(linter, TEXT, 6, 3));
    assert.equal(items.length, 4);
    const message = { jsonrpc: '2.0', id: 8, result: { kind: 'full', resultId: '0:6', items } };
    assert.deepEqual(encodeMessage(message), stringified(message));
  });

  it('encodes items changed after the report was built as they are now', () => {
    const report = lspDiagnostics(analysisOf(linter, TEXT, 9, null));
    // The registered array itself: one item replaced, one given a new message, one a new key.
    report[0] = { ...report[0], message: 'replaced' };
    report[1].message = 'changed';
    (report[2] as unknown as Record<string, unknown>).tags = [1];
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///draft.policy.md', version: 9, diagnostics: report } };
    const encoded = encodeMessage(message);
    assert.deepEqual(encoded, stringified(message));
    assert.ok(encoded.includes('"message":"replaced"') && encoded.includes('"message":"changed"') && encoded.includes('"tags":[1]'));
  });

  it('encodes every other message as JSON.stringify does', () => {
    const messages = [
      { jsonrpc: '2.0', id: 1, result: { capabilities: { hoverProvider: true } } },
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x.md', diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: '无' }] } },
      { jsonrpc: '2.0', id: 2, result: { kind: 'full', items: [] } },
      { jsonrpc: '2.0', id: 3, result: null },
      { jsonrpc: '2.0', id: 4, error: { code: -32603, message: 'x' } },
    ];
    for (const message of messages) assert.deepEqual(encodeMessage(message), stringified(message));
  });
});

describe('stdio connection: the server ends with its client', function () {
  this.timeout(60_000);
  before(() => buildServer());

  /** Start the server, optionally ask it to shut down, close its stdin: the exit code. */
  async function exitCodeAfterStdinEnds(shutdownFirst: boolean): Promise<number | null> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const send = (message: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    // Read replies until the one with `id` comes (the server answers in order of requests).
    let received = '';
    const reply = (id: number) =>
      new Promise<void>((resolve) => {
        const onData = (chunk: Buffer) => {
          received += chunk.toString('utf8');
          if (received.includes(`"id":${id},`) || received.includes(`"id":${id}}`)) {
            child.stdout.off('data', onData);
            resolve();
          }
        };
        child.stdout.on('data', onData);
      });
    const initialized = reply(1);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    await initialized;
    if (shutdownFirst) {
      const shutdown = reply(2);
      send({ id: 2, method: 'shutdown' });
      await shutdown;
    }
    child.stdin.end();
    return exited;
  }

  it('exits with 1 when stdin ends without a shutdown request', async () => {
    assert.equal(await exitCodeAfterStdinEnds(false), 1);
  });

  it('exits with 0 when stdin ends after a shutdown request', async () => {
    assert.equal(await exitCodeAfterStdinEnds(true), 0);
  });
});
