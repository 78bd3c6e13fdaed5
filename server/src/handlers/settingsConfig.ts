/**
 * Draft discovery with settings only, where there is no disk (the browser build: vscode.dev,
 * github.dev, a web worker extension host). No config files, ignore files or schema files:
 * the built-in schemas and the defaults, with the settings on top. A document is a draft
 * when its path in its workspace folder matches `fivenets.include` (and not `files.exclude`),
 * or when its frontmatter names a built-in schema (`schema: five-nets`), as on disk.
 */
import type { WorkspaceFolder } from 'vscode-languageserver';
import type { Locale } from '../engine';
import { builtinResolvedConfig, type ResolvedConfig } from '../engine/config-model';
import { frontmatterSchema } from '../engine/frontmatter';
import { safeGlobMatcher } from '../engine/glob-match';
import { builtinSchemaIds } from '../engine/schema';
import { verdict, type Classification, type DraftClassifier } from './classification';
import type { TextSource } from '../engine/text-source';
import type { Settings } from './settings';

/** A folder URI without its trailing slash, so `${folder}/` prefixes what is inside it. */
function folderKey(uri: string): string {
  return uri.endsWith('/') ? uri.slice(0, -1) : uri;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class SettingsConfig implements DraftClassifier {
  private folders: string[] = [];
  private readonly resolved: ResolvedConfig = builtinResolvedConfig('');

  constructor(
    folders: readonly WorkspaceFolder[],
    private readonly editorLocale: Locale | null,
  ) {
    this.changeFolders(folders, []);
  }

  changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folderKey(folder.uri)));
    this.folders = [...this.folders.filter((folder) => !gone.has(folder)), ...added.map((folder) => folderKey(folder.uri))];
  }

  invalidate(): void {
    // Nothing read, nothing to forget: the settings come with each classify.
  }

  classify(uri: string, text: TextSource, settings: Settings): Classification {
    const folder = this.folderOf(uri);
    const relative =
      folder === null
        ? null
        : uri
            .slice(folder.length + 1)
            .split('/')
            .map(decodeSegment)
            .join('/');
    const excluded = relative !== null && this.isExcluded(relative, settings);
    const named = frontmatterSchema(text);
    const taken = (relative !== null && safeGlobMatcher(settings.include)(relative)) || (named !== null && builtinSchemaIds().includes(named));
    const notTaken = !settings.enable ? 'disabled' : excluded ? 'excluded' : taken ? null : 'not-included';
    // No config files here: the include globs are always the setting's.
    return verdict({ resolved: this.resolved, folder, notTaken, includeFrom: 'setting' }, text, settings, this.editorLocale);
  }

  /** The innermost workspace folder holding the URI. */
  private folderOf(uri: string): string | null {
    let best: string | null = null;
    for (const folder of this.folders) if (uri.startsWith(`${folder}/`) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  /** `files.exclude`, as on disk: a glob matching a folder hides what is in it. */
  private isExcluded(relative: string, settings: Settings): boolean {
    if (settings.filesExclude.length === 0) return false;
    const matches = safeGlobMatcher(settings.filesExclude);
    const parts = relative.split('/');
    for (let length = 1; length <= parts.length; length++) if (matches(parts.slice(0, length).join('/'))) return true;
    return false;
  }
}
