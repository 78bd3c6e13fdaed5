/**
 * Every process an end-to-end test starts (code-server and what it forks, nvim) runs in
 * its own process group, and is stopped here: by the test's `after` hook, and as a last
 * resort when mocha exits or is interrupted, so a failing or aborted run leaves nothing
 * behind (temp folders included). Chromium is started by playwright-core, which closes it the same way.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

const running = new Set<ChildProcess>();
const folders = new Set<string>();

/** Removes a temp folder when mocha exits, if the test did not remove it already. */
export function removeOnExit(folder: string): string {
  folders.add(folder);
  return folder;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Starts a command in a new process group (detached), remembered until it is stopped. */
export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true });
  running.add(child);
  child.once('exit', () => {
    // The leader is gone; its children (an extension host, a language server) may not be.
    signalGroup(child, 'SIGKILL');
    running.delete(child);
  });
  return child;
}

/** Stops a process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!running.has(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([exited, killed]);
  clearTimeout(timer);
  await exited;
  signalGroup(child, 'SIGKILL');
}

function killAllNow(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  folders.clear();
}

process.once('exit', killAllNow);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllNow();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves when `output` has printed text matching `pattern` (rejects if the process exits first). */
export function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 60_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; output so far:\n${seen.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = seen.match(pattern);
      if (match) finish(null, match);
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`the process exited (code ${code}, signal ${signal}) before ${what}; output:\n${seen.slice(-2000)}`));
    function finish(error: Error | null, match?: RegExpMatchArray): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(match as RegExpMatchArray);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves with the exit code when the process exits; rejects after `timeoutMs`. */
export function waitForExit(child: ChildProcess, what: string, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} to exit`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

interface ProcInfo {
  pid: number;
  ppid: number;
  state: string;
  command: string;
}

/** Every process on the machine, from /proc (Linux): pid, parent, state and command line. */
function processTable(): ProcInfo[] {
  const table: ProcInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      table.push({ pid: Number(entry), ppid: Number(fields[1]), state: fields[0], command });
    } catch {
      // The process exited while the table was read.
    }
  }
  return table;
}

/**
 * The live (not zombie) descendants of `root` whose command line contains `text`: say, the
 * language server (`server/out/server.js`) that code-server's extension host forked. Looking
 * only under our own code-server keeps other sessions on the machine out of it.
 */
export function descendantsMatching(root: number, text: string): Array<{ pid: number; command: string }> {
  const table = processTable();
  const children = new Map<number, ProcInfo[]>();
  for (const info of table) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const found: Array<{ pid: number; command: string }> = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const info = queue.shift() as ProcInfo;
    if (info.state !== 'Z' && info.command.includes(text)) found.push({ pid: info.pid, command: info.command });
    queue.push(...(children.get(info.pid) ?? []));
  }
  return found;
}

/** True while `pid` is a running process (a zombie waiting for its parent counts as gone). */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}
