/**
 * Reliability round 2 (issue 12), the language server's part, over stdio: a repository's
 * settings and configs cannot make the server crawl the disk, hang on a glob or a FIFO, and a
 * client that leaves out `capabilities` still gets answers. docs/reliability.md points here.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, DocumentSymbol, InitializeResult, SymbolInformation } from 'vscode-languageserver/node';
import { REPO, SERVER, TestClient, buildServer, uriOf } from './harness';

const CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: { publishDiagnostics: { versionSupport: true } },
};

const DRAFT = '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：市卫健委；完成时限：2030年10月底前）\n';
/** A draft by its front matter wherever it is (include globs or not). */
const SECRET = '---\nschema: five-nets\n---\n## 公共卫生防护网\n\n1. 机密措施100项（牵头单位：市机密局；完成时限：2030年10月底前）\n';

/** Resolves with the promise's value, or rejects after `ms` (a hang is a failure, not a stuck suite). */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

describe('language server: reliability round 2', function () {
  this.timeout(60_000);
  let outer: string;
  let root: string;
  let client: TestClient | undefined;

  before(() => buildServer());
  beforeEach(() => {
    outer = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-lsp-rel-')));
    root = path.join(outer, 'ws');
    fs.mkdirSync(path.join(root, 'policies'), { recursive: true });
    fs.writeFileSync(path.join(root, 'policies', 'own.md'), DRAFT);
  });
  afterEach(async () => {
    // A server stuck in a glob does not answer shutdown: stop() kills it.
    await client?.stop();
    client = undefined;
    fs.rmSync(outer, { recursive: true, force: true });
  });

  describe('7. a glob from a repository cannot hang the server', () => {
    it('fivenets.include "*a*a*…*b" against a 60-character name: refused, workspace/symbol answers', async () => {
      fs.writeFileSync(path.join(root, `${'a'.repeat(60)}.md`), DRAFT);
      client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({ include: ['*a*a*a*a*a*a*a*a*a*a*a*a*b', 'policies/**/*.md'] }) });
      const symbols = await within(client.request<SymbolInformation[]>('workspace/symbol', { query: '发热门诊' }), 'workspace/symbol');
      assert.deepEqual(
        symbols.map((symbol) => path.basename(new URL(symbol.location.uri).pathname)),
        ['own.md'],
        'the safe glob still works',
      );
    });

    it('package.json keeps fivenets.include (and maxFileSize) out of Restricted Mode', () => {
      const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
      const untrusted = manifest.capabilities.untrustedWorkspaces;
      assert.equal(untrusted.supported, 'limited');
      assert.deepEqual(untrusted.restrictedConfigurations, ['fivenets.include', 'fivenets.maxFileSize']);
      assert.match(untrusted.description, /^%.+%$/u);
    });
  });

  describe('8. workspace symbols stay in the workspace folders', () => {
    it('include globs that leave the folder (../*.md, an absolute path) list nothing outside it', async () => {
      fs.writeFileSync(path.join(outer, 'secret.md'), SECRET);
      client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({ include: ['../*.md', `${outer}/*.md`, 'policies/**/*.md'] }) });
      const secret = await within(client.request<SymbolInformation[]>('workspace/symbol', { query: '机密' }), 'workspace/symbol');
      assert.deepEqual(secret, []);
      const own = await within(client.request<SymbolInformation[]>('workspace/symbol', { query: '发热门诊' }), 'workspace/symbol');
      assert.equal(own.length, 1);
    });

    it('a directory link out of the folder is not crawled', async () => {
      fs.mkdirSync(path.join(outer, 'elsewhere'));
      fs.writeFileSync(path.join(outer, 'elsewhere', 'x.md'), SECRET);
      fs.symlinkSync(path.join(outer, 'elsewhere'), path.join(root, 'policies', 'linked'));
      client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({ include: ['policies/**/*.md'] }) });
      assert.deepEqual(await within(client.request<SymbolInformation[]>('workspace/symbol', { query: '机密' }), 'workspace/symbol'), []);
    });
  });

  describe('5. a config or schema that is a device or FIFO is a diagnostic on the config, not a hang', () => {
    it('a schema that is a FIFO in the workspace: one diagnostic on the config, the draft linted with the defaults', async function () {
      if (spawnSync('mkfifo', [path.join(root, 'fifo.yaml')]).status !== 0) this.skip();
      fs.writeFileSync(path.join(root, '.fivenets.yaml'), 'schema: ./fifo.yaml\n');
      client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({}) });
      // A problem inside the schema file is published on the schema file.
      const onSchema = client.nextDiagnostics(uriOf(path.join(root, 'fifo.yaml')));
      const draft = uriOf(path.join(root, 'policies', 'own.md'));
      const linted = client.nextDiagnostics(draft);
      await client.open(draft, DRAFT);
      assert.deepEqual(
        (await onSchema).diagnostics.map((diagnostic) => diagnostic.message),
        ['not a regular file (a device, pipe or socket)'],
      );
      assert.ok((await linted).diagnostics.length > 0);
    });

    it('a schema linked to /dev/zero is refused before it is opened', async function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      fs.symlinkSync('/dev/zero', path.join(root, 'zero.yaml'));
      fs.writeFileSync(path.join(root, '.fivenets.yaml'), 'schema: ./zero.yaml\n');
      client = await TestClient.start({ root, capabilities: CLIENT, settings: () => ({}) });
      const config = uriOf(path.join(root, '.fivenets.yaml'));
      const onConfig = client.nextDiagnostics(config);
      await client.open(uriOf(path.join(root, 'policies', 'own.md')), DRAFT);
      assert.deepEqual(
        (await onConfig).diagnostics.map((diagnostic) => diagnostic.message),
        ['schema path ./zero.yaml is outside the workspace'],
      );
    });
  });

  describe('19. initialize without capabilities', () => {
    it('answers initialize and then every request as usual', async () => {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
      connection.onRequest(() => null);
      connection.listen();
      try {
        const result = await within(connection.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null }), 'initialize');
        assert.equal(result.capabilities.hoverProvider, true);
        assert.equal(result.capabilities.documentSymbolProvider, true);
        await connection.sendNotification('initialized', {});
        const uri = uriOf(path.join(root, 'policies', 'own.md'));
        // Front matter makes it a draft without a workspace folder's include globs.
        const text = `---\nschema: five-nets\n---\n${DRAFT}`;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        const symbols = await within(connection.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } }), 'documentSymbol');
        assert.ok(Array.isArray(symbols) && symbols.length > 0, JSON.stringify(symbols));
      } finally {
        connection.dispose();
        child.kill();
      }
    });
  });
});
