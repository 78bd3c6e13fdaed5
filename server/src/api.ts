/**
 * The programmatic API of the npm package (`require('fivenets')`, `import … from 'fivenets'`).
 * Every function runs the command line in-process (cli/main.ts) and returns its JSON report, so
 * the API returns exactly the objects of the JSON contracts in the README, with the same config
 * discovery, draft classification and fixes as `fivenets lint`. The types are that contract
 * (contract.ts, shared with the CLI); the build writes the package's .d.ts from this file.
 */
import { main } from './cli/main';
import type { Diagnostic, SchemaChoice, TaskRow } from './contract';

export type { Diagnostic, SchemaChoice } from './contract';
/** `export --format json`: one row per measure. */
export type Measure = TaskRow;

export interface FileReport {
  path: string;
  /** The schema the file was checked against, and why. */
  schema?: SchemaChoice;
  diagnostics: Diagnostic[];
  /** With `fixText` or `fix: 'dry-run'`: the fixed text, when fixes change it. */
  output?: string;
}

/** `lint --format json`. */
export interface LintReport {
  version: 1;
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number; infos: number };
  /** Rule pages are `<docsUrl>/<rule-id>.md`. */
  docsUrl: string;
}

export interface MeasureTable {
  version: 1;
  /** Each file read, with the schema it was read with. */
  files: Array<{ path: string; schema: SchemaChoice }>;
  measures: Measure[];
}

/** `rules --format json`. */
export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning' | 'info';
  fixable: boolean;
  description: string;
}

/** `lint --print-config FILE`: the effective configuration of a file, and whether it is a draft. */
export interface EffectiveConfig {
  file: string;
  draft: boolean;
  reason: 'named' | 'include' | 'frontmatter' | 'ignore-file' | 'config-ignore' | 'not-included';
  reasonDetail?: string;
  configFiles: string[];
  /** The schema the file's text is checked against, and why; `file` when it is a schema file. */
  schema: { id: string; file: string | null; from: SchemaChoice['from'] };
  frontmatterSchema: string | null;
  locale: 'zh-CN' | 'zh-TW' | 'en';
  date: string | null;
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  owners: string[];
  include: { globs: string[]; base: string; from: 'config' | 'setting' | 'default' };
  ignore: { globs: string[]; base: string };
  ignoreFiles: string[];
  maxFileSize: number;
  docsUrl: string;
}

export interface Options {
  /** Folder that paths and config discovery start from (default: process.cwd()). */
  cwd?: string;
  /** A config file to use instead of discovering .fivenets.yaml. */
  config?: string;
  locale?: 'zh-CN' | 'zh-TW' | 'en';
  /** Rule severities over the config's. */
  rules?: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Base of rule help links. */
  docsUrl?: string;
}

export interface TextOptions extends Options {
  /** Where the text would live: its config is discovered from there (default: <cwd>/draft.md). */
  filePath?: string;
}

export interface FilesOptions extends Options {
  /** true: write fixes to the files; 'dry-run': compute them into `output` only. */
  fix?: boolean | 'dry-run';
  ignorePath?: string[];
  noIgnore?: boolean;
}

/** A usage, config or I/O problem (the CLI's exit 2), with its one-line reason. */
export class FivenetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FivenetsError';
  }
}

function flags(options: Options): string[] {
  const args: string[] = [];
  if (options.config !== undefined) args.push('--config', options.config);
  if (options.locale !== undefined) args.push('--locale', options.locale);
  for (const [id, severity] of Object.entries(options.rules ?? {})) args.push('--rule', `${id}:${severity}`);
  if (options.docsUrl !== undefined) args.push('--docs-url', options.docsUrl);
  return args;
}

/** Run the command line; its standard output, or a FivenetsError with what it said on stderr. */
async function run(argv: string[], cwd: string | undefined, stdin?: string): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: cwd ?? process.cwd(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(Buffer.from(stdin ?? '', 'utf8')),
    env: {},
  });
  if (code === 2)
    throw new FivenetsError(
      stderr
        .trim()
        .split('\n')[0]
        ?.replace(/^fivenets: /u, '') ?? 'failed',
    );
  return stdout;
}

/** Lint a draft's text; `filePath` says where it would live (for its config). */
export async function lintText(text: string, options: TextOptions = {}): Promise<FileReport> {
  const report = JSON.parse(await run(['lint', '-', '--stdin-filename', options.filePath ?? 'draft.md', '--format', 'json', ...flags(options)], options.cwd, text)) as LintReport;
  return report.files[0];
}

/** The text with every fix applied (what `fivenets lint --fix` writes), and what remains. */
export async function fixText(text: string, options: TextOptions = {}): Promise<{ output: string; diagnostics: Diagnostic[] }> {
  const report = JSON.parse(await run(['lint', '-', '--stdin-filename', options.filePath ?? 'draft.md', '--fix-dry-run', '--format', 'json', ...flags(options)], options.cwd, text)) as LintReport;
  const file = report.files[0];
  return { output: file.output ?? text, diagnostics: file.diagnostics };
}

/** Lint files, folders (their drafts) and globs, as `fivenets lint` does. */
export async function lintFiles(paths: string[], options: FilesOptions = {}): Promise<LintReport> {
  const args = ['lint', ...paths, '--format', 'json', ...flags(options)];
  if (options.fix === true) args.push('--fix');
  if (options.fix === 'dry-run') args.push('--fix-dry-run');
  for (const file of options.ignorePath ?? []) args.push('--ignore-path', file);
  if (options.noIgnore) args.push('--no-ignore');
  return JSON.parse(await run(args, options.cwd)) as LintReport;
}

/** The task table (任务分工表) of files and folders, as `fivenets export --format json`. */
export async function exportMeasures(paths: string[], options: Omit<Options, 'rules' | 'docsUrl'> = {}): Promise<MeasureTable> {
  return JSON.parse(await run(['export', ...paths, '--format', 'json', ...flags(options)], options.cwd)) as MeasureTable;
}

/** The effective configuration of a file (`fivenets lint --print-config FILE`). */
export async function loadConfig(file: string, options: Omit<Options, 'docsUrl'> = {}): Promise<EffectiveConfig> {
  return JSON.parse(await run(['lint', '--print-config', file, ...flags(options)], options.cwd)) as EffectiveConfig;
}

/** The rules, with default severities and descriptions in `locale` (default en). */
export async function rules(options: Pick<Options, 'locale'> = {}): Promise<RuleInfo[]> {
  return JSON.parse(await run(['rules', '--format', 'json', ...(options.locale ? ['--locale', options.locale] : [])], undefined)) as RuleInfo[];
}
