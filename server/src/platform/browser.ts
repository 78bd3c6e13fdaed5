/**
 * The server in a browser's web worker: no disk, so drafts are found with settings only
 * (settingsConfig.ts), the workspace-wide features (owner completion, workspace symbols) see
 * the open drafts, and there is no overview (it reports on the drafts on disk).
 */
import type { Connection, WorkspaceFolder } from 'vscode-languageserver';
import type { Locale } from '../engine';
import type { ErrorLog } from '../handlers/guard';
import { NO_DRAFTS_ON_DISK } from '../handlers/draftsOnDisk';
import { SettingsConfig } from '../handlers/settingsConfig';
import type { Platform } from '../serve';

/** The global scope of a dedicated worker, as far as the server uses it. */
interface WorkerScope {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
  addEventListener(type: 'error', listener: (event: { error: unknown; message: string }) => void): void;
}

export function browserPlatform(scope: WorkerScope): Platform {
  return {
    discovery(_connection: Connection, _log: ErrorLog, folders: readonly WorkspaceFolder[], editorLocale: Locale | null) {
      const settingsConfig = new SettingsConfig(folders, editorLocale);
      return {
        classifier: settingsConfig,
        changeFolders: (added, removed) => settingsConfig.changeFolders(added, removed),
        // No config files to have problems.
        beginConfigRound() {},
        endConfigRound() {},
        draftsOnDisk: () => NO_DRAFTS_ON_DISK,
        overview: () => null,
      };
    },
    catchStrayErrors(report) {
      scope.addEventListener('unhandledrejection', (event) => report('unhandled rejection', event.reason));
      scope.addEventListener('error', (event) => report('uncaught exception', event.error ?? event.message));
    },
  };
}
