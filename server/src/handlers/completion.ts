/** textDocument/completion: the engine's completionsAt, with owners gathered from the open drafts. */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver/node';
import { completionsAt, type CompletionCategory } from '../engine/completion';
import { featureInput, type Drafts } from './drafts';
import { allMeasures } from '../engine/summary';
import type { PolicyModel } from '../engine';
import { toRange } from './convert';

const KINDS: Record<CompletionCategory, CompletionItemKind> = {
  label: CompletionItemKind.Field,
  owner: CompletionItemKind.Value,
  net: CompletionItemKind.Module,
  term: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
};

export const TRIGGER_CHARACTERS = ['：', ':', '#', '、'];

/** The owners a draft names, once per lint result (completion asks on every keystroke). */
const ownerCache = new WeakMap<PolicyModel, string[]>();

function ownersOf(model: PolicyModel): string[] {
  let owners = ownerCache.get(model);
  if (!owners) {
    const found = new Set<string>();
    for (const measure of allMeasures(model)) {
      if (measure.owner) found.add(measure.owner.value);
      for (const coOwner of measure.coOwners) found.add(coOwner);
    }
    owners = [...found];
    ownerCache.set(model, owners);
  }
  return owners;
}

export async function completion(drafts: Drafts, params: CompletionParams): Promise<CompletionList | null> {
  const analysis = await drafts.analyze(params.textDocument.uri);
  if (!analysis) return null;
  const owners = new Set<string>();
  for (const draft of await drafts.openDrafts()) for (const owner of ownersOf(draft.result.model)) owners.add(owner);
  const { lines } = analysis.result;
  const entries = completionsAt({ ...featureInput(analysis), knownOwners: [...owners] }, lines.offsetAt(params.position));
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
