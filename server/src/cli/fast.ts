/**
 * `lint --cache` when nothing changed, without loading the engine (issue #5). Loading the
 * engine bundle (unified, micromark, OpenCC, yaml, ajv, the schema) costs more than the
 * whole cached run, so this path answers from the cache alone: every draft's content hash
 * and every effective config must match what the cache recorded (the config and schema
 * files' content hashes; see ConfigRecord in cache.ts). Anything else (a changed or new
 * draft or config, an unreadable file, a usage error, --fix, standard input) returns to the
 * full lint in commands.ts, which gets the content hashes computed so far and does the rest,
 * errors included. So this path only ever produces what the full lint would have.
 */
import * as path from 'node:path';
import { parseLintArgs, ruleSeverities } from './args';
import { LintCache, hashDraftBytes, hashFile, type ConfigRecord } from './cache';
import { ConfigLocator, configKey } from './config-files';
import { DraftSelector, FolderTally, judgedAs } from './select';
import type { ScopeSource } from '../engine/classify';
import { expandTargets } from './files';
import { FileReport } from './formatters/json';
import type { FileResult } from './formatters/types';
import { readDraftBytes, type ReadBuffer, type CliIO } from './io';
import { exitCode, render, viewOf, writeReport } from './render';
import { refuseOutputThatIsInput } from './safe-write';

/** What the cached path learned before handing over to the full lint. */
export interface Handover {
  /** Content hashes of drafts read under a config that matched the cache (absolute path -> hash). */
  contentHashes: Map<string, string>;
}

/**
 * The cached report of every selected draft, or null when a draft misses or cannot be read
 * (the full lint takes over). Every draft read is hashed into `handover`, misses too: the full
 * lint does not read again the drafts that hit.
 */
function cachedReports(cache: LintCache, selected: Array<{ display: string; absolute: string; config: ConfigRecord }>, quiet: boolean, handover: Handover): FileResult[] | null {
  const buffer: ReadBuffer = { bytes: Buffer.allocUnsafe(256 * 1024) };
  const results: FileResult[] = [];
  let complete = true;
  for (const draft of selected) {
    let contentHash: string;
    try {
      contentHash = hashDraftBytes(readDraftBytes(draft.absolute, draft.config.maxFileSize, buffer));
    } catch {
      // The full lint reports it.
      return null;
    }
    handover.contentHashes.set(draft.absolute, contentHash);
    const hit = complete ? cache.get(draft.absolute, contentHash, draft.config.optionsHash) : null;
    if (!hit) {
      complete = false;
      continue;
    }
    const display = draft.display.split(path.sep).join('/');
    const report = new FileReport(display, hit);
    results.push(quiet ? new FileReport(display, { diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), schema: report.schema }) : report);
  }
  return complete ? results : null;
}

/**
 * The exit code when the cache answered the whole run (the report is written), or what to
 * hand over to the full lint. Never throws and writes nothing unless it answers.
 */
export function lintFromCache(io: CliIO, args: string[]): number | Handover {
  const handover: Handover = { contentHashes: new Map() };
  let cache: LintCache | null = null;
  try {
    const options = parseLintArgs(args);
    if (!options.cache || options.fix || options.fixDryRun || options.schema !== undefined || options.printConfig !== undefined || options.positionals.length === 0 || options.positionals.includes('-')) return handover;
    cache = new LintCache(path.resolve(io.cwd, options.cacheLocation));
    // The full lint prints the warning and runs without the cache.
    if (cache.problem) return handover;
    const locale = options.locale ?? 'zh-CN';
    const ruleTable = cache.ruleTable(locale);
    if (!ruleTable) return handover;
    const overrides = { locale: options.locale, severities: ruleSeverities(options.rules, (id) => ruleTable.some((rule) => rule.id === id)) };

    const explicit = options.config === undefined ? null : path.resolve(io.cwd, options.config);
    const locator = new ConfigLocator();
    const configs = new Map<string, ConfigRecord | null>();
    const inputHashes = new Map<string, string | null>();
    const inputMatches = ([file, hash]: [string, string]) => {
      if (!inputHashes.has(file)) inputHashes.set(file, hashFile(file));
      return inputHashes.get(file) === hash;
    };
    const configFor = (folder: string): ConfigRecord | null => {
      const file = explicit ?? locator.find(folder);
      const key = configKey(file, folder, overrides);
      if (!configs.has(key)) {
        const record = cache?.config(key);
        configs.set(key, record && record.inputs.every(inputMatches) ? record : null);
      }
      return configs.get(key) ?? null;
    };

    const fileArgs = options.positionals;
    const named = new Set(fileArgs.map((arg) => path.resolve(io.cwd, arg)));
    /** Thrown to hand over: a config the cache does not know, or a frontmatter schema to check. */
    const handOver = new Error('hand over');
    const recordOf = (absolute: string): ConfigRecord & { scope: ScopeSource } => {
      const config = configFor(path.dirname(absolute));
      if (!config?.scope) throw handOver;
      return config as ConfigRecord & { scope: ScopeSource };
    };
    const selector = new DraftSelector(
      io.cwd,
      { ignorePaths: options.ignorePaths, noIgnore: options.noIgnore },
      (absolute) => recordOf(absolute).scope,
      (id, absolute) => recordOf(absolute).knownSchemas?.includes(id) ?? null,
    );
    const drafts: Array<{ display: string; absolute: string; config: ConfigRecord }> = [];
    const tally = new FolderTally();
    for (const found of expandTargets(fileArgs, io.cwd)) {
      const target = judgedAs(found, named, options.draftsOnly);
      const verdict = selector.verdict(target);
      if (verdict === null) return handover;
      tally.add(target, verdict.draft);
      if (!verdict.draft) continue;
      drafts.push({ display: target.display, absolute: target.absolute, config: recordOf(target.absolute) });
    }
    // A folder with no draft gets a note: the full lint writes it.
    if (tally.notes((folder) => folder).length > 0) return handover;
    const shard = options.shard;
    const selected = shard ? drafts.filter((_draft, position) => position % shard.count === shard.index - 1) : drafts;

    const results = cachedReports(cache, selected, options.quiet, handover);
    if (!results) return handover;
    // Throws when the report would replace a draft: the full lint refuses it.
    if (options.output)
      refuseOutputThatIsInput(
        io.cwd,
        options.output,
        selected.map((draft) => draft.absolute),
      );

    const first = drafts[0]?.config;
    const view = viewOf(io, options, options.locale ?? first?.locale ?? 'zh-CN', first?.docsUrl);
    const report = render(options.format, results, view, () => ruleTable);
    try {
      writeReport(io, options.output, report);
    } catch (error) {
      // What the full lint would say, after writing as much.
      io.stderr(`fivenets: ${(error as Error).message}\n`);
      return 2;
    }
    return exitCode(io, results, options.maxWarnings);
  } catch {
    // A usage error, an unreadable cache entry, a report that cannot be written: the full lint says what it is.
    return handover;
  } finally {
    cache?.close();
  }
}
