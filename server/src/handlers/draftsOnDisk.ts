/**
 * The drafts beyond the open documents, for the features that look at the whole workspace
 * (owner completion, workspace symbols, the overview). On disk workspaceDrafts.ts lists
 * them; where there is no disk (the browser) there are none, and those features see the
 * open drafts only.
 */
import type { Classification } from './classification';
import type { Settings } from './settings';

/** A draft as it is on disk. The same object is returned while the file is unchanged. */
export interface DiskDraft {
  file: string;
  uri: string;
  text: string;
  classification: Classification;
  settings: Settings;
}

export interface DraftsOnDisk {
  /** Config or settings changed: files must be classified again. */
  invalidate(): void;
  /** The drafts in the workspace folders that are not open in the editor, folder by folder, sorted; ends early once `stop()` is true. */
  list(stop?: () => boolean): AsyncGenerator<DiskDraft>;
}

export const NO_DRAFTS_ON_DISK: DraftsOnDisk = {
  invalidate() {},
  async *list() {},
};
