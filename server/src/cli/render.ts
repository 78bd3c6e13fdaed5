/** The end of a lint run, shared by the commands and the cached path: the report, where it goes, the exit code. */
import * as path from 'node:path';
import { DOCS_BASE, VERSION } from '../version';
import { fail } from './args';
import type { CliIO } from './main';
import { chunksToText, writeChunks, writeChunksToFile, type Chunk } from './output';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatJunit } from './formatters/junit';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { summarize, type FileResult, type FormatContext, type RuleSummary } from './formatters/types';

/** `ruleTable` gives the rules in `locale`; only SARIF asks for it. */
export function render(format: string, results: readonly FileResult[], io: CliIO, ruleTable: () => readonly RuleSummary[]): Chunk[] {
  const context: FormatContext = {
    color: io.color ?? false,
    toolVersion: VERSION,
    helpUri: (ruleId) => `${DOCS_BASE}/${ruleId}.md`,
  };
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return [formatSarif(results, context, ruleTable())];
    case 'github':
      return [formatGithub(results)];
    case 'junit':
      return [formatJunit(results)];
    default:
      return [formatStylish(results, context)];
  }
}

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
