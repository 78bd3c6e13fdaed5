/** One unit of CLI work: read a draft, lint it (and fix it). Runs in the main thread or in a worker. */
import type { LintDiagnostic, LintOptions } from '../engine';
import { fixAll, lint } from '../engine';
import { InputError, readDraft } from './io';

export interface FileTask {
  index: number;
  absolute: string;
  /** Key into the options table shared with workers. */
  optionsKey: string;
  maxBytes: number;
  fix: boolean;
}

export interface FileOutcome {
  index: number;
  /** SHA-256 of the text that was linted (after fixes), for the cache. */
  contentHash?: string;
  diagnostics?: LintDiagnostic[];
  /** The fixed file content (with BOM if the file had one), when --fix changed it. */
  fixedText?: string;
  error?: string;
}

import { createHash } from 'node:crypto';

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function runTask(task: FileTask, options: LintOptions): FileOutcome {
  try {
    const draft = readDraft(task.absolute, task.maxBytes);
    let text = draft.text;
    let fixedText: string | undefined;
    if (task.fix) {
      const fixed = fixAll(text, options);
      if (fixed.text !== text) {
        text = fixed.text;
        fixedText = (draft.bom ? '\ufeff' : '') + fixed.text;
      }
    }
    return { index: task.index, contentHash: hashText(text), diagnostics: lint(text, options).diagnostics, fixedText };
  } catch (error) {
    if (error instanceof InputError) return { index: task.index, error: error.message };
    // A crash inside the engine is a bug: report it for this file and keep going.
    return { index: task.index, error: `internal error: ${error instanceof Error ? error.message : String(error)} (please report this)` };
  }
}
