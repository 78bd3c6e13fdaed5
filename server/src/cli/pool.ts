/**
 * Lint many files on worker threads (--jobs N), handing out batches as workers free up.
 * Small runs stay on the main thread: starting a worker costs more than linting a few drafts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine';
import { runTask, type FileOutcome, type FileTask } from './task';

const BATCH = 16;
/** Below this many files, workers do not pay for their start-up. */
export const PARALLEL_THRESHOLD = 48;

/** The bundled worker next to the bundled CLI; absent when running from sources. */
export function workerScript(): string | null {
  const candidates = [path.join(__dirname, 'worker.js'), path.resolve(__dirname, '../../out/worker.js')];
  return candidates.find((file) => __filename.endsWith('.js') && fs.existsSync(file)) ?? null;
}

export async function runTasks(tasks: FileTask[], options: Record<string, LintOptions>, jobs: number): Promise<FileOutcome[]> {
  const script = workerScript();
  const workers = Math.min(jobs, Math.ceil(tasks.length / BATCH));
  if (!script || workers <= 1 || tasks.length < PARALLEL_THRESHOLD) return tasks.map((task) => runTask(task, options[task.optionsKey]));

  const outcomes: FileOutcome[] = new Array(tasks.length);
  const positions = new Map(tasks.map((task, position) => [task.index, position]));
  let next = 0;
  const takeBatch = (): FileTask[] => {
    const batch = tasks.slice(next, next + BATCH);
    next += batch.length;
    return batch;
  };
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { options } });
        const feed = () => {
          const batch = takeBatch();
          if (batch.length === 0) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage(batch);
        };
        worker.on('message', (batchOutcomes: FileOutcome[]) => {
          for (const outcome of batchOutcomes) outcomes[positions.get(outcome.index) as number] = outcome;
          feed();
        });
        worker.on('error', reject);
        feed();
      }),
    ),
  );
  return outcomes;
}
