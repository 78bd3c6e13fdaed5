/**
 * The push debounce follows the time the document's last lint took (handlers/diagnostics.ts):
 * the choice is tested here as a function; how soon a push client sees diagnostics is a
 * timing, measured by the benchmark's push rows (bench/run.ts), not asserted in a test.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClientCapabilities, Connection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { IncrementalLinter } from '../../server/src/engine';
import { defaultResolvedConfig } from '../../server/src/engine/config';
import { builtinSchema } from '../../server/src/engine/schema';
import { DiagnosticsFeature, MAX_DEBOUNCE_MS, MIN_DEBOUNCE_MS, pushDebounce } from '../../server/src/handlers/diagnostics';
import type { Analysis, Drafts } from '../../server/src/handlers/drafts';
import type { ErrorLog } from '../../server/src/handlers/guard';
import { REPO, SEED, TestClient, buildServer, makeWorkspace, uriOf } from './harness';

describe('push debounce', () => {
  it('waits 200 ms while the lint time is unknown', () => {
    assert.equal(pushDebounce(undefined), MAX_DEBOUNCE_MS);
    assert.equal(pushDebounce(Number.NaN), MAX_DEBOUNCE_MS);
    assert.equal(MAX_DEBOUNCE_MS, 200);
  });

  it('waits twice the last lint time', () => {
    assert.equal(pushDebounce(10), 20);
    assert.equal(pushDebounce(42.4), 85);
    assert.equal(pushDebounce(99), 198);
  });

  it('waits at least 15 ms, so a burst of changes is linted once', () => {
    assert.equal(MIN_DEBOUNCE_MS, 15);
    assert.equal(pushDebounce(0), 15);
    assert.equal(pushDebounce(2.5), 15);
    assert.equal(pushDebounce(7.5), 15);
    assert.equal(pushDebounce(8), 16);
  });

  it('waits at most 200 ms, however slow the lint', () => {
    assert.equal(pushDebounce(100), 200);
    assert.equal(pushDebounce(150), 200);
    assert.equal(pushDebounce(5000), 200);
    assert.equal(pushDebounce(Number.POSITIVE_INFINITY), 200);
  });
});

describe('push diagnostics: the debounce each edit gets', () => {
  const uri = 'file:///draft.policy.md';
  const text = fs.readFileSync(SEED, 'utf8');
  const analysis = {
    uri,
    version: 2,
    text,
    result: new IncrementalLinter({ schema: builtinSchema(), locale: 'zh-CN' }).update(text),
    resolved: defaultResolvedConfig(REPO),
    locale: 'zh-CN',
    resultId: '0:2',
    maxProblems: null,
  } as unknown as Analysis;
  const drafts = { analyze: () => Promise.resolve(analysis), isOpen: () => true } as unknown as Drafts;
  const sent: PublishDiagnosticsParams[] = [];
  const connection = { sendDiagnostics: (params: PublishDiagnosticsParams) => Promise.resolve(void sent.push(params)) } as unknown as Connection;
  const log = { report: (where: string, error: unknown) => assert.fail(`${where}: ${String(error)}`) } as unknown as ErrorLog;
  const realSetTimeout = global.setTimeout;
  const realNow = Date.now;
  let delays: number[] = [];
  let clock: number[] = [];

  beforeEach(() => {
    delays = [];
    // Record the delay asked for; run nothing (the callback would publish: that is tested over stdio).
    global.setTimeout = ((_callback: () => void, ms?: number) => {
      delays.push(ms ?? 0);
      return realSetTimeout(() => undefined, 0);
    }) as typeof setTimeout;
    // Date.now() as the lint's start and end: each publish below "takes" a chosen time.
    Date.now = () => clock.shift() ?? 0;
  });
  afterEach(() => {
    global.setTimeout = realSetTimeout;
    Date.now = realNow;
  });

  it("waits twice the document's last lint, 200 ms before the first", async () => {
    const feature = new DiagnosticsFeature(connection, drafts, log, false, null);
    feature.schedule(uri);
    clock = [1000, 1042];
    await feature.publish(uri);
    feature.schedule(uri);
    clock = [2000, 2003];
    await feature.publish(uri);
    feature.schedule(uri);
    clock = [3000, 3500];
    await feature.publish(uri);
    feature.schedule(uri);
    feature.schedule(uri, 0);
    assert.deepEqual(delays, [200, 84, 15, 200, 0]);
    assert.ok(sent.length >= 3 && sent.every((params) => params.version === 2 && params.diagnostics.length > 0));
  });

  it("forgets a closed document's lint time, and a fixed debounceMs wins", async () => {
    const feature = new DiagnosticsFeature(connection, drafts, log, false, null);
    clock = [0, 30];
    await feature.publish(uri);
    feature.schedule(uri);
    feature.closed(uri);
    feature.schedule(uri);
    const fixed = new DiagnosticsFeature(connection, drafts, log, false, 20);
    clock = [0, 30];
    await fixed.publish(uri);
    fixed.schedule(uri);
    assert.deepEqual(delays, [60, 200, 20]);
  });
});

const PUSH_ONLY: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true },
  textDocument: { publishDiagnostics: { versionSupport: true } },
};

describe('language server: push diagnostics with the default (adaptive) debounce', function () {
  this.timeout(60_000);
  let client: TestClient;
  let root: string;

  before(() => buildServer());
  beforeEach(async () => {
    root = makeWorkspace();
    client = await TestClient.start({ root, capabilities: PUSH_ONLY, debounceMs: null });
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes each edited version, with the problem the edit made', async () => {
    const file = path.join(root, 'wuhan-five-nets.policy.md');
    const uri = uriOf(file);
    const opened = client.nextDiagnostics(uri, 1);
    await client.open(uri, fs.readFileSync(file, 'utf8'));
    const before = (await opened).diagnostics;
    assert.ok(!before.some((diagnostic) => diagnostic.range.start.line === 17), 'line 18 is blank in the seed');
    // A measure with no owner, after the fifth measure of the first net (line 17).
    const line16 = client.text(uri).split('\n')[16];
    assert.match(line16, /^5\. /u);
    const edited = client.nextDiagnostics(uri, 2);
    await client.change(uri, [{ range: { start: { line: 16, character: line16.length }, end: { line: 16, character: line16.length } }, text: '\n6. 建设社区应急物资储备点50个（完成时限：2021年底前）' }]);
    const after = (await edited).diagnostics;
    assert.ok(
      after.some((diagnostic) => diagnostic.code === 'missing-owner' && diagnostic.range.start.line === 17),
      'the new measure has no owner',
    );
    // Two more edits in a row: the last version is published, with the problem fixed.
    await client.change(uri, [{ range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } }, text: '' }]);
    const last = client.nextDiagnostics(uri, 4);
    const line17 = client.text(uri).split('\n')[17];
    await client.change(uri, [{ range: { start: { line: 17, character: line17.length - 1 }, end: { line: 17, character: line17.length - 1 } }, text: '；牵头单位：市应急管理局' }]);
    const fixed = (await last).diagnostics;
    assert.ok(!fixed.some((diagnostic) => diagnostic.code === 'missing-owner' && diagnostic.range.start.line === 17), 'the owner was added');
  });
});
