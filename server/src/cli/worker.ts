/**
 * Worker thread entry (bundled to server/out/worker.js): claims and lints files for the CLI
 * (see pool.ts). It loads the engine from commands.js beside it instead of carrying its own
 * copy: the worker bundle was a second engine of 590 KB in the npm package.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './pool';
import type { FileOutcome } from './task';

// A path esbuild leaves alone: commands.js is a bundle of its own, next to this one.
const commands = path.join(__dirname, 'commands.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lintClaimed } = require(commands) as typeof import('./pool');

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
