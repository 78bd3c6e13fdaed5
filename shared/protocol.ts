/**
 * Custom LSP messages between the Five Nets client and language server: the one copy both
 * build from (as vscode-eslint's shared/ folder). Each request is a typed `RequestType`, so
 * the compiler checks the client's `sendRequest` and the server's `onRequest` against the
 * same params and result. Imports nothing platform-specific (the Node and browser bundles
 * of client and server include it).
 */
import { RequestType } from 'vscode-jsonrpc';

export interface DocumentStatsParams {
  /** The document URI, as sent in `textDocument/didOpen` (`file:` or `untitled:`). */
  uri: string;
}

export interface DocumentStats {
  /**
   * The server lints this document as a policy draft: Five Nets is enabled for it, it
   * matches `fivenets.include` (or the config file's `include`) or its frontmatter names a
   * schema (`schema: five-nets`), and it is not too large. When false the client hides
   * the item and the other fields are 0.
   */
  isDraft: boolean;
  /** Nets of the draft's schema that have a section in the draft. */
  netsPresent: number;
  /** Nets in the draft's schema (5 for the built-in five-nets schema). */
  netsTotal: number;
  /** Measures in the draft, inside net sections or outside them. */
  measures: number;
  /**
   * Measures with at least one required field of the schema (`requiredFields`: owner,
   * metric, deadline) missing, empty or still an unfilled placeholder such as 【待填写】.
   */
  incomplete: number;
  /**
   * The id of the schema the draft is checked against: `five-nets`, `tasks` (no nets: the
   * plan's own headings are its sections, and netsTotal is 0) or a config's own schema.
   * '' when not a draft.
   */
  schema: string;
  /** The schema's name in the server's locale for the draft (任务分工, 任務分工, Task Assignment). '' when not a draft. */
  schemaName: string;
  /**
   * Why this schema: named by the draft's frontmatter `schema:`, by the config file's
   * `schema:`, or chosen automatically (five-nets when a heading names one of its nets,
   * else tasks). null when not a draft.
   */
  schemaFrom: 'frontmatter' | 'config' | 'auto' | 'cli' | null;
  /** `schemaFrom` in words, in the locale of `schemaName` ("chosen automatically: no heading names a net"). '' when not a draft. */
  schemaReason: string;
  /**
   * The status bar text (without an icon), in the draft's locale like its diagnostics:
   * `5/5 张网 · 24 项措施 · 7 项不完整`. '' when not a draft; an older server sends none
   * and the client words the numbers itself.
   */
  text?: string;
  /** The status bar tooltip, in the same locale: the counts in a sentence, then the schema and why. */
  tooltip?: string;
  /**
   * Why the document is not a draft (absent for a draft, and from older servers):
   * `not-included`: outside the include globs and no frontmatter schema, so the client
   * shows "Five Nets: not a draft" and offers "Treat as Policy Draft"; `ignored`: an ignore
   * file or the config's `ignore` globs; `excluded`: `files.exclude`; `disabled`:
   * `fivenets.enable` is false; `too-large`: over `fivenets.maxFileSize`.
   */
  notDraftReason?: 'not-included' | 'ignored' | 'excluded' | 'disabled' | 'too-large';
  /**
   * With `notDraftReason`: where the include globs come from. `config`: a config file's
   * `include`, which the `fivenets.include` setting does not override, so adding the
   * folder to the setting would change nothing.
   */
  includeFrom?: 'config' | 'setting' | 'default';
  /**
   * With `notDraftReason`: the schema id a `schema:` frontmatter should name, the one the
   * document would be checked against (the config's, else `five-nets` when a heading names
   * a net, else `tasks`).
   */
  suggestedSchema?: string;
}

/**
 * Request `fivenets/documentStats`, client -> server: the numbers shown in the status bar
 * for the active draft. The client sends it when the active editor changes and after
 * each diagnostics update for that document, and ignores answers that arrive late.
 *
 * Result: `DocumentStats`, or `null` when the server does not know the document (not open).
 * Errors are not shown to the user; a server without the method just hides the item.
 */
export const DocumentStatsRequest = new RequestType<DocumentStatsParams, DocumentStats | null, void>('fivenets/documentStats');

export interface OverviewParams {
  /** "Today" as YYYY-MM-DD: what falls due this quarter. Default: the server's local date. */
  today?: string;
  /**
   * Nonce put on the page's inline <style> and <script> (letters, digits, + / = _ -, at
   * least 16), for the host's Content-Security-Policy. Without one the tags carry none.
   */
  nonce?: string;
}

export interface OverviewResult {
  /**
   * The page, with no Content-Security-Policy of its own: the host sets it. Links to a
   * draft carry `data-file` (a key of `files`) and `data-line` (1-based), on the link or
   * an element around it; the `href` of every link to a draft is its `data-file` value,
   * percent-encoded per path segment (`#L<line>` when it has a line).
   */
  html: string;
  /** Each draft in the page: its `data-file` value -> its document URI (`file:` or `untitled:`). */
  files: Record<string, string>;
}

/**
 * Request `fivenets/overview`, client -> server: the policy overview (the page of
 * `fivenets report`) of the workspace's drafts, for a webview: the open drafts in the
 * workspace folders with their current, maybe unsaved, text, untitled drafts (New Policy
 * Draft), and the drafts on disk in the workspace folders (the files `fivenets lint` takes).
 *
 * Result: `OverviewResult`, or `null` when building it failed (an internal error, which
 * the server logs). Errors: InvalidParams for a malformed `today` or `nonce`;
 * RequestCancelled when cancelled.
 */
export const OverviewRequest = new RequestType<OverviewParams, OverviewResult | null, void>('fivenets/overview');
