/**
 * --cache: results keyed by file content hash + effective config + tool version (ESLint's
 * "content" strategy), so a CI checkout where modification times change still hits.
 */
import * as fs from 'node:fs';
import type { LintDiagnostic } from '../engine';
import { VERSION } from '../version';

interface Entry {
  contentHash: string;
  optionsHash: string;
  diagnostics: LintDiagnostic[];
}

interface CacheFile {
  tool: string;
  entries: Record<string, Entry>;
}

export class LintCache {
  private entries: Record<string, Entry> = {};
  private dirty = false;

  constructor(private readonly file: string) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      // A cache written by another version is ignored: rules may have changed.
      if (parsed && parsed.tool === VERSION && typeof parsed.entries === 'object') this.entries = parsed.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  get(absolute: string, contentHash: string, optionsHash: string): LintDiagnostic[] | null {
    const entry = this.entries[absolute];
    return entry && entry.contentHash === contentHash && entry.optionsHash === optionsHash ? entry.diagnostics : null;
  }

  set(absolute: string, contentHash: string, optionsHash: string, diagnostics: LintDiagnostic[]): void {
    this.entries[absolute] = { contentHash, optionsHash, diagnostics };
    this.dirty = true;
  }

  save(): string | null {
    if (!this.dirty) return null;
    try {
      fs.writeFileSync(this.file, JSON.stringify({ tool: VERSION, entries: this.entries } satisfies CacheFile));
      return null;
    } catch (error) {
      return `cannot write cache ${this.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
  }
}
