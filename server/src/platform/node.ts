/** The server on Node: drafts found on disk as the CLI finds them, the workspace's drafts read from disk. */
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { Locale } from '../engine';
import type { ErrorLog } from '../handlers/guard';
import { ConfigProblems } from '../handlers/configProblems';
import { DiskConfig, uriToPath } from '../handlers/diskConfig';
import { OverviewFeature } from '../handlers/overview';
import { WorkspaceDrafts } from '../handlers/workspaceDrafts';
import type { Platform } from '../serve';

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
};
