/**
 * The `fivenets` command line: lint, export, rules, explain. main() takes its streams and
 * working folder as arguments so tests run it in-process; it returns the exit code:
 * 0 clean, 1 lint errors (or warnings over --max-warnings), 2 usage, config or I/O error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { RULES, RULES_BY_ID, lint, localize, normalizeLocale, taskRows, netName } from '../engine';
import type { LintDiagnostic, LintOptions, Locale, SeveritySetting, TaskRow } from '../engine';
import { ConfigError } from '../engine/config';
import { LintCache } from './cache';
import { collect, loadAll, type Common, type Target } from './load';
import { runMergeSarif } from './merge-sarif';
import { runTasks } from './pool';
import { hashText, type FileTask } from './task';
import { LocatedError } from '../engine/schema/located';
import { UsageError } from './files';
import { InputError, readDraft } from './io';
import type { FileResult, FormatContext } from './formatters/types';
import { summarize } from './formatters/types';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { formatGithub } from './formatters/github';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatCsv } from './formatters/csv';
import { ruleDoc } from '../engine/docs';
import { VERSION, DOCS_BASE } from '../version';

export interface CliIO {
  argv: string[];
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input (for `-`). */
  readStdin?: () => Promise<Uint8Array>;
  color?: boolean;
  env?: Record<string, string | undefined>;
}

const USAGE = `Usage: fivenets <command> [options]

Commands:
  lint [paths…]      Lint policy drafts (folders mean their **/*.md; - reads stdin)
  export [paths…]    Print the task table (任务分工表), one row per measure
  report [paths…]    Write the policy overview: HTML page, Markdown or JSON (report --help)
  rules              List the rules
  explain <rule-id>  Show a rule's documentation
  merge-sarif <f…>   Join the SARIF logs of CI shards into one run (-o file)

Lint options:
  -f, --format <f>        stylish | json | sarif | github | junit   (default: stylish)
      --fix               Apply fixes to the files
      --max-warnings <n>  Exit 1 when there are more than n warnings
      --quiet             Report errors only
  -c, --config <file>     Use this config instead of discovering .fivenets.yaml
      --locale <l>        zh-CN | zh-TW | en
      --rule <id:sev>     Set a rule's severity (off|info|warning|error); repeatable
      --stdin-filename <p> Name of the draft read from stdin
  -o, --output <file>     Write the report to a file instead of stdout
  -j, --jobs <n>          Worker threads (default: the number of cores)
      --cache             Reuse results for unchanged files (content hash + config + version)
      --cache-location <p> Cache file (default: .fivenetscache)
      --shard <i/n>       Lint only the i-th of n deterministic slices (CI matrices)

Export options:
  -f, --format <f>        csv | json   (default: csv; CSV is UTF-8 with BOM for Excel)

Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 usage, config or I/O error.`;


class ExitError extends Error {}


function fail(message: string): never {
  throw new ExitError(message);
}

function parseRuleFlags(values: string[] | undefined): Record<string, SeveritySetting> {
  const severities: Record<string, SeveritySetting> = {};
  for (const value of values ?? []) {
    const match = /^([a-z][a-z-]*)[:=](off|info|warning|error)$/u.exec(value.trim());
    if (!match) fail(`--rule expects id:severity (off|info|warning|error), got "${value}"`);
    if (!RULES_BY_ID.has(match[1])) fail(`--rule: unknown rule "${match[1]}" (see fivenets rules)`);
    severities[match[1]] = match[2] as SeveritySetting;
  }
  return severities;
}

function parseLocale(value: string | undefined): Locale | null {
  if (value === undefined) return null;
  const locale = normalizeLocale(value);
  if (!locale || !['zh-cn', 'zh-tw', 'en'].includes(value.toLowerCase())) fail(`--locale must be zh-CN, zh-TW or en, got "${value}"`);
  return locale;
}

export async function main(io: CliIO): Promise<number> {
  try {
    return await run(io);
  } catch (error) {
    if (error instanceof ExitError || error instanceof UsageError) {
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

async function run(io: CliIO): Promise<number> {
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
      return runLint(io, rest);
    case 'export':
      return runExport(io, rest);
    case 'report': return (require('./report') as typeof import('./report')).runReport(io, rest);
    case 'rules':
      return runRules(io, rest);
    case 'explain':
      return runExplain(io, rest);
    case 'merge-sarif': {
      const { values, positionals } = parse(rest, { output: { type: 'string', short: 'o' } });
      try {
        runMergeSarif(io, positionals, values.output as string | undefined);
      } catch (error) {
        fail((error as Error).message);
      }
      return 0;
    }
    default:
      fail(`unknown command "${command}" (try fivenets --help)`);
  }
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    fail((error instanceof Error ? error.message : String(error)).split('\n')[0]);
  }
}

/** --shard i/n: every n-th file of the sorted list, starting at the i-th (1-based). */
function parseShard(value: string | undefined): { index: number; count: number } | null {
  if (value === undefined) return null;
  const match = /^(\d+)\/(\d+)$/u.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) fail(`--shard expects i/n with 1 <= i <= n, got "${value}"`);
  return { index, count };
}


async function runLint(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'stylish' },
    fix: { type: 'boolean', default: false },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    config: { type: 'string', short: 'c' },
    locale: { type: 'string' },
    rule: { type: 'string', multiple: true },
    'stdin-filename': { type: 'string' },
    output: { type: 'string', short: 'o' },
    color: { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    cache: { type: 'boolean', default: false },
    'cache-location': { type: 'string' },
    shard: { type: 'string' },
  });
  const format = String(values.format);
  if (!['stylish', 'json', 'sarif', 'github', 'junit'].includes(format)) fail(`--format must be stylish, json, sarif, github or junit, got "${format}"`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) fail(`--max-warnings expects a whole number, got "${String(values['max-warnings'])}"`);
  }
  let jobs = os.availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs expects a whole number of at least 1, got "${String(values.jobs)}"`);
  }
  const shard = parseShard(values.shard as string | undefined);
  const common: Common = {
    config: values.config as string | undefined,
    locale: parseLocale(values.locale as string | undefined),
    severities: parseRuleFlags(values.rule as string[] | undefined),
  };
  if (values.fix && positionals.includes('-')) fail('--fix cannot write to standard input; lint a file instead');

  const collected = await collect(io, positionals, common, values['stdin-filename'] as string | undefined);
  const targets = shard ? collected.targets.filter((_target, position) => position % shard.count === shard.index - 1) : collected.targets;
  const errors = [...collected.errors];
  const results: FileResult[] = [];
  const writes: Array<{ file: string; text: string }> = [];
  const finish = (display: string, diagnostics: LintDiagnostic[]) =>
    results.push({ path: display.split(path.sep).join('/'), diagnostics: values.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics });

  if (collected.stdin) finish(collected.stdin.target.display, lint(collected.stdin.draft.text, collected.stdin.options).diagnostics);

  // Cache lookups happen here; misses become tasks for the worker pool.
  const cache = values.cache ? new LintCache(path.resolve(io.cwd, (values['cache-location'] as string | undefined) ?? '.fivenetscache')) : null;
  const optionsHashes = new Map<string, string>();
  const optionsHash = (item: Target) => {
    let hash = optionsHashes.get(item.optionsKey);
    if (!hash) {
      hash = hashText(JSON.stringify(item.options));
      optionsHashes.set(item.optionsKey, hash);
    }
    return hash;
  };
  const perTarget: Array<LintDiagnostic[] | string | null> = targets.map(() => null);
  const tasks: FileTask[] = [];
  targets.forEach((item, index) => {
    if (cache && !values.fix) {
      try {
        const draft = readDraft(item.target.absolute, item.maxBytes);
        const hit = cache.get(item.target.absolute, hashText(draft.text), optionsHash(item));
        if (hit) {
          perTarget[index] = hit;
          return;
        }
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        perTarget[index] = error.message;
        return;
      }
    }
    tasks.push({ index, absolute: item.target.absolute, optionsKey: item.optionsKey, maxBytes: item.maxBytes, fix: values.fix === true });
  });
  const optionsTable: Record<string, LintOptions> = {};
  for (const item of targets) optionsTable[item.optionsKey] = item.options;
  for (const outcome of await runTasks(tasks, optionsTable, jobs)) {
    const item = targets[outcome.index];
    if (outcome.error !== undefined) {
      perTarget[outcome.index] = outcome.error;
      continue;
    }
    const diagnostics = outcome.diagnostics ?? [];
    perTarget[outcome.index] = diagnostics;
    if (outcome.fixedText !== undefined) writes.push({ file: item.target.absolute, text: outcome.fixedText });
    if (cache && outcome.contentHash) cache.set(item.target.absolute, outcome.contentHash, optionsHash(item), diagnostics);
  }
  targets.forEach((item, index) => {
    const outcome = perTarget[index];
    if (typeof outcome === 'string') errors.push(`${item.target.display}: ${outcome}`);
    else if (outcome) finish(item.target.display, outcome);
  });
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`fivenets: ${cacheProblem}\n`);

  for (const error of errors) io.stderr(`fivenets: ${error}\n`);
  if (errors.length > 0) {
    // Exit 2 writes nothing: no fixes land when any input could not be read.
    if (writes.length > 0) io.stderr(`fivenets: --fix wrote nothing because ${errors.length} file(s) could not be read\n`);
    // The files that could be read are still reported.
    if (results.length > 0) writeReport(io, values.output as string | undefined, render(format, results, common.locale ?? 'zh-CN', io));
    return 2;
  }
  for (const write of writes) {
    try {
      fs.writeFileSync(write.file, write.text);
    } catch (error) {
      fail(`cannot write ${write.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  writeReport(io, values.output as string | undefined, render(format, results, common.locale ?? 'zh-CN', io));
  const summary = summarize(results);
  if (summary.errors > 0) return 1;
  if (maxWarnings >= 0 && summary.warnings > maxWarnings) {
    io.stderr(`fivenets: ${summary.warnings} warning(s), more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function writeReport(io: CliIO, output: string | undefined, text: string): void {
  if (!output) {
    io.stdout(text);
    return;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, output), text);
  } catch (error) {
    fail(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function render(format: string, results: FileResult[], locale: Locale, io: CliIO): string {
  const context: FormatContext = {
    color: io.color ?? false,
    toolVersion: VERSION,
    helpUri: (ruleId) => `${DOCS_BASE}/${ruleId}.md`,
  };
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, context, locale);
    case 'github':
      return formatGithub(results);
    case 'junit':
      return formatJunit(results);
    default:
      return formatStylish(results, context);
  }
}

async function runExport(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'csv' },
    config: { type: 'string', short: 'c' },
    locale: { type: 'string' },
    'stdin-filename': { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  const format = String(values.format);
  if (!['csv', 'json'].includes(format)) fail(`--format must be csv or json, got "${format}"`);
  const common: Common = { config: values.config as string | undefined, locale: parseLocale(values.locale as string | undefined), severities: {} };
  const { loaded, errors } = await loadAll(io, positionals, common, values['stdin-filename'] as string | undefined);
  for (const error of errors) io.stderr(`fivenets: ${error}\n`);
  if (errors.length > 0) return 2;
  const rows: TaskRow[] = [];
  for (const item of loaded) {
    const result = lint(item.draft.text, { ...item.options, severities: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const])) });
    rows.push(...taskRows(item.target.display.split(path.sep).join('/'), result.model, result.lines, item.options.schema));
  }
  const locale = common.locale ?? loaded[0]?.options.locale ?? 'zh-CN';
  const schema = loaded[0]?.options.schema;
  const text =
    format === 'json'
      ? `${JSON.stringify({ version: 1, measures: rows }, null, 2)}\n`
      : formatCsv(rows, locale, (netId) => (schema ? netName(schema, netId, locale) : (netId ?? '')));
  writeReport(io, values.output as string | undefined, text);
  return 0;
}

function runRules(io: CliIO, args: string[]): number {
  const { values } = parse(args, { format: { type: 'string', short: 'f', default: 'text' }, locale: { type: 'string' } });
  const locale = parseLocale(values.locale as string | undefined) ?? 'en';
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
