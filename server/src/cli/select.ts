/**
 * Which files the CLI's folder walk lints: the engine's draft classification
 * (engine/classify.ts, the language server's answer too) applied to what files.ts finds,
 * with the command line's ignore flags. Shared by the full lint (load.ts) and the cached
 * path (fast.ts), so both select the same drafts. Light: no engine import beyond classify.
 *
 * - a file named on the command line is always linted;
 * - files matched by a glob argument are linted unless an ignore file or the config's
 *   `ignore` leaves them out (the glob is the user's include);
 * - files found under a folder argument are linted when they are drafts: not ignored, and
 *   matching the include globs or naming a schema in their frontmatter.
 */
import * as path from 'node:path';
import { IgnoreFiles, classifyByPath, draftScope, readHead, relativeInside, type ScopeSource, type Verdict } from '../engine/classify';
import { frontmatterSchema } from '../engine/frontmatter';
import type { FileTarget, Found } from './files';

/**
 * How a file the walk found is judged: named on the command line (or found under a folder
 * that was named too) it is always linted, unless `draftsOnly` (--drafts-only, for pre-commit
 * and lint-staged, which name every staged Markdown file): then it is judged as a folder's file.
 */
export function judgedAs(found: Found, named: ReadonlySet<string>, draftsOnly: boolean): Found {
  if (found.how !== 'named' && !named.has(found.absolute)) return found;
  return draftsOnly ? { ...found, how: 'folder' } : { ...found, how: 'named' };
}

export interface IgnoreFlags {
  /** --ignore-path files (replace .gitignore and .fivenetsignore). */
  ignorePaths: readonly string[];
  /** --no-ignore: no ignore files and no config `ignore` globs. */
  noIgnore: boolean;
}

/** `null` from knownSchema: the caller cannot tell here (the cached path hands over). */
type SchemaCheck = (id: string, absolute: string) => boolean | null;

export class DraftSelector {
  private readonly ignoreFiles: IgnoreFiles | null;

  constructor(
    private readonly cwd: string,
    flags: IgnoreFlags,
    private readonly scopeSource: (absolute: string) => ScopeSource,
    private readonly knownSchema: SchemaCheck,
  ) {
    this.ignoreFiles = flags.noIgnore ? null : new IgnoreFiles(cwd, flags.ignorePaths);
    this.noIgnore = flags.noIgnore;
  }

  private readonly noIgnore: boolean;

  /**
   * The verdict on a file the walk found (or was named), or null when the cached path
   * must hand over (a frontmatter schema it cannot check).
   */
  verdict(found: Found): Verdict | null {
    if (found.how === 'named') return { draft: true, reason: 'named' };
    // Ignore files first: an ignored folder's configs are never read (a broken one cannot stop the run).
    const byFile = this.ignoreFiles?.ignoredBy(found.absolute) ?? null;
    if (byFile) return { draft: false, reason: 'ignore-file', detail: byFile };
    const source = this.scopeSource(found.absolute);
    const scope = draftScope(this.noIgnore ? { ...source, ignore: [] } : source, this.rootOf(found));
    const byPath = classifyByPath(found.absolute, scope, null);
    if (byPath) return byPath;
    if (found.how === 'glob') return { draft: true, reason: 'named' };
    const head = readHead(found.absolute);
    const named = head === null ? null : frontmatterSchema(head);
    if (named === null) return { draft: false, reason: 'not-included' };
    const known = this.knownSchema(named, found.absolute);
    if (known === null) return null;
    return known ? { draft: true, reason: 'frontmatter', detail: named } : { draft: false, reason: 'not-included' };
  }

  /** The ignore files that apply to a file (for --print-config). */
  ignoreFilesFor(absolute: string): string[] {
    return this.ignoreFiles?.filesFor(absolute) ?? [];
  }

  /** What default include globs are relative to: the working folder, or the folder argument outside it. */
  rootOf(found: Pick<Found, 'absolute' | 'root'>): string {
    if (relativeInside(this.cwd, found.absolute) !== null) return path.resolve(this.cwd);
    return found.root ?? path.dirname(found.absolute);
  }
}

/** Counts Markdown files and drafts under each folder argument, to say when a folder has none of its files linted. */
export class FolderTally {
  private readonly tally = new Map<string, { files: number; drafts: number; first: string }>();

  add(found: FileTarget, draft: boolean): void {
    if (found.how !== 'folder' || found.root === undefined) return;
    const entry = this.tally.get(found.root) ?? { files: 0, drafts: 0, first: found.display };
    entry.files++;
    if (draft) entry.drafts++;
    this.tally.set(found.root, entry);
  }

  /** One line per folder with Markdown files and no draft. */
  notes(display: (folder: string) => string): string[] {
    return [...this.tally].filter(([, entry]) => entry.drafts === 0).map(([folder, entry]) => `${display(folder)}: ${entry.files} Markdown file(s), none of them a draft (see --print-config ${entry.first})`);
  }
}

/** A folder as the user would write it: relative to the working folder when inside it. */
export function displayFolder(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative.split(path.sep).join('/');
}
