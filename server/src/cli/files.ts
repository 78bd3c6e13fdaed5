/** Turning CLI arguments (files, folders, globs) into a sorted list of drafts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import picomatch from 'picomatch';

export interface FileTarget {
  /** The path as the user gave it or as found under a folder (relative to cwd when possible). */
  display: string;
  absolute: string;
  /** How it was found: named on the command line, under a folder argument, or by a glob argument. */
  how: 'named' | 'folder' | 'glob';
  /** The folder argument it was found under. */
  root?: string;
}

/** A file the walk found, for the draft selection (select.ts). */
export type Found = FileTarget;

export class UsageError extends Error {}

const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Folders and globs are crawled without following symbolic links (tinyglobby's
 * followSymbolicLinks: false): a link to /usr is not crawled, a link loop is not walked, and
 * a link under the folder to a draft elsewhere is not linted (nor written by --fix). A link
 * named explicitly is linted. Each real path is linted once, however many names reach it.
 */
export function expandTargets(args: string[], cwd: string, ignore: string[] = []): FileTarget[] {
  const seen = new Set<string>();
  const targets: FileTarget[] = [];
  const ignored = picomatch([...DEFAULT_IGNORE, ...ignore], { dot: true });
  const add = (absolute: string, display: string, how: FileTarget['how'], root?: string) => {
    const real = realpathOr(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    targets.push(root === undefined ? { absolute, display, how } : { absolute, display, how, root });
  };
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    let stat: fs.Stats | null = null;
    try {
      stat = fs.statSync(absolute);
    } catch {
      stat = null;
    }
    if (stat?.isDirectory()) {
      const found = globSync(['**/*.md', '**/*.markdown'], { cwd: absolute, ignore: [...DEFAULT_IGNORE, ...ignore], dot: false, followSymbolicLinks: false })
        .sort()
        .map((relative) => path.join(absolute, relative));
      for (const file of found) add(file, displayPath(file, cwd), 'folder', absolute);
    } else if (stat) {
      // A file named explicitly is linted whatever its extension (the seed is a .txt).
      add(absolute, arg, 'named');
    } else if (isDynamicPattern(arg)) {
      const found = globSync([arg], { cwd, ignore: [...DEFAULT_IGNORE, ...ignore], followSymbolicLinks: false }).sort();
      if (found.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const relative of found) {
        const file = path.resolve(cwd, relative);
        if (!ignored(path.relative(cwd, file))) add(file, relative, 'glob');
      }
    } else {
      // Missing paths are reported per file (exit 2) with the others still linted.
      add(absolute, arg, 'named');
    }
  }
  return targets;
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return file;
  }
}

function displayPath(file: string, cwd: string): string {
  // The common case without path.relative (which resolves both paths on every call).
  const base = path.resolve(cwd);
  if (file.startsWith(base) && file[base.length] === path.sep && base.length > path.parse(base).root.length)
    return file
      .slice(base.length + 1)
      .split(path.sep)
      .join('/');
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
