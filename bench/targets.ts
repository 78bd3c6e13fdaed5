/**
 * The benchmark's targets: figures in bench/results.json (\`ratios\`) and the most each may be.
 * bench/run.ts marks its table with them; \`npm run bench:check\` fails on any missed or unmeasured.
 */
export const TARGETS = {
  /** CLI cold ÷ markdownlint-cli2 cold, on each corpus. */
  coldVsMarkdownlint: 0.5,
  coldVsMarkdownlintPlain: 0.5,
  coldVsMarkdownlintReal: 0.5,
  cacheUnchangedVsMarkdownlint: 0.05,
  /** Lint ÷ parse with the unified pipeline (generated drafts). */
  engineOverhead: 1.2,
  /** Lint ÷ the engine's own parse step, on the plain corpus. */
  lintVsEngineParsePlain: 15,
  /** CLI time per character at 16× the plain corpus ÷ at 1×. */
  growthTimePerChar16x: 1.2,
  /** Peak memory (max RSS, MB) of the CLI at 16× the plain corpus (must stay under). */
  growthRss16xMb: 400,
  /** Language server at 1 M characters: p95 edit → pulled diagnostics (ms), and RSS (MB). */
  serverP95LargeMs: 30,
  serverRssLargeMb: 200,
  editP95LargeVsSmall: 3,
  /** Push-only client, 10 K characters: p95 edit → publishDiagnostics (ms), debounce included. */
  pushP95SmallMs: 100,
} as const;
