/**
 * `fivenets merge-sarif a.sarif b.sarif … [-o merged.sarif]`: join the SARIF logs of CI shards
 * (--shard i/n) into one log with a single run, as GitHub code scanning wants one run per
 * tool and category.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileReadError, readRegularText } from '../engine/read-file';
import { refuseOutputThatIsInput } from './safe-write';

interface SarifRun {
  tool: { driver: { name: string } };
  results?: unknown[];
  [key: string]: unknown;
}

interface SarifLog {
  version: string;
  runs: SarifRun[];
  [key: string]: unknown;
}

export function mergeSarif(logs: SarifLog[]): SarifLog {
  const [first] = logs;
  const results: unknown[] = [];
  const run: SarifRun = { ...first.runs[0], results };
  for (const log of logs) {
    for (const other of log.runs) {
      if (other.tool.driver.name !== run.tool.driver.name) throw new Error(`cannot merge runs of ${other.tool.driver.name} into ${run.tool.driver.name}`);
      // Not push(...results): 200,000 results overflow the stack as call arguments.
      for (const result of other.results ?? []) results.push(result);
    }
  }
  return { ...first, runs: [run] };
}

/** SARIF logs of 200,000 results are about 150 MB; a V8 string holds at most 512 MB. */
export const MAX_SARIF_SIZE = 256 * 1024 * 1024;

/** What is wrong with a parsed log's shape (the parts merging relies on), or null. */
export function sarifShapeProblem(value: unknown): string | null {
  if (!isObject(value) || value.version !== '2.1.0') return 'not a SARIF 2.1.0 log';
  if (!Array.isArray(value.runs) || value.runs.length === 0) return 'not a SARIF 2.1.0 log (no runs)';
  for (const [index, run] of value.runs.entries()) {
    if (!isObject(run) || !isObject(run.tool) || !isObject(run.tool.driver) || typeof run.tool.driver.name !== 'string') {
      return `runs[${index}].tool.driver.name is missing`;
    }
    if (run.results !== undefined && !Array.isArray(run.results)) return `runs[${index}].results is not an array`;
    if (Array.isArray(run.results) && !run.results.every(isObject)) return `runs[${index}].results holds something that is not a result object`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> & { tool?: unknown; driver?: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merge `files` into `output` (or stdout). Throws Error with a one-line message naming the file. */
export function runMergeSarif(io: { cwd: string; stdout: (text: string) => void }, files: string[], output: string | undefined): void {
  if (files.length === 0) throw new Error('merge-sarif needs at least one SARIF file');
  if (output) refuseOutputThatIsInput(io.cwd, output, files);
  const logs = files.map((file) => {
    let text: string;
    try {
      text = readRegularText(path.resolve(io.cwd, file), MAX_SARIF_SIZE);
    } catch (error) {
      if (error instanceof FileReadError) throw new Error(`${file}: ${error.message}`);
      throw error;
    }
    let log: unknown;
    try {
      log = JSON.parse(text);
    } catch {
      throw new Error(`${file}: not valid JSON`);
    }
    const problem = sarifShapeProblem(log);
    if (problem) throw new Error(`${file}: ${problem}`);
    return log as SarifLog;
  });
  const merged = `${JSON.stringify(mergeSarif(logs), null, 2)}\n`;
  if (output) fs.writeFileSync(path.resolve(io.cwd, output), merged);
  else io.stdout(merged);
}
