/**
 * Finding drafts and their configs, shared by lint, export and report: the same targets,
 * the same config discovery and ignore globs, so every command sees the same drafts.
 */
import * as path from 'node:path';
import { RULES, lintOptionsFor } from '../engine';
import type { LintOptions, Locale, SeveritySetting } from '../engine';
import { AUTO_SCHEMA, DEFAULT_MAX_FILE_SIZE, resolveConfigForFile, type ResolvedConfig } from '../engine/config';
import { builtinSchemaIds, getBuiltinSchema, type PolicySchema } from '../engine/schema';
import { loadSchemaFile } from '../engine/schema/data-file';
import { LocatedError } from '../engine/schema/located';
import { isBuiltinSchemaId } from '../engine/config-files';
import { DraftSelector, FolderTally, displayFolder, judgedAs, type IgnoreFlags } from './select';
import type { ScopeSource } from '../engine/classify';
import { expandTargets, UsageError, type FileTarget } from './files';
import { InputError, checkStdinSize, decodeDraft, readDraft, type DraftText, type CliIO } from './io';
import { isDocx, readDocxDraft } from './docx';
import type { ImportedDraft } from '../import/docx';

export interface Common {
  config?: string;
  /** --schema: a built-in id, `auto`, or a schema file; the same schema for every draft. */
  schema?: string;
  locale: Locale | null;
  severities: Record<string, SeveritySetting>;
  /** --ignore-path / --no-ignore (default: .gitignore and .fivenetsignore are read). */
  ignore?: IgnoreFlags;
  /** --drafts-only: files named on the command line are linted only when they are drafts. */
  draftsOnly?: boolean;
}

/** The selector of drafts for a run: configs resolved through `resolve`, schemas checked as the server does. */
export function draftSelector(cwd: string, common: Common, resolve: (file: string) => ResolvedConfig): DraftSelector {
  return new DraftSelector(
    cwd,
    common.ignore ?? { ignorePaths: [], noIgnore: false },
    (absolute) => scopeSourceOf(resolve(absolute)),
    (id, absolute) => builtinSchemaIds().includes(id) || id === resolve(absolute).schema.id,
  );
}

export function scopeSourceOf(resolved: ResolvedConfig): ScopeSource {
  return { include: resolved.explicit.include, includeDir: resolved.includeDir, ignore: resolved.config.ignore ?? [], ignoreDir: resolved.ignoreDir };
}

function fail(message: string): never {
  throw new UsageError(message);
}

export interface Target {
  target: FileTarget;
  options: LintOptions;
  resolved: ResolvedConfig;
  /** Same key for drafts that share a config: indexes the options table workers get. */
  optionsKey: string;
  maxBytes: number;
}

export interface Loaded {
  target: FileTarget;
  draft: DraftText;
  options: LintOptions;
  resolved: ResolvedConfig;
  /** A Word document's import: where each line of `draft` came from. */
  docx?: ImportedDraft;
}

export interface Collected {
  targets: Target[];
  /** The draft read from standard input, if `-` was given. */
  stdin: Loaded | null;
  errors: string[];
  /** Files the walk found that are not drafts, with their config (the cache records every config consulted). */
  skipped: Target[];
  /** Folder arguments that hold Markdown files but no draft (said on stderr: the include globs may need setting). */
  notes: string[];
}

/**
 * The schema `--schema` names for every draft: a built-in id, or a schema file (relative to
 * the working folder). `auto` and no flag give null: each draft's config and text decide.
 */
export function schemaOverride(value: string | undefined, cwd: string): PolicySchema | null {
  if (value === undefined || value === AUTO_SCHEMA) return null;
  if (isBuiltinSchemaId(value)) {
    const builtin = getBuiltinSchema(value);
    if (!builtin) fail(`--schema: "${value}" is not a built-in schema (built-in: ${builtinSchemaIds().join(', ')}, or auto); for a schema file give a path ending in .yaml, .yml or .json`);
    return builtin;
  }
  if (!/\.(ya?ml|json)$/iu.test(value)) fail(`--schema: ${value} must be a built-in schema id or a file ending in .yaml, .yml or .json`);
  try {
    return loadSchemaFile(path.resolve(cwd, value));
  } catch (error) {
    if (error instanceof LocatedError) fail(`--schema: ${error.message}`);
    throw error;
  }
}

/** Expand paths and resolve each draft's config (once per folder). Per-file problems are collected, not thrown. */
export async function collect(io: CliIO, positionals: string[], common: Common, stdinName: string | undefined): Promise<Collected> {
  const errors: string[] = [];
  const cache = new Map<string, ResolvedConfig>();
  const knownRules = RULES.map((rule) => rule.meta.id);
  const resolve = (file: string) => resolveConfigForFile(file, { explicitConfig: common.config ? path.resolve(io.cwd, common.config) : undefined, cache, knownRules });
  const forced = schemaOverride(common.schema, io.cwd);
  const optionsByConfig = new Map<ResolvedConfig, { options: LintOptions; key: string }>();
  const optionsOf = (resolved: ResolvedConfig) => {
    let entry = optionsByConfig.get(resolved);
    if (!entry) {
      const options = lintOptionsFor(resolved, { locale: common.locale, severities: common.severities, schema: forced });
      // --schema auto: the draft decides, even where its config names a schema.
      if (common.schema === AUTO_SCHEMA) options.schemaFrom = 'auto';
      entry = { options, key: String(optionsByConfig.size) };
      optionsByConfig.set(resolved, entry);
    }
    return entry;
  };

  const fileArgs = positionals.filter((arg) => arg !== '-');
  let stdin: Loaded | null = null;
  if (positionals.includes('-')) {
    if (!io.readStdin) fail('standard input is not available');
    const name = stdinName ?? '<stdin>';
    const absolute = path.resolve(io.cwd, stdinName ?? 'stdin.md');
    const resolved = resolve(absolute);
    try {
      const maxBytes = resolved.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
      const bytes = await io.readStdin(maxBytes);
      checkStdinSize(bytes.length, maxBytes);
      stdin = { target: { display: name, absolute, how: 'named' }, draft: decodeDraft(bytes), options: optionsOf(resolved).options, resolved };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(`${name}: ${error.message}`);
    }
  }
  if (fileArgs.length === 0 && !positionals.includes('-')) fail('no paths given (try fivenets lint seeds/)');
  const targets: Target[] = [];
  const named = new Set(fileArgs.map((arg) => path.resolve(io.cwd, arg)));
  const selector = draftSelector(io.cwd, common, resolve);
  const tally = new FolderTally();
  const skipped: Target[] = [];
  for (const found of expandTargets(fileArgs, io.cwd)) {
    const target = judgedAs(found, named, common.draftsOnly === true);
    const verdict = selector.verdict(target);
    const draft = verdict?.draft === true;
    tally.add(target, draft);
    if (verdict?.reason === 'ignore-file') continue;
    const resolved = resolve(target.absolute);
    const { options, key } = optionsOf(resolved);
    (draft ? targets : skipped).push({ target, options, resolved, optionsKey: key, maxBytes: resolved.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
  }
  return { targets, stdin, errors, skipped, notes: tally.notes((folder) => displayFolder(folder, io.cwd)) };
}

/** Read every target (for commands that need the text, like export). */
export async function loadAll(io: CliIO, positionals: string[], common: Common, stdinName: string | undefined): Promise<{ loaded: Loaded[]; errors: string[] }> {
  const collected = await collect(io, positionals, common, stdinName);
  const loaded: Loaded[] = collected.stdin ? [collected.stdin] : [];
  const errors = [...collected.errors];
  for (const item of collected.targets) {
    try {
      if (isDocx(item.target.absolute)) {
        const { draft, imported } = await readDocxDraft(item.target.absolute);
        loaded.push({ target: item.target, draft, options: item.options, resolved: item.resolved, docx: imported });
      } else loaded.push({ target: item.target, draft: readDraft(item.target.absolute, item.maxBytes), options: item.options, resolved: item.resolved });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(`${item.target.display}: ${error.message}`);
    }
  }
  return { loaded, errors };
}
