/**
 * The one place engine values become LSP values: spans -> ranges (UTF-16, via the lint
 * result's LineIndex), diagnostics with their fixes as data, fixes -> workspace edits.
 */
import { DiagnosticSeverity, type Diagnostic, type Range, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Fix, LineIndex, LintDiagnostic, Severity, Span, TextEdit as EngineEdit } from '../engine';
import { INTERNAL_ERROR_RULE } from '../engine';
import { PLACEHOLDER } from '../engine/labels';
import { snippetOf } from '../engine/snippet';
import { DOCS_BASE } from '../version';

export const SOURCE = 'fivenets';

/** A fix carried on a diagnostic, with LSP ranges of the version it was computed for. */
export interface LspFix {
  title: string;
  edits: TextEdit[];
}

/** `Diagnostic.data`: everything a code action needs, so it needs no server state. */
export interface DiagnosticData {
  version: number;
  fix: LspFix | null;
  suggestions: LspFix[];
}

export function toRange(lines: LineIndex, span: Span): Range {
  return lines.rangeOf(span);
}

export function toTextEdit(lines: LineIndex, edit: EngineEdit): TextEdit {
  return { range: lines.rangeOf(edit.span), newText: edit.newText };
}

/** `shift`: what to add to the fix's spans for offsets in the text (see DiagnosticGroup). */
function toFix(lines: LineIndex, fix: Fix, shift = 0): LspFix {
  return { title: fix.title, edits: fix.edits.map((edit) => ({ range: lines.rangeBetween(edit.span.start + shift, edit.span.end + shift), newText: edit.newText })) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A rule's help page; `docsBase`: the config's docsUrl (intranets), else the project's pages. */
export function ruleDocUrl(rule: string, docsBase = DOCS_BASE): string {
  return `${docsBase.replace(/\/+$/u, '')}/${rule}.md`;
}

/** An LSP diagnostic whose `data` still lacks the document version (see stampVersion). */
export interface VersionlessDiagnostic {
  diagnostic: Omit<Diagnostic, 'data'>;
  fix: LspFix | null;
  suggestions: LspFix[];
}

const CODE_DESCRIPTIONS = new Map<string, { href: string }>();

/**
 * Everything of an LSP diagnostic but the version in its data: what can be kept while the
 * text around it stays the same. `shift`: what to add to its fixes' spans for offsets in
 * the text (a group item's spans are relative to its group's start).
 */
export function toVersionless(diagnostic: Omit<LintDiagnostic, 'range'>, range: Range, lines: LineIndex, shift = 0, docsBase = DOCS_BASE): VersionlessDiagnostic {
  const result: Omit<Diagnostic, 'data'> = {
    range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.rule,
    source: SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.rule !== INTERNAL_ERROR_RULE) {
    const key = `${docsBase}\n${diagnostic.rule}`;
    let description = CODE_DESCRIPTIONS.get(key);
    if (!description) {
      description = { href: ruleDocUrl(diagnostic.rule, docsBase) };
      CODE_DESCRIPTIONS.set(key, description);
    }
    result.codeDescription = description;
  }
  return { diagnostic: result, fix: diagnostic.fix ? toFix(lines, diagnostic.fix, shift) : null, suggestions: diagnostic.suggestions.map((fix) => toFix(lines, fix, shift)) };
}

/** The LSP diagnostic for one document version (the parts are shared, not copied: they are only read). */
export function stampVersion(parts: VersionlessDiagnostic, version: number): Diagnostic {
  const { range, severity, code, source, message, codeDescription } = parts.diagnostic;
  const data: DiagnosticData = { version, fix: parts.fix, suggestions: parts.suggestions };
  // One object shape for every diagnostic (no spread): thousands are made per version.
  return codeDescription ? { range, severity, code, source, message, data, codeDescription } : { range, severity, code, source, message, data };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (!value || typeof value !== 'object') return false;
  const data = value as Partial<DiagnosticData>;
  return typeof data.version === 'number' && Array.isArray(data.suggestions) && (data.fix === null || typeof data.fix === 'object');
}

/** How a client takes a WorkspaceEdit (see workspaceEdit). */
export interface EditForm {
  /** Versioned TextDocumentEdits (`workspace.workspaceEdit.documentChanges`). */
  documentChanges: boolean;
  /**
   * Placeholders as tab stops (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`, which
   * needs documentChanges): the editor selects the first 【待填写】 and Tab goes to the next.
   */
  snippets: boolean;
}

const PLACEHOLDERS = Object.values(PLACEHOLDER);

/**
 * The edits with every one that inserts a placeholder as a SnippetTextEdit of the same range
 * and text, tab stops numbered in document order across the edits (editors link equal numbers).
 */
function withSnippets(edits: TextEdit[]): Array<TextEdit | SnippetTextEdit> {
  const order = edits.map((_, index) => index).sort((a, b) => compareRanges(edits[a].range, edits[b].range) || a - b);
  const result: Array<TextEdit | SnippetTextEdit> = [...edits];
  let tabstop = 1;
  for (const index of order) {
    const snippet = snippetOf(edits[index].newText, PLACEHOLDERS, tabstop);
    if (!snippet) continue;
    tabstop = snippet.nextTabstop;
    result[index] = { range: edits[index].range, snippet: { kind: 'snippet', value: snippet.value } };
  }
  return result;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * Edits to one document as a WorkspaceEdit. With `version` (and client support) the edit is
 * versioned, so a client refuses to apply it to a document that changed since.
 */
export function workspaceEdit(uri: string, version: number | null, edits: TextEdit[], form: EditForm): WorkspaceEdit {
  if (form.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits: form.snippets ? withSnippets(edits) : edits }] };
  return { changes: { [uri]: edits } };
}
