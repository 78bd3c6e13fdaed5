/** `npm run bench:check`: compare the ratios of the last `npm run bench` with the targets. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const THRESHOLDS: Record<string, number> = {
  coldVsMarkdownlint: 0.5,
  cacheUnchangedVsMarkdownlint: 0.05,
  engineOverhead: 1.2,
  editP95LargeVsSmall: 3,
};

const file = path.resolve(__dirname, 'results.json');
if (!fs.existsSync(file)) {
  console.error('bench:check: no bench/results.json: run npm run bench first');
  process.exit(2);
}
const { ratios, date } = JSON.parse(fs.readFileSync(file, 'utf8')) as { ratios: Record<string, number>; date: string };
let failed = 0;
for (const [name, limit] of Object.entries(THRESHOLDS)) {
  const value = ratios[name];
  if (value === undefined) {
    console.log(`? ${name}: not measured`);
    failed++;
    continue;
  }
  const ok = value <= limit;
  if (!ok) failed++;
  console.log(`${ok ? '✔' : '✖'} ${name}: ${value.toFixed(3)} (limit ${limit})`);
}
console.log(`results of ${date}: ${failed === 0 ? 'all targets met' : `${failed} target(s) missed`}`);
process.exitCode = failed === 0 ? 0 : 1;
