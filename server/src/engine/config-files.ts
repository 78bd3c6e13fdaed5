/**
 * Where configs are found and what names a built-in schema: file-system facts only, with no
 * other engine import, so the CLI's cached path (cli/fast.ts) can use them without loading
 * the engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Config file names, in order of precedence within one folder. */
export const CONFIG_NAMES = ['.fivenets.yaml', '.fivenets.yml', '.fivenets.json'] as const;

/** The config file in `dir` itself (not its ancestors), or null. */
export function configIn(dir: string): string | null {
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(dir, name);
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

/** A bare kebab-case word names a built-in schema; anything else is a path. */
export function isBuiltinSchemaId(value: string): boolean {
  return /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/u.test(value);
}

/**
 * The repository that holds `dir`: the nearest folder (itself or an ancestor) with a `.git`
 * entry (a folder, or the file of a worktree or submodule), or null outside any repository.
 */
export function repositoryRoot(dir: string): string | null {
  for (let current = path.resolve(dir); ;) {
    try {
      fs.lstatSync(path.join(current, '.git'));
      return current;
    } catch {
      // not here
    }
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}
