/**
 * One engine figure, in a process of its own (bench/run.ts spawns one per figure and corpus):
 * the bundled engine (bench/engine-bundle.ts) times `runs` passes over every draft of `dir`.
 * A process per figure, so no figure pays for another's garbage: a pass of remark-parse leaves
 * hundreds of megabytes for the collector, and a lint pass right after it in the same process
 * timed that collection too.
 *
 *   node --import tsx bench/engine-child.ts BUNDLE DIR parse|fastParse|lint RUNS   → JSON array of ms
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

type Engine = typeof import('./engine-entry');

function main(): void {
  const [bundle, dir, kind, runsArg] = process.argv.slice(2);
  const { IncrementalLinter, parseMarkdown, builtinSchema } = require(bundle) as Engine;
  const texts = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'));
  const options = { schema: builtinSchema(), locale: 'zh-CN' as const };
  const work: Record<string, (text: string) => unknown> = {
    parse: (text) => parseMarkdown(text, undefined, false),
    fastParse: (text) => parseMarkdown(text),
    lint: (text) => new IncrementalLinter(options).update(text),
  };
  const pass = work[kind];
  if (!pass) throw new Error(`unknown figure ${kind}: expected parse, fastParse or lint`);
  // The lint must find something, or the bench would time a no-op.
  let found = 0;
  for (const text of texts.slice(0, 20)) found += new IncrementalLinter(options).update(text).diagnostics.length;
  if (found === 0) throw new Error(`the engine found nothing in ${dir}: the bench would time a no-op`);
  // One untimed pass over every draft first: the figures are of the steady state (the code
  // optimized, the heap sized), not of the first pass of a fresh process.
  for (const text of texts) pass(text);
  const times: number[] = [];
  for (let run = 0; run < Number(runsArg); run++) {
    const started = process.hrtime.bigint();
    for (const text of texts) pass(text);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(JSON.stringify(times));
}

main();
