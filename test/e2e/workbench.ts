/**
 * Real VS Code for the end-to-end tests: code-server (VS Code 1.100, web build, installed by
 * scripts/e2e-setup.sh) with the packaged fivenets.vsix, driven in Debian's Chromium by
 * playwright-core. Every wait is on a DOM condition (or a file on disk), never a sleep;
 * every failed wait says what it saw last.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, removeOnExit, start, stop, waitForOutput } from './processes';

type Playwright = typeof import('playwright-core');
export type Browser = Awaited<ReturnType<Playwright['chromium']['launch']>>;
export type Page = Awaited<ReturnType<Browser['newPage']>>;
export type Locator = ReturnType<Page['locator']>;
export type Frame = ReturnType<Page['mainFrame']>;

export const REPO = path.resolve(__dirname, '..', '..');
export const SEED = path.join(REPO, 'seeds', 'wuhan-five-nets.policy.md');
export const VSIX = path.join(REPO, 'fivenets.vsix');
export const ARTIFACTS = path.join(__dirname, 'artifacts');
export const CACHE = process.env.FIVENETS_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'fivenets-e2e');
export const CODE_SERVER = path.join(CACHE, 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.FIVENETS_E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** How long one DOM condition may take on a busy 2-core machine. */
export const WAIT_MS = Number(process.env.FIVENETS_E2E_WAIT_MS ?? 60_000);

/** Fails with the setup command to run when the tools are missing, instead of skipping. */
export function assertInstalled(): void {
  const missing: string[] = [];
  if (!fs.existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  if (missing.length > 0) throw new Error(`missing ${missing.join(' and ')}: run scripts/e2e-setup.sh first (npm run test:e2e does)`);
  if (!fs.existsSync(VSIX)) throw new Error(`missing ${VSIX}: run npm run package first (npm run test:e2e does)`);
  const bundle = path.join(REPO, 'server', 'out', 'server.js');
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs > fs.statSync(VSIX).mtimeMs + 60_000) {
    console.warn(`      warning: ${path.basename(VSIX)} is older than server/out/server.js; run npm run package`);
  }
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface CliDiagnostic {
  rule: string;
  severity: string;
  /** 1-based line and UTF-16 column. */
  line: number;
  column: number;
  message: string;
  /** The LSP range: 0-based line, UTF-16 character. */
  range: LspRange;
  /** Edits with UTF-16 offsets into the text. */
  fix: Array<{ range: { start: number; end: number }; text: string }> | null;
}

/** The CLI's JSON report (the numbers the editor must show). */
export interface CliReport {
  files: Array<{ path: string; diagnostics: CliDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
}

export function cli(args: string[], cwd = REPO): string {
  try {
    return execFileSync(process.execPath, [path.join(REPO, 'server', 'out', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  } catch (error) {
    // `lint` exits 1 when it finds errors: its report is still on stdout.
    const failed = error as { status?: number; stdout?: string; stderr?: string };
    if (failed.status === 1 && failed.stdout) return failed.stdout;
    throw new Error(`fivenets ${args.join(' ')} failed (${failed.status}): ${failed.stderr ?? String(error)}`);
  }
}

export function lintJson(file: string, extra: string[] = []): CliReport {
  return JSON.parse(cli(['lint', '--format', 'json', ...extra, file])) as CliReport;
}

/** A fresh temp folder. */
export function tempDir(prefix: string): string {
  return removeOnExit(fs.mkdtempSync(path.join(os.tmpdir(), `fivenets-e2e-${prefix}-`)));
}

/** Polls `probe` until it returns a value that is not undefined; fails with `describe(last)`. */
export async function waitUntil<T>(probe: () => Promise<T | undefined> | T | undefined, describe: () => string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms: ${describe()}${lastError ? ` (last error: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** How many polls in a row must read the same content before a file counts as settled. */
const SETTLED_READS = 3;

/**
 * A file the editor may be writing, read once it has settled: the same content on
 * SETTLED_READS polls in a row (100 ms apart), and other than `differsFrom` when given. The
 * editor truncates a file, then writes it: a single read can see '' or half the text (the
 * Fix All test once read '' this way).
 */
export async function readSettled(file: string, differsFrom?: string): Promise<string> {
  let last: string | undefined;
  let same = 0;
  return waitUntil(
    () => {
      const now = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      same = now !== undefined && now === last ? same + 1 : 1;
      last = now;
      return now !== undefined && now !== differsFrom && same >= SETTLED_READS ? now : undefined;
    },
    () => `${path.basename(file)} to settle on disk${differsFrom === undefined ? '' : ' with new content'} (last read: ${last === undefined ? 'no file' : `${last.length} characters`})`,
  );
}

export interface CodeServerOptions {
  /** Short name for temp folders and artifacts. */
  name: string;
  /** The folder to open (a temp copy the test may change). */
  workspace: string;
  /** User settings.json. */
  settings: Record<string, unknown>;
}

/** code-server with its own user data, extensions and config folders, in its own process group. */
export class CodeServer {
  url = '';

  private constructor(
    readonly userDataDir: string,
    private readonly home: string,
    private readonly process: ChildProcess,
    private readonly log: fs.WriteStream,
  ) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const home = tempDir(options.name);
    const userDataDir = path.join(home, 'user-data');
    const extensionsDir = path.join(home, 'extensions');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
    // code-server writes its own config.yaml under XDG_CONFIG_HOME: keep it out of $HOME.
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
    const common = ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir];
    try {
      execFileSync(CODE_SERVER, ['--install-extension', VSIX, ...common], { env, stdio: 'pipe', timeout: 120_000 });
    } catch (error) {
      fs.rmSync(home, { recursive: true, force: true });
      const failed = error as { stderr?: Buffer; message: string };
      throw new Error(`code-server --install-extension ${VSIX} failed: ${failed.stderr?.toString() || failed.message}`);
    }

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const log = fs.createWriteStream(path.join(ARTIFACTS, `${options.name}-code-server.log`));
    const port = await freePort();
    const child = start(CODE_SERVER, ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', ...common, options.workspace], { env });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const server = new CodeServer(userDataDir, home, child, log);
    try {
      await waitForOutput(child, /HTTP server listening on (http:\/\/\S+)/, 'code-server to listen');
    } catch (error) {
      await server.stop();
      throw error;
    }
    server.url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(options.workspace)}`;
    return server;
  }

  /** Copies VS Code's logs (extension host, the Five Nets output channel) into the artifacts. */
  saveLogs(name: string): void {
    const logs = path.join(this.userDataDir, 'logs');
    const target = path.join(ARTIFACTS, `${name}-logs`);
    fs.rmSync(target, { recursive: true, force: true });
    if (fs.existsSync(logs)) fs.cpSync(logs, target, { recursive: true });
  }

  /** code-server's own process: the extension host and the language server run under it. */
  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** The extension's output channel ("Five Nets"), as VS Code has written it so far. */
  extensionLog(): string {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === 'Five Nets.log') found.push(full);
      }
    };
    const logs = path.join(this.userDataDir, 'logs');
    if (fs.existsSync(logs)) walk(logs);
    return found.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  }

  async stop(): Promise<void> {
    await stop(this.process);
    this.log.end();
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}

/** Chromium with its config and cache (crash reports) in `home`, not in $HOME. */
export async function launchBrowser(home: string): Promise<Browser> {
  const { chromium } = require('playwright-core') as Playwright;
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(home, 'browser-config'), XDG_CACHE_HOME: path.join(home, 'browser-cache') };
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env });
}

/** Runs a function (given as source, since this project compiles without DOM types) in the page. */
function inPage<T>(page: Page, source: string, arg: unknown): Promise<T> {
  return page.evaluate<T>(`(${source})(${JSON.stringify(arg)})`);
}

/**
 * Browser-side: the centre of `text` (its middle character) in an editor's rendered lines,
 * or null when no rendered line holds it. Monaco splits a line into token spans and
 * renders spaces as U+00A0, so the line's text nodes are joined first.
 */
const FIND_TEXT = `function ({ editor, text }) {
  const root = editor ? document.querySelector('.monaco-editor[data-uri$="' + editor + '"]') : document.querySelector('.editor-instance .monaco-editor');
  if (!root) return null;
  for (const line of root.querySelectorAll('.view-lines .view-line')) {
    const nodes = [];
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let joined = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: joined.length });
      joined += node.data.replace(/\\u00a0/g, ' ');
    }
    const index = joined.indexOf(text);
    if (index < 0) continue;
    const middle = index + Math.floor(text.length / 2);
    const hit = nodes.filter((entry) => entry.start <= middle).pop();
    const range = document.createRange();
    range.setStart(hit.node, middle - hit.start);
    range.setEnd(hit.node, middle - hit.start + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}`;

/** The VS Code workbench in one browser page. */
export class Workbench {
  private step = 0;
  readonly console: string[] = [];

  constructor(
    readonly page: Page,
    readonly name: string,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') this.console.push(`[${message.type()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => this.console.push(`[pageerror] ${error.message}`));
  }

  static async open(browser: Browser, server: CodeServer, name: string, trust: boolean): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const workbench = new Workbench(page, name);
    await page.goto(server.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT_MS * 2 });
    // A folder opened for the first time asks whether to trust its authors.
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'trust the authors' });
    await dialog.waitFor({ timeout: WAIT_MS * 2 });
    await workbench.screenshot('trust-dialog');
    await dialog.getByRole('button', { name: trust ? 'Yes, I trust the authors' : "No, I don't trust the authors" }).click();
    await dialog.waitFor({ state: 'detached' });
    const restricted = page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' });
    if (!trust) await restricted.waitFor();
    return workbench;
  }

  /** A numbered screenshot in the artifacts folder. */
  async screenshot(label: string): Promise<string> {
    this.step++;
    const file = path.join(ARTIFACTS, `${this.name}-${String(this.step).padStart(2, '0')}-${label}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  saveConsole(): void {
    fs.writeFileSync(path.join(ARTIFACTS, `${this.name}-browser-console.log`), this.console.join('\n') + '\n');
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Runs a command from the command palette by its exact title ("Five Nets: Fix All").
   * `opensQuickInput`: the command shows a quick input of its own (a file picker), so the
   * palette's widget stays open.
   */
  async runCommand(title: string, opensQuickInput = false): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.quickInput()
      .locator('.monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) });
    await row.first().waitFor({ timeout: WAIT_MS });
    await row.first().click();
    if (!opensQuickInput) await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open and waits for its editor. */
  async openFile(name: string): Promise<Locator> {
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.fill(name);
    // Enter opens the focused row: wait until the filtered list has put the file there (the
    // unfiltered list of recent files may show it too, below the file open now).
    const row = this.quickInput()
      .locator('.monaco-list-row.focused')
      .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
    await row.first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
    const editor = this.editor(name);
    await editor.locator('.view-lines .view-line').first().waitFor();
    await editor.click({ position: { x: 200, y: 10 } }).catch(() => undefined);
    return editor;
  }

  /**
   * Opens a draft and waits until VS Code shows what `fivenets lint` reported for it: squiggles,
   * the same number of problems in the Problems view, and the errors and warnings in the status bar.
   */
  async showsLintOf(name: string, report: CliReport): Promise<Locator> {
    const expected = report.files[0].diagnostics.length;
    const editor = await this.openFile(name);
    await editor.locator('.squiggly-error').first().waitFor({ timeout: WAIT_MS });
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    let shown: number | null = null;
    await waitUntil(
      async () => ((shown = await this.problemsCount(name)) === expected ? true : undefined),
      () => `the Problems view to count ${expected} problems in ${name} (it shows ${shown})`,
    );
    // The status bar's problem counts cover the whole workspace: only the draft has any.
    const label = (await this.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
    assert.match(label, new RegExp(`Errors: ${report.summary.errors}\\b`), label);
    assert.match(label, new RegExp(`Warnings: ${report.summary.warnings}\\b`), label);
    return editor;
  }

  /** The editor showing a file (Monaco tags its DOM node with the model URI). */
  editor(name: string): Locator {
    return this.page.locator(`.editor-instance .monaco-editor[data-uri$="/${encodeURIComponent(name)}"]`);
  }

  /** The editor tab of a file while it has unsaved changes. */
  dirtyTab(name: string): Locator {
    return this.page.locator(`.tab.dirty[data-resource-name="${name}"]`);
  }

  /** Moves the cursor with Go to Line (1-based line and column). */
  async goTo(line: number, column = 1): Promise<void> {
    // Quick Open with ':' is Go to Line, whichever part of the workbench has focus.
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput().locator('input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.quickInput()
      .locator('.monaco-list-row, .quick-input-message')
      .filter({ hasText: `${line}` })
      .first()
      .waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden' });
  }

  /** Hovers the mouse over `text` in the editor of `file` and returns the hover widget once it shows `expected`. */
  async hover(file: string, text: string, expected: RegExp | string): Promise<Locator> {
    const widget = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').filter({ hasText: expected });
    let lastText = '';
    await waitUntil(
      async () => {
        const point = await inPage<{ x: number; y: number } | null>(this.page, FIND_TEXT, { editor: `/${encodeURIComponent(file)}`, text });
        if (!point) return undefined;
        // Move away and back: a hover starts on mouse movement over the word.
        await this.page.mouse.move(point.x, point.y - 40);
        await this.page.mouse.move(point.x, point.y, { steps: 4 });
        try {
          await widget.first().waitFor({ timeout: 5_000 });
          return true;
        } catch {
          lastText = (await this.page.locator('.monaco-hover:not(.hidden)').allTextContents()).join(' | ');
          return undefined;
        }
      },
      () => `a hover over "${text}" showing ${String(expected)}; hover text seen: "${lastText}"`,
    );
    return widget.first();
  }

  /** The status bar item whose text matches. */
  statusItem(text: RegExp | string): Locator {
    return this.page.locator('.statusbar-item').filter({ hasText: text });
  }

  /**
   * The frame of a webview whose page has an element matching `selector`. code-server puts
   * each webview in two nested iframes (VS Code's host page, then the extension's content
   * in its active frame); this looks through every frame of the page for the content.
   */
  async webviewFrame(selector: string, what: string): Promise<Frame> {
    let frames = 0;
    return waitUntil(
      async () => {
        const all = this.page.frames();
        frames = all.length;
        for (const frame of all) {
          if (frame === this.page.mainFrame() || frame.isDetached()) continue;
          if (
            (await frame
              .locator(selector)
              .count()
              .catch(() => 0)) > 0
          )
            return frame;
        }
        return undefined;
      },
      () => `a webview showing ${what} (${selector}) among the page's ${frames} frames`,
    );
  }

  /** The cursor's line in the active editor, from the status bar ("Ln 13, Col 1"), or null. */
  async cursorLine(): Promise<number | null> {
    const item = this.page.locator('[id="status.editor.selection"]');
    if (!(await item.isVisible())) return null;
    const match = /Ln (\d+)/.exec((await item.textContent()) ?? '');
    return match ? Number(match[1]) : null;
  }

  /** Opens the Problems panel and returns the count badge of a file's row. */
  async problemsCount(file: string): Promise<number | null> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)').catch(async () => this.page.keyboard.press('Control+Shift+M'));
      await panel.waitFor();
    }
    const row = panel.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: file });
    if ((await row.count()) === 0) {
      // The tree renders only the rows in view: a file below another file's problems has no
      // row in the DOM. Collapsed, every file is one row. (A dispatched click runs the action
      // without moving the focus from the editor, where the test may type next.)
      if ((await panel.locator('.monaco-list-row[aria-level="2"]').count()) === 0) return null;
      await this.page.locator('.part.panel .action-label[aria-label="Collapse All"]').filter({ visible: true }).first().dispatchEvent('click');
      await panel.locator('.monaco-list-row[aria-level="2"]').first().waitFor({ state: 'detached' });
      if ((await row.count()) === 0) return null;
    }
    const badge = (await row.first().locator('.monaco-count-badge').textContent()) ?? '';
    return /^\d+$/.test(badge.trim()) ? Number(badge.trim()) : null;
  }

  /** Saves the active editor and waits until the file on disk differs from `before` and has settled. */
  async saveAndRead(file: string, before: string): Promise<string> {
    await this.page.keyboard.press('Control+S');
    return readSettled(file, before);
  }

  /**
   * Opens a file from the explorer (`a/b.md`: folder rows are expanded on the way). Quick Open
   * does not find a file created while the session runs (its file search answers "No matching
   * results"), while the explorer shows it.
   */
  async openFromExplorer(relative: string): Promise<Locator> {
    await this.runCommand('File: Focus on Files Explorer');
    const header = this.page
      .locator('.pane-header')
      .filter({ hasText: /^drafts/i })
      .first();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const parts = relative.split('/');
    for (const [index, part] of parts.entries()) {
      const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-level="${index + 1}"]`).filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(part)}$`) }) });
      await row.first().waitFor({ timeout: WAIT_MS });
      if (index < parts.length - 1 && (await row.first().getAttribute('aria-expanded')) === 'true') continue;
      await row.first().click();
    }
    const name = parts[parts.length - 1];
    const editor = this.editor(name);
    await editor.locator('.view-lines .view-line').first().waitFor();
    await editor.click({ position: { x: 200, y: 10 } }).catch(() => undefined);
    return editor;
  }

  /** The selection in the status bar (`Ln 17, Col 37 (5 selected)`) once it shows `selected` characters selected. */
  async waitForSelection(selected: number): Promise<void> {
    const item = this.page.locator('[id="status.editor.selection"]');
    await item.filter({ hasText: `(${selected} selected)` }).waitFor({ timeout: WAIT_MS });
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function copyFixture(from: string, workspace: string, as = path.basename(from)): string {
  const to = path.join(workspace, as);
  fs.copyFileSync(from, to);
  return to;
}

/** Settings for every run: a quiet workbench that behaves like desktop VS Code. */
export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  // VS Code for the web saves after a delay by default; desktop does not. Saves are explicit here.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'outline.collapseItems': 'alwaysCollapse',
  // No fade-ins: a screenshot shows the hover as the user reads it.
  'workbench.reduceMotion': 'on',
};

export interface Session {
  workspace: string;
  workbench: Workbench;
  server: CodeServer;
}

/**
 * Mocha hooks for one VS Code session: a temp workspace holding `files` (name -> source
 * file), code-server with the packaged extension, a browser page that answered the
 * workspace-trust dialog. A failed test leaves a screenshot; the logs are kept; every
 * process is stopped and the temp folders removed, whatever happened.
 */
export function useVsCode(options: { name: string; trust: boolean; settings: Record<string, unknown>; files: Record<string, string> }): Session {
  const session = {} as Session;
  let home = '';
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(async function () {
    this.timeout(WAIT_MS * 4);
    assertInstalled();
    // This session's screenshots from an earlier run would mix with the new numbering.
    if (fs.existsSync(ARTIFACTS)) {
      for (const file of fs.readdirSync(ARTIFACTS)) if (file.startsWith(`${options.name}-`) && file.endsWith('.png')) fs.rmSync(path.join(ARTIFACTS, file));
    }
    home = tempDir(`${options.name}-ws`);
    // A plain folder name: it shows in the title bar and the explorer of the screenshots.
    session.workspace = path.join(home, 'drafts');
    fs.mkdirSync(session.workspace);
    for (const [name, from] of Object.entries(options.files)) copyFixture(from, session.workspace, name);
    server = await CodeServer.start({ name: options.name, workspace: session.workspace, settings: { ...BASE_SETTINGS, ...options.settings } });
    session.server = server;
    browser = await launchBrowser(home);
    session.workbench = await Workbench.open(browser, server, options.name, options.trust);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state === 'failed' && session.workbench) {
      await session.workbench.screenshot(`FAILED-${test.title.replace(/[^\w\u4e00-\u9fff]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(60_000);
    session.workbench?.saveConsole();
    await browser?.close().catch(() => undefined);
    server?.saveLogs(options.name);
    await server?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  return session;
}
