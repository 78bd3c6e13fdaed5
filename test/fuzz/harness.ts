/**
 * The engine fuzzer: properties every lint and every fix must keep, checked on seeded
 * random inputs (see generate.ts). Used by test/fuzz/engine.fuzz.test.ts (a short run in
 * the test suite) and scripts/fuzz.ts (`npm run fuzz`, longer runs).
 *
 * Properties, for every input:
 * - lint() never throws and no rule fails (no `internal-error` diagnostic);
 * - every diagnostic span, fix and suggestion edit and model span lies inside the document,
 *   no span cuts a surrogate pair in half, and ranges are the spans' LSP positions;
 * - the same input gives the same output (twice, with other inputs linted in between, and
 *   split into sections or not);
 * - a fix applied alone changes only its own span (the text before and after its edit is
 *   kept exactly), deletes only inside the span it reports and never splits a CRLF;
 * - fixAll is idempotent and leaves nothing fixable;
 * - nothing is written to the console or emitted as a process warning.
 */
import { isDeepStrictEqual } from 'node:util';
import { IncrementalLinter, INTERNAL_ERROR_RULE, applyFixes, fixAll, lint } from '../../server/src/engine';
import type { Fix, LintDiagnostic, LintOptions, LintResult, Locale, Span } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { chance, inputSeed, loadCorpus, makeInput, mulberry32, pick, type FuzzInput } from './generate';

export type FailureKind =
  | 'crash'
  | 'internal-error'
  | 'span-out-of-bounds'
  | 'range-mismatch'
  | 'span-splits-surrogate'
  | 'model-span'
  | 'nondeterministic'
  | 'sections-differ'
  | 'edits-overlap'
  | 'edit-splits-crlf'
  | 'fix-deletes-outside-span'
  | 'fix-not-applied'
  | 'fix-not-local'
  | 'fixall-not-idempotent'
  | 'fixable-after-fixall'
  | 'writes-output';

export interface Failure {
  kind: FailureKind;
  detail: string;
}

export interface FuzzFailure extends Failure {
  /** Index of the input in its run; `--seed S --input I` replays it. */
  index: number;
  seed: number;
  origin: string;
  text: string;
  options: { locale: Locale; documentDate: string | null };
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  operations: number;
  /** Inputs on which the engine threw or a rule failed. */
  crashes: number;
  failures: FuzzFailure[];
  durationMs: number;
  stoppedBy: 'runs' | 'time' | 'failures';
}

// ---------------------------------------------------------------------------------------
// Positions, computed independently of LineIndex
// ---------------------------------------------------------------------------------------

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/gu)) starts.push((match.index ?? 0) + match[0].length);
  return starts;
}

function position(starts: number[], offset: number): { line: number; character: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Does `offset` fall between the two halves of a surrogate pair? */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function splitsCrlf(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

const inBounds = (span: Span, length: number) => Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= length;

/** Measure text and field values are their source, with inline HTML comments blanked out (same length). */
function sameText(source: string, measureText: string): boolean {
  if (source.length !== measureText.length) return false;
  for (let i = 0; i < source.length; i++) if (source[i] !== measureText[i] && measureText[i] !== ' ') return false;
  return true;
}

const show = (text: string, span: Span) => JSON.stringify(text.slice(Math.max(0, span.start - 8), Math.min(text.length, span.end + 8)));

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

export class Checker {
  operations = 0;
  readonly failures: Failure[] = [];

  constructor(private readonly options: LintOptions) {}

  fail(kind: FailureKind, detail: string): void {
    if (this.failures.length < 20) this.failures.push({ kind, detail });
  }

  /** Run `action`, counting it; a throw is a crash. */
  guard<T>(what: string, action: () => T): T | undefined {
    this.operations++;
    try {
      return action();
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 6).join('\n')}` : String(error);
      this.fail('crash', `${what} threw ${message}`);
      return undefined;
    }
  }

  lint(text: string, what = 'lint'): LintResult | undefined {
    return this.guard(what, () => lint(text, this.options));
  }

  check(text: string, scratch: string): void {
    const first = this.lint(text);
    if (!first) return;
    this.diagnostics(text, first.diagnostics);
    this.model(text, first);

    const whole = this.guard('IncrementalLinter(split: false)', () => new IncrementalLinter(this.options, false).update(text));
    if (whole && !isDeepStrictEqual(whole.diagnostics, first.diagnostics)) {
      this.fail('sections-differ', describeDifference(first.diagnostics, whole.diagnostics));
    }

    for (const diagnostic of first.diagnostics) if (diagnostic.fix) this.fixAlone(text, diagnostic, diagnostic.fix, 'fix');
    for (const diagnostic of first.diagnostics) for (const suggestion of diagnostic.suggestions) this.fixAlone(text, diagnostic, suggestion, 'suggestion');
    this.fixAll(text);

    // Other documents in between: shared state (regex lastIndex, caches) must not leak.
    this.lint(scratch, 'lint(scratch)');
    const again = this.lint(text, 'lint (second run)');
    if (again && !isDeepStrictEqual(again.diagnostics, first.diagnostics)) this.fail('nondeterministic', describeDifference(first.diagnostics, again.diagnostics));
  }

  diagnostics(text: string, diagnostics: LintDiagnostic[]): void {
    const starts = lineStarts(text);
    for (const diagnostic of diagnostics) {
      if (diagnostic.rule === INTERNAL_ERROR_RULE) {
        this.fail('internal-error', diagnostic.message);
        continue;
      }
      const { span } = diagnostic;
      if (!inBounds(span, text.length)) {
        this.fail('span-out-of-bounds', `${diagnostic.rule} span ${span.start}-${span.end} in a document of ${text.length}`);
        continue;
      }
      const expected = { start: position(starts, span.start), end: position(starts, span.end) };
      if (!isDeepStrictEqual(diagnostic.range, expected)) {
        this.fail('range-mismatch', `${diagnostic.rule} span ${span.start}-${span.end}: range ${JSON.stringify(diagnostic.range)}, expected ${JSON.stringify(expected)}`);
      }
      if (splitsSurrogate(text, span.start) || splitsSurrogate(text, span.end)) {
        this.fail('span-splits-surrogate', `${diagnostic.rule} span ${span.start}-${span.end} ${show(text, span)}`);
      }
      for (const fix of [diagnostic.fix, ...diagnostic.suggestions]) {
        for (const edit of fix?.edits ?? []) {
          if (!inBounds(edit.span, text.length)) this.fail('span-out-of-bounds', `${diagnostic.rule} edit ${edit.span.start}-${edit.span.end} in a document of ${text.length}`);
        }
      }
    }
  }

  private model(text: string, result: LintResult): void {
    const length = text.length;
    const spans: Array<[string, Span]> = [];
    const { model } = result;
    if (model.meta.frontmatterSpan) spans.push(['frontmatter', model.meta.frontmatterSpan]);
    for (const net of model.nets) spans.push(['net.headingSpan', net.headingSpan], ['net.nameSpan', net.nameSpan], ['net.span', net.span]);
    for (const heading of model.unknownNets) spans.push(['unknownNet.nameSpan', heading.nameSpan]);
    for (const span of model.codeSpans) spans.push(['codeSpan', span]);
    for (const span of model.textSpans) spans.push(['textSpan', span]);
    for (const comment of model.comments) spans.push(['comment', comment.span]);
    const measures = [...model.nets.flatMap((net) => net.measures), ...model.orphanMeasures];
    for (const measure of measures) {
      spans.push(['measure.span', measure.span], ['measure.textSpan', measure.textSpan], ['measure.insertion', { start: measure.insertion.offset, end: measure.insertion.offset }]);
      for (const span of measure.quantities) spans.push(['measure.quantity', span]);
      for (const span of measure.prose) spans.push(['measure.prose', span]);
      for (const span of Object.values(measure.insertion.cells ?? {})) if (span) spans.push(['measure.insertion.cell', span]);
      if (inBounds(measure.textSpan, length) && !sameText(text.slice(measure.textSpan.start, measure.textSpan.end), measure.text)) {
        this.fail(
          'model-span',
          `measure.text ${JSON.stringify(measure.text.slice(0, 40))} is not the text at its textSpan ${measure.textSpan.start}-${measure.textSpan.end}: ${JSON.stringify(text.slice(measure.textSpan.start, measure.textSpan.end).slice(0, 40))}`,
        );
      }
      for (const field of [...measure.fields, measure.owner, measure.metric, measure.deadline]) {
        if (!field) continue;
        spans.push([`field(${field.kind}).valueSpan`, field.valueSpan]);
        if (field.labelSpan) spans.push([`field(${field.kind}).labelSpan`, field.labelSpan]);
        if (inBounds(field.valueSpan, length) && !sameText(text.slice(field.valueSpan.start, field.valueSpan.end), field.value)) {
          this.fail(
            'model-span',
            `field ${field.kind} value ${JSON.stringify(field.value.slice(0, 40))} is not the text at its valueSpan ${field.valueSpan.start}-${field.valueSpan.end}: ${JSON.stringify(text.slice(field.valueSpan.start, field.valueSpan.end).slice(0, 40))}`,
          );
        }
      }
    }
    for (const [what, span] of spans) {
      if (!inBounds(span, length)) this.fail('model-span', `${what} ${span.start}-${span.end} in a document of ${length}`);
    }
  }

  fixAlone(text: string, diagnostic: LintDiagnostic, fix: Fix, what: 'fix' | 'suggestion'): void {
    const edits = [...fix.edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    if (edits.length === 0) return;
    if (!edits.every((edit) => inBounds(edit.span, text.length))) return; // reported already
    for (let i = 1; i < edits.length; i++) {
      const previous = edits[i - 1].span;
      const current = edits[i].span;
      if (current.start < previous.end || (current.start === previous.start && current.end === current.start && previous.end === previous.start)) {
        this.fail('edits-overlap', `${diagnostic.rule} ${what} "${fix.title}" has overlapping edits`);
        return;
      }
    }
    for (const edit of edits) {
      for (const offset of new Set([edit.span.start, edit.span.end])) {
        if (splitsSurrogate(text, offset)) this.fail('span-splits-surrogate', `${diagnostic.rule} ${what} edit at ${offset} cuts a surrogate pair: ${show(text, edit.span)}`);
        if (splitsCrlf(text, offset)) this.fail('edit-splits-crlf', `${diagnostic.rule} ${what} edit at ${offset} lands between \\r and \\n: ${show(text, edit.span)}`);
      }
      const deletes = edit.span.end > edit.span.start;
      if (deletes && (edit.span.start < diagnostic.span.start || edit.span.end > diagnostic.span.end)) {
        this.fail('fix-deletes-outside-span', `${diagnostic.rule} ${what} deletes ${edit.span.start}-${edit.span.end} ${show(text, edit.span)}, outside its span ${diagnostic.span.start}-${diagnostic.span.end}`);
      }
    }
    const result = this.guard(`applyFixes(${diagnostic.rule} ${what})`, () => applyFixes(text, [fix]));
    if (!result) return;
    if (result.applied !== 1) {
      this.fail('fix-not-applied', `${diagnostic.rule} ${what} "${fix.title}" applied alone: ${result.applied} applied`);
      return;
    }
    // The text outside the edits is kept exactly: before the first, between, after the last.
    let expected = '';
    let cursor = 0;
    for (const edit of edits) {
      expected += text.slice(cursor, edit.span.start) + edit.newText;
      cursor = edit.span.end;
    }
    expected += text.slice(cursor);
    const first = edits[0].span.start;
    const last = edits[edits.length - 1].span.end;
    const keptPrefix = result.text.startsWith(text.slice(0, first));
    const keptSuffix = result.text.endsWith(text.slice(last));
    if (result.text !== expected || !keptPrefix || !keptSuffix) {
      this.fail('fix-not-local', `${diagnostic.rule} ${what} "${fix.title}" changed text outside ${first}-${last} (prefix kept: ${keptPrefix}, suffix kept: ${keptSuffix})`);
    }
  }

  private fixAll(text: string): void {
    const fixed = this.guard('fixAll', () => fixAll(text, this.options));
    if (!fixed) return;
    const after = this.lint(fixed.text, 'lint(fixAll(x))');
    if (after) {
      const fixable = after.diagnostics.filter((diagnostic) => diagnostic.fix);
      if (fixable.length > 0) {
        this.fail(
          'fixable-after-fixall',
          `${fixable.length} fixable left: ${fixable
            .slice(0, 3)
            .map((d) => `${d.rule} at ${d.span.start} ${show(fixed.text, d.span)} -> ${JSON.stringify(d.fix?.edits[0]?.newText)}`)
            .join('; ')}`,
        );
      }
    }
    const twice = this.guard('fixAll(fixAll(x))', () => fixAll(fixed.text, this.options));
    if (twice && twice.text !== fixed.text) {
      const at = firstDifference(fixed.text, twice.text);
      this.fail('fixall-not-idempotent', `fixAll(fixAll(x)) differs at ${at}: ${JSON.stringify(fixed.text.slice(Math.max(0, at - 20), at + 30))} vs ${JSON.stringify(twice.text.slice(Math.max(0, at - 20), at + 30))}`);
    }
  }
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function describeDifference(a: LintDiagnostic[], b: LintDiagnostic[]): string {
  const brief = (d: LintDiagnostic | undefined) => (d ? `${d.rule}@${d.span.start}-${d.span.end}` : 'nothing');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (!isDeepStrictEqual(a[i], b[i])) return `${a.length} vs ${b.length} diagnostics; #${i}: ${brief(a[i])} vs ${brief(b[i])}`;
  }
  return 'diagnostics differ';
}

// ---------------------------------------------------------------------------------------
// Runs
// ---------------------------------------------------------------------------------------

const LOCALES: Locale[] = ['zh-CN', 'zh-TW', 'en'];
const DATES: Array<string | null> = [null, '2020-07-01', '2021-12-31'];

export interface PreparedInput extends FuzzInput {
  options: { locale: Locale; documentDate: string | null };
  scratch: string;
}

let corpusCache: Array<{ name: string; text: string }> | null = null;
export function corpus(): Array<{ name: string; text: string }> {
  corpusCache ??= loadCorpus();
  return corpusCache;
}

/** Input `index` of the run with seed `seed` (independent of every other input). */
export function prepareInput(seed: number, index: number): PreparedInput {
  const random = mulberry32(inputSeed(seed, index));
  const entries = corpus();
  const input = makeInput(random, entries);
  const options = { locale: pick(random, LOCALES), documentDate: chance(random, 0.7) ? pick(random, DATES) : null };
  return { ...input, options, scratch: pick(random, entries).text };
}

/**
 * Check one text with the given options; returns the failures and the operations run. The
 * engine writes nothing: a console line or a process warning would land on the CLI's stderr
 * and, in the language server, on the JSON-RPC channel.
 */
export function checkText(text: string, options: { locale: Locale; documentDate: string | null }, scratch = ''): { failures: Failure[]; operations: number } {
  const checker = new Checker({ schema: builtinSchema(), locale: options.locale, documentDate: options.documentDate });
  const written: string[] = [];
  // Put back on `process` and `console` as they were, never called detached.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const saved = { emitWarning: process.emitWarning, log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  const record =
    (what: string) =>
    (...args: unknown[]) => {
      written.push(
        `${what}: ${
          args
            .map((arg) => (arg instanceof Error ? arg.message : String(arg)))
            .join(' ')
            .split('\n')[0]
        }`,
      );
    };
  process.emitWarning = record('process.emitWarning');
  console.log = record('console.log');
  console.warn = record('console.warn');
  console.error = record('console.error');
  console.info = record('console.info');
  console.debug = record('console.debug');
  try {
    checker.check(text, scratch);
  } finally {
    Object.assign(console, { log: saved.log, warn: saved.warn, error: saved.error, info: saved.info, debug: saved.debug });
    process.emitWarning = saved.emitWarning;
  }
  for (const line of written.slice(0, 3)) checker.fail('writes-output', line);
  return { failures: checker.failures, operations: checker.operations };
}

export interface FuzzOptions {
  seed: number;
  runs: number;
  timeLimitMs: number;
  /** Check only this input (replay). */
  only?: number;
  /** Stop after this many failing inputs. */
  maxFailures?: number;
  onProgress?: (inputs: number) => void;
}

export function runFuzz(options: FuzzOptions): FuzzSummary {
  const started = Date.now();
  const failures: FuzzFailure[] = [];
  let inputs = 0;
  let operations = 0;
  let crashes = 0;
  let stoppedBy: FuzzSummary['stoppedBy'] = 'runs';
  const indices = options.only !== undefined ? [options.only] : Array.from({ length: options.runs }, (_, i) => i);
  for (const index of indices) {
    if (Date.now() - started > options.timeLimitMs) {
      stoppedBy = 'time';
      break;
    }
    const input = prepareInput(options.seed, index);
    const result = checkText(input.text, input.options, input.scratch);
    inputs++;
    operations += result.operations;
    if (result.failures.some((failure) => failure.kind === 'crash' || failure.kind === 'internal-error')) crashes++;
    for (const failure of result.failures) failures.push({ ...failure, index, seed: options.seed, origin: input.origin, text: input.text, options: input.options });
    options.onProgress?.(inputs);
    if (options.maxFailures !== undefined && new Set(failures.map((failure) => failure.index)).size >= options.maxFailures) {
      stoppedBy = 'failures';
      break;
    }
  }
  return { seed: options.seed, inputs, operations, crashes, failures, durationMs: Date.now() - started, stoppedBy };
}

/**
 * Shrink a failing text (delta debugging: drop ever smaller chunks while the same kind of
 * failure remains), within a time budget. Returns the smallest text found.
 */
export function minimize(text: string, kind: FailureKind, options: { locale: Locale; documentDate: string | null }, budgetMs = 30_000): string {
  const started = Date.now();
  const fails = (candidate: string) => checkText(candidate, options).failures.some((failure) => failure.kind === kind);
  let current = text;
  let chunk = Math.max(1, Math.floor(current.length / 2));
  while (chunk >= 1 && Date.now() - started < budgetMs) {
    let removed = false;
    for (let start = 0; start < current.length && Date.now() - started < budgetMs;) {
      const candidate = current.slice(0, start) + current.slice(start + chunk);
      if (candidate !== current && fails(candidate)) {
        current = candidate;
        removed = true;
      } else start += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return current;
}
