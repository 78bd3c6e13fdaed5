/**
 * Command-line parsing shared by the commands (commands.ts) and the cached lint path
 * (fast.ts), which must read `lint`'s flags exactly alike. Nothing here loads the engine.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale, SeveritySetting } from '../engine/types';

/** A usage error: the message goes to stderr after "fivenets: ", and the exit code is 2. */
export class ExitError extends Error {}

export function fail(message: string): never {
  throw new ExitError(message);
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>>;

export function parse<T extends Options>(args: string[], options: T): Parsed<T> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    fail((error instanceof Error ? error.message : String(error)).split('\n')[0]);
  }
}

export const LINT_OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  fix: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  config: { type: 'string', short: 'c' },
  schema: { type: 'string' },
  locale: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'stdin-filename': { type: 'string' },
  output: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'fix-dry-run': { type: 'boolean', default: false },
  'ignore-path': { type: 'string', multiple: true },
  'no-ignore': { type: 'boolean', default: false },
  'drafts-only': { type: 'boolean', default: false },
  'print-config': { type: 'string' },
  'docs-url': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  cache: { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  shard: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/**
 * Where --cache keeps its file unless --cache-location says otherwise (relative to the working
 * folder): out of the repository's tracked files, as ESLint, Babel and Prettier keep theirs.
 */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/fivenets/lintcache';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab', 'checkstyle', 'rdjson'];

export interface LintArgs {
  positionals: string[];
  format: string;
  fix: boolean;
  /** --fix-dry-run: compute fixes, write nothing; the JSON report carries each file's fixed `output`. */
  fixDryRun: boolean;
  /** --color / --no-color; undefined: colour when standard output is a terminal (FORCE_COLOR, NO_COLOR). */
  color: boolean | undefined;
  ignorePaths: string[];
  noIgnore: boolean;
  /** --drafts-only: named files are linted only when they are drafts (pre-commit, lint-staged). */
  draftsOnly: boolean;
  /** --print-config FILE. */
  printConfig: string | undefined;
  /** --docs-url: base of rule help links. */
  docsUrl: string | undefined;
  /** -1: no limit. */
  maxWarnings: number;
  quiet: boolean;
  config: string | undefined;
  /** --schema: a built-in id, auto, or a schema file (relative to the working folder), for every draft. */
  schema: string | undefined;
  locale: Locale | null;
  /** --rule values, checked against the rule ids by ruleSeverities(). */
  rules: string[];
  stdinFilename: string | undefined;
  output: string | undefined;
  /** undefined: the number of cores. */
  jobs: number | undefined;
  cache: boolean;
  cacheLocation: string;
  shard: { index: number; count: number } | null;
}

export function parseLintArgs(args: string[]): LintArgs {
  const { values, positionals } = parse(args, LINT_OPTIONS);
  const format = String(values.format);
  if (!LINT_FORMATS.includes(format)) fail(`--format must be ${LINT_FORMATS.slice(0, -1).join(', ')} or ${LINT_FORMATS.at(-1)}, got "${format}"`);
  if (values.color === true && values['no-color'] === true) fail('--color and --no-color cannot be used together');
  if (values.fix === true && values['fix-dry-run'] === true) fail('--fix and --fix-dry-run cannot be used together');
  if (values['no-ignore'] === true && values['ignore-path'] !== undefined) fail('--ignore-path and --no-ignore cannot be used together');
  const docsUrl = values['docs-url'];
  if (docsUrl !== undefined && !isDocsUrl(docsUrl)) fail(`--docs-url expects an http(s) URL, got "${docsUrl}"`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) fail(`--max-warnings expects a whole number, got "${String(values['max-warnings'])}"`);
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs expects a whole number of at least 1, got "${String(values.jobs)}"`);
  }
  const shard = parseShard(values.shard);
  const locale = parseLocale(values.locale);
  return {
    positionals,
    format,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    color: values.color === true ? true : values['no-color'] === true ? false : undefined,
    ignorePaths: values['ignore-path'] ?? [],
    noIgnore: values['no-ignore'] === true,
    draftsOnly: values['drafts-only'] === true,
    printConfig: values['print-config'],
    docsUrl: docsUrl?.replace(/\/+$/u, ''),
    maxWarnings,
    quiet: values.quiet === true,
    config: values.config,
    schema: values.schema,
    locale,
    rules: values.rule ?? [],
    stdinFilename: values['stdin-filename'],
    output: values.output,
    jobs,
    cache: values.cache === true,
    cacheLocation: values['cache-location'] ?? DEFAULT_CACHE_LOCATION,
    shard,
  };
}

/** --rule id:severity flags, each id checked against `known`. */
export function ruleSeverities(values: readonly string[], known: (id: string) => boolean): Record<string, SeveritySetting> {
  const severities: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const match = /^([a-z][a-z-]*)[:=](off|info|warning|error)$/u.exec(value.trim());
    if (!match) fail(`--rule expects id:severity (off|info|warning|error), got "${value}"`);
    if (!known(match[1])) fail(`--rule: unknown rule "${match[1]}" (see fivenets rules)`);
    severities[match[1]] = match[2] as SeveritySetting;
  }
  return severities;
}

const LOCALES: Record<string, Locale> = { 'zh-cn': 'zh-CN', 'zh-tw': 'zh-TW', en: 'en' };

/** --locale: zh-CN, zh-TW or en, in any case (what engine normalizeLocale makes of them). */
export function parseLocale(value: string | undefined): Locale | null {
  if (value === undefined) return null;
  const locale = Object.hasOwn(LOCALES, value.toLowerCase()) ? LOCALES[value.toLowerCase()] : undefined;
  if (!locale) fail(`--locale must be zh-CN, zh-TW or en, got "${value}"`);
  return locale;
}

/** --shard i/n: every n-th file of the sorted list, starting at the i-th (1-based). */
function parseShard(value: string | undefined): { index: number; count: number } | null {
  if (value === undefined) return null;
  const match = /^(\d+)\/(\d+)$/u.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  // 99999999999999999999 is not a safe integer: it rounds, and the shard would select nothing.
  if (!match || !Number.isSafeInteger(count) || !Number.isSafeInteger(index) || count < 1 || index < 1 || index > count) fail(`--shard expects i/n with 1 <= i <= n, got "${value}"`);
  return { index, count };
}

/** A base URL for rule help links (the config's docsUrl has the same pattern). */
function isDocsUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/u.test(value);
}

/**
 * Colour or not, as ESLint and most Node tools decide: --color / --no-color first, then
 * FORCE_COLOR (0 or false: off; anything else: on), then NO_COLOR (any non-empty value: off,
 * no-color.org), then whether standard output is a terminal.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === '0' || force.toLowerCase() === 'false');
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}
