/**
 * `fivenets/overview`: the policy overview of `fivenets report` for the workspace's
 * drafts, for a webview. Open drafts count with their current (maybe unsaved) text,
 * untitled ones included; drafts on disk come from WorkspaceDrafts. Each draft is shown by
 * its path relative to its workspace folder and mapped back to its URI in `files`, so the
 * client never rebuilds a URI from a path.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { LintOptions, Locale } from '../engine';
import { buildReport, renderHtml, type ReportData } from '../report';
import { uriToPath, type DiskConfig } from './diskConfig';
import { today as localToday, type Drafts } from './drafts';
import type { SettingsStore } from './settings';
import type { DraftsOnDisk } from './draftsOnDisk';
import { OverviewRequest, type OverviewParams, type OverviewResult } from '../../../shared/protocol';

interface Source {
  /** What the page shows and puts in `data-file`. */
  path: string;
  uri: string;
  text: string;
  options: LintOptions;
  locale: Locale;
  /** The analysis or disk draft it comes from: the same object while the draft is unchanged. */
  origin: object;
}

/** The last report built, reused while no draft changed (a panel shown again, a non-draft edited). */
interface Built {
  today: string;
  locale: Locale | null;
  sources: Source[];
  data: ReportData;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const NONCE = /^[A-Za-z0-9+/=_-]{16,256}$/u;

function invalid(message: string): never {
  throw new ResponseError(ErrorCodes.InvalidParams, message);
}

function checkToday(value: unknown): string {
  if (value === undefined || value === null) return localToday();
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) invalid(`today must be a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value as string;
}

function checkNonce(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !NONCE.test(value)) invalid('nonce must be 16 to 256 letters, digits or + / = _ -');
  return value;
}

export class OverviewFeature {
  private last: Built | null = null;

  constructor(
    private readonly drafts: Drafts,
    private readonly disk: DiskConfig,
    private readonly workspace: DraftsOnDisk,
    private readonly settings: SettingsStore,
  ) {}

  async render(params: OverviewParams | null | undefined, token?: CancellationToken): Promise<OverviewResult> {
    const today = checkToday(params?.today);
    const nonce = checkNonce(params?.nonce);
    const sources = await this.sources(token);
    const files: Record<string, string> = {};
    for (const source of sources) files[source.path] = source.uri;
    const locale = sources[0]?.locale ?? (await this.workspaceLocale());
    const last = this.last;
    const unchanged =
      last !== null &&
      last.today === today &&
      last.locale === locale &&
      last.sources.length === sources.length &&
      last.sources.every((source, index) => source.path === sources[index].path && source.origin === sources[index].origin);
    const data = unchanged
      ? last.data
      : buildReport(
          sources.map((source) => ({ path: source.path, text: source.text, options: source.options })),
          { today, locale },
        );
    this.last = { today, locale, sources, data };
    return { html: renderHtml(data, { nonce, csp: false }), files };
  }

  /** The drafts in the report, sorted by path: open documents over their files on disk. */
  private async sources(token: CancellationToken | undefined): Promise<Source[]> {
    const cancelled = () => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, `${OverviewRequest.method} cancelled`);
    };
    const byPath = new Map<string, Source>();
    const add = (uri: string, text: string, options: LintOptions, locale: Locale, origin: object) => {
      const shown = this.displayPath(uri, byPath);
      if (shown !== null) byPath.set(shown, { path: shown, uri, text, options, locale, origin });
    };
    for (const analysis of await this.drafts.openDrafts()) add(analysis.uri, analysis.text, analysis.options, analysis.locale, analysis);
    // An open document is in the report as it is in the editor (or not at all): list() leaves it out.
    for await (const draft of this.workspace.list(() => token?.isCancellationRequested === true)) {
      add(draft.uri, draft.text, this.drafts.lintOptions(draft.classification, draft.settings), draft.classification.locale, draft);
    }
    cancelled();
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * `policies/a.md` (relative to its workspace folder; `folder/policies/a.md` with several
   * folders), the URI itself for an untitled document, null outside the workspace.
   */
  private displayPath(uri: string, taken: ReadonlyMap<string, Source>): string | null {
    if (uri.startsWith('untitled:')) return uri;
    const file = uriToPath(uri);
    const folder = file ? this.disk.folderOf(file) : null;
    if (!file || !folder) return null;
    const relative = path.relative(folder, file).split(path.sep).join('/');
    const shown = this.disk.folders.length > 1 ? `${path.basename(folder)}/${relative}` : relative;
    // Two folders with the same name: the second shows its full path.
    return taken.has(shown) && taken.get(shown)?.uri !== uri ? file.split(path.sep).join('/') : shown;
  }

  /** The report's language when there is no draft: as a draft in the first folder would have it. */
  private async workspaceLocale(): Promise<Locale | null> {
    const folder = this.disk.folders[0];
    if (!folder) return null;
    const uri = pathToFileURL(path.join(folder, 'untitled.md')).href;
    return this.disk.classify(uri, '', await this.settings.get(uri)).locale;
  }
}
