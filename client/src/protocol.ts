/**
 * Custom LSP messages between the Five Nets client and language server. Plain types and
 * constants with no imports, so the server can import this file or copy it verbatim.
 */

/**
 * Request `fivenets/documentStats`, client -> server: the numbers shown in the status bar
 * for the active draft. The client sends it when the active editor changes and after
 * each diagnostics update for that document, and ignores answers that arrive late.
 *
 * Result: `DocumentStats`, or `null` when the server does not know the document (not open).
 * Errors are not shown to the user; a server without the method just hides the item.
 */
export const DOCUMENT_STATS_METHOD = 'fivenets/documentStats';

export interface DocumentStatsParams {
  /** The document URI, as sent in `textDocument/didOpen` (`file:` or `untitled:`). */
  uri: string;
}

export interface DocumentStats {
  /**
   * The server lints this document as a policy draft: Five Nets is enabled for it, it
   * matches `fivenets.include` (or the config file's `include`) and is not too large. When
   * false the client hides the item and the other fields should be 0.
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
}
