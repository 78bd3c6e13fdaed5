/**
 * The commands: lint, export, report, rules, explain, merge-sarif. Loaded by main.ts when
 * the cache cannot answer a lint run on its own (fast.ts), bundled with the engine as
 * server/out/commands.js. run() returns the exit code: 0 clean, 1 lint errors (or warnings
 * over --max-warnings), 2 usage, config or I/O error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, RULES_BY_ID, fixAll, lint, lintDiagnostics, localize, taskRows, netName } from '../engine';
import type { LintDiagnostic, LintOptions, Locale, TaskRow } from '../engine';
import { ConfigError } from '../engine/config';
import { ExitError, fail, parse, parseLintArgs, parseLocale, ruleSeverities } from './args';
import { LintCache, hashFile, hashText, type ConfigRecord } from './cache';
import { configKey } from './config-files';
import type { Handover } from './fast';
import { collect, loadAll, scopeSourceOf, type Common, type Target } from './load';
import { runMergeSarif } from './merge-sarif';
import { FIX_REFUSED, isDocx, locateInDocx, paragraphField, readDocxDraft, runImport } from './docx';
import { defaultJobs, runTasks } from './pool';
import type { FileTask } from './task';
import { LocatedError } from '../engine/schema/located';
import type { PolicySchema } from '../engine/schema';
import { builtinSchemaIds } from '../engine/schema';
import { IgnoreFileError } from '../engine/classify';
import { UsageError } from './files';
import { InputError, describeFsError, readDraft, type CliIO } from './io';
import { FileReadError, readRegularFile } from '../engine/read-file';
import { refuseOutputThatIsInput, replaceFileAtomic } from './safe-write';
import { hashBytes } from './task';
import { FileReport } from './formatters/json';
import { countSeverities, type FileResult, type RuleSummary } from './formatters/types';
import { formatCsv } from './formatters/csv';
import { exitCode, render, viewOf, writeReport } from './render';
import { printConfig } from './print-config';
import { runInit } from './init';
import { ruleDoc } from '../engine/docs';
import { VERSION } from '../version';

const USAGE = `Usage: fivenets <command> [options]

Commands:
  lint [paths…]      Lint policy drafts (folders mean their **/*.md; - reads stdin)
  export [paths…]    Print the task table (任务分工表), one row per measure
  report [paths…]    Write the policy overview: HTML page, Markdown or JSON (report --help)
  rules              List the rules
  explain <rule-id>  Show a rule's documentation
  init               Write a commented .fivenets.yaml and a sample draft (never overwrites)
  import <f.docx>    Convert a Word document to a Markdown draft (-o file; import --help)
  merge-sarif <f…>   Join the SARIF logs of CI shards into one run (-o file)

Lint options:
  -f, --format <f>        stylish | json | sarif | github | junit | gitlab | checkstyle | rdjson
                          (default: stylish)
      --fix               Apply fixes to the files
      --fix-dry-run       Compute fixes without writing (JSON: each file's fixed "output")
      --color, --no-color Colour or not (default: on a terminal; FORCE_COLOR, NO_COLOR)
      --ignore-path <f>   Ignore patterns from this file instead of .gitignore and .fivenetsignore
      --no-ignore         Read no ignore file and no config ignore globs
      --drafts-only       Lint named files only when they are drafts (pre-commit, lint-staged)
      --print-config <f>  Print the effective configuration of a file as JSON
      --docs-url <url>    Base of rule help links (SARIF, JSON, rdjson)
      --max-warnings <n>  Exit 1 when there are more than n warnings
      --quiet             Report errors only
  -c, --config <file>     Use this config instead of discovering .fivenets.yaml
      --schema <id|file>  five-nets | tasks | auto | a schema file, for every draft
                          (default: frontmatter schema:, then the config's, then auto)
      --locale <l>        zh-CN | zh-TW | en
      --rule <id:sev>     Set a rule's severity (off|info|warning|error); repeatable
      --stdin-filename <p> Name of the draft read from stdin
  -o, --output <file>     Write the report to a file instead of stdout
  -j, --jobs <n>          Threads that lint (default: the number of cores minus one)
      --cache             Reuse results for unchanged files (content hash + config + version)
      --cache-location <p> Cache file (default: node_modules/.cache/fivenets/lintcache)
      --shard <i/n>       Lint only the i-th of n deterministic slices (CI matrices)

Export options:
  -f, --format <f>        csv | json   (default: csv; CSV is UTF-8 with BOM for Excel)
      --schema <id|file>  as for lint

Word documents (.docx) named as paths or globs are linted, exported and reported as their
import, in memory; their problems point at paragraphs (¶37 and the first words).

Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 usage, config or I/O error.`;

/** Run a command. `handover`: what the cached path (fast.ts) learned before it gave up. */
export async function run(io: CliIO, handover?: Handover): Promise<number> {
  try {
    return await dispatch(io, handover);
  } catch (error) {
    if (error instanceof ExitError || error instanceof UsageError || error instanceof IgnoreFileError) {
      io.stderr(`fivenets: ${error.message}\n`);
      return 2;
    }
    if (error instanceof LocatedError || error instanceof ConfigError) {
      io.stderr(`fivenets: ${error.message.split('\n')[0]}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`fivenets: internal error: ${message.split('\n')[0]} (please report this)\n`);
    return 2;
  }
}

async function dispatch(io: CliIO, handover: Handover | undefined): Promise<number> {
  const [command, ...rest] = io.argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'lint':
      return runLint(io, rest, handover);
    case 'export':
      return runExport(io, rest);
    case 'report':
      return (require('./report') as typeof import('./report')).runReport(io, rest);
    case 'rules':
      return runRules(io, rest);
    case 'explain':
      return runExplain(io, rest);
    case 'init':
      return runInit(io, rest);
    case 'import':
      return runImport(io, rest);
    case 'merge-sarif': {
      const { values, positionals } = parse(rest, { output: { type: 'string', short: 'o' } });
      try {
        runMergeSarif(io, positionals, values.output);
      } catch (error) {
        fail((error as Error).message);
      }
      return 0;
    }
    default:
      fail(`unknown command "${command}" (try fivenets --help)`);
  }
}

/** The rules as SARIF lists them, in `locale` (also kept in the cache for the cached path). */
export function ruleSummaries(locale: Locale): RuleSummary[] {
  return RULES.map((rule) => ({
    id: rule.meta.id,
    defaultSeverity: rule.meta.defaultSeverity,
    fixable: rule.meta.fixable,
    description: localize(rule.meta.description, locale),
    rationale: localize(rule.meta.rationale, locale),
  }));
}

const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];

/**
 * `fivenets lint`: collect the drafts, lint them (cache, worker pool, Word documents), apply
 * fixes only when every input could be read, update the cache, write the report.
 * Long because: its steps share the per-target outcomes, the pending writes, the cache and
 * the options; splitting it is due with the CLI's rework (issue 17 item 5 moves CliIO to
 * cli/io.ts and is changing this file now), to keep the two changes apart.
 */
async function runLint(io: CliIO, args: string[], handover: Handover | undefined): Promise<number> {
  const options = parseLintArgs(args);
  const common: Common = {
    config: options.config,
    schema: options.schema,
    locale: options.locale,
    severities: ruleSeverities(options.rules, (id) => RULES_BY_ID.has(id)),
    ignore: { ignorePaths: options.ignorePaths, noIgnore: options.noIgnore },
    draftsOnly: options.draftsOnly,
  };
  if (options.printConfig !== undefined) return printConfig(io, options.printConfig, common);
  if (options.fix && options.positionals.includes('-')) fail('--fix cannot write to standard input; lint a file instead');
  // --fix-dry-run computes the same fixes and writes nothing (ESLint's convention).
  const fixing = options.fix || options.fixDryRun;
  const outputs = new Map<string, string>();
  const jobs = options.jobs ?? defaultJobs();
  const quiet = (report: FileReport) => (options.quiet ? new FileReport(report.path, { diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), schema: report.schema }) : report);
  const displayOf = (display: string) => display.split(path.sep).join('/');

  const collected = await collect(io, options.positionals, common, options.stdinFilename);
  const shard = options.shard;
  const targets = shard ? collected.targets.filter((_target, position) => position % shard.count === shard.index - 1) : collected.targets;
  if (options.output)
    refuseOutputThatIsInput(
      io.cwd,
      options.output,
      collected.targets.map((item) => item.target.absolute),
    );
  const wordTarget = targets.find((item) => isDocx(item.target.absolute));
  if (fixing && wordTarget) fail(FIX_REFUSED(displayOf(wordTarget.target.display)));
  const errors = [...collected.errors];
  for (const note of collected.notes) io.stderr(`fivenets: ${note}\n`);
  const results: FileResult[] = [];
  const writes: PendingFix[] = [];

  const texts = new Map<string, string>();
  if (collected.stdin) {
    const display = displayOf(collected.stdin.target.display);
    let text = collected.stdin.draft.text;
    if (options.fixDryRun) {
      const fixed = fixAll(text, collected.stdin.options).text;
      if (fixed !== text) outputs.set(display, (collected.stdin.draft.bom ? '\ufeff' : '') + fixed);
      text = fixed;
    }
    texts.set(display, text);
    const result = lintDiagnostics(text, collected.stdin.options);
    results.push(quiet(new FileReport(display, { diagnostics: result.diagnostics, schema: { id: result.schema.schema.id, from: result.schema.from } })));
  }

  // Cache lookups happen here; misses become tasks for the worker pool.
  const cache = options.cache ? new LintCache(path.resolve(io.cwd, options.cacheLocation)) : null;
  if (cache?.problem) io.stderr(`fivenets: warning: ${cache.problem}\n`);
  try {
    const optionsHashes = new Map<string, string>();
    const optionsHash = (item: Target) => {
      let hash = optionsHashes.get(item.optionsKey);
      if (!hash) {
        hash = hashText(JSON.stringify(item.options));
        optionsHashes.set(item.optionsKey, hash);
      }
      return hash;
    };
    const perTarget: Array<FileReport | string | null> = targets.map(() => null);
    const tasks: FileTask[] = [];
    for (const [index, item] of targets.entries()) {
      // Word documents are converted here (asynchronously), not by the lint threads, and not cached.
      if (isDocx(item.target.absolute)) perTarget[index] = await lintDocx(item, displayOf(item.target.display));
    }
    targets.forEach((item, index) => {
      if (perTarget[index] !== null) return;
      if (cache && !fixing) {
        try {
          const contentHash = handover?.contentHashes.get(item.target.absolute) ?? hashText(readDraft(item.target.absolute, item.maxBytes).text);
          const hit = cache.get(item.target.absolute, contentHash, optionsHash(item));
          if (hit) {
            perTarget[index] = new FileReport(displayOf(item.target.display), hit);
            return;
          }
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          perTarget[index] = error.message;
          return;
        }
      }
      tasks.push({ index, absolute: item.target.absolute, optionsKey: item.optionsKey, maxBytes: item.maxBytes, fix: fixing, hash: cache !== null });
    });
    const optionsTable: Record<string, LintOptions> = {};
    for (const item of targets) optionsTable[item.optionsKey] = item.options;
    // A JSON report is made of each file's rendered diagnostics: the main thread renders them
    // as the workers do, so a large run holds its report, not every diagnostic object.
    const renderedReport = options.format === 'json' && !options.quiet;
    for (const outcome of await runTasks(tasks, optionsTable, jobs, renderedReport)) {
      const item = targets[outcome.index];
      if (outcome.error !== undefined) {
        perTarget[outcome.index] = outcome.error;
        continue;
      }
      const display = displayOf(item.target.display);
      const report =
        outcome.json !== undefined && outcome.counts !== undefined
          ? new FileReport(display, { json: outcome.json, counts: outcome.counts, schema: outcome.schema })
          : new FileReport(display, { diagnostics: outcome.diagnostics ?? ([] as LintDiagnostic[]), schema: outcome.schema });
      perTarget[outcome.index] = report;
      if (outcome.fixedText !== undefined) {
        if (options.fixDryRun) outputs.set(display, outcome.fixedText);
        else writes.push({ index: outcome.index, text: outcome.fixedText, sourceHash: outcome.sourceHash as string });
      }
      if (cache && outcome.contentHash) {
        cache.set(item.target.absolute, outcome.contentHash, optionsHash(item), report.jsonDiagnostics as string, report.counts ?? countSeverities(report.diagnostics), outcome.schema);
      }
    }
    // Fixes land only when every input could be read; a fix that does not land leaves the
    // report describing the file as it is on disk, never the fixed text.
    const unreadable = errors.length > 0 || perTarget.some((outcome) => typeof outcome === 'string');
    const fixProblems: string[] = [];
    if (writes.length > 0) {
      const roots = fixRoots(io.cwd, options.positionals);
      for (const write of writes) {
        const item = targets[write.index];
        const problem = unreadable ? null : applyFix(item, write, roots);
        if (!unreadable && problem === null) continue;
        if (problem) fixProblems.push(`${item.target.display}: ${problem}`);
        perTarget[write.index] = lintOnDisk(item, displayOf(item.target.display));
      }
    }
    targets.forEach((item, index) => {
      const outcome = perTarget[index];
      if (typeof outcome === 'string') errors.push(`${item.target.display}: ${outcome}`);
      else if (outcome) results.push(quiet(outcome));
    });
    for (const problem of fixProblems) errors.push(problem);
    if (cache) {
      // Configs of files that are not drafts too: the cached path must judge those files alike.
      recordConfigs(cache, [...targets, ...collected.skipped], common, optionsHash);
      for (const locale of LOCALES) if (!cache.ruleTable(locale)) cache.setRuleTable(locale, ruleSummaries(locale));
      const cacheProblem = cache.save(targets.map((item) => item.target.absolute));
      if (cacheProblem) io.stderr(`fivenets: ${cacheProblem}\n`);
    }

    const locale = common.locale ?? 'zh-CN';
    const ruleTable = () => ruleSummaries(locale);
    const first = collected.stdin ?? collected.targets[0];
    const view = viewOf(io, options, common.locale ?? first?.options.locale ?? 'zh-CN', first?.resolved.config.docsUrl);
    const readText = view.textOf;
    view.outputs = outputs;
    view.textOf = (display) => {
      const known = outputs.get(display) ?? texts.get(display);
      return known === undefined ? (readText?.(display) ?? null) : known.replace(/^\ufeff/u, '');
    };
    for (const error of errors) io.stderr(`fivenets: ${error}\n`);
    if (errors.length > 0) {
      // No fixes land when any input could not be read.
      if (writes.length > 0 && unreadable) io.stderr(`fivenets: --fix wrote nothing because ${errors.length - fixProblems.length} file(s) could not be read\n`);
      // The files that could be read are still reported.
      if (results.length > 0) writeReport(io, options.output, render(options.format, results, view, ruleTable));
      return 2;
    }
    writeReport(io, options.output, render(options.format, results, view, ruleTable));
    return exitCode(io, results, options.maxWarnings);
  } finally {
    cache?.close();
  }
}

interface PendingFix {
  /** Index of the draft in the run's targets. */
  index: number;
  text: string;
  /** SHA-256 of the bytes that were linted (task.ts hashBytes). */
  sourceHash: string;
}

/**
 * Where --fix may write: the working folder, each folder named, and the folder each named
 * file is in (real paths). A link found under a folder, or named, that leads elsewhere is
 * linted but not written through.
 */
function fixRoots(cwd: string, positionals: readonly string[]): string[] {
  const roots = [realpathOr(cwd)];
  for (const arg of positionals) {
    if (arg === '-') continue;
    const absolute = path.resolve(cwd, arg);
    let folder: string;
    try {
      folder = fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    } catch {
      continue;
    }
    roots.push(realpathOr(folder));
  }
  return roots;
}

function realpathOr(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/**
 * Write one draft's fixes, or say why not: the real file must be a regular file inside a fix
 * root and still hold the bytes that were linted (an edit made meanwhile is never
 * overwritten); it is replaced through a temporary file, keeping its mode.
 */
function applyFix(item: Target, write: PendingFix, roots: readonly string[]): string | null {
  let real: string;
  try {
    real = fs.realpathSync.native(item.target.absolute);
  } catch (error) {
    return `not fixed: ${describeFsError(error, 'cannot write')}`;
  }
  if (!roots.some((root) => isInside(root, real))) return `not fixed: it is a link to ${real}, outside the folder being linted`;
  let current: Buffer;
  let mode: number;
  try {
    mode = fs.statSync(real).mode;
    current = readRegularFile(real, item.maxBytes);
  } catch (error) {
    if (error instanceof FileReadError && (error.problem === 'too-large' || error.problem === 'grew')) return 'changed while being linted: not fixed (lint it again)';
    return `not fixed: ${error instanceof FileReadError ? error.message : describeFsError(error, 'cannot read')}`;
  }
  if (hashBytes(current) !== write.sourceHash) return 'changed while being linted: not fixed (lint it again)';
  try {
    replaceFileAtomic(real, write.text, mode);
  } catch (error) {
    return `not fixed: ${describeFsError(error, 'cannot write')}`;
  }
  return null;
}

/** A draft's report from the text on disk now (after a fix did not land), or why it cannot be read. */
function lintOnDisk(item: Target, display: string): FileReport | string {
  try {
    const result = lintDiagnostics(readDraft(item.target.absolute, item.maxBytes).text, item.options);
    return new FileReport(display, { diagnostics: result.diagnostics, schema: { id: result.schema.schema.id, from: result.schema.from } });
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/** A Word document's report: its import linted, each diagnostic at its paragraph; or why it could not be read. */
async function lintDocx(item: Target, display: string): Promise<FileReport | string> {
  try {
    const { draft, imported } = await readDocxDraft(item.target.absolute);
    const result = lintDiagnostics(draft.text, item.options);
    return new FileReport(display, { diagnostics: locateInDocx(result.diagnostics, imported), schema: { id: result.schema.schema.id, from: result.schema.from } });
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/**
 * Record, for each effective config of the run, what it was built from (see ConfigRecord in
 * cache.ts), so a later run can trust its cache entries without loading the engine.
 */
function recordConfigs(cache: LintCache, targets: readonly Target[], common: Common, optionsHash: (item: Target) => string): void {
  const records = new Map<string, ConfigRecord | null>();
  const done = new Set<string>();
  for (const item of targets) {
    const { resolved } = item;
    // The cached path asks by the draft's folder when no config file governs it (a default
    // config is shared by the folders below the first one that asked for it).
    const key = configKey(resolved.file, resolved.file === null ? path.dirname(item.target.absolute) : resolved.dir, common);
    if (done.has(key)) continue;
    done.add(key);
    if (!records.has(item.optionsKey)) records.set(item.optionsKey, configRecord(item, optionsHash(item)));
    const record = records.get(item.optionsKey);
    if (record) cache.setConfig(key, record);
  }
}

/** What the cached path needs of a config, or null when one of its files cannot be hashed. */
function configRecord(item: Target, optionsHash: string): ConfigRecord | null {
  const { resolved } = item;
  const files = [...resolved.files, ...(resolved.schemaFile === null ? [] : [resolved.schemaFile])];
  const inputs = files.map((file): [string, string | null] => [file, hashFile(file)]);
  if (!inputs.every((input): input is [string, string] => input[1] !== null)) return null;
  return {
    inputs,
    dir: resolved.dir,
    ignore: [...(resolved.config.ignore ?? [])],
    maxFileSize: item.maxBytes,
    optionsHash,
    scope: scopeSourceOf(resolved),
    knownSchemas: [...new Set([...builtinSchemaIds(), resolved.schema.id])],
    ...(resolved.config.docsUrl === undefined ? {} : { docsUrl: resolved.config.docsUrl }),
    ...(resolved.config.locale === undefined ? {} : { locale: resolved.config.locale }),
  };
}

async function runExport(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'csv' },
    config: { type: 'string', short: 'c' },
    schema: { type: 'string' },
    locale: { type: 'string' },
    'stdin-filename': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  const format = String(values.format);
  if (!['csv', 'json'].includes(format)) fail(`--format must be csv or json, got "${format}"`);
  const common: Common = { config: values.config, schema: values.schema, locale: parseLocale(values.locale), severities: {} };
  const { loaded, errors } = await loadAll(io, positionals, common, values['stdin-filename']);
  if (values.output)
    refuseOutputThatIsInput(
      io.cwd,
      values.output,
      loaded.map((item) => item.target.absolute),
    );
  for (const error of errors) io.stderr(`fivenets: ${error}\n`);
  if (errors.length > 0) return 2;
  const rows: TaskRow[] = [];
  const files: Array<{ path: string; schema: { id: string; from: string } }> = [];
  const schemas = new Map<string, PolicySchema>();
  for (const item of loaded) {
    const result = lint(item.draft.text, { ...item.options, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) });
    const file = item.target.display.split(path.sep).join('/');
    const schema = result.schema.schema;
    files.push({ path: file, schema: { id: schema.id, from: result.schema.from } });
    const { docx } = item;
    for (const row of taskRows(file, result.model, result.lines, schema)) {
      // A Word document's rows also say their paragraph (`line` is the line of its import).
      rows.push(docx ? { ...row, ...paragraphField(docx, row.line - 1) } : row);
      if (row.net !== null) schemas.set(`${file}\u0000${row.net}`, schema);
    }
  }
  const locale = common.locale ?? loaded[0]?.options.locale ?? 'zh-CN';
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: 1, files, measures: rows }, null, 2)}\n`
      : formatCsv(rows, locale, (netId, file) => {
          const schema = schemas.get(`${file}\u0000${netId}`);
          return schema ? netName(schema, netId, locale) : (netId ?? '');
        });
  writeReport(io, values.output, [text]);
  return 0;
}

function runRules(io: CliIO, args: string[]): number {
  const { values } = parse(args, { format: { type: 'string', short: 'f', default: 'text' }, locale: { type: 'string' } });
  const locale = parseLocale(values.locale) ?? 'en';
  if (values.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        RULES.map((rule) => ({ id: rule.meta.id, severity: rule.meta.defaultSeverity, fixable: rule.meta.fixable, description: localize(rule.meta.description, locale) })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  for (const rule of RULES) {
    io.stdout(`${rule.meta.id.padEnd(width)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.fixable ? 'fix' : '   '}  ${localize(rule.meta.description, locale)}\n`);
  }
  return 0;
}

function runExplain(io: CliIO, args: string[]): number {
  const { positionals } = parse(args, {});
  const id = positionals[0];
  if (!id) fail('explain needs a rule id (see fivenets rules)');
  const rule = RULES_BY_ID.get(id);
  if (!rule) fail(`unknown rule "${id}" (see fivenets rules)`);
  io.stdout(ruleDoc(rule));
  return 0;
}

/** For the worker bundle (worker.ts), which loads the engine from this one. */
export { lintClaimed } from './pool';
