/**
 * Type straight into a quick fix: the client turns every placeholder a fix inserts
 * (【待填写】, [TBD]) into a snippet tab stop, so after "Insert 完成时限 template" the
 * placeholder is selected and Tab goes on to the next one.
 *
 * The server can send LSP 3.18 SnippetTextEdits itself, but LSP has no `keepWhitespace`
 * (microsoft/language-server-protocol#2290): VS Code would re-indent the lines of a
 * multi-line fix to the line it starts on (and turn spaces into tabs with
 * `editor.insertSpaces: false`), so the editor's text would differ from `fivenets lint --fix`.
 * A vscode.WorkspaceEdit also hides snippet edits from `entries()`, so the middleware could
 * not repair them. The client therefore does not advertise `snippetEditSupport`, takes the
 * plain edits (the CLI's) and makes them snippets here, with VS Code's own SnippetTextEdit.
 */
import { CodeActionTriggerKind, SnippetString, SnippetTextEdit, version, WorkspaceEdit, type CodeAction, type Command, type TextEdit, type Uri } from 'vscode';
import type { ClientCapabilities, Middleware, StaticFeature } from 'vscode-languageclient';
import { PLACEHOLDER } from './five-nets.generated';
import { escapeSnippetText, snippetOf } from '../../server/src/engine/snippet';

const PLACEHOLDERS = Object.values(PLACEHOLDER);

/** `SnippetTextEdit.keepWhitespace` came with VS Code 1.98; before it, a multi-line snippet is re-indented. */
function keepsWhitespace(vscodeVersion: string): boolean {
  const [major, minor] = vscodeVersion.split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 98);
}
const KEEPS_WHITESPACE = keepsWhitespace(version);

/** The client's capabilities without `snippetEditSupport` (see the file header). */
export const plainEditsFeature: StaticFeature = {
  fillClientCapabilities(capabilities: ClientCapabilities): void {
    const edit = capabilities.workspace?.workspaceEdit;
    if (edit) edit.snippetEditSupport = false;
  },
  initialize(): void {},
  getState: () => ({ kind: 'static' }),
  clear(): void {},
};

/**
 * The edits of one document as snippet edits when one of them inserts a placeholder, else
 * null. Every edit of the change becomes a snippet edit (the others escaped, with no tab
 * stop): VS Code applies a mixed change through its snippet engine anyway, and would
 * re-indent the plain ones. Tab stops are numbered in document order across the edits.
 */
export function asSnippetEdits(edits: readonly TextEdit[]): SnippetTextEdit[] | null {
  const order = [...edits].sort((a, b) => a.range.start.compareTo(b.range.start));
  let tabstop = 1;
  const snippets = order.map((edit) => {
    const snippet = snippetOf(edit.newText, PLACEHOLDERS, tabstop);
    if (snippet) tabstop = snippet.nextTabstop;
    const result = new SnippetTextEdit(edit.range, new SnippetString(snippet ? snippet.value : escapeSnippetText(edit.newText)));
    // Insert the characters as sent: the fix already has the draft's indentation.
    return Object.assign(result, { keepWhitespace: true });
  });
  if (tabstop === 1) return null;
  if (!KEEPS_WHITESPACE && edits.some((edit) => /[\r\n]/u.test(edit.newText))) return null;
  return snippets;
}

/** The action's edit with placeholders as tab stops, or the action as it was. */
function withSnippets(action: CodeAction): CodeAction {
  if (!action.edit) return action;
  const entries = action.edit.entries();
  const converted: Array<[Uri, SnippetTextEdit[] | TextEdit[]]> = entries.map(([uri, edits]) => [uri, asSnippetEdits(edits) ?? edits]);
  if (converted.every(([, edits], index) => edits === entries[index][1])) return action;
  const edit = new WorkspaceEdit();
  for (const [uri, edits] of converted) edit.set(uri, edits);
  action.edit = edit;
  return action;
}

/** A Command's `command` is its id; a CodeAction's is a Command or nothing. */
const isCodeAction = (item: Command | CodeAction): item is CodeAction => typeof item.command !== 'string';

/**
 * Code action middleware: actions the user asked for (the light bulb, Ctrl+., Fix All)
 * get tab stops; actions VS Code runs on its own (`editor.codeActionsOnSave`) stay plain,
 * so a save never leaves the editor in snippet mode.
 */
export function snippetMiddleware(): Pick<Middleware, 'provideCodeActions' | 'resolveCodeAction'> {
  const automatic = new WeakSet<CodeAction>();
  return {
    provideCodeActions: async (document, range, context, token, next) => {
      const actions = await next(document, range, context, token);
      if (!actions) return actions;
      if (context.triggerKind === CodeActionTriggerKind.Automatic) {
        for (const action of actions) if (isCodeAction(action)) automatic.add(action);
        return actions;
      }
      return actions.map((action) => (isCodeAction(action) ? withSnippets(action) : action));
    },
    resolveCodeAction: async (item, token, next) => {
      const resolved = await next(item, token);
      if (!resolved || automatic.has(item)) return resolved;
      return withSnippets(resolved);
    },
  };
}
