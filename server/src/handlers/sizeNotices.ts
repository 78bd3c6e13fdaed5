/** "This draft is too large": told once per document while it stays too large. */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { localize } from '../engine';
import type { Classification } from './classification';
import type { ErrorLog } from './guard';
import { MESSAGES } from './messages';

/** The last segment of a URI, decoded (the file name of a `file:` URI; an untitled URI whole). */
function baseName(uri: string): string {
  const segment = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class SizeNotices {
  private readonly told = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly log: ErrorLog,
  ) {}

  /** Tell the user when the document has just become too large; forget when it is no longer. */
  update(uri: string, classification: Classification): void {
    if (!classification.tooLarge) {
      this.told.delete(uri);
      return;
    }
    if (this.told.has(uri)) return;
    this.told.add(uri);
    const message = localize(MESSAGES.tooLarge, classification.uiLocale, { file: baseName(uri), size: classification.tooLarge.size, max: classification.tooLarge.max });
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }).catch((error: unknown) => this.log.report('window/showMessage', error));
  }

  forget(uri: string): void {
    this.told.delete(uri);
  }
}
