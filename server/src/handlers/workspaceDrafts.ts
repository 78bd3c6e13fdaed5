/**
 * Drafts on disk in the workspace folders, for features that look beyond the open
 * documents (workspace symbols, the overview): the Markdown files that the engine's draft
 * classification takes, read when a feature asks for them and cached by modification time
 * and size until the config or settings change.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { readRegularFile } from '../engine/read-file';
import type { DiskConfig } from './diskConfig';
import type { Drafts } from './drafts';
import type { DiskDraft, DraftsOnDisk } from './draftsOnDisk';
import type { SettingsStore } from './settings';

interface CacheEntry {
  mtimeMs: number;
  size: number;
  generation: number;
  draft: DiskDraft | null;
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * The file search is confined and bounded: it lists the Markdown files of the folder with fixed
 * globs (the include globs, which a repository's settings can set, only classify what it
 * finds), links are not followed, and a search stops after CRAWL_MS, at MAX_DEPTH folders
 * deep, keeping the first MAX_FILES Markdown files.
 */
export const MAX_FILES = 5000;
const MAX_DEPTH = 32;
const CRAWL_MS = 3000;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export class WorkspaceDrafts implements DraftsOnDisk {
  private readonly cache = new Map<string, CacheEntry>();
  private generation = 0;

  constructor(
    private readonly disk: DiskConfig,
    private readonly drafts: Drafts,
    private readonly settings: SettingsStore,
  ) {}

  invalidate(): void {
    this.generation++;
  }

  async *list(stop: () => boolean = () => false): AsyncGenerator<DiskDraft> {
    for (const folder of this.disk.folders) {
      if (stop()) return;
      for (const file of await this.files(folder)) {
        if (stop()) return;
        // An open document counts as it is in the editor.
        if (this.drafts.isOpen(pathToFileURL(file).href)) continue;
        const draft = await this.read(file);
        if (draft) yield draft;
      }
    }
  }

  /**
   * The Markdown files under a folder, sorted, as `fivenets lint DIR` finds them: read() then
   * keeps the drafts (engine/classify.ts), so the overview and workspace symbols see the drafts
   * the CLI lints, also those a nested config's include or a frontmatter makes drafts.
   */
  private async files(folder: string): Promise<string[]> {
    const settings = await this.settings.get(pathToFileURL(folder).href);
    if (!settings.enable) return [];
    // Fixed globs (a repository's settings no longer shape the search), crawled in bounds.
    const signal = AbortSignal.timeout(CRAWL_MS);
    const found = await glob(['**/*.md', '**/*.markdown'], { cwd: folder, ignore: IGNORE, absolute: true, dot: false, followSymbolicLinks: false, deep: MAX_DEPTH, signal });
    const inside = found.map((file) => path.normalize(file)).filter((file) => isInside(folder, file) && !this.disk.isExcluded(file, folder, settings));
    return [...new Set(inside)].sort().slice(0, MAX_FILES);
  }

  /** The file as a draft, or null when it is not one (ignored, disabled, too large, unreadable, not UTF-8). */
  private async read(file: string): Promise<DiskDraft | null> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      this.cache.delete(file);
      return null;
    }
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.generation === this.generation) return cached.draft;
    const generation = this.generation;
    let draft: DiskDraft | null = null;
    const uri = pathToFileURL(file).href;
    const settings = await this.settings.get(uri);
    // Over the limit in bytes is over it in characters too: skip without reading.
    if (stat.isFile() && stat.size <= settings.maxFileSize) {
      try {
        // The bounded reader: a FIFO or device swapped in after the stat is refused, not read.
        let text = decoder.decode(readRegularFile(file, settings.maxFileSize));
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const classification = this.disk.classify(uri, text, settings);
        if (classification.draft) draft = { file, uri, text, classification, settings };
      } catch {
        // Unreadable or not UTF-8: not a draft we can show.
      }
    }
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, generation, draft });
    return draft;
  }
}

/** True when `file` is `folder` or below it. */
function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
