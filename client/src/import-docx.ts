/**
 * "Five Nets: Import Word Draft…": pick a .docx (or right-click one in the explorer), convert
 * it with the CLI's converter (server/out/import.js, loaded on first use: mammoth and rehype
 * are not needed until then) and open the new .policy.md written beside the document.
 */
import * as path from 'node:path';
import { FileType, l10n, ProgressLocation, Uri, window, workspace, type ExtensionContext } from 'vscode';

/** What server/out/import.js exports (server/src/import/docx/index.ts). */
interface Converter {
  readDocxFile(file: string): Uint8Array;
  convertDocx(bytes: Uint8Array): Promise<{ markdown: string }>;
  DocxError: new (message: string) => Error;
}

/** FILE.docx -> FILE.policy.md in the same folder. */
export function draftUriFor(document: Uri): Uri {
  const base = path.posix.basename(document.path).replace(/\.docx$/iu, '');
  return Uri.joinPath(document, '..', `${base}.policy.md`);
}

/** The file's type, or null when there is none. */
async function fileType(uri: Uri): Promise<FileType | null> {
  try {
    return (await workspace.fs.stat(uri)).type;
  } catch {
    return null;
  }
}

async function pickDocument(): Promise<Uri | undefined> {
  const picked = await window.showOpenDialog({
    canSelectMany: false,
    openLabel: l10n.t('Import'),
    title: l10n.t('Import Word Draft'),
    filters: { [l10n.t('Word documents')]: ['docx'] },
    defaultUri: workspace.workspaceFolders?.[0]?.uri,
  });
  return picked?.[0];
}

export async function importWordDraft(context: ExtensionContext, given?: Uri): Promise<void> {
  const document = given instanceof Uri ? given : await pickDocument();
  if (!document) return;
  const name = path.posix.basename(document.path);
  if (document.scheme !== 'file') {
    void window.showErrorMessage(l10n.t('Could not import {0}: only files on this computer can be imported.', name));
    return;
  }
  const target = draftUriFor(document);
  const targetName = path.posix.basename(target.path);
  const existing = await fileType(target);
  if (existing !== null && (existing & FileType.SymbolicLink || !(existing & FileType.File))) {
    void window.showErrorMessage(l10n.t('Could not import {0}: {1} exists and is not a regular file.', name, targetName));
    return;
  }
  if (existing !== null) {
    const replace = l10n.t('Replace');
    const answer = await window.showWarningMessage(l10n.t('{0} already exists. Replace it with a new import of {1}?', targetName, name), { modal: true }, replace);
    if (answer !== replace) return;
  }
  let markdown: string;
  try {
    markdown = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Importing {0}…', name) }, async () => {
      const converter = require(context.asAbsolutePath('server/out/import.js')) as Converter;
      try {
        return (await converter.convertDocx(converter.readDocxFile(document.fsPath))).markdown;
      } catch (error) {
        // A document the converter refuses (encrypted, corrupt, not Word) has a one-line reason.
        if (error instanceof converter.DocxError) throw new Error(error.message);
        throw error;
      }
    });
  } catch (error) {
    void window.showErrorMessage(l10n.t('Could not import {0}: {1}', name, error instanceof Error ? error.message.split('\n')[0] : String(error)));
    return;
  }
  await workspace.fs.writeFile(target, Buffer.from(markdown, 'utf8'));
  await window.showTextDocument(await workspace.openTextDocument(target), { preview: false });
}
