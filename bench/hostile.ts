/**
 * `npx tsx bench/hostile.ts`: how linting time grows with the hostile inputs of
 * test/fuzz/hostile.test.ts (which checks what the engine says about them, not how fast).
 * Each input is linted at three sizes, each double the one before, and the time is fitted to
 * length^k between the smallest and the largest: k is about 1 for linear work, 2 for
 * quadratic. Prints the times (min of RUNS runs) and k, and exits 1 when k exceeds MAX_EXPONENT
 * (the nesting and long-line cases once grew quadratically, before their fixes). Inputs that
 * lint in a few milliseconds give a noisy k: rerun before believing one.
 */
import { lint } from '../server/src/engine';
import { builtinSchema } from '../server/src/engine/schema';

const MAX_EXPONENT = 1.5;
const RUNS = 5;
const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };
const DRAFT = '## 公共卫生防护网\n\n1. 新增发热门诊30个（牵头单位：市卫健委；完成时限：2020年10月底前）\n2. 建设负压病房100间（完成时限：2020年底前）\n';
const UNIT = '推进院前急救中心建设，打造中心城区10分钟医疗急救圈（牵头单位：市卫健委；完成时限：2021年第三季度）';

/** Each input at its largest size (the hostile test's), as a function of a size factor (1, 1/2, 1/4). */
const INPUTS: Array<{ name: string; make: (factor: number) => string }> = [
  { name: 'one line of fields, 5,000,000 characters', make: (f) => `## 公共卫生防护网\n\n${UNIT.repeat(Math.ceil((5_000_000 * f) / UNIT.length)).slice(0, 5_000_000 * f)}\n` },
  { name: 'one line of colons and brackets, 4,000,000', make: (f) => `## 公共卫生防护网\n\n${'：'.repeat(2_000_000 * f)}${'（'.repeat(1_000_000 * f)}${'）'.repeat(1_000_000 * f)}\n` },
  { name: 'block quotes 10,000 deep', make: (f) => `${'> '.repeat(10_000 * f)}正文\n\n${DRAFT}` },
  { name: 'lists 10,000 deep', make: (f) => `${'- '.repeat(10_000 * f)}正文\n\n${DRAFT}` },
  { name: 'ordered lists 10,000 deep', make: (f) => `${'1. '.repeat(10_000 * f)}正文\n\n${DRAFT}` },
  { name: 'quotes and lists 5,000 deep', make: (f) => `${'> - '.repeat(5_000 * f)}正文\n\n${DRAFT}` },
  { name: 'a list indented one level per line, 1,000 lines', make: (f) => `${Array.from({ length: 1_000 * f }, (_, i) => `${'  '.repeat(i)}- 第${i}层`).join('\n')}\n\n${DRAFT}` },
  {
    name: 'a table of 20,000 rows',
    make: (f) =>
      `## 公共卫生防护网\n\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n${Array.from({ length: 20_000 * f }, (_, i) => `| ${i + 1} | 建设负压病房${i + 1}间 |  | 2020年底前 |`).join('\n')}\n`,
  },
];

function minMs(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    void lint(text, options).diagnostics.length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

let failed = 0;
for (const input of INPUTS) {
  const texts = [0.25, 0.5, 1].map((factor) => input.make(factor));
  const times = texts.map(minMs);
  const exponent = Math.log(times[2] / times[0]) / Math.log(texts[2].length / texts[0].length);
  const ok = exponent <= MAX_EXPONENT;
  if (!ok) failed++;
  const sizes = texts.map((text) => `${(text.length / 1e6).toFixed(2)} M`).join(', ');
  console.log(`${ok ? '✔' : '✖'} ${input.name} (${sizes} characters): ${times.map((ms) => `${ms.toFixed(0)} ms`).join(' → ')}, time ∝ length^${exponent.toFixed(2)} (limit ${MAX_EXPONENT})`);
}
process.exitCode = failed === 0 ? 0 : 1;
