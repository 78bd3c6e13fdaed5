/**
 * The `fivenets` command line. main() takes its streams and working folder as arguments so
 * tests run it in-process; it returns the exit code: 0 clean, 1 lint errors (or warnings
 * over --max-warnings), 2 usage, config or I/O error.
 *
 * This module stays light: `lint --cache` on unchanged drafts is answered from the cache
 * (fast.ts) without loading the engine; everything else loads the commands (commands.ts,
 * with the engine), which the build bundles separately (server/out/commands.js).
 */
import { lintFromCache, type Handover } from './fast';
import type { CliIO } from './io';

export async function main(io: CliIO): Promise<number> {
  let handover: Handover | undefined;
  if (io.argv[0] === 'lint') {
    const answer = lintFromCache(io, io.argv.slice(1));
    if (typeof answer === 'number') return answer;
    handover = answer;
  }
  const commands = require('./commands') as typeof import('./commands');
  return commands.run(io, handover);
}
