/**
 * workspace/symbol: find a measure by its text or owner across the open drafts and the
 * drafts on disk in the workspace folders (workspaceDrafts.ts reads them when a search
 * asks; their entries are kept as long as the file is unchanged).
 */
import { SymbolKind, type CancellationToken, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { LineIndex, buildModel, netName } from '../engine';
import type { Locale, PolicyModel } from '../engine';
import type { PolicySchema } from '../engine/schema';
import { chooseSchema } from '../engine/schema/select';
import { simplify } from '../engine/script';
import { allMeasures, measureTitle } from '../engine/summary';
import type { Drafts } from './drafts';
import type { DiskDraft, DraftsOnDisk } from './draftsOnDisk';
import { toRange } from './convert';
import { trimEnd } from './symbols';

interface Entry {
  symbol: SymbolInformation;
  /** Measure text and owners, simplified and lower-cased, for matching. */
  key: string;
}

const MAX_RESULTS = 500;

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
  /** Entries of each unchanged draft on disk (WorkspaceDrafts returns the same object until it changes). */
  private readonly disk = new WeakMap<DiskDraft, Entry[]>();

  constructor(
    private readonly drafts: Drafts,
    private readonly workspace: DraftsOnDisk,
  ) {}

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
    for await (const draft of this.workspace.list(() => token?.isCancellationRequested === true || results.length >= MAX_RESULTS)) add(this.entriesOnDisk(draft));
    return results;
  }

  private entriesOnDisk(draft: DiskDraft): Entry[] {
    let entries = this.disk.get(draft);
    if (!entries) {
      const { text, classification } = draft;
      // The schema this draft is checked against (frontmatter, config or its headings), as an open one is.
      const { resolved } = classification;
      const { schema } = chooseSchema(text, resolved.schema, resolved.schemaFrom ?? 'config');
      const model = buildModel(text, { schema, documentDate: classification.resolved.config.date ?? null });
      entries = entriesOf(draft.uri, text, model, new LineIndex(text), schema, classification.locale);
      this.disk.set(draft, entries);
    }
    return entries;
  }
}
