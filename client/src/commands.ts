/**
 * The extension's commands. Templates are in templates.ts; this file only talks to VS Code.
 */
import { commands, env, l10n, SnippetString, window, workspace, type Disposable, type QuickPickItem, type TextEditor } from 'vscode';
import {
  measureSegments,
  netHeadingLevel,
  netName,
  netSectionSegments,
  netsNamedIn,
  newDraftText,
  nextListMarker,
  NETS,
  scriptForLocale,
  scriptOfText,
  type NetNames,
  type Script,
  type Segment,
} from './templates';

export const FIX_ALL_KIND = 'source.fixAll.fivenets';

/** The script for new text: the `fivenets.locale` setting, or the display language when auto. */
function settingScript(): Script {
  const locale = workspace.getConfiguration('fivenets').get<string>('locale', 'auto');
  return scriptForLocale(locale === 'auto' ? env.language : locale);
}

/** The script of the draft being edited, else that of the setting. */
function editorScript(editor: TextEditor): Script {
  return scriptOfText(editor.document.getText()) ?? settingScript();
}

function toSnippet(segments: readonly Segment[]): SnippetString {
  const snippet = new SnippetString();
  for (const segment of segments) {
    if ('text' in segment) snippet.appendText(segment.text);
    else snippet.appendPlaceholder(segment.placeholder);
  }
  return snippet;
}

function markdownEditor(): TextEditor | undefined {
  const editor = window.activeTextEditor;
  if (editor?.document.languageId === 'markdown') return editor;
  void window.showInformationMessage(l10n.t('Open a Markdown policy draft first.'));
  return undefined;
}

function documentLines(editor: TextEditor): string[] {
  return editor.document.getText().split(/\r?\n/);
}

async function newDraft(): Promise<void> {
  const document = await workspace.openTextDocument({ language: 'markdown', content: newDraftText(settingScript(), new Date()) });
  await window.showTextDocument(document);
}

async function insertMeasure(): Promise<void> {
  const editor = markdownEditor();
  if (!editor) return;
  const position = editor.selection.active;
  const before = editor.document.lineAt(position.line).text.slice(0, position.character);
  // On an empty line, start a list item numbered after the one above.
  const marker = before.trim() === '' ? nextListMarker(documentLines(editor), position.line) : '';
  await editor.insertSnippet(toSnippet([{ text: marker }, ...measureSegments(editorScript(editor))]));
}

interface NetPickItem extends QuickPickItem {
  net: NetNames;
}

async function insertNetSection(): Promise<void> {
  const editor = markdownEditor();
  if (!editor) return;
  const script = editorScript(editor);
  const present = netsNamedIn(editor.document.getText());
  const items: NetPickItem[] = NETS.map((net) => ({
    net,
    label: netName(net, script),
    description: script === 'en' ? net.hans : net.en,
    detail: present.has(net.id) ? l10n.t('Already in this draft') : undefined,
  }));
  const picked = await window.showQuickPick(items, { placeHolder: l10n.t('Which net does the section cover?') });
  if (!picked) return;
  const position = editor.selection.active;
  const lines = documentLines(editor);
  const lineText = editor.document.lineAt(position.line).text;
  // A heading starts its own block: leave a blank line after any text before the cursor.
  const lead = lineText.slice(0, position.character).trim() !== '' ? '\n\n' : position.line > 0 && (lines[position.line - 1] ?? '').trim() !== '' ? '\n' : '';
  const segments = netSectionSegments(picked.net, script, netHeadingLevel(lines, position.line));
  await editor.insertSnippet(toSnippet([{ text: lead }, ...segments]));
}

async function fixAll(): Promise<void> {
  if (!markdownEditor()) return;
  await commands.executeCommand('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' });
}

async function showProblems(): Promise<void> {
  await commands.executeCommand('workbench.actions.view.problems');
}

export function registerCommands(): Disposable[] {
  return [
    commands.registerCommand('fivenets.newDraft', newDraft),
    commands.registerCommand('fivenets.insertMeasure', insertMeasure),
    commands.registerCommand('fivenets.insertNetSection', insertNetSection),
    commands.registerCommand('fivenets.fixAll', fixAll),
    commands.registerCommand('fivenets.showProblems', showProblems),
  ];
}
