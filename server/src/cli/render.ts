/** The end of a lint run, shared by the commands and the cached path: the report, where it goes, the exit code. */
import * as path from 'node:path';
import { DOCS_BASE, VERSION } from '../version';
import type { Locale } from '../engine/types';
import { fail, useColor } from './args';
import { readDraft, type CliIO } from './io';
import { chunksToText, writeChunks, writeChunksToFile, type Chunk } from './output';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { formatCheckstyle } from './formatters/checkstyle';
import { formatGitlab } from './formatters/gitlab';
import { formatRdjson } from './formatters/rdjson';
import { summarize, type FileResult, type FormatContext, type RuleSummary } from './formatters/types';

/** How a report is shown: colour, language of the stylish summary, base of rule help links, drafts' text for rdjson. */
export interface View {
  color: boolean;
  locale: Locale;
  /** Base of rule help links (--docs-url, the config's docsUrl), without a trailing slash. */
  docsUrl?: string;
  /** A draft's text by its report path, for formats that count UTF-8 bytes (rdjson). */
  textOf?: (path: string) => string | null;
  /** --fix-dry-run: each file's fixed text by report path (the JSON report's `output`). */
  outputs?: ReadonlyMap<string, string>;
}

/** `ruleTable` gives the rules in `locale`; only SARIF asks for it. */
export function render(format: string, results: readonly FileResult[], view: View, ruleTable: () => readonly RuleSummary[]): Chunk[] {
  const base = view.docsUrl ?? DOCS_BASE;
  const context: FormatContext = {
    color: view.color,
    locale: view.locale,
    toolVersion: VERSION,
    docsBase: base,
    helpUri: (ruleId) => `${base}/${ruleId}.md`,
  };
  switch (format) {
    case 'json':
      return formatJson(results, context, view.outputs);
    case 'sarif':
      return [formatSarif(results, context, ruleTable())];
    case 'github':
      return [formatGithub(results)];
    case 'junit':
      return [formatJunit(results)];
    case 'gitlab':
      return [formatGitlab(results)];
    case 'checkstyle':
      return [formatCheckstyle(results)];
    case 'rdjson':
      return [formatRdjson(results, context, view.textOf ?? (() => null))];
    default:
      return [formatStylish(results, context)];
  }
}

/** The view of a lint run: --color/--no-color, FORCE_COLOR and NO_COLOR, the terminal; the locale and docs base. */
export function viewOf(io: CliIO, flags: { color: boolean | undefined; docsUrl: string | undefined }, locale: Locale, configDocsUrl: string | undefined): View {
  return {
    color: useColor(flags.color, io.env ?? {}, io.color ?? false),
    locale,
    docsUrl: flags.docsUrl ?? configDocsUrl?.replace(/\/+$/u, ''),
    textOf: (display) => {
      try {
        return readDraft(path.resolve(io.cwd, display), DEFAULT_READ_LIMIT).text;
      } catch {
        return null;
      }
    },
  };
}

/** What rdjson reads back of a draft to count bytes: the default maxFileSize. */
const DEFAULT_READ_LIMIT = 5 * 1024 * 1024;

export function writeReport(io: CliIO, output: string | undefined, chunks: readonly Chunk[]): void {
  if (!output) {
    if (io.stdoutBytes) {
      const write = io.stdoutBytes;
      // The stream may keep what it is given: hand it a copy of the reused buffer.
      writeChunks(chunks, (bytes) => write(Buffer.from(bytes)));
    } else io.stdout(chunksToText(chunks));
    return;
  }
  try {
    writeChunksToFile(path.resolve(io.cwd, output), chunks);
  } catch (error) {
    fail(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** 1 on errors or more warnings than --max-warnings (-1: no limit), else 0. */
export function exitCode(io: CliIO, results: readonly FileResult[], maxWarnings: number): number {
  const summary = summarize(results);
  if (summary.errors > 0) return 1;
  if (maxWarnings >= 0 && summary.warnings > maxWarnings) {
    io.stderr(`fivenets: ${summary.warnings} warning(s), more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}
