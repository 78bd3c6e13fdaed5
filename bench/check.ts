/** `npm run bench:check`: compare the figures of the last `npm run bench` with the targets (bench/targets.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TARGETS } from './targets';

const file = path.resolve(__dirname, 'results.json');
if (!fs.existsSync(file)) {
  console.error('bench:check: no bench/results.json: run npm run bench first');
  process.exit(2);
}
const { ratios, date, skipped = [] } = JSON.parse(fs.readFileSync(file, 'utf8')) as { ratios: Record<string, number>; date: string; skipped?: string[] };
let failed = 0;
for (const reason of skipped) console.log(`! skipped: ${reason}`);
for (const [name, limit] of Object.entries(TARGETS)) {
  const value = ratios[name];
  if (value === undefined || !Number.isFinite(value)) {
    console.log(`? ${name}: not measured`);
    failed++;
    continue;
  }
  // growthRss16xMb is "under"; every other target "at most".
  const ok = name === 'growthRss16xMb' ? value < limit : value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✖'} ${name}: ${value.toFixed(3)} (limit ${limit})`);
}
console.log(`results of ${date}: ${failed === 0 ? 'all targets met' : `${failed} target(s) missed or not measured`}`);
process.exitCode = failed === 0 ? 0 : 1;
