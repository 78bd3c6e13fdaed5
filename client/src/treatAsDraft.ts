/**
 * "Treat as Policy Draft": a Markdown file outside `fivenets.include` whose frontmatter names
 * no schema gets nothing from the server, and the status bar says so ("Five Nets: not a
 * draft", status.ts). This command asks how to take it in: a `schema:` line in its
 * frontmatter (this file only; other keys stay), or its folder's glob added to
 * `fivenets.include` in the workspace settings (every Markdown file there). Either way the
 * server lints it at once: the document changed, or the setting did.
 */
import { ConfigurationTarget, l10n, Range, Uri, window, workspace, WorkspaceEdit, type QuickPickItem, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { schemaFrontmatterEdit } from '../../server/src/engine/frontmatter';
import { DocumentStatsRequest, type DocumentStatsParams } from '../../shared/protocol';
import { folderIncludeGlob } from './templates';

export const TREAT_AS_DRAFT_COMMAND = 'fivenets.treatAsDraft';

interface WayIn extends QuickPickItem {
  apply: () => Thenable<unknown>;
}

/**
 * The workspace folder of a file and the include glob of its folder, or null (untitled,
 * outside every folder). Any scheme: in the browser build the workspace is `vscode-vfs:` or
 * `vscode-remote:`, and the server matches `fivenets.include` against the path in the folder.
 */
function folderGlob(document: TextDocument): { glob: string; folder: Uri } | null {
  if (document.uri.scheme === 'untitled') return null;
  const folder = workspace.getWorkspaceFolder(document.uri);
  if (!folder) return null;
  const dir = document.uri.path.slice(0, document.uri.path.lastIndexOf('/'));
  const relative = dir.startsWith(folder.uri.path) ? dir.slice(folder.uri.path.length) : '';
  return { glob: folderIncludeGlob(relative), folder: folder.uri };
}

async function addFrontmatter(document: TextDocument, schema: string): Promise<boolean> {
  const edit = schemaFrontmatterEdit(document.getText(), schema);
  const change = new WorkspaceEdit();
  change.replace(document.uri, new Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.newText);
  return workspace.applyEdit(change);
}

/** The glob added to `fivenets.include` of the workspace (of the file's folder in a multi-root workspace), keeping what is there. */
async function addToInclude(document: TextDocument, glob: string): Promise<void> {
  const config = workspace.getConfiguration('fivenets', document.uri);
  const inspected = config.inspect<string[]>('include');
  const multiRoot = (workspace.workspaceFolders?.length ?? 0) > 1;
  const target = multiRoot ? ConfigurationTarget.WorkspaceFolder : ConfigurationTarget.Workspace;
  const current = (multiRoot ? inspected?.workspaceFolderValue : undefined) ?? inspected?.workspaceValue ?? inspected?.defaultValue ?? [];
  if (current.includes(glob)) return;
  await config.update('include', [...current, glob], target);
}

export async function treatAsDraft(client: BaseLanguageClient, uri?: Uri): Promise<void> {
  const document = uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void window.showInformationMessage(l10n.t('Open a Markdown policy draft first.'));
    return;
  }
  const params: DocumentStatsParams = { uri: document.uri.toString() };
  const stats = await client.sendRequest(DocumentStatsRequest, params);
  if (stats?.isDraft) {
    void window.showInformationMessage(l10n.t('Five Nets already lints this file as a policy draft.'));
    return;
  }
  const schema = stats?.suggestedSchema || 'five-nets';
  const ways: WayIn[] = [
    {
      label: l10n.t('Add "schema: {0}" to the frontmatter of this file', schema),
      detail: l10n.t('Only this file becomes a draft; its other frontmatter stays as it is.'),
      apply: () => addFrontmatter(document, schema),
    },
  ];
  const folder = folderGlob(document);
  // A config file's `include` wins over the setting: adding to the setting would change nothing.
  if (folder && stats?.includeFrom !== 'config') {
    ways.push({
      label: l10n.t('Add "{0}" to fivenets.include in the workspace settings', folder.glob),
      detail: l10n.t('Every Markdown file in this folder becomes a draft.'),
      apply: () => addToInclude(document, folder.glob),
    });
  }
  const picked = await window.showQuickPick(ways, { placeHolder: l10n.t('How should Five Nets take this file in as a policy draft?') });
  await picked?.apply();
}
