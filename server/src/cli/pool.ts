/**
 * Lint many files on worker threads (--jobs N). The main thread lints too, so N jobs are
 * the main thread and N-1 workers. Files are claimed one at a time through a shared
 * counter (Atomics), so nobody waits on the main thread to be handed work, and a thread
 * that got short drafts simply claims more. Workers answer with each file's diagnostics
 * already rendered (one string, see task.ts), which is cheap to pass between threads.
 * Small runs stay on the main thread: starting a worker costs more than linting a few drafts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LintOptions } from '../engine';
import { runTask, type FileOutcome, type FileTask } from './task';

/** Below this many files, workers do not pay for their start-up. */
export const PARALLEL_THRESHOLD = 48;

/** What a worker gets: every task, and the counter the threads claim them with. */
export interface WorkerInput {
  options: Record<string, LintOptions>;
  tasks: FileTask[];
  /** Int32Array[1] over a SharedArrayBuffer: the index of the next unclaimed task. */
  next: Int32Array;
}

/** A worker's message: outcomes so far, and `done` with its last ones. */
export interface WorkerMessage {
  outcomes: FileOutcome[];
  done: boolean;
}

/** The bundled worker next to the bundled CLI; absent when running from sources. */
export function workerScript(): string | null {
  const candidates = [path.join(__dirname, 'worker.js'), path.resolve(__dirname, '../../out/worker.js')];
  return candidates.find((file) => __filename.endsWith('.js') && fs.existsSync(file)) ?? null;
}

/** Claim and lint tasks until none are left; `rendered` as in runTask. */
export function lintClaimed(input: WorkerInput, rendered: boolean, each: (outcome: FileOutcome) => void): void {
  for (;;) {
    const index = Atomics.add(input.next, 0, 1);
    if (index >= input.tasks.length) return;
    const task = input.tasks[index];
    each(runTask(task, input.options[task.optionsKey], rendered));
  }
}

/**
 * The default for --jobs: one thread per core but one. A lint thread keeps more than a core
 * busy (V8 collects garbage and compiles on helper threads: on the 400-draft benchmark
 * corpus, CPU time is 1.15-1.3 × wall time on one thread), so on two cores a second lint
 * thread competed with the first's helpers and made the run slower (see README).
 */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * `rendered`: the main thread renders each file's diagnostics as the workers do (the JSON
 * report needs nothing else), instead of keeping every diagnostic object of the run: on
 * 6,400 plain drafts those objects held more than a gigabyte.
 */
/**
 * A rendered outcome held as UTF-8 bytes from the moment it arrives: a string with one Chinese
 * character takes two bytes for every character, while a report's JSON is mostly ASCII keys
 * and numbers (UTF-8: one byte each); the bytes live outside the JS heap, and the report is
 * written as bytes anyway.
 */
function compact(outcome: FileOutcome): FileOutcome {
  if (typeof outcome.json === 'string') outcome.json = rendered.add(outcome.json);
  return outcome;
}

/**
 * Rendered reports, as UTF-8, one after another in buffers of a megabyte or more: a buffer of
 * its own per file (Buffer.from) cost an allocation outside the heap per file, a visible share
 * of a run of many small drafts.
 */
class ByteArena {
  private chunk = Buffer.allocUnsafe(0);
  private used = 0;

  /** The string's UTF-8 bytes, in the arena (valid for the life of the process). */
  add(text: string): Uint8Array {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (text.length * 3 > this.chunk.length - this.used) {
      this.chunk = Buffer.allocUnsafe(Math.max(ARENA_CHUNK, text.length * 3));
      this.used = 0;
    }
    const start = this.used;
    this.used += this.chunk.write(text, start, 'utf8');
    return this.chunk.subarray(start, this.used);
  }
}

const ARENA_CHUNK = 1 << 20;
const rendered = new ByteArena();

export async function runTasks(tasks: FileTask[], options: Record<string, LintOptions>, jobs: number, rendered = false): Promise<FileOutcome[]> {
  const script = workerScript();
  // The main thread is one of the jobs; each thread gets at least 16 files' worth of work.
  const workers = Math.min(jobs, Math.ceil(tasks.length / 16)) - 1;
  if (!script || workers < 1 || tasks.length < PARALLEL_THRESHOLD) return tasks.map((task) => compact(runTask(task, options[task.optionsKey], rendered)));

  const input: WorkerInput = { options, tasks, next: new Int32Array(new SharedArrayBuffer(4)) };
  const outcomes: FileOutcome[] = [];
  const finished = Array.from(
    { length: workers },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: input });
        worker.on('message', (message: WorkerMessage) => {
          for (const outcome of message.outcomes) outcomes.push(compact(outcome));
          if (message.done) resolve();
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`a lint worker stopped (exit code ${code})`)));
      }),
  );
  // Workers start in the background (~130 ms to load their bundle); the main thread starts at once.
  lintClaimed(input, rendered, (outcome) => outcomes.push(compact(outcome)));
  await Promise.all(finished);
  const position = new Map(tasks.map((task, at) => [task.index, at]));
  return outcomes.sort((a, b) => (position.get(a.index) as number) - (position.get(b.index) as number));
}
