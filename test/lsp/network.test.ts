/**
 * The language server makes no network requests: it runs with a preload that records (and
 * refuses) every attempt to open a socket, resolve a name or fetch, while it serves the
 * sample draft: diagnostics, hover, completion, code actions, symbols and the overview.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildServer, makeWorkspace, REPO, TestClient, uriOf } from './harness';

const PRELOAD = `
const fs = require('fs');
const log = process.env.FIVENETS_NETWORK_LOG;
const record = (what) => { fs.appendFileSync(log, what + '\\n'); throw new Error('network access refused in test: ' + what); };
const net = require('net'); const http = require('http'); const https = require('https'); const dns = require('dns'); const tls = require('tls');
net.Socket.prototype.connect = function () { record('net.Socket.connect'); };
net.connect = net.createConnection = () => record('net.connect');
tls.connect = () => record('tls.connect');
http.request = http.get = () => record('http.request');
https.request = https.get = () => record('https.request');
dns.lookup = dns.resolve = () => record('dns');
dns.promises.lookup = dns.promises.resolve = async () => record('dns.promises');
globalThis.fetch = async () => record('fetch');
`;

describe('the language server makes no network requests', function () {
  this.timeout(120_000);
  let dir: string;
  let log: string;
  let preload: string;

  before(() => {
    buildServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-network-'));
    log = path.join(dir, 'network.log');
    preload = path.join(dir, 'preload.cjs');
    fs.writeFileSync(preload, PRELOAD);
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the preload catches an attempt (so the check below can fail)', () => {
    execFileSync(process.execPath, ['-e', "try { require('http').get('http://127.0.0.1:9') } catch {}"], {
      env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, FIVENETS_NETWORK_LOG: log },
    });
    assert.match(fs.readFileSync(log, 'utf8'), /http\.request/u);
    fs.rmSync(log);
  });

  it('serves the sample draft without touching the network', async () => {
    const root = makeWorkspace();
    const client = await TestClient.start({
      root,
      capabilities: { workspace: { configuration: true, workspaceFolders: true, symbol: {} }, textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, completion: {} } },
      settings: () => ({}),
      env: { NODE_OPTIONS: `--require ${preload}`, FIVENETS_NETWORK_LOG: log },
    });
    try {
      const file = path.join(root, 'wuhan-five-nets.policy.md');
      fs.copyFileSync(path.join(REPO, 'seeds/wuhan-five-nets.policy.md'), file);
      const uri = uriOf(file);
      const text = fs.readFileSync(file, 'utf8');
      const published = client.nextDiagnostics(uri);
      await client.open(uri, text);
      const diagnostics = (await published).diagnostics;
      assert.ok(diagnostics.length > 10);
      const line = text.split('\n').findIndex((row) => row.includes('双报到'));
      const position = { line, character: text.split('\n')[line].indexOf('双报到') + 1 };
      assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position }));
      await client.request('textDocument/completion', { textDocument: { uri }, position });
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('workspace/symbol', { query: '市卫健委' });
      await client.request('fivenets/overview', { today: '2020-10-15', nonce: 'abcdefghijklmnop1234' });
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
    assert.equal(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '', '', 'network attempts');
  });
});
