/** The server on Node: drafts found on disk as the CLI finds them, the workspace's drafts read from disk. */
import { setFlagsFromString } from 'node:v8';
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { Locale } from '../engine';
import type { ErrorLog } from '../handlers/guard';
import { ConfigProblems } from '../handlers/configProblems';
import { DiskConfig, uriToPath } from '../handlers/diskConfig';
import { OverviewFeature } from '../handlers/overview';
import { WorkspaceDrafts } from '../handlers/workspaceDrafts';
import type { Platform } from '../serve';
import { bufferDocuments } from './buffer-document';

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.map((folder) => uriToPath(folder.uri)).filter((folder): folder is string => folder !== null);
}

export const nodePlatform: Platform = {
  discovery(connection: Connection, log: ErrorLog, folders: readonly WorkspaceFolder[], editorLocale: Locale | null) {
    const disk = new DiskConfig(new ConfigProblems(connection, log), editorLocale);
    disk.folders = folderPaths(folders);
    return {
      classifier: disk,
      changeFolders(added, removed) {
        const gone = new Set(folderPaths(removed));
        disk.folders = [...disk.folders.filter((folder) => !gone.has(folder)), ...folderPaths(added)];
      },
      beginConfigRound: () => disk.problems.beginRound(),
      endConfigRound: () => disk.problems.endRound(),
      draftsOnDisk: (drafts, settings) => new WorkspaceDrafts(disk, drafts, settings),
      overview: (drafts, onDisk, settings) => new OverviewFeature(drafts, disk, onDisk, settings),
    };
  },
  catchStrayErrors(report) {
    process.on('unhandledRejection', (reason) => report('unhandled rejection', reason));
    process.on('uncaughtException', (error) => report('uncaught exception', error));
  },
  documents: bufferDocuments,
};

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent.
 * Left to itself V8 lets it grow fourfold when collecting is cheap next to what the program
 * promotes, as here: with the 55 MB a 1 M-character draft keeps, the RSS after 200 edits landed
 * anywhere from 177 to 231 MB, depending on when the last full collection fell. At 50 % the
 * session has 5–6 full collections instead of 2: RSS 161–195 MB along the edits, 168–180 MB
 * where the bench reads it, latency unchanged within the machine's noise (docs/performance.md,
 * the 1 M per-edit path). The server sets it itself, so the extension, other editors and the
 * bench run alike.
 */
const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
