/**
 * The owners the workspace's drafts name: open drafts as they are in the editor, the other
 * drafts as they are on disk. Owner completion and the quick fixes on a placeholder or
 * vague owner offer them, so a unit typed once in one draft is offered in every other.
 */
import { buildModel, type PolicyModel } from '../engine';
import { allMeasures } from '../engine/summary';
import { isPlaceholder, isVagueOwner } from '../engine/vocabulary';
import type { Drafts } from './drafts';
import type { DiskDraft, DraftsOnDisk } from './draftsOnDisk';

/** Owners of one model, once per lint result (completion asks on every keystroke). */
const byModel = new WeakMap<PolicyModel, string[]>();
/** Owners of a draft on disk, while the file is unchanged (WorkspaceDrafts returns the same object). */
const byDiskDraft = new WeakMap<DiskDraft, string[]>();

function ownersOf(model: PolicyModel): string[] {
  let owners = byModel.get(model);
  if (!owners) {
    const found = new Set<string>();
    for (const measure of allMeasures(model)) {
      for (const owner of [measure.owner?.value ?? '', ...measure.coOwners]) {
        // The engine's definitions: a placeholder or 有关部门 names nobody, so it is never offered.
        if (owner.trim() !== '' && !isPlaceholder(owner) && !isVagueOwner(owner)) found.add(owner.trim());
      }
    }
    owners = [...found];
    byModel.set(model, owners);
  }
  return owners;
}

/**
 * Globbing the folders is the cost (a few ms per hundred files): the drafts on disk are
 * listed again at most this often, while open drafts are always current.
 */
const DISK_REFRESH_MS = 5_000;

export class WorkspaceOwners {
  private disk: { at: number; owners: Promise<string[]> } | null = null;

  constructor(
    private readonly drafts: Drafts,
    private readonly workspace: DraftsOnDisk,
  ) {}

  /** Config, settings or folders changed: list the drafts on disk again. */
  invalidate(): void {
    this.disk = null;
  }

  /** Every owner named in the workspace, open drafts first, each once. */
  async all(): Promise<string[]> {
    const owners = new Set<string>();
    for (const analysis of await this.drafts.openDrafts()) for (const owner of ownersOf(analysis.result.model)) owners.add(owner);
    for (const owner of await this.onDisk()) owners.add(owner);
    return [...owners];
  }

  private onDisk(): Promise<string[]> {
    const now = Date.now();
    if (!this.disk || now - this.disk.at > DISK_REFRESH_MS) this.disk = { at: now, owners: this.readDisk() };
    return this.disk.owners;
  }

  private async readDisk(): Promise<string[]> {
    const owners = new Set<string>();
    for await (const draft of this.workspace.list()) {
      let found = byDiskDraft.get(draft);
      if (!found) {
        const options = this.drafts.lintOptions(draft.classification, draft.settings);
        found = ownersOf(buildModel(draft.text, { schema: options.schema, documentDate: options.documentDate }));
        byDiskDraft.set(draft, found);
      }
      for (const owner of found) owners.add(owner);
    }
    return [...owners];
  }
}
