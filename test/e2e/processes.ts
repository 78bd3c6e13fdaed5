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
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`the process exited (code ${code}, signal ${signal}) before ${what}; output:\n${seen.slice(-2000)}`));
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
