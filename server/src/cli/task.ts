/** One unit of CLI work: read a draft, lint it (and fix it). Runs in the main thread or in a worker. */
import type { LintDiagnostic, LintOptions } from '../engine';
import { fixAll, lintDiagnostics } from '../engine';
import { createHash } from 'node:crypto';
import { hashText } from './cache';
import { renderJsonDiagnostics } from './formatters/json';
import { countSeverities, type Counts, type ReportedSchema } from './formatters/types';
import { InputError, decodeDraft, readDraftBytes } from './io';
import type { ReadBuffer } from '../engine/read-file';

export interface FileTask {
  index: number;
  absolute: string;
  /** Key into the options table shared with workers. */
  optionsKey: string;
  maxBytes: number;
  fix: boolean;
  /** Hash the linted text for the cache (only --cache reads it). */
  hash: boolean;
}

export interface FileOutcome {
  index: number;
  /** SHA-256 of the text that was linted (after fixes), for the cache. */
  contentHash?: string;
  diagnostics?: LintDiagnostic[];
  /** Instead of `diagnostics` (from workers): them rendered as in the JSON report, and their counts. */
  /** The file's rendered diagnostics: a string from runTask and the workers, UTF-8 bytes once the pool holds it. */
  json?: string | Uint8Array;
  counts?: Counts;
  /** The fixed file content (with BOM if the file had one), when --fix changed it. */
  fixedText?: string;
  /** The schema the draft was checked against, and why. */
  schema?: ReportedSchema;
  /** With `fixedText`: SHA-256 of the bytes that were read (hashBytes()), to check the file is unchanged before writing. */
  sourceHash?: string;
  error?: string;
}

/**
 * `rendered`: return the diagnostics rendered (a worker's answer: one string crosses to the
 * main thread instead of a structured clone of every diagnostic object).
 */
const readBuffer: ReadBuffer = { bytes: Buffer.alloc(0) };

export function runTask(task: FileTask, options: LintOptions, rendered = false): FileOutcome {
  try {
    // One read buffer per thread: the bytes are decoded (and hashed, for --fix) before the next read.
    const bytes = readDraftBytes(task.absolute, task.maxBytes, readBuffer);
    const draft = decodeDraft(bytes);
    let text = draft.text;
    let fixedText: string | undefined;
    let sourceHash: string | undefined;
    if (task.fix) {
      const fixed = fixAll(text, options);
      if (fixed.text !== text) {
        text = fixed.text;
        fixedText = (draft.bom ? '\ufeff' : '') + fixed.text;
        sourceHash = hashBytes(bytes);
      }
    }
    const result = lintDiagnostics(text, options);
    const { diagnostics } = result;
    const contentHash = task.hash ? hashText(text) : undefined;
    const schema = { id: result.schema.schema.id, from: result.schema.from };
    if (rendered) return { index: task.index, contentHash, json: renderJsonDiagnostics(diagnostics), counts: countSeverities(diagnostics), fixedText, schema, sourceHash };
    return { index: task.index, contentHash, diagnostics, fixedText, schema, sourceHash };
  } catch (error) {
    if (error instanceof InputError) return { index: task.index, error: error.message };
    // A crash inside the engine is a bug: report it for this file and keep going.
    return { index: task.index, error: `internal error: ${error instanceof Error ? error.message : String(error)} (please report this)` };
  }
}

/** SHA-256 of a file's bytes as read (BOM and all): what --fix compares before it writes. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
