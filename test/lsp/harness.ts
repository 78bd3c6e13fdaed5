/**
 * A minimal LSP client for tests: spawns the bundled server (stdio or IPC), answers
 * workspace/configuration and client/registerCapability, records every notification, and
 * lets a test wait on an event (a publishDiagnostics for a version, a request from the
 * server) instead of sleeping.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { ClientCapabilities, InitializeResult, PublishDiagnosticsParams, Registration, ShowMessageParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'server', 'out', 'server.js');

export const uriOf = (file: string) => pathToFileURL(file).href;

export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'lsp', 'workspace');
export const SEED = path.join(REPO, 'seeds', 'wuhan-five-nets.policy.md');

let built = false;

/** Bundle the server once per test run (every LSP test file needs server/out/server.js). */
export function buildServer(): void {
  if (built) return;
  execFileSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: 'inherit' });
  built = true;
}

/** A copy of the fixture workspace (tests write config files into it) with the seed draft. */
export function makeWorkspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-lsp-')));
  fs.cpSync(FIXTURES, root, { recursive: true });
  fs.copyFileSync(SEED, path.join(root, 'wuhan-five-nets.policy.md'));
  return root;
}

export interface ClientOptions {
  /** Workspace folder (absolute path). */
  root: string;
  capabilities: ClientCapabilities;
  /** Answers workspace/configuration for a scope URI (the `fivenets` section). */
  settings?: (scopeUri: string | undefined) => unknown;
  locale?: string;
  /** The push debounce (default 20 ms); null: none given, so the server's own (pushDebounce). */
  debounceMs?: number | null;
  /** More initializationOptions (maxProblems). */
  initializationOptions?: Record<string, unknown>;
  transport?: 'stdio' | 'ipc';
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Something to wait for, with a message that says what never came. */
function withTimeout<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: Registration[] = [];
  readonly serverRequests: string[] = [];
  readonly documents = new Map<string, TextDocument>();
  stderr = '';
  initializeResult!: InitializeResult;
  private readonly diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly requestWaiters: Array<Waiter<string>> = [];

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
    readonly options: ClientOptions,
  ) {}

  static async start(options: ClientOptions): Promise<TestClient> {
    let child: ChildProcess;
    let connection: MessageConnection;
    if (options.transport === 'ipc') {
      child = fork(SERVER, ['--node-ipc'], { cwd: options.root, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env: { ...process.env, ...options.env } });
      connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
      if (!child.stdout || !child.stdin) throw new Error('no stdio');
      connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    }
    const client = new TestClient(child, connection, options);
    child.stderr?.on('data', (chunk: Buffer) => {
      client.stderr += chunk.toString();
    });
    client.listen();
    connection.listen();
    const folder = { uri: uriOf(options.root), name: path.basename(options.root) };
    client.initializeResult = await withTimeout(
      connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: folder.uri,
        workspaceFolders: [folder],
        capabilities: options.capabilities,
        locale: options.locale,
        initializationOptions: { ...(options.debounceMs === null ? {} : { debounceMs: options.debounceMs ?? 20 }), ...options.initializationOptions },
      }),
      'initialize',
    );
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(): void {
    const connection = this.connection;
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const waiter of [...this.diagnosticWaiters]) {
        if (!waiter.test(params)) continue;
        this.diagnosticWaiters.splice(this.diagnosticWaiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    const request = (method: string, answer: (params: unknown) => unknown) =>
      connection.onRequest(method, (params: unknown) => {
        this.serverRequests.push(method);
        for (const waiter of [...this.requestWaiters]) {
          if (!waiter.test(method)) continue;
          this.requestWaiters.splice(this.requestWaiters.indexOf(waiter), 1);
          waiter.resolve(method);
        }
        return answer(params);
      });
    request('workspace/configuration', (params) => {
      const items = (params as { items: Array<{ scopeUri?: string; section?: string }> }).items;
      return items.map((item) => (item.section === 'fivenets' && this.options.settings ? this.options.settings(item.scopeUri) : null));
    });
    request('client/registerCapability', (params) => {
      this.registrations.push(...(params as { registrations: Registration[] }).registrations);
      return null;
    });
    request('workspace/diagnostic/refresh', () => null);
    request('workspace/codeLens/refresh', () => null);
  }

  /** Resolves with the next publishDiagnostics for `uri` (and `version`, when given) from now on. */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    const promise = new Promise<PublishDiagnosticsParams>((resolve) => {
      this.diagnosticWaiters.push({ test: (params) => params.uri === uri && (version === undefined || params.version === version), resolve });
    });
    return withTimeout(promise, `diagnostics for ${path.basename(uri)}${version === undefined ? '' : ` v${version}`}`);
  }

  /** The diagnostics published for `uri` at `version`: already received, or the next ones. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    const seen = this.published.filter((params) => params.uri === uri && params.version === version);
    return seen.length > 0 ? Promise.resolve(seen[seen.length - 1]) : this.nextDiagnostics(uri, version);
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  /** Resolves when the server next sends the request `method`. */
  nextServerRequest(method: string): Promise<string> {
    const promise = new Promise<string>((resolve) => this.requestWaiters.push({ test: (name) => name === method, resolve }));
    return withTimeout(promise, `server request ${method}`);
  }

  /** Resolves once the server has sent the request `method` (maybe already). */
  serverRequested(method: string): Promise<string> {
    return this.serverRequests.includes(method) ? Promise.resolve(method) : this.nextServerRequest(method);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), method);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /** Send incremental changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  text(uri: string): string {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document.getText();
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', 3000);
      await this.connection.sendNotification('exit');
    } catch {
      // The process is killed below either way.
    }
    const exited = this.process.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    const timer = setTimeout(() => this.process.kill(), 2000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
