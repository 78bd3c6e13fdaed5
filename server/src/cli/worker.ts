/** Worker thread entry (bundled to server/out/worker.js): lints batches of files for the CLI. */
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '../engine';
import { runTask, type FileTask } from './task';

const optionsTable = (workerData as { options: Record<string, LintOptions> }).options;

parentPort?.on('message', (batch: FileTask[]) => {
  const outcomes = batch.map((task) => runTask(task, optionsTable[task.optionsKey]));
  parentPort?.postMessage(outcomes);
});
