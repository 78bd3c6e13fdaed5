/**
 * `npm run bench`: Five Nets against its peers on the same files, in one run. Three corpora
 * side by side (the generated drafts, the plain drafts of ../shared/bench/plain-corpus.mjs and
 * the real plans of ../shared/corpus/real-plans repeated to about 2.5 M characters); every
 * cold figure is the median of 5 runs (with min and max), peers alternately with ours; the
 * growth rows (1×, 4×, 16× the plain corpus) take 3 runs each. Results go to bench/results.md
 * and bench/results.json (figures, which `npm run bench:check` checks against the targets).
 *
 *   --runs N       runs per figure (default 5)
 *   --quick        smaller corpora and fewer edits (for trying the harness; not for results)
 *   --only engine  only the in-process engine figures (drafts and plain corpora), printed
 *   --only import  only the Word import figures, printed (results files are left alone)
 *   --only server  only the language-server figures (pull, push, start-up), printed
 *
 * FIVENETS_SHARED_DIR: where the shared checkout is (default ../shared); a corpus it cannot
 * give is skipped loudly, and bench:check then fails on the figure it lacks.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateDraft, generateDraftOfSize } from './generate';
import { bundledEngine } from './engine-bundle';
import { measureEdits, measurePushEdits, measureStartup, serverAvailable, type EditFigures, type PushFigures } from './lsp';
import { generateLongDocx } from './generate-docx';
import { TARGETS } from './targets';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : quick ? 2 : 5;
const DRAFTS = quick ? 40 : 400;
const MEASURES = 100;
const EDITS = quick ? 40 : 200;
/** Edits timed per push row: each waits for the debounce, so fewer than the pull rows. */
const PUSH_EDITS = quick ? 10 : 50;
/** The plain corpus: as many files as the generated drafts, 100 measures each (2.7 M characters). */
/** The shared checkout beside the repository (FIVENETS_SHARED_DIR elsewhere). */
const SHARED = path.resolve(root, process.env.FIVENETS_SHARED_DIR ?? '../shared');
const PLAIN_SCRIPT = path.join(SHARED, 'bench/plain-corpus.mjs');
const REAL_PLANS = path.join(SHARED, 'corpus/real-plans');
const REAL_CHARS = quick ? 250_000 : 2_500_000;
const GROWTH_FACTORS = [1, 4, 16];
const GROWTH_RUNS = Math.min(runs, 3);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;

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

/** A folder of Markdown files every tool lints the same way, and how our CLI is given it. */
interface Corpus {
  key: 'drafts' | 'plain' | 'real';
  /** How the results table names it. */
  title: string;
  /** Its folder under bench/.corpus. */
  dir: string;
  files: number;
  chars: number;
  /**
   * What our CLI is given: the folder when its files are drafts (schema: frontmatter,
   * *.policy.md); else a glob, as named files are linted whether or not they look like drafts.
   */
  target: string;
}

function countChars(dir: string): { files: number; chars: number } {
  let chars = 0;
  const names = fs.readdirSync(dir).filter((name) => name.endsWith('.md'));
  for (const name of names) chars += fs.readFileSync(path.join(dir, name), 'utf8').length;
  return { files: names.length, chars };
}

function writeDraftsCorpus(corpusRoot: string): Corpus {
  const dir = path.join(corpusRoot, 'drafts');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let chars = 0;
  for (let i = 0; i < DRAFTS; i++) {
    const text = generateDraft(i + 1, MEASURES, { traditional: i % 5 === 4 });
    chars += text.length;
    fs.writeFileSync(path.join(dir, `draft-${String(i + 1).padStart(3, '0')}.policy.md`), text);
  }
  return { key: 'drafts', title: `generated drafts (${DRAFTS} × ${MEASURES} measures, every fifth in traditional script)`, dir: 'drafts', files: DRAFTS, chars, target: 'drafts' };
}

/** Loud, never silent: a corpus the bench cannot build is named on stderr and in the results. */
const skipped: string[] = [];
function skip(what: string, why: string): null {
  const message = `bench: SKIPPED ${what}: ${why}`;
  console.error(`\n${'!'.repeat(message.length)}\n${message}\n${'!'.repeat(message.length)}\n`);
  skipped.push(`${what}: ${why}`);
  return null;
}

/** `files` plain drafts from ../shared/bench/plain-corpus.mjs (no schema: frontmatter), 100 measures each. */
function writePlainCorpus(corpusRoot: string, dirName: string, files: number): Corpus | null {
  if (!fs.existsSync(PLAIN_SCRIPT)) return skip(`the plain corpus (${dirName})`, `${PLAIN_SCRIPT} is missing (the shared checkout: ../shared or FIVENETS_SHARED_DIR)`);
  const dir = path.join(corpusRoot, dirName);
  fs.rmSync(dir, { recursive: true, force: true });
  const made = spawnSync(process.execPath, [PLAIN_SCRIPT, dir, String(files), String(MEASURES)], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`${PLAIN_SCRIPT} failed (${made.status}): ${made.stderr.slice(0, 500)}`);
  const counted = countChars(dir);
  return { key: 'plain', title: `plain drafts (../shared/bench/plain-corpus.mjs, ${counted.files} × ${MEASURES} measures)`, dir: dirName, ...counted, target: `${dirName}/*.md` };
}

/** The annotated real plans (not their README), copied round after round to about REAL_CHARS characters. */
function writeRealCorpus(corpusRoot: string): Corpus | null {
  const plans = fs.existsSync(REAL_PLANS)
    ? fs
        .readdirSync(REAL_PLANS)
        .filter((name) => name.endsWith('.md') && name !== 'README.md')
        .sort()
    : [];
  if (plans.length === 0) return skip('the real-plans corpus', `no plans in ${REAL_PLANS} (the shared checkout: ../shared or FIVENETS_SHARED_DIR)`);
  const dir = path.join(corpusRoot, 'real');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const texts = plans.map((name) => fs.readFileSync(path.join(REAL_PLANS, name), 'utf8'));
  let chars = 0;
  let files = 0;
  for (let round = 0; chars < REAL_CHARS; round++) {
    texts.forEach((text, index) => {
      fs.writeFileSync(path.join(dir, `${String(round).padStart(3, '0')}-${plans[index]}`), text);
      chars += text.length;
      files++;
    });
  }
  return { key: 'real', title: `real plans (${plans.length} annotated plans of ../shared/corpus/real-plans, repeated to ${files} files)`, dir: 'real', files, chars, target: 'real/*.md' };
}

/**
 * Our CLI must have linted every file of the corpus and found problems in it, or the bench
 * would time a no-op (a folder of files that are not drafts is skipped in a few milliseconds).
 */
function assertLintedAll(corpus: Corpus, report: string): void {
  const { files, diagnostics } = reportCounts(report);
  if (files !== corpus.files || diagnostics === 0) {
    throw new Error(`fivenets linted ${files} of the ${corpus.files} files of the ${corpus.key} corpus (${diagnostics} diagnostics): the bench would time a no-op`);
  }
}

/**
 * Files and diagnostics in a JSON report: counted in it, or for a report too large to parse in
 * the bench's heap (16× the plain corpus gives about 150 MB) taken from its closing summary.
 */
function reportCounts(report: string): { files: number; diagnostics: number } {
  const size = fs.statSync(report).size;
  if (size < 64 * 2 ** 20) {
    const parsed = JSON.parse(fs.readFileSync(report, 'utf8')) as { files: Array<{ diagnostics: unknown[] }> };
    return { files: parsed.files.length, diagnostics: parsed.files.reduce((sum, file) => sum + file.diagnostics.length, 0) };
  }
  const tail = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(report, 'r');
  try {
    fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  } finally {
    fs.closeSync(fd);
  }
  const summary = /"summary":(\{[^}]*\})/u.exec(tail.toString('utf8'));
  const counts = summary ? (JSON.parse(summary[1]) as { files: number; errors: number; warnings: number; infos: number }) : null;
  return counts ? { files: counts.files, diagnostics: counts.errors + counts.warnings + counts.infos } : { files: 0, diagnostics: 0 };
}

function oursArgs(cli: string, corpus: Corpus, corpusRoot: string): string[] {
  // The corpus sits in the gitignored bench/.corpus: --no-ignore, as the peers read no .gitignore either.
  return [cli, 'lint', corpus.target, '--no-ignore', '--format', 'json', '--output', path.join(corpusRoot, `${corpus.dir}.json`)];
}

interface ColdFigures {
  corpus: Corpus;
  ours: Stat;
  markdownlint: Stat;
  remark: Stat;
}

/** Cold runs of the three CLIs over one corpus, alternately. */
function measureCold(cli: string, corpus: Corpus, corpusRoot: string): ColdFigures {
  const node = process.execPath;
  const ours = oursArgs(cli, corpus, corpusRoot);
  const markdownlint = [path.join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), `${corpus.dir}/**/*.md`];
  const remark = [path.join(root, 'node_modules/remark-cli/cli.js'), corpus.dir, '--use', 'remark-preset-lint-recommended', '--quiet', '--no-stdout'];
  const times = { ours: [] as number[], markdownlint: [] as number[], remark: [] as number[] };
  // A report left by an earlier run must not pass for this one's.
  fs.rmSync(ours[ours.length - 1], { force: true });
  for (let run = 0; run < runs; run++) {
    times.ours.push(timeCommand(node, ours, corpusRoot));
    if (run === 0) assertLintedAll(corpus, ours[ours.length - 1]);
    times.markdownlint.push(timeCommand(node, markdownlint, corpusRoot));
    times.remark.push(timeCommand(node, remark, corpusRoot));
    console.error(`${corpus.key}: cold run ${run + 1}/${runs}`);
  }
  return { corpus, ours: stat(times.ours), markdownlint: stat(times.markdownlint), remark: stat(times.remark) };
}

/** A whole CLI run, timed, with its peak memory (max RSS of the process, worker threads included). */
function runWithMaxRss(cli: string, cliArgs: string[], cwd: string): { ms: number; rssMb: number } {
  const wrapper = `process.argv=[process.argv[0],${JSON.stringify(cli)},...${JSON.stringify(cliArgs)}];process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS+'\\n'));require(${JSON.stringify(cli)})`;
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['-e', wrapper], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status === null || result.status > 1) throw new Error(`fivenets ${cliArgs.join(' ')} failed (${result.status}): ${result.stderr?.slice(0, 500)}`);
  return { ms, rssMb: Number(/maxrss=(\d+)/u.exec(result.stderr)?.[1] ?? NaN) / 1024 };
}

interface GrowthFigures {
  factor: number;
  files: number;
  chars: number;
  time: Stat;
  /** Median time per million characters. */
  msPerMChar: number;
  /** The largest max RSS of the runs. */
  rssMb: number;
}

/** Our CLI on 1×, 4× and 16× the plain corpus (regenerated with more files): linear time, bounded memory. */
function measureGrowth(cli: string, plain: Corpus, corpusRoot: string): GrowthFigures[] {
  const figures: GrowthFigures[] = [];
  for (const factor of GROWTH_FACTORS) {
    const corpus = factor === 1 ? plain : writePlainCorpus(corpusRoot, `growth-${factor}`, plain.files * factor);
    if (!corpus) break;
    const times: number[] = [];
    let rssMb = 0;
    const ours = oursArgs(cli, corpus, corpusRoot);
    fs.rmSync(ours[ours.length - 1], { force: true });
    for (let run = 0; run < GROWTH_RUNS; run++) {
      const measured = runWithMaxRss(cli, ours.slice(1), corpusRoot);
      if (run === 0) assertLintedAll(corpus, ours[ours.length - 1]);
      times.push(measured.ms);
      rssMb = Math.max(rssMb, measured.rssMb);
    }
    const time = stat(times);
    figures.push({ factor, files: corpus.files, chars: corpus.chars, time, msPerMChar: time.median / (corpus.chars / 1e6), rssMb });
    if (factor !== 1) fs.rmSync(path.join(corpusRoot, corpus.dir), { recursive: true, force: true });
    console.error(`growth ${factor}× done`);
  }
  return figures;
}

interface EngineFigures {
  /** Parse only with the unified pipeline (remark-parse with the engine's extensions). */
  parse: Stat;
  /** The engine's own parse step (the fast path for plain sections, remark-parse for the rest). */
  fastParse: Stat;
  /** A whole lint (parse + model + rules). */
  lint: Stat;
}

/**
 * One thread, the bundled engine: lint time against the parse steps it contains. Each figure
 * in processes of its own (bench/engine-child.ts), so none pays for another's garbage. The
 * engine's parse step and the lint, whose ratio is a target, alternate: `runs` processes of
 * each, three timed passes per process, so a slow spell of the machine falls on both (one
 * process per figure measured them minutes apart: the ratio of one build swung from 8 to 27
 * between runs). Not in one process: there each slowed the other by half (shared code
 * optimized for both). The unified pipeline's parse (seconds a pass) keeps one process.
 */
function measureEngine(bundle: string, corpusRoot: string, corpus: Corpus): EngineFigures {
  const dir = path.join(corpusRoot, corpus.dir);
  const passes = (kind: keyof EngineFigures, count: number): number[] => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/engine-child.ts'), bundle, dir, kind, String(count)], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`the engine's ${kind} figure on ${corpus.key} failed: ${child.stderr.trim().split('\n').pop() ?? ''}`);
    return JSON.parse(child.stdout) as number[];
  };
  const fastParse: number[] = [];
  const lint: number[] = [];
  for (let round = 0; round < runs; round++) {
    fastParse.push(...passes('fastParse', 3));
    lint.push(...passes('lint', 3));
  }
  return { parse: stat(passes('parse', runs)), fastParse: stat(fastParse), lint: stat(lint) };
}

interface ServerFigures {
  lsp: EditFigures[];
  uncapped: EditFigures | null;
  push: PushFigures[];
  startup: number[];
}

async function measureServer(): Promise<ServerFigures | null> {
  if (!serverAvailable()) {
    console.error('server/out/server.js is missing: language-server figures skipped');
    return null;
  }
  const lsp: EditFigures[] = [];
  for (const size of quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]) {
    lsp.push(await measureEdits(generateDraftOfSize(7, size), EDITS, 42));
    console.error(`language server: ${size} characters done`);
  }
  // The largest draft again with every diagnostic sent (maxProblems 0): the editor default
  // sends at most 1,000 per document, as VS Code shows no more.
  const largest = quick ? 100_000 : 1_000_000;
  const uncapped = await measureEdits(generateDraftOfSize(7, largest), EDITS, 42, { initializationOptions: { maxProblems: 0 } });
  console.error('language server: uncapped done');
  const push: PushFigures[] = [];
  for (const size of [10_000, largest]) {
    push.push(await measurePushEdits(generateDraftOfSize(7, size), PUSH_EDITS, 43));
    console.error(`language server, push: ${size} characters done`);
  }
  const startup: number[] = [];
  for (let run = 0; run < runs; run++) startup.push(await measureStartup());
  return { lsp, uncapped, push, startup };
}

type Row = (name: string, result: string, target: string, met: boolean | null) => void;

function serverRows(server: ServerFigures, figures: Record<string, number>, row: Row): void {
  for (const edit of server.lsp) {
    const size = `${Math.round(edit.chars / 1000)} K`;
    const large = edit.chars >= 900_000;
    if (large) {
      figures.serverP95LargeMs = edit.editP95;
      figures.serverRssLargeMb = edit.rssMb;
    }
    row(
      `Server ${size}: edit → diagnostics p50 / p95 (${EDITS} edits, pull)`,
      `${fmt(edit.editP50, 1)} / ${fmt(edit.editP95, 1)} ms`,
      large ? `p95 ≤ ${TARGETS.serverP95LargeMs} ms` : '',
      large ? edit.editP95 <= TARGETS.serverP95LargeMs : null,
    );
    row(`Server ${size}: hover p95 / completion p95`, `${fmt(edit.hoverP95, 1)} / ${fmt(edit.completionP95, 1)} ms`, 'hover ≤ 10 ms', edit.hoverP95 <= 10);
    row(`Server ${size}: memory (RSS)`, `${fmt(edit.rssMb)} MB`, large ? `≤ ${TARGETS.serverRssLargeMb} MB` : '', large ? edit.rssMb <= TARGETS.serverRssLargeMb : null);
  }
  if (server.uncapped) {
    const size = `${Math.round(server.uncapped.chars / 1000)} K`;
    row(`Server ${size}, every diagnostic sent (maxProblems 0): edit → diagnostics p50 / p95`, `${fmt(server.uncapped.editP50, 1)} / ${fmt(server.uncapped.editP95, 1)} ms`, '', null);
    row(`Server ${size}, every diagnostic sent: memory (RSS)`, `${fmt(server.uncapped.rssMb)} MB`, '', null);
  }
  const small = server.lsp.find((figures) => figures.chars < 50_000);
  const large = server.lsp.find((figures) => figures.chars >= 900_000);
  if (small && large) {
    figures.editP95LargeVsSmall = large.editP95 / small.editP95;
    row('Server edit p95: 1 M ÷ 10 K', fmt(figures.editP95LargeVsSmall, 2), `≤ ${TARGETS.editP95LargeVsSmall}`, figures.editP95LargeVsSmall <= TARGETS.editP95LargeVsSmall);
  }
  for (const push of server.push) {
    const size = `${Math.round(push.chars / 1000)} K`;
    const isSmall = push.chars < 50_000;
    if (isSmall) figures.pushP95SmallMs = push.publishP95;
    row(
      `Server ${size}, push-only client: edit → publishDiagnostics p50 / p95 (${push.edits} edits, debounce included)`,
      `${fmt(push.publishP50, 1)} / ${fmt(push.publishP95, 1)} ms`,
      isSmall ? `p95 ≤ ${TARGETS.pushP95SmallMs} ms` : '',
      isSmall ? push.publishP95 <= TARGETS.pushP95SmallMs : null,
    );
  }
  if (server.startup.length > 0) row('Server start → first diagnostics (sample draft)', fmtStat(stat(server.startup)), '', null);
}

function tableLines(): { lines: string[]; row: Row } {
  const lines = ['| Figure | Result | Target | Met |', '| --- | --- | --- | --- |'];
  const row: Row = (name, result, target, met) => lines.push(`| ${name} | ${result} | ${target} | ${met === null ? '—' : met ? 'yes' : '**no**'} |`);
  return { lines, row };
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
  const { rssMb } = runWithMaxRss(cli, ['import', '-o', '-', docx], dir);
  return { pages: 200, bytes: bytes.length, time: stat(times), rssMb, lintTime: stat(lintTimes) };
}

function importRows(figures: ImportFigures, row: (name: string, result: string, target: string, met: boolean | null) => void): void {
  const size = `${figures.pages}-page .docx (${Math.round(figures.bytes / 1024)} KB)`;
  row(`Word import: \`fivenets import\` of a ${size}`, fmtStat(figures.time), `≤ ${IMPORT_TARGET_MS} ms`, figures.time.median <= IMPORT_TARGET_MS);
  row(`Word import: memory (max RSS) of that run`, `${fmt(figures.rssMb)} MB`, `≤ ${IMPORT_TARGET_RSS_MB} MB`, figures.rssMb <= IMPORT_TARGET_RSS_MB);
  row(`Word import: \`fivenets lint\` of the same .docx`, fmtStat(figures.lintTime), '', null);
}

function coldRows(cold: ColdFigures, figures: Record<string, number>, row: Row): void {
  const suffix = cold.corpus.key === 'drafts' ? '' : cold.corpus.key === 'plain' ? 'Plain' : 'Real';
  const name = cold.corpus.key;
  figures[`coldVsMarkdownlint${suffix}`] = cold.ours.median / cold.markdownlint.median;
  figures[`coldVsRemark${suffix}`] = cold.ours.median / cold.remark.median;
  row(`${name}: CLI cold, fivenets`, fmtStat(cold.ours), '', null);
  row(`${name}: CLI cold, markdownlint-cli2 (default config)`, fmtStat(cold.markdownlint), '', null);
  row(`${name}: CLI cold, remark-cli + remark-preset-lint-recommended`, fmtStat(cold.remark), '', null);
  const ratio = figures[`coldVsMarkdownlint${suffix}`];
  row(`${name}: CLI cold ÷ markdownlint-cli2`, fmt(ratio, 2), `≤ ${TARGETS.coldVsMarkdownlint}`, ratio <= TARGETS.coldVsMarkdownlint);
  row(`${name}: CLI cold ÷ remark-cli`, fmt(figures[`coldVsRemark${suffix}`], 2), '', null);
}

function engineRows(name: string, engine: EngineFigures, figures: Record<string, number>, row: Row): void {
  const plain = name === 'plain';
  row(`${name}: engine parse only, unified pipeline (remark-parse + gfm tables + frontmatter)`, fmtStat(engine.parse), '', null);
  row(`${name}: engine parse only, the engine's parse step (fast path, remark-parse where it declines)`, fmtStat(engine.fastParse), '', null);
  row(`${name}: engine lint (parse + model + rules)`, fmtStat(engine.lint), '', null);
  const overhead = engine.lint.median / engine.parse.median;
  const overParse = engine.lint.median / engine.fastParse.median;
  if (plain) figures.lintVsEngineParsePlain = overParse;
  else {
    figures.engineOverhead = overhead;
    figures.lintVsEngineParse = overParse;
  }
  row(`${name}: engine overhead (lint ÷ unified-pipeline parse)`, fmt(overhead, 2), plain ? '' : `≤ ${TARGETS.engineOverhead}`, plain ? null : overhead <= TARGETS.engineOverhead);
  row(`${name}: lint ÷ the engine's parse step`, fmt(overParse, 1), plain ? `≤ ${TARGETS.lintVsEngineParsePlain}` : '', plain ? overParse <= TARGETS.lintVsEngineParsePlain : null);
}

function growthRows(growth: GrowthFigures[], figures: Record<string, number>, row: Row): void {
  const base = growth.find((entry) => entry.factor === 1);
  for (const entry of growth) {
    const perChar = base ? entry.msPerMChar / base.msPerMChar : NaN;
    const last = entry.factor === GROWTH_FACTORS[GROWTH_FACTORS.length - 1];
    if (last) {
      figures.growthTimePerChar16x = perChar;
      figures.growthRss16xMb = entry.rssMb;
    }
    row(
      `Growth ${entry.factor}× plain (${entry.files} files, ${(entry.chars / 1e6).toFixed(1)} M characters, ${GROWTH_RUNS} runs): CLI cold`,
      `${fmtStat(entry.time)}; ${fmt(entry.msPerMChar)} ms per M characters`,
      '',
      null,
    );
    if (entry.factor !== 1) row(`Growth ${entry.factor}×: time per character ÷ 1×`, fmt(perChar, 2), last ? `≤ ${TARGETS.growthTimePerChar16x}` : '', last ? perChar <= TARGETS.growthTimePerChar16x : null);
    row(`Growth ${entry.factor}×: peak memory (max RSS of the CLI, its lint threads included)`, `${fmt(entry.rssMb)} MB`, last ? `< ${TARGETS.growthRss16xMb} MB` : '', last ? entry.rssMb < TARGETS.growthRss16xMb : null);
  }
}

async function main(): Promise<void> {
  const cli = path.join(root, 'server/out/cli.js');
  if (!fs.existsSync(cli)) throw new Error('build first: npm run build');
  if (only === 'import') {
    const { lines, row } = tableLines();
    importRows(await measureImport(cli, path.join(root, 'bench/.corpus/docx')), row);
    console.log(lines.join('\n'));
    return;
  }
  if (only === 'server') {
    const { lines, row } = tableLines();
    const server = await measureServer();
    if (server) serverRows(server, {}, row);
    console.log(`${lines.join('\n')}\n\nPull edits are timed from \`didChange\` to the answer of a \`textDocument/diagnostic\` request; push edits to the \`publishDiagnostics\` of that version.`);
    return;
  }
  if (only !== null && only !== 'engine') throw new Error(`--only ${only}: expected engine, import or server`);
  const corpusRoot = path.join(root, 'bench/.corpus');
  fs.mkdirSync(corpusRoot, { recursive: true });
  const drafts = writeDraftsCorpus(corpusRoot);
  const plain = writePlainCorpus(corpusRoot, 'plain', DRAFTS);
  if (only === 'engine') {
    const { lines, row } = tableLines();
    const engine = await bundledEngine(root, corpusRoot);
    for (const corpus of [drafts, plain]) if (corpus) engineRows(corpus.key, measureEngine(engine, corpusRoot, corpus), {}, row);
    console.log(lines.join('\n'));
    return;
  }
  const real = writeRealCorpus(corpusRoot);
  const corpora = [drafts, plain, real].filter((corpus): corpus is Corpus => corpus !== null);
  for (const corpus of corpora) console.error(`corpus ${corpus.key}: ${corpus.files} files, ${corpus.chars} characters`);
  console.error(`${os.cpus().length} cores; ${runs} runs per figure (${GROWTH_RUNS} for the growth rows)`);

  // 1. CLI cold, per corpus, peers alternately with ours.
  const cold = corpora.map((corpus) => measureCold(cli, corpus, corpusRoot));

  // 2. --cache on the generated drafts: unchanged corpus, and after changing one file.
  const node = process.execPath;
  const cacheFile = path.join(corpusRoot, 'cache.json');
  fs.rmSync(cacheFile, { force: true });
  const cached = [...oursArgs(cli, drafts, corpusRoot), '--cache', '--cache-location', cacheFile];
  timeCommand(node, cached, corpusRoot); // fill the cache
  const cacheUnchanged: number[] = [];
  const cacheOneChanged: number[] = [];
  const changed = path.join(corpusRoot, drafts.dir, 'draft-001.policy.md');
  for (let run = 0; run < runs; run++) {
    cacheUnchanged.push(timeCommand(node, cached, corpusRoot));
    fs.appendFileSync(changed, `\n<!-- edit ${run} -->\n`);
    cacheOneChanged.push(timeCommand(node, cached, corpusRoot));
  }

  // 3. The engine in-process, bundled as it ships: lint against its parse steps, on the drafts and the plain corpus.
  const engine = await bundledEngine(root, corpusRoot);
  const engines = corpora.filter((corpus) => corpus.key !== 'real').map((corpus) => ({ name: corpus.key, figures: measureEngine(engine, corpusRoot, corpus) }));

  // 4. Growth: 1×, 4×, 16× the plain corpus.
  const growth = plain ? measureGrowth(cli, plain, corpusRoot) : [];

  // 5 and 6. The language server; Word import.
  const server = await measureServer();
  const wordImport = await measureImport(cli, path.join(corpusRoot, 'docx'));
  console.error('word import done');

  const figures: Record<string, number> = {};
  const { lines: table, row } = tableLines();
  for (const entry of cold) coldRows(entry, figures, row);
  const unchanged = stat(cacheUnchanged);
  const oneChanged = stat(cacheOneChanged);
  const coldMdl = cold[0].markdownlint;
  figures.cacheUnchangedVsMarkdownlint = unchanged.median / coldMdl.median;
  figures.cacheOneChangedVsMarkdownlint = oneChanged.median / coldMdl.median;
  row('drafts: --cache, unchanged corpus', fmtStat(unchanged), '', null);
  row(
    'drafts: --cache unchanged ÷ markdownlint-cli2 cold',
    fmt(figures.cacheUnchangedVsMarkdownlint, 3),
    `≤ ${TARGETS.cacheUnchangedVsMarkdownlint}`,
    figures.cacheUnchangedVsMarkdownlint <= TARGETS.cacheUnchangedVsMarkdownlint,
  );
  row('drafts: --cache, one file changed', fmtStat(oneChanged), '', null);
  row('drafts: --cache one changed ÷ markdownlint-cli2 cold', fmt(figures.cacheOneChangedVsMarkdownlint, 3), '', null);
  for (const engine of engines) engineRows(engine.name, engine.figures, figures, row);
  growthRows(growth, figures, row);
  if (server) serverRows(server, figures, row);
  importRows(wordImport, row);

  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = [`# Benchmark results`, '', `Run ${now} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}.`];
  lines.push(`Each cold figure: median of ${runs} runs (min–max), fivenets, markdownlint-cli2 and remark-cli alternately; growth rows: ${GROWTH_RUNS} runs each. Corpora:`, '');
  for (const corpus of corpora) lines.push(`- **${corpus.key}**: ${corpus.title}, ${corpus.files} files, ${(corpus.chars / 1e6).toFixed(2)} M characters; fivenets lints \`${corpus.target}\`.`);
  for (const reason of skipped) lines.push(`- **SKIPPED** ${reason}.`);
  lines.push('', ...table, '');
  lines.push(
    'Pull edits are timed from `didChange` to the answer of a `textDocument/diagnostic` request for that version (no debounce); push edits from `didChange` to the `publishDiagnostics` of that version (debounce included).',
  );
  const text = lines.join('\n');
  console.log(text);
  if (!quick) {
    const serverJson = server ? { lsp: server.lsp, uncapped: server.uncapped, push: server.push, startupMs: server.startup.length ? stat(server.startup) : null } : null;
    fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify({ date: now, ratios: figures, skipped, corpora, cold, growth, engines, server: serverJson, wordImport }, null, 2)}\n`);
    const previous = fs.existsSync(path.join(root, 'bench/results.md')) ? fs.readFileSync(path.join(root, 'bench/results.md'), 'utf8') : '';
    const notes = previous.includes('<!-- notes -->') ? previous.slice(previous.indexOf('<!-- notes -->')) : '<!-- notes -->\n';
    fs.writeFileSync(path.join(root, 'bench/results.md'), `${text}\n\n${notes}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
