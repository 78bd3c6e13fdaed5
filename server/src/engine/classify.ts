/**
 * One answer to "is this file a policy draft?", for the language server, the CLI's folder
 * walk (and its cached path), `report` and the overview, so the editor and CI lint the same
 * files. In order:
 *
 * 1. a file named explicitly (on the command line) is a draft;
 * 2. a file ignored by an ignore file (.gitignore, .fivenetsignore, --ignore-path) is not;
 * 3. a file matching the config's `ignore` globs is not;
 * 4. a file matching the `include` globs is a draft;
 * 5. a file whose frontmatter names a schema the tool knows (`schema: five-nets`) is a draft;
 * 6. anything else (README.md, CHANGELOG.md, docs/) is not.
 *
 * Light on purpose (picomatch, ignore and the file system only): the CLI's cached path
 * (cli/fast.ts) classifies without loading the engine.
 */
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { repositoryRoot } from './config-files';
import { frontmatterSchema } from './frontmatter';
import { safeGlobMatcher } from './glob-match';
import { DEFAULT_INCLUDE } from './globs';
import { FileReadError, readRegularHead, readRegularText } from './read-file';

/** A project's own ignore file (gitignore syntax), read beside .gitignore. */
const FIVENETS_IGNORE = '.fivenetsignore';
const IGNORE_FILE_NAMES = ['.gitignore', FIVENETS_IGNORE];
/** Ignore files are short; a larger one is not read (and ignores nothing). */
const MAX_IGNORE_FILE_SIZE = 1024 * 1024;
/** What is read of a file to find its frontmatter (frontmatter.ts scans no further). */
const HEAD_BYTES = 64 * 1024;

/** Which globs decide, and the folders they are relative to. */
export interface DraftScope {
  include: readonly string[];
  /** Folder the include globs are relative to: the config's folder when it sets them, else the workspace root. */
  includeBase: string;
  /** Where the include globs come from. */
  includeFrom: 'config' | 'setting' | 'default';
  /** The config's `ignore` globs, relative to `ignoreBase` (the config's folder). */
  ignore: readonly string[];
  ignoreBase: string;
}

type DraftReason =
  | 'named' // named explicitly on the command line
  | 'include' // matches the include globs
  | 'frontmatter' // frontmatter names a known schema
  | 'ignore-file' // ignored by .gitignore, .fivenetsignore or --ignore-path
  | 'config-ignore' // matches the config's ignore globs
  | 'not-included'; // none of the above

export interface Verdict {
  draft: boolean;
  reason: DraftReason;
  /** The ignore file that left it out (reason 'ignore-file'), or the schema the frontmatter names ('frontmatter'). */
  detail?: string;
}

interface ClassifyInput {
  /** Absolute path of the file. */
  file: string;
  scope: DraftScope;
  /** The file's text, or a way to read its first HEAD_BYTES (asked only when the globs do not decide). */
  text: string | (() => string | null);
  /** Does the tool know this schema id? (Built-in ids and the config's schema.) */
  knownSchema: (id: string) => boolean;
  named?: boolean;
  ignoreFiles?: IgnoreFiles | null;
}

/** What draftScope reads of a resolved config (engine/config.ts ResolvedConfig, or the CLI cache's record of one). */
export interface ScopeSource {
  /** `include` as the config files write it (undefined: they do not). */
  include: readonly string[] | undefined;
  includeDir: string;
  ignore: readonly string[];
  ignoreDir: string;
}

/**
 * The scope of a config: its own `include` (relative to the file that wrote it), else the
 * editor's `fivenets.include` setting or DEFAULT_INCLUDE, relative to `root` (the workspace
 * folder; for the CLI the working folder, or the folder argument outside it).
 */
export function draftScope(source: ScopeSource, root: string, settingInclude?: readonly string[]): DraftScope {
  if (source.include !== undefined) return { include: source.include, includeBase: source.includeDir, includeFrom: 'config', ignore: source.ignore, ignoreBase: source.ignoreDir };
  return {
    include: settingInclude ?? DEFAULT_INCLUDE,
    includeBase: root,
    includeFrom: settingInclude ? 'setting' : 'default',
    ignore: source.ignore,
    ignoreBase: source.ignoreDir,
  };
}

/** `file` relative to `base` with forward slashes, or null when it is not below `base`. */
export function relativeInside(base: string, file: string): string | null {
  const relative = path.relative(base, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return relative.split(path.sep).join('/');
}

function matchesGlobs(globs: readonly string[], base: string, file: string): boolean {
  const relative = relativeInside(base, file);
  return relative !== null && globs.length > 0 && safeGlobMatcher(globs)(relative);
}

/** Is the config's `ignore` leaving this file out? */
function ignoredByScope(scope: Pick<DraftScope, 'ignore' | 'ignoreBase'>, file: string): boolean {
  return matchesGlobs(scope.ignore, scope.ignoreBase, file);
}

/** Steps 2-4 of the order above: the verdict when the globs decide it, or null when the frontmatter must. */
export function classifyByPath(file: string, scope: DraftScope, ignoreFiles: IgnoreFiles | null | undefined, named = false): Verdict | null {
  if (named) return { draft: true, reason: 'named' };
  const byFile = ignoreFiles?.ignoredBy(file) ?? null;
  if (byFile) return { draft: false, reason: 'ignore-file', detail: byFile };
  if (ignoredByScope(scope, file)) return { draft: false, reason: 'config-ignore' };
  if (matchesGlobs(scope.include, scope.includeBase, file)) return { draft: true, reason: 'include' };
  return null;
}

export function classifyDraft(input: ClassifyInput): Verdict {
  const byPath = classifyByPath(input.file, input.scope, input.ignoreFiles, input.named);
  if (byPath) return byPath;
  const text = typeof input.text === 'string' ? input.text : input.text();
  const named = text === null ? null : frontmatterSchema(text);
  if (named !== null && input.knownSchema(named)) return { draft: true, reason: 'frontmatter', detail: named };
  return { draft: false, reason: 'not-included' };
}

/**
 * Enough of a regular file's start for frontmatterSchema, or null when it is not a regular
 * file or cannot be read (read-file.ts: never blocks on a FIFO or a device). Reads 4 KB, and
 * up to HEAD_BYTES only when a frontmatter block opens there and does not close.
 */
export function readHead(file: string): string | null {
  try {
    const bytes = readRegularHead(file, FIRST_BYTES);
    const head = bytes.toString('utf8');
    const opens = head.startsWith('---') || head.startsWith('\ufeff---');
    const whole = bytes.length < FIRST_BYTES;
    if (!opens || whole || /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u.test(head)) return head;
    return readRegularHead(file, HEAD_BYTES).toString('utf8');
  } catch {
    return null;
  }
}

/** What readHead reads first: a frontmatter's schema line is nearly always within it. */
const FIRST_BYTES = 4096;

/** A parsed ignore file. */
interface IgnoreFile {
  file: string;
  dir: string;
  rules: Ignore;
}

/**
 * Ignore files in gitignore syntax, read with the `ignore` package (what ESLint, Prettier and
 * globby use): either the ones found beside the files (.gitignore and .fivenetsignore in each
 * folder from the top down to the file's folder; the top is the git repository's root, else
 * `root`), or only the files given (--ignore-path), each relative to its own folder. A deeper
 * file's `!pattern` re-includes what a shallower one ignored, as in git.
 */
export class IgnoreFiles {
  private readonly byDir = new Map<string, IgnoreFile[]>();
  private readonly tops = new Map<string, string>();
  private readonly explicit: IgnoreFile[] | null;

  /**
   * `root`: the top when no git repository holds a file (the CLI's working folder, the
   * workspace folder). `paths`: --ignore-path files, which replace discovery.
   */
  constructor(
    private readonly root: string,
    paths?: readonly string[],
  ) {
    this.explicit = paths && paths.length > 0 ? paths.map((file) => loadIgnoreFile(path.resolve(root, file), true)).filter((loaded): loaded is IgnoreFile => loaded !== null) : null;
  }

  /** The ignore files that apply to `file`, shallowest first. */
  filesFor(file: string): string[] {
    return this.chain(file).map((loaded) => loaded.file);
  }

  /** The ignore file that leaves `file` out, or null. */
  ignoredBy(file: string): string | null {
    let by: string | null = null;
    for (const loaded of this.chain(file)) {
      const relative = relativeInside(loaded.dir, file);
      if (relative === null) continue;
      const result = loaded.rules.test(relative);
      if (result.ignored) by = loaded.file;
      else if (result.unignored) by = null;
    }
    return by;
  }

  private chain(file: string): IgnoreFile[] {
    if (this.explicit) return this.explicit;
    const dir = path.dirname(path.resolve(file));
    const top = this.topOf(dir);
    const dirs: string[] = [];
    for (let current = dir; ; current = path.dirname(current)) {
      dirs.unshift(current);
      if (current === top || path.dirname(current) === current) break;
    }
    return dirs.flatMap((folder) => this.filesIn(folder));
  }

  /** The git root above `dir`, else `root` when it holds `dir`, else `dir` itself. */
  private topOf(dir: string): string {
    let top = this.tops.get(dir);
    if (top === undefined) {
      const inRoot = relativeInside(this.root, dir) !== null || path.resolve(this.root) === dir;
      top = repositoryRoot(dir) ?? (inRoot ? path.resolve(this.root) : dir);
      this.tops.set(dir, top);
    }
    return top;
  }

  private filesIn(dir: string): IgnoreFile[] {
    let loaded = this.byDir.get(dir);
    if (!loaded) {
      loaded = IGNORE_FILE_NAMES.map((name) => loadIgnoreFile(path.join(dir, name), false)).filter((found): found is IgnoreFile => found !== null);
      this.byDir.set(dir, loaded);
    }
    return loaded;
  }
}

/** An ignore file given by the user that cannot be read. */
export class IgnoreFileError extends Error {}

function loadIgnoreFile(file: string, required: boolean): IgnoreFile | null {
  let text: string;
  try {
    text = readRegularText(file, MAX_IGNORE_FILE_SIZE);
  } catch (error) {
    if (!required) return null;
    throw new IgnoreFileError(`--ignore-path ${file}: ${error instanceof FileReadError ? error.message : String(error)}`);
  }
  return { file, dir: path.dirname(file), rules: ignore({ allowRelativePaths: true }).add(text) };
}
