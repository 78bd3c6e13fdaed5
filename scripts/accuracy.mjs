#!/usr/bin/env node
/**
 * Measure extraction on hand-annotated real plans: runs the shared scorer on the corpus as
 * the plans are (each linted as a new user would: no config, the draft picks its schema)
 * and with every top-level heading renamed to a net (--nets), and prints both figures.
 *
 *   npm run accuracy                 build, then score ../shared/corpus/real-plans
 *   node scripts/accuracy.mjs --check  exit 1 when a figure is below the floors the tests keep
 *
 * FIVENETS_CORPUS and FIVENETS_SCORER point elsewhere (other annotated plans are scored the
 * same way). The floors are the ones the real-plans issue set: measure F1 0.97, owner 95 %,
 * co-owners 90 %, deadline 95 %, metric 95 %, false missing-owner at most 2 % of owned measures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = process.env.FIVENETS_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus', 'real-plans');
export const SCORER = process.env.FIVENETS_SCORER ?? path.resolve(root, '..', 'shared', 'tools', 'score-extraction.mjs');
export const FLOORS = ['--min-f1', '0.97', '--min-owner', '0.95', '--min-co', '0.9', '--min-deadline', '0.95', '--min-metric', '0.95', '--max-false-missing-owner', '0.02'];

/** Run the scorer in one mode; returns its exit status and output. */
export function score(nets, extra = []) {
  const args = [SCORER, '--cli', path.join(root, 'server', 'out', 'cli.js'), ...(nets ? ['--nets'] : []), ...extra, CORPUS];
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
}

function main() {
  const check = process.argv.includes('--check');
  const verbose = process.argv.includes('-v');
  if (!existsSync(SCORER) || !existsSync(CORPUS)) {
    console.error(`accuracy: no scorer or corpus at ${SCORER} / ${CORPUS} (set FIVENETS_SCORER and FIVENETS_CORPUS)`);
    process.exit(2);
  }
  let failed = false;
  for (const nets of [false, true]) {
    const result = score(nets, [...(verbose ? ['-v'] : []), ...(check ? FLOORS : [])]);
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    if (result.status !== 0) failed = true;
  }
  if (check && failed) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
