/**
 * `npm run fuzz` (tsx scripts/fuzz.ts): fuzz the engine with seeded random drafts and check
 * the properties in test/fuzz/harness.ts. Bounded in inputs and in time; the same seed
 * gives the same inputs.
 *
 *   tsx scripts/fuzz.ts [--seed N] [--runs N] [--time-limit-ms N]
 *                       [--input I] [--minimize] [--out DIR] [--json]
 *
 * --input I replays input I of the run (inputs are independent, so no other is needed);
 * --minimize shrinks each failing input; --out writes failing inputs to DIR (one .txt each,
 * byte for byte, plus a .json with the failures). Exit 0 when nothing failed, 1 otherwise.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { minimize, runFuzz, type FuzzFailure } from '../test/fuzz/harness';

export const DEFAULT_SEED = 20200715;
export const DEFAULT_RUNS = 2000;
export const DEFAULT_TIME_LIMIT_MS = 300_000;

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    process.stderr.write(`fuzz: --${name} expects a whole number, got "${value}"\n`);
    process.exit(2);
  }
  return number;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      runs: { type: 'string' },
      'time-limit-ms': { type: 'string' },
      input: { type: 'string' },
      minimize: { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const seed = whole('seed', values.seed, DEFAULT_SEED) >>> 0;
  const runs = whole('runs', values.runs, DEFAULT_RUNS);
  const timeLimitMs = whole('time-limit-ms', values['time-limit-ms'], DEFAULT_TIME_LIMIT_MS);
  const only = values.input === undefined ? undefined : whole('input', values.input, 0);

  let lastReport = Date.now();
  const summary = runFuzz({
    seed,
    runs,
    timeLimitMs,
    only,
    onProgress: (inputs) => {
      if (!values.json && Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        process.stderr.write(`fuzz: ${inputs} inputs…\n`);
      }
    },
  });

  const byInput = new Map<number, FuzzFailure[]>();
  for (const failure of summary.failures) byInput.set(failure.index, [...(byInput.get(failure.index) ?? []), failure]);

  if (values.out && byInput.size > 0) {
    fs.mkdirSync(values.out, { recursive: true });
    for (const [index, failures] of byInput) {
      const base = path.join(values.out, `seed-${seed}-input-${index}`);
      fs.writeFileSync(`${base}.txt`, failures[0].text);
      fs.writeFileSync(`${base}.json`, `${JSON.stringify({ seed, input: index, origin: failures[0].origin, options: failures[0].options, failures: failures.map(({ kind, detail }) => ({ kind, detail })) }, null, 2)}\n`);
    }
  }

  const kinds: Record<string, number> = {};
  for (const failure of summary.failures) kinds[failure.kind] = (kinds[failure.kind] ?? 0) + 1;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ seed, runs, timeLimitMs, inputs: summary.inputs, operations: summary.operations, crashes: summary.crashes, failingInputs: byInput.size, failures: kinds, durationMs: summary.durationMs, stoppedBy: summary.stoppedBy, node: process.version }, null, 2)}\n`,
    );
  } else {
    for (const [index, failures] of byInput) {
      const first = failures[0];
      process.stdout.write(`\nFAIL input ${index} (${first.origin}; locale ${first.options.locale}, date ${first.options.documentDate ?? 'none'})\n`);
      for (const failure of failures.slice(0, 5)) process.stdout.write(`  ${failure.kind}: ${failure.detail.split('\n').join('\n    ')}\n`);
      if (values.minimize) {
        const small = minimize(first.text, first.kind, first.options);
        process.stdout.write(`  minimized (${small.length} of ${first.text.length} chars): ${JSON.stringify(small)}\n`);
      } else if (first.text.length <= 400) process.stdout.write(`  input: ${JSON.stringify(first.text)}\n`);
      process.stdout.write(`  replay: tsx scripts/fuzz.ts --seed ${seed} --input ${index} --minimize\n`);
    }
    process.stdout.write(
      [
        '',
        `seed:        ${seed}`,
        `operations:  ${summary.operations}`,
        `inputs:      ${summary.inputs}${summary.stoppedBy === 'time' ? ` (stopped by --time-limit-ms ${timeLimitMs})` : ''}`,
        `crashes:     ${summary.crashes}`,
        `failures:    ${byInput.size} input(s)${
          Object.keys(kinds).length > 0
            ? ` — ${Object.entries(kinds)
                .map(([kind, count]) => `${kind} ×${count}`)
                .join(', ')}`
            : ''
        }`,
        `duration:    ${(summary.durationMs / 1000).toFixed(1)} s`,
        '',
      ].join('\n'),
    );
  }
  return byInput.size > 0 ? 1 : 0;
}

process.exitCode = main();
