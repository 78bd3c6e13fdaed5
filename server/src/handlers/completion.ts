/** textDocument/completion: the engine's completionsAt, with the owners of the workspace's drafts. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completionsAt, type CompletionCategory } from '../engine/completion';
import { featureInput, type Drafts } from './drafts';
import type { WorkspaceOwners } from './owners';
import { toRange } from './convert';

const KINDS: Record<CompletionCategory, CompletionItemKind> = {
  label: CompletionItemKind.Field,
  owner: CompletionItemKind.Value,
  net: CompletionItemKind.Module,
  term: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
};

export const TRIGGER_CHARACTERS = ['：', ':', '#', '、'];

export async function completion(drafts: Drafts, owners: WorkspaceOwners, params: CompletionParams): Promise<CompletionList | null> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return null;
  const { lines } = analysis.result;
  const entries = completionsAt({ ...featureInput(analysis), knownOwners: await owners.all() }, lines.offsetAt(params.position));
  const items = entries.map((entry): CompletionItem => {
    const item: CompletionItem = {
      label: entry.label,
      kind: KINDS[entry.category],
      textEdit: { range: toRange(lines, entry.replace), newText: entry.insertText },
      insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      sortText: entry.sortText,
    };
    if (entry.detail) item.detail = entry.detail;
    if (entry.documentation) item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    if (entry.filterText) item.filterText = entry.filterText;
    return item;
  });
  // Chinese has no word breaks: ask again as the user types, so replace ranges stay right.
  return { isIncomplete: true, items };
}
