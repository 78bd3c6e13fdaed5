/**
 * workspace/symbol: find a measure by its text or owner across the open drafts and the
 * drafts on disk in the workspace folders (files matching the include globs, read when a
 * search asks for them and cached by modification time).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { LineIndex, buildModel, netName } from '../engine';
import type { Locale, PolicyModel } from '../engine';
import type { PolicySchema } from '../engine/schema';
import { simplify } from '../engine/script';
import { allMeasures, measureTitle } from '../engine/summary';
import type { Drafts } from './drafts';
import type { SettingsStore } from './settings';
import { toRange } from './convert';
import { trimEnd } from './symbols';

interface Entry {
  symbol: SymbolInformation;
  /** Measure text and owners, simplified and lower-cased, for matching. */
  key: string;
}

interface DiskEntry {
  mtimeMs: number;
  size: number;
  generation: number;
  entries: Entry[];
}

const MAX_RESULTS = 500;
const IGNORE = ['**/node_modules/**', '**/.git/**'];
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function entriesOf(uri: string, text: string, model: PolicyModel, lines: LineIndex, schema: PolicySchema, locale: Locale): Entry[] {
  return allMeasures(model).map((measure): Entry => {
    const owners = [measure.owner?.value, ...measure.coOwners].filter((owner): owner is string => !!owner);
    const name = measureTitle(measure) || '…';
    const container = [netName(schema, measure.netId, locale), measure.owner?.value].filter((part) => !!part).join(' · ');
    const symbol: SymbolInformation = { name, kind: SymbolKind.Event, location: { uri, range: toRange(lines, trimEnd(text, measure.span)) } };
    if (container) symbol.containerName = container;
    return { symbol, key: simplify(`${measure.text}\n${owners.join('\n')}`).toLowerCase() };
  });
}

export class WorkspaceSymbolsFeature {
  private readonly disk = new Map<string, DiskEntry>();
  private generation = 0;

  constructor(
    private readonly drafts: Drafts,
    private readonly settings: SettingsStore,
  ) {}

  /** Config changed: drafts on disk must be classified again. */
  invalidate(): void {
    this.generation++;
  }

  async search(params: WorkspaceSymbolParams, token?: CancellationToken): Promise<SymbolInformation[]> {
    const query = simplify(params.query.trim()).toLowerCase();
    const results: SymbolInformation[] = [];
    const add = (entries: Entry[]) => {
      for (const entry of entries) {
        if (results.length >= MAX_RESULTS) return;
        if (query.length === 0 || entry.key.includes(query)) results.push(entry.symbol);
      }
    };
    for (const analysis of await this.drafts.openDrafts()) {
      add(entriesOf(analysis.uri, analysis.text, analysis.result.model, analysis.result.lines, analysis.options.schema, analysis.locale));
    }
    for (const folder of this.drafts.folders) {
      if (token?.isCancellationRequested || results.length >= MAX_RESULTS) break;
      for (const file of await this.draftFiles(folder)) {
        if (token?.isCancellationRequested || results.length >= MAX_RESULTS) break;
        const uri = pathToFileURL(file).href;
        if (this.drafts.isOpen(uri)) continue;
        add(await this.fromDisk(file, uri));
      }
    }
    return results;
  }

  /** Files under a folder that match its include globs (setting, and the root config's own). */
  private async draftFiles(folder: string): Promise<string[]> {
    const settings = await this.settings.get(pathToFileURL(folder).href);
    if (!settings.enable) return [];
    const resolved = this.drafts.resolve(path.join(folder, 'untitled.md'), folder);
    const fromConfig = this.drafts.explicitConfig(resolved).include;
    const found = await glob(settings.include, { cwd: folder, ignore: IGNORE, absolute: true, dot: false });
    if (fromConfig) found.push(...(await glob(fromConfig, { cwd: resolved.dir, ignore: IGNORE, absolute: true, dot: false })));
    return [...new Set(found.map((file) => path.normalize(file)))].sort();
  }

  private async fromDisk(file: string, uri: string): Promise<Entry[]> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      this.disk.delete(file);
      return [];
    }
    const cached = this.disk.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size && cached.generation === this.generation) return cached.entries;
    let entries: Entry[] = [];
    const settings = await this.settings.get(uri);
    // Over the limit in bytes is over it in characters too: skip without reading.
    if (stat.isFile() && stat.size <= settings.maxFileSize) {
      try {
        let text = decoder.decode(await fs.readFile(file));
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const classification = this.drafts.classify(uri, text, settings);
        if (classification.draft) {
          const schema = classification.resolved.schema;
          const model = buildModel(text, { schema, documentDate: classification.resolved.config.date ?? null });
          entries = entriesOf(uri, text, model, new LineIndex(text), schema, classification.locale);
        }
      } catch {
        // Unreadable or not UTF-8: not a draft we can search.
      }
    }
    this.disk.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, generation: this.generation, entries });
    return entries;
  }
}
