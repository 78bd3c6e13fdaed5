/**
 * `fivenets merge-sarif a.sarif b.sarif … [-o merged.sarif]`: join the SARIF logs of CI shards
 * (--shard i/n) into one log with a single run, as GitHub code scanning wants one run per
 * tool and category.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

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
  const run: SarifRun = { ...first.runs[0], results: [] };
  for (const log of logs) {
    for (const other of log.runs) {
      if (other.tool.driver.name !== run.tool.driver.name) throw new Error(`cannot merge runs of ${other.tool.driver.name} into ${run.tool.driver.name}`);
      run.results?.push(...(other.results ?? []));
    }
  }
  return { ...first, runs: [run] };
}

export function runMergeSarif(io: { cwd: string; stdout: (text: string) => void }, files: string[], output: string | undefined): void {
  if (files.length === 0) throw new Error('merge-sarif needs at least one SARIF file');
  const logs = files.map((file) => {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
    } catch (error) {
      throw new Error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      const log = JSON.parse(text) as SarifLog;
      if (log.version !== '2.1.0' || !Array.isArray(log.runs) || log.runs.length === 0) throw new Error('not a SARIF 2.1.0 log');
      return log;
    } catch (error) {
      throw new Error(`${file}: ${error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message}`);
    }
  });
  const merged = `${JSON.stringify(mergeSarif(logs), null, 2)}\n`;
  if (output) fs.writeFileSync(path.resolve(io.cwd, output), merged);
  else io.stdout(merged);
}
