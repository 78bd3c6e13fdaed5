/**
 * The extension's commands. Templates are in templates.ts; this file only talks to VS Code.
 */
import { commands, ConfigurationTarget, env, l10n, Position, SnippetString, Uri, window, workspace, type Disposable, type QuickPickItem, type TextEditor } from 'vscode';
import {
  measureInsertion,
  measureSegments,
  netHeadingLevel,
  netName,
  netSectionSegments,
  netsNamedIn,
  newDraftFileName,
  newDraftText,
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

interface ScriptPickItem extends QuickPickItem {
  script: Script;
}

/** The language of a new draft: `fivenets.locale`, or asked when it is auto (VS Code's language first). */
async function newDraftScript(): Promise<Script | undefined> {
  const locale = workspace.getConfiguration('fivenets').get<string>('locale', 'auto');
  if (locale !== 'auto') return scriptForLocale(locale);
  const items: ScriptPickItem[] = [
    { script: 'hans', label: '简体中文', description: 'zh-CN' },
    { script: 'hant', label: '繁體中文', description: 'zh-TW' },
    { script: 'en', label: 'English', description: 'en' },
  ];
  const preferred = scriptForLocale(env.language);
  items.sort((a, b) => Number(b.script === preferred) - Number(a.script === preferred));
  const picked = await window.showQuickPick(items, { placeHolder: l10n.t('Which language is the draft written in?') });
  return picked?.script;
}

async function newDraft(): Promise<void> {
  const script = await newDraftScript();
  if (!script) return;
  const content = newDraftText(script, new Date());
  const folder = workspace.workspaceFolders?.[0];
  if (!folder) {
    await window.showTextDocument(await workspace.openTextDocument({ language: 'markdown', content }));
    return;
  }
  // An untitled document with a path: Save proposes new-draft.policy.md in the folder,
  // which the default include globs (**/*.policy.md) lint once it is on disk.
  const exists = async (name: string) => {
    try {
      await workspace.fs.stat(Uri.joinPath(folder.uri, name));
      return true;
    } catch {
      return false;
    }
  };
  const taken = new Set<string>();
  for (const document of workspace.textDocuments) taken.add(document.uri.path.split('/').pop() ?? '');
  let name = newDraftFileName((candidate) => taken.has(candidate));
  while (await exists(name)) {
    taken.add(name);
    name = newDraftFileName((candidate) => taken.has(candidate));
  }
  const uri = Uri.joinPath(folder.uri, name).with({ scheme: 'untitled' });
  const document = await workspace.openTextDocument(uri);
  const editor = await window.showTextDocument(document);
  await editor.edit((builder) => builder.insert(new Position(0, 0), content));
}

async function insertMeasure(): Promise<void> {
  const editor = markdownEditor();
  if (!editor) return;
  const position = editor.selection.active;
  const { atLineEnd, lead } = measureInsertion(documentLines(editor), position.line, position.character);
  const at = atLineEnd ? editor.document.lineAt(position.line).range.end : position;
  await editor.insertSnippet(toSnippet([{ text: lead }, ...measureSegments(editorScript(editor))]), at);
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

/** Five Nets: Toggle Linting — `fivenets.enable` for the workspace (user settings without a folder). */
async function toggleLinting(): Promise<void> {
  const config = workspace.getConfiguration('fivenets');
  const enable = !config.get<boolean>('enable', true);
  const target = workspace.workspaceFolders?.length ? ConfigurationTarget.Workspace : ConfigurationTarget.Global;
  await config.update('enable', enable, target);
  void window.showInformationMessage(enable ? l10n.t('Five Nets: linting is on for this workspace.') : l10n.t('Five Nets: linting is off for this workspace.'));
}

export function registerCommands(): Disposable[] {
  return [
    commands.registerCommand('fivenets.toggleLinting', toggleLinting),
    commands.registerCommand('fivenets.newDraft', newDraft),
    commands.registerCommand('fivenets.insertMeasure', insertMeasure),
    commands.registerCommand('fivenets.insertNetSection', insertNetSection),
    commands.registerCommand('fivenets.fixAll', fixAll),
    commands.registerCommand('fivenets.showProblems', showProblems),
  ];
}
