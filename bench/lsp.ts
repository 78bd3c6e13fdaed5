/** Language-server measurements over stdio: edit-to-diagnostics latency, hover, completion, memory, start-up. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { prng } from './generate';

const root = path.resolve(__dirname, '..');
const serverScript = path.join(root, 'server/out/server.js');

export interface Server {
  process: ChildProcess;
  connection: MessageConnection;
  diagnostics: Map<string, Array<{ version: number | undefined; resolve: () => void }>>;
  close(): Promise<void>;
}

export async function startServer(workspace: string, pull: boolean, script = serverScript, nodeArgs: string[] = [], initializationOptions?: Record<string, unknown>): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, script, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnostics = new Map<string, Array<{ version: number | undefined; resolve: () => void }>>();
  connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
    const waiters = diagnostics.get(params.uri) ?? [];
    diagnostics.set(
      params.uri,
      waiters.filter((waiter) => {
        if (waiter.version === undefined || waiter.version === params.version) {
          waiter.resolve();
          return false;
        }
        return true;
      }),
    );
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
    initializationOptions,
    capabilities: {
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true } },
        publishDiagnostics: { versionSupport: true },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      workspace: { configuration: true, workspaceFolders: true },
    },
  });
  await connection.sendNotification('initialized', {});
  return {
    process: child,
    connection,
    diagnostics,
    async close() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        // already gone
      }
      connection.dispose();
      // Give the server a moment to exit by itself (a --cpu-prof profile is written at exit).
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      child.kill();
    },
  };
}

export function waitForDiagnostics(server: Server, uri: string, version?: number): Promise<void> {
  return new Promise((resolve) => {
    const waiters = server.diagnostics.get(uri) ?? [];
    waiters.push({ version, resolve });
    server.diagnostics.set(uri, waiters);
  });
}

function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Insert an 'x' at a random place (never inside a surrogate pair): the edited text and where. */
function randomInsertion(random: () => number, text: string): { position: { line: number; character: number }; text: string } {
  const offset = Math.floor(random() * text.length);
  const at = offset > 0 && /[\udc00-\udfff]/u.test(text[offset] ?? '') ? offset - 1 : offset;
  return { position: positionAt(text, at), text: text.slice(0, at) + 'x' + text.slice(at) };
}

export interface EditFigures {
  chars: number;
  editP50: number;
  editP95: number;
  hoverP95: number;
  completionP95: number;
  rssMb: number;
}

/** Which server bundle to measure (another build, to compare), the node flags to run it with (--cpu-prof) and its initializationOptions. */
export interface ServerChoice {
  script?: string;
  nodeArgs?: string[];
  /** e.g. { maxProblems: 0 } to receive every diagnostic. */
  initializationOptions?: Record<string, unknown>;
}

/** Run `work` against a server of `choice` with a workspace holding `text` as its one draft; clean up after. */
async function withDraftServer<T>(text: string, pull: boolean, choice: ServerChoice, work: (server: Server, uri: string) => Promise<T>): Promise<T> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-bench-'));
  const file = path.join(workspace, 'draft.policy.md');
  fs.writeFileSync(file, text);
  const server = await startServer(workspace, pull, choice.script, choice.nodeArgs, choice.initializationOptions);
  try {
    return await work(server, pathToFileURL(file).href);
  } finally {
    await server.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Open a draft, make `edits` single-character edits at random places, time each until its diagnostics. */
export async function measureEdits(text: string, edits: number, seed: number, choice: ServerChoice = {}): Promise<EditFigures> {
  return withDraftServer(text, true, choice, async (server, uri) => {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const random = prng(seed);
    let current = text;
    const editTimes: number[] = [];
    for (let i = 0; i < edits; i++) {
      const { position, text: edited } = randomInsertion(random, current);
      current = edited;
      const started = process.hrtime.bigint();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
      });
      await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      editTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const timeRequests = async (method: string, count: number) => {
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const position = positionAt(current, Math.floor(random() * current.length));
        const started = process.hrtime.bigint();
        await server.connection.sendRequest(method, { textDocument: { uri }, position });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return times;
    };
    const hover = await timeRequests('textDocument/hover', 100);
    const completion = await timeRequests('textDocument/completion', 100);
    const rss = rssMegabytes(server.process.pid ?? 0);
    return {
      chars: text.length,
      editP50: percentile(editTimes, 50),
      editP95: percentile(editTimes, 95),
      hoverP95: percentile(hover, 95),
      completionP95: percentile(completion, 95),
      rssMb: rss,
    };
  });
}

export interface PushFigures {
  chars: number;
  edits: number;
  publishP50: number;
  publishP95: number;
  rssMb: number;
}

/**
 * A push-only client (no pull capability, like Neovim 0.7): open a draft, make `edits`
 * single-character edits at random places and time each from didChange to the
 * publishDiagnostics of its version, debounce included.
 */
export async function measurePushEdits(text: string, edits: number, seed: number, choice: ServerChoice = {}): Promise<PushFigures> {
  return withDraftServer(text, false, choice, async (server, uri) => {
    const opened = waitForDiagnostics(server, uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await opened;
    const random = prng(seed);
    let current = text;
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const { position, text: edited } = randomInsertion(random, current);
      current = edited;
      const version = i + 2;
      const published = waitForDiagnostics(server, uri, version);
      const started = process.hrtime.bigint();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: position, end: position }, text: 'x' }],
      });
      await published;
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { chars: text.length, edits, publishP50: percentile(times, 50), publishP95: percentile(times, 95), rssMb: rssMegabytes(server.process.pid ?? 0) };
  });
}

/** From spawning the server to the first diagnostics of the sample draft (push mode). */
export async function measureStartup(): Promise<number> {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-bench-'));
  const file = path.join(workspace, 'wuhan-five-nets.policy.md');
  fs.copyFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), file);
  const uri = pathToFileURL(file).href;
  const started = process.hrtime.bigint();
  const server = await startServer(workspace, false);
  try {
    const ready = waitForDiagnostics(server, uri);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') } });
    await ready;
    return Number(process.hrtime.bigint() - started) / 1e6;
  } finally {
    await server.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

export function serverAvailable(): boolean {
  return fs.existsSync(serverScript);
}
