/**
 * Which config file governs a draft, and what an effective config was built from, without
 * loading the engine: the cached path (fast.ts) checks a recorded config against these files
 * instead of parsing and validating it. Discovery uses engine/config-files.ts, as
 * engine/config.ts does (resolveConfigForFile without a workspace root); test/cli/fast.test.ts
 * checks that both find the same files.
 */
import * as path from 'node:path';
import type { SeveritySetting, Locale } from '../engine/types';

import { configIn } from '../engine/config-files';

export { CONFIG_NAMES } from '../engine/config-files';

/** Finds the nearest config file of folders, asking the file system once per folder. */
export class ConfigLocator {
  private readonly found = new Map<string, string | null>();

  /** The config file in `dir` or its nearest ancestor, or null. */
  find(dir: string): string | null {
    const visited: string[] = [];
    let result: string | null = null;
    for (let current = path.resolve(dir); ;) {
      const known = this.found.get(current);
      if (known !== undefined) {
        result = known;
        break;
      }
      visited.push(current);
      const here = configIn(current);
      if (here) {
        result = here;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const folder of visited) this.found.set(folder, result);
    return result;
  }
}

export interface Overrides {
  locale: Locale | null;
  severities: Record<string, SeveritySetting>;
}

/**
 * Names an effective config: its file (or, with none, the draft's folder, which the default
 * config's ignore globs are relative to) and the command-line overrides.
 */
export function configKey(file: string | null, folder: string, overrides: Overrides): string {
  return JSON.stringify([file, file === null ? folder : null, overrides.locale, overrides.severities]);
}
