/**
 * `npm run bench`: Five Nets against its peers on the same files, in one run. Every figure is
 * the median of at least 5 runs (with min and max); peers run alternately with ours. Results
 * go to bench/results.md and bench/results.json (ratios, which `npm run bench:check` checks).
 *
 *   --runs N       runs per figure (default 5)
 *   --quick        a smaller corpus and fewer edits (for trying the harness; not for results)
 *   --only import  only the Word import figures, printed (results files are left alone)
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDraft, generateDraftOfSize } from './generate';
import { IncrementalLinter } from '../server/src/engine';
import { parseMarkdown } from '../server/src/engine/parse/markdown';
import { builtinSchema } from '../server/src/engine/schema';
import { measureEdits, measureStartup, serverAvailable, type EditFigures } from './lsp';
import { generateLongDocx } from './generate-docx';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const DRAFTS = quick ? 40 : 400;
const MEASURES = 100;
const EDITS = quick ? 40 : 200;

interface Stat {
  median: number;
  min: number;
  max: number;
}

function stat(values: number[]): Stat {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

const fmt = (value: number, digits = 0) => value.toFixed(digits);
const fmtStat = (s: Stat, unit = 'ms', digits = 0) => `${fmt(s.median, digits)} ${unit} (${fmt(s.min, digits)}–${fmt(s.max, digits)})`;

function timeCommand(command: string, commandArgs: string[], cwd: string): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`${command} ${commandArgs.join(' ')} failed (${result.status}): ${result.stderr?.slice(0, 500)}`);
  return elapsed;
}

function writeCorpus(dir: string): number {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let chars = 0;
  for (let i = 0; i < DRAFTS; i++) {
    const text = generateDraft(i + 1, MEASURES, { traditional: i % 5 === 4 });
    chars += text.length;
    fs.writeFileSync(path.join(dir, `draft-${String(i + 1).padStart(3, '0')}.policy.md`), text);
  }
  return chars;
}

/** Word import targets: a 200-page plan in seconds, in bounded memory. */
const IMPORT_TARGET_MS = 5000;
const IMPORT_TARGET_RSS_MB = 300;

interface ImportFigures {
  pages: number;
  bytes: number;
  time: Stat;
  rssMb: number;
  lintTime: Stat;
}

/**
 * `fivenets import` and `fivenets lint` of a generated 200-page .docx, each a whole CLI run;
 * and the peak memory (max RSS, from Node) of one import run.
 */
async function measureImport(cli: string, dir: string): Promise<ImportFigures> {
  fs.mkdirSync(dir, { recursive: true });
  const docx = path.join(dir, 'long-plan.docx');
  const bytes = await generateLongDocx();
  fs.writeFileSync(docx, bytes);
  const output = path.join(dir, 'long-plan.policy.md');
  const times: number[] = [];
  const lintTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    times.push(timeCommand(process.execPath, [cli, 'import', '--force', '-o', output, docx], dir));
    lintTimes.push(timeCommand(process.execPath, [cli, 'lint', '--format', 'json', '--output', path.join(dir, 'lint.json'), docx], dir));
  }
  const rss = spawnSync(process.execPath, ['-e', `process.argv=[process.argv[0],${JSON.stringify(cli)},'import','-o','-',${JSON.stringify(docx)}];process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'));require(${JSON.stringify(cli)})`], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const maxRss = Number(/maxrss=(\d+)/u.exec(rss.stderr)?.[1] ?? NaN);
  return { pages: 200, bytes: bytes.length, time: stat(times), rssMb: maxRss / 1024, lintTime: stat(lintTimes) };
}

function importRows(figures: ImportFigures, row: (name: string, result: string, target: string, met: boolean | null) => void): void {
  const size = `${figures.pages}-page .docx (${Math.round(figures.bytes / 1024)} KB)`;
  row(`Word import: \`fivenets import\` of a ${size}`, fmtStat(figures.time), `≤ ${IMPORT_TARGET_MS} ms`, figures.time.median <= IMPORT_TARGET_MS);
  row(`Word import: memory (max RSS) of that run`, `${fmt(figures.rssMb)} MB`, `≤ ${IMPORT_TARGET_RSS_MB} MB`, figures.rssMb <= IMPORT_TARGET_RSS_MB);
  row(`Word import: \`fivenets lint\` of the same .docx`, fmtStat(figures.lintTime), '', null);
}

async function main(): Promise<void> {
  const cli = path.join(root, 'server/out/cli.js');
  if (!fs.existsSync(cli)) throw new Error('build first: npm run build');
  if (args.includes('--only') && args[args.indexOf('--only') + 1] === 'import') {
    const lines: string[] = ['| Figure | Result | Target | Met |', '| --- | --- | --- | --- |'];
    importRows(await measureImport(cli, path.join(root, 'bench/.corpus/docx')), (name, result, target, met) => lines.push(`| ${name} | ${result} | ${target} | ${met === null ? '—' : met ? 'yes' : '**no**'} |`));
    console.log(lines.join('\n'));
    return;
  }
  const corpusRoot = path.join(root, 'bench/.corpus');
  const corpus = path.join(corpusRoot, 'drafts');
  const chars = writeCorpus(corpus);
  const node = process.execPath;
  // The corpus sits in the gitignored bench/.corpus: --no-ignore, as the peers read no .gitignore either.
  const ours = [cli, 'lint', corpus, '--no-ignore', '--format', 'json', '--output', path.join(corpusRoot, 'ours.json')];
  const markdownlint = [path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'drafts/**/*.md'];
  const remark = [path.join(root, 'node_modules/remark-cli/cli.js'), 'drafts', '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout'];
  console.error(`corpus: ${DRAFTS} drafts × ${MEASURES} measures, ${chars} characters; ${os.cpus().length} cores; ${runs} runs per figure`);

  // 1. CLI cold, peers alternately with ours.
  const cold = { ours: [] as number[], markdownlint: [] as number[], remark: [] as number[] };
  for (let run = 0; run < runs; run++) {
    cold.ours.push(timeCommand(node, ours, corpusRoot));
    cold.markdownlint.push(timeCommand(node, markdownlint, corpusRoot));
    cold.remark.push(timeCommand(node, remark, corpusRoot));
    console.error(`cold run ${run + 1}/${runs}`);
  }

  // 2. --cache: unchanged corpus, and after changing one file.
  const cacheFile = path.join(corpusRoot, 'cache.json');
  fs.rmSync(cacheFile, { force: true });
  const cached = [...ours, '--cache', '--cache-location', cacheFile];
  timeCommand(node, cached, corpusRoot); // fill the cache
  const cacheUnchanged: number[] = [];
  const cacheOneChanged: number[] = [];
  const changed = path.join(corpus, 'draft-001.policy.md');
  for (let run = 0; run < runs; run++) {
    cacheUnchanged.push(timeCommand(node, cached, corpusRoot));
    fs.appendFileSync(changed, `\n<!-- edit ${run} -->\n`);
    cacheOneChanged.push(timeCommand(node, cached, corpusRoot));
  }

  // 3. Engine overhead: lint time ÷ parse-only time (the unified pipeline: remark-parse with the
  // engine's extensions), one thread. Also the engine's own parse step (the fast path for plain
  // sections, remark-parse for the rest), which the lint time includes.
  const texts = fs.readdirSync(corpus).map((name) => fs.readFileSync(path.join(corpus, name), 'utf8'));
  const options = { schema: builtinSchema(), locale: 'zh-CN' as const };
  const parseTimes: number[] = [];
  const fastParseTimes: number[] = [];
  const lintTimes: number[] = [];
  for (const text of texts.slice(0, 20)) {
    parseMarkdown(text, undefined, false);
    parseMarkdown(text);
    new IncrementalLinter(options).update(text);
  }
  for (let run = 0; run < runs; run++) {
    let started = process.hrtime.bigint();
    for (const text of texts) parseMarkdown(text, undefined, false);
    parseTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    for (const text of texts) parseMarkdown(text);
    fastParseTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    for (const text of texts) new IncrementalLinter(options).update(text);
    lintTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }

  // 4 and 5. The language server.
  let lsp: EditFigures[] = [];
  let uncapped: EditFigures | null = null;
  let startup: number[] = [];
  if (serverAvailable()) {
    for (const size of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
      lsp.push(await measureEdits(generateDraftOfSize(7, size), EDITS, 42));
      console.error(`language server: ${size} characters done`);
    }
    // The largest draft again with every diagnostic sent (maxProblems 0): the editor default
    // sends at most 1,000 per document, as VS Code shows no more.
    const largest = quick ? 100_000 : 1_000_000;
    uncapped = await measureEdits(generateDraftOfSize(7, largest), EDITS, 42, { initializationOptions: { maxProblems: 0 } });
    console.error('language server: uncapped done');
    for (let run = 0; run < runs; run++) startup.push(await measureStartup());
  } else {
    lsp = [];
    startup = [];
    console.error('server/out/server.js is missing: language-server figures skipped');
  }

  // 6. Word import.
  const wordImport = await measureImport(cli, path.join(corpusRoot, 'docx'));
  console.error('word import done');

  const coldOurs = stat(cold.ours);
  const coldMdl = stat(cold.markdownlint);
  const coldRemark = stat(cold.remark);
  const unchanged = stat(cacheUnchanged);
  const oneChanged = stat(cacheOneChanged);
  const parse = stat(parseTimes);
  const lintStat = stat(lintTimes);
  const fastParse = stat(fastParseTimes);
  const ratios: Record<string, number> = {
    coldVsMarkdownlint: coldOurs.median / coldMdl.median,
    coldVsRemark: coldOurs.median / coldRemark.median,
    cacheUnchangedVsMarkdownlint: unchanged.median / coldMdl.median,
    cacheOneChangedVsMarkdownlint: oneChanged.median / coldMdl.median,
    engineOverhead: lintStat.median / parse.median,
    lintVsEngineParse: lintStat.median / fastParse.median,
  };
  const small = lsp.find((figures) => figures.chars < 50_000);
  const large = lsp.find((figures) => figures.chars >= 900_000);
  if (small && large) ratios.editP95LargeVsSmall = large.editP95 / small.editP95;

  const lines: string[] = [];
  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  lines.push(`# Benchmark results`, '', `Run ${now} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`);
  lines.push(`Corpus: ${DRAFTS} generated drafts × ${MEASURES} measures (${(chars / 1e6).toFixed(2)} M characters, every fifth in traditional script). Each figure: median of ${runs} runs (min–max).`, '');
  lines.push('| Figure | Result | Target | Met |', '| --- | --- | --- | --- |');
  const row = (name: string, result: string, target: string, met: boolean | null) => lines.push(`| ${name} | ${result} | ${target} | ${met === null ? '—' : met ? 'yes' : '**no**'} |`);
  row('CLI cold: fivenets', fmtStat(coldOurs), '', null);
  row('CLI cold: markdownlint-cli2 (default config)', fmtStat(coldMdl), '', null);
  row('CLI cold: remark-cli + remark-preset-lint-recommended', fmtStat(coldRemark), '', null);
  row('CLI cold ÷ markdownlint-cli2', fmt(ratios.coldVsMarkdownlint, 2), '≤ 0.5', ratios.coldVsMarkdownlint <= 0.5);
  row('CLI cold ÷ remark-cli', fmt(ratios.coldVsRemark, 2), '', null);
  row('--cache, unchanged corpus', fmtStat(unchanged), '', null);
  row('--cache unchanged ÷ markdownlint-cli2 cold', fmt(ratios.cacheUnchangedVsMarkdownlint, 3), '≤ 0.05', ratios.cacheUnchangedVsMarkdownlint <= 0.05);
  row('--cache, one file changed', fmtStat(oneChanged), '', null);
  row('--cache one changed ÷ markdownlint-cli2 cold', fmt(ratios.cacheOneChangedVsMarkdownlint, 3), '', null);
  row('Engine: parse only, unified pipeline (remark-parse + gfm tables + frontmatter)', fmtStat(parse), '', null);
  row("Engine: parse only, the engine's parse step (fast path, remark-parse where it declines)", fmtStat(fastParse), '', null);
  row('Engine: lint (parse + model + rules)', fmtStat(lintStat), '', null);
  row('Engine overhead (lint ÷ unified-pipeline parse)', fmt(ratios.engineOverhead, 2), '≤ 1.2', ratios.engineOverhead <= 1.2);
  row("Lint ÷ the engine's parse step", fmt(ratios.lintVsEngineParse, 1), '', null);
  for (const figures of lsp) {
    const size = `${Math.round(figures.chars / 1000)} K`;
    row(`Server ${size}: edit → diagnostics p50 / p95 (${EDITS} edits)`, `${fmt(figures.editP50, 1)} / ${fmt(figures.editP95, 1)} ms`, figures.chars >= 900_000 ? 'p95 ≤ 50 ms' : '', figures.chars >= 900_000 ? figures.editP95 <= 50 : null);
    row(`Server ${size}: hover p95 / completion p95`, `${fmt(figures.hoverP95, 1)} / ${fmt(figures.completionP95, 1)} ms`, 'hover ≤ 10 ms', figures.hoverP95 <= 10);
    row(`Server ${size}: memory (RSS)`, `${fmt(figures.rssMb)} MB`, figures.chars >= 900_000 ? '≤ 250 MB' : '', figures.chars >= 900_000 ? figures.rssMb <= 250 : null);
  }
  if (uncapped) {
    const size = `${Math.round(uncapped.chars / 1000)} K`;
    row(`Server ${size}, every diagnostic sent (maxProblems 0): edit → diagnostics p50 / p95`, `${fmt(uncapped.editP50, 1)} / ${fmt(uncapped.editP95, 1)} ms`, '', null);
    row(`Server ${size}, every diagnostic sent: memory (RSS)`, `${fmt(uncapped.rssMb)} MB`, '', null);
  }
  if (ratios.editP95LargeVsSmall !== undefined) row('Server edit p95: 1 M ÷ 10 K', fmt(ratios.editP95LargeVsSmall, 2), '≤ 3', ratios.editP95LargeVsSmall <= 3);
  if (startup.length > 0) row('Server start → first diagnostics (sample draft)', fmtStat(stat(startup)), '', null);
  importRows(wordImport, row);
  lines.push('', 'Edits are timed from `didChange` to the answer of a `textDocument/diagnostic` pull request for that version, so the push debounce is excluded.');
  const table = lines.join('\n');
  console.log(table);
  if (!quick) {
    fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ date: now, ratios, lsp, uncapped, startupMs: startup.length ? stat(startup) : null, wordImport }, null, 2)}\n`);
    const previous = fs.existsSync(path.join(root, 'bench/results.md')) ? fs.readFileSync(path.join(root, 'bench/results.md'), 'utf8') : '';
    const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
    fs.writeFileSync(path.join(root, 'bench/results.md'), `${table}\n\n${notes}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
