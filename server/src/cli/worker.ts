/**
 * Worker thread entry (bundled to server/out/worker.js): claims and lints files for the CLI
 * (see pool.ts). It loads the engine from commands.js beside it instead of carrying its own
 * copy: the worker bundle was a second engine of 590 KB in the npm package.
 */
import { parentPort, workerData } from 'node:worker_threads';
// Bundled as require('./commands.js') (scripts/build.mjs), the bundle beside this one.
import { lintClaimed } from './commands';
import type { WorkerInput, WorkerMessage } from './pool';
import type { FileOutcome } from './task';

/** Outcomes go to the main thread in groups of this many: fewer messages, results still flow. */
const GROUP = 8;

let outcomes: FileOutcome[] = [];
lintClaimed(workerData as WorkerInput, true, (outcome) => {
  outcomes.push(outcome);
  if (outcomes.length === GROUP) {
    parentPort?.postMessage({ outcomes, done: false } satisfies WorkerMessage);
    outcomes = [];
  }
});
parentPort?.postMessage({ outcomes, done: true } satisfies WorkerMessage);
