/**
 * Draft discovery on disk, as the CLI's folder walk does it (engine/classify.ts): ignore
 * files (.gitignore, .fivenetsignore) and the config's `ignore` leave a file out; the include
 * globs (the config's, else the `fivenets.include` setting, relative to the workspace folder)
 * or a frontmatter schema (`schema: five-nets`) take it in. Config is resolved exactly as the
 * CLI does (resolveConfigForFile), one resolution per folder until the next change; a broken
 * config is reported on itself (configProblems.ts) and the defaults are used. The browser
 * build has no disk and uses settingsConfig.ts instead.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../engine';
import { RULES } from '../engine';
import { defaultResolvedConfig, resolveConfigForFile, type ResolvedConfig } from '../engine/config';
import { safeGlobMatcher } from '../engine/glob-match';
import { IgnoreFiles, classifyDraft, draftScope, type DraftScope } from '../engine/classify';
import { LocatedError, builtinSchemaIds } from '../engine/schema';
import { frontmatterSchema } from '../engine/frontmatter';
import { headOf, verdict, type Classification, type DraftClassifier } from './classification';
import type { TextSource } from '../engine/text-source';
import type { ConfigProblems } from './configProblems';
import type { Settings } from './settings';

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

export class DiskConfig implements DraftClassifier {
  private readonly configCache = new Map<string, ResolvedConfig>();
  /** Folders whose config is broken: the defaults used instead (until the next change). */
  private readonly broken = new Map<string, ResolvedConfig>();
  private readonly ignoreFiles = new Map<string, IgnoreFiles>();
  private readonly knownRules = RULES.map((rule) => rule.meta.id);
  /** The workspace folders, as paths. */
  folders: string[] = [];

  constructor(
    readonly problems: ConfigProblems,
    private readonly editorLocale: Locale | null,
  ) {}

  invalidate(): void {
    this.configCache.clear();
    this.broken.clear();
    this.ignoreFiles.clear();
  }

  folderOf(file: string): string | null {
    let best: string | null = null;
    for (const folder of this.folders) if (isInside(folder, file) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  classify(uri: string, text: TextSource, settings: Settings): Classification {
    const file = uriToPath(uri);
    const folder = file ? this.folderOf(file) : (this.folders[0] ?? null);
    const resolved = file ? this.resolve(file, folder) : folder ? this.resolve(path.join(folder, 'untitled.md'), folder) : defaultResolvedConfig(process.cwd());
    const knownSchema = (id: string) => builtinSchemaIds().includes(id) || id === resolved.schema.id;
    const scope = this.scopeOf(resolved, folder, settings);
    const found = { resolved, folder, includeFrom: scope.includeFrom };
    if (!settings.enable) return verdict({ ...found, notTaken: 'disabled' }, text, settings, this.editorLocale);
    if (file !== null && this.isExcluded(file, folder, settings)) return verdict({ ...found, notTaken: 'excluded' }, text, settings, this.editorLocale);
    const taken = file
      ? classifyDraft({ file, scope, text: headOf(text), knownSchema, ignoreFiles: this.ignoreFilesOf(folder ?? resolved.dir) })
      : ((named) => ({ draft: named !== null && knownSchema(named), reason: 'not-included' }))(frontmatterSchema(text));
    const notTaken = taken.draft ? null : taken.reason === 'not-included' ? 'not-included' : 'ignored';
    return verdict({ ...found, notTaken }, text, settings, this.editorLocale);
  }

  /**
   * Does `files.exclude` hide the file? Its globs are relative to the workspace folder and,
   * as in VS Code's explorer, a glob matching a folder (`**\/node_modules`) hides what is in it.
   */
  isExcluded(file: string, folder: string | null, settings: Settings): boolean {
    if (settings.filesExclude.length === 0 || !folder) return false;
    const relative = path.relative(folder, file).split(path.sep).join('/');
    if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
    // The setting comes from the workspace too: a glob that would compile to a catastrophic
    // regular expression is dropped, as a config file refuses it.
    const matches = safeGlobMatcher(settings.filesExclude);
    const parts = relative.split('/');
    for (let length = 1; length <= parts.length; length++) if (matches(parts.slice(0, length).join('/'))) return true;
    return false;
  }

  /** Which globs decide for drafts under this config (engine/classify.ts). */
  private scopeOf(resolved: ResolvedConfig, folder: string | null, settings: Settings): DraftScope {
    return draftScope({ include: resolved.explicit.include, includeDir: resolved.includeDir, ignore: resolved.config.ignore ?? [], ignoreDir: resolved.ignoreDir }, folder ?? resolved.dir, settings.include);
  }

  /** .gitignore and .fivenetsignore files, read once per folder until the next change. */
  private ignoreFilesOf(root: string): IgnoreFiles {
    let ignoreFiles = this.ignoreFiles.get(root);
    if (!ignoreFiles) {
      ignoreFiles = new IgnoreFiles(root);
      this.ignoreFiles.set(root, ignoreFiles);
    }
    return ignoreFiles;
  }

  /** The config for a file; a broken config is reported on itself and the defaults are used. */
  private resolve(file: string, folder: string | null): ResolvedConfig {
    const dir = path.dirname(file);
    const broken = this.broken.get(dir);
    if (broken) return broken;
    try {
      return resolveConfigForFile(file, { workspaceRoot: folder ?? undefined, cache: this.configCache, knownRules: this.knownRules });
    } catch (error) {
      if (!(error instanceof LocatedError)) throw error;
      this.problems.report(error);
      const fallback = defaultResolvedConfig(folder ?? dir);
      this.broken.set(dir, fallback);
      return fallback;
    }
  }
}
