/**
 * The npm package as a CI engineer gets it: `npm pack` on a fresh copy of the repository (the
 * tracked and unignored files, as a clone has them; `prepack` builds), installed offline into an
 * empty folder. It must install nothing else, run as `npx fivenets`, lint, and serve its API to
 * ESM and CommonJS consumers and to TypeScript through the shipped types.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';

const root = path.resolve(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
/**
 * 1 MB, as the CI issue asks: the Word converter (server/out/import.js: mammoth, parse5 under
 * rehype-parse, JSZip with pako, xmldom) adds 216 KB packed, made room for by the lint worker
 * loading the engine from commands.js (it carried a 590 KB copy): 946 KB.
 */
const MAX_PACKED = 1024 * 1024;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

describe('npm package', function () {
  this.timeout(300_000);
  let work: string;
  let app: string;
  let env: NodeJS.ProcessEnv;
  let tarball: string;
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;

  before(function () {
    this.timeout(300_000);
    work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-pack-')));
    // No network: everything comes from the tarball and a cache of our own.
    env = { ...process.env, npm_config_cache: path.join(work, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', FORCE_COLOR: '0' };
    for (const key of Object.keys(env)) if (/^npm_(lifecycle|package)_/u.test(key)) delete env[key];
    // A fresh clone: the files git tracks or would track, and the installed dependencies.
    const clone = path.join(work, 'clone');
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of files) {
      if (!fs.existsSync(path.join(root, file))) continue; // deleted in the working tree
      fs.mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(clone, file));
    }
    assert.ok(!fs.existsSync(path.join(clone, 'server', 'out')), 'a clone has no build');
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
    const packed = JSON.parse(ok(run(npm, ['pack', '--json', '--pack-destination', work], clone, env), 'npm pack')) as Array<{ filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> }>;
    tarball = path.join(work, packed[0].filename);
    const size = fs.statSync(tarball).size;
    // The README states this figure: keep it current when it moves.
    console.log(`      packed: ${(size / 1024).toFixed(0)} KB (${packed[0].files.length} files, ${(packed[0].unpackedSize / 1024).toFixed(0)} KB unpacked)`);
    app = path.join(work, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), '{ "name": "consumer", "private": true }\n');
    ok(run(npm, ['install', '--offline', '--no-audit', '--no-fund', tarball], app, env), 'npm install');
  });

  after(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('is under 1 MB and ships the bundles, API, rule docs and schemas, and nothing else', () => {
    assert.ok(fs.statSync(tarball).size < MAX_PACKED, `packed size ${fs.statSync(tarball).size} bytes`);
    const list = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((entry) => entry.replace(/^package\//u, ''));
    for (const needed of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'server/out/cli.js',
      'server/out/commands.js',
      'server/out/worker.js',
      'server/out/server.js',
      'server/out/api.js',
      'server/out/api.mjs',
      'server/out/api.d.ts',
      'server/out/api.d.mts',
      'server/out/contract.d.ts',
      'docs/rules/missing-owner.md',
      'server/src/engine/schema/fivenets-config.schema.json',
      'server/src/engine/schema/policy-schema.schema.json',
    ]) {
      assert.ok(list.includes(needed), `${needed} is in the package`);
    }
    const unexpected = list.filter((entry) => /\.map$|^test\/|^bench\/|^images\/|^client\/|\.ts$/u.test(entry) && !entry.endsWith('.d.ts'));
    assert.deepEqual(unexpected, []);
  });

  it('installs with no other package', () => {
    const installed = fs.readdirSync(path.join(app, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installed, ['fivenets']);
  });

  it('runs as npx fivenets: --version and lint', () => {
    assert.equal(ok(run(npx, ['--no-install', 'fivenets', '--version'], app, env), 'npx fivenets --version').trim(), version);
    fs.mkdirSync(path.join(app, 'policies'));
    fs.copyFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), path.join(app, 'policies', 'plan.md'));
    fs.writeFileSync(path.join(app, 'README.md'), '# Not a draft\n\n1. 新建急救站\n');
    const lint = run(npx, ['--no-install', 'fivenets', 'lint', '.', '--format', 'json'], app, env);
    assert.equal(lint.status, 1, lint.stderr);
    const report = JSON.parse(lint.stdout);
    assert.deepEqual(
      report.files.map((file: { path: string }) => file.path),
      ['policies/plan.md'],
    );
    assert.ok(report.summary.errors > 0);
  });

  it('serves the API to ESM and CommonJS alike, with the CLI’s JSON objects', () => {
    const draft = '## 公共卫生防护网\n\n1. 新建急救站20个（牵头单位：有关部门）\n';
    const body = (load: string) => `${load}
(async () => {
  const text = ${JSON.stringify(draft)};
  const linted = await api.lintText(text, { locale: 'en' });
  const fixed = await api.fixText(text, { locale: 'en' });
  const files = await api.lintFiles(['policies'], { locale: 'en' });
  const measures = await api.exportMeasures(['policies']);
  const config = await api.loadConfig('policies/plan.md');
  const rules = await api.rules();
  let error = null;
  try { await api.lintFiles(['.'], { config: 'missing.yaml' }); } catch (caught) { error = [caught.name, caught.message]; }
  process.stdout.write(JSON.stringify({ linted, fixed, files: files.summary, measures: measures.measures.length, config: [config.draft, config.reason], rules: rules.map((rule) => rule.id), error }));
})();
`;
    fs.writeFileSync(path.join(app, 'use.mjs'), body("import * as api from 'fivenets';"));
    fs.writeFileSync(path.join(app, 'use.cjs'), body("const api = require('fivenets');"));
    const esm = JSON.parse(ok(run(process.execPath, ['use.mjs'], app, env), 'use.mjs'));
    const cjs = JSON.parse(ok(run(process.execPath, ['use.cjs'], app, env), 'use.cjs'));
    assert.deepEqual(esm, cjs);
    const piped = spawnSync(npx, ['--no-install', 'fivenets', 'lint', '-', '--stdin-filename', 'draft.md', '--format', 'json', '--locale', 'en'], { cwd: app, env, input: draft, encoding: 'utf8' });
    assert.deepEqual(esm.linted, JSON.parse(piped.stdout).files[0], 'lintText gives the CLI’s file object');
    assert.ok(esm.linted.diagnostics.some((diagnostic: { rule: string }) => diagnostic.rule === 'vague-owner'));
    assert.notEqual(esm.fixed.output, draft);
    assert.ok(esm.fixed.output.includes('完成时限') || esm.fixed.output.includes('Deadline'), esm.fixed.output);
    assert.ok(esm.measures > 10);
    assert.deepEqual(esm.config, [true, 'include']);
    assert.ok(esm.rules.includes('missing-owner'));
    assert.equal(esm.error[0], 'FivenetsError');
    assert.match(esm.error[1], /missing\.yaml/u);
  });

  it('type-checks a TypeScript consumer against the shipped types, and refuses a wrong one', () => {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, types: [] }, files: ['consumer.mts', 'consumer.cts'] }),
    );
    const consumer = `import { lintText, lintFiles, fixText, exportMeasures, loadConfig, rules, type Diagnostic, type LintReport } from 'fivenets';
export async function check(): Promise<number> {
  const file = await lintText('## 公共卫生防护网', { locale: 'en', rules: { 'missing-owner': 'off' } });
  const first: Diagnostic | undefined = file.diagnostics[0];
  const report: LintReport = await lintFiles(['policies'], { fix: 'dry-run' });
  const fixed: string = (await fixText('x')).output;
  const owners: Array<string | null> = (await exportMeasures(['policies'])).measures.map((measure) => measure.owner);
  const draft: boolean = (await loadConfig('a.md')).draft;
  const ids: string[] = (await rules()).map((rule) => rule.id);
  return (first?.line ?? 0) + report.summary.errors + fixed.length + owners.length + Number(draft) + ids.length;
}
`;
    fs.writeFileSync(path.join(app, 'consumer.mts'), consumer);
    fs.writeFileSync(
      path.join(app, 'consumer.cts'),
      consumer.replace(
        /^import \{([^}]*)\} from 'fivenets';/u,
        "import type { Diagnostic, LintReport } from 'fivenets';\nimport fivenets = require('fivenets');\nconst { lintText, lintFiles, fixText, exportMeasures, loadConfig, rules } = fivenets;",
      ),
    );
    ok(run(process.execPath, [tsc, '-p', 'tsconfig.json'], app, env), 'tsc on the consumer');
    // The types say something: a wrong use fails.
    fs.writeFileSync(path.join(app, 'consumer.mts'), "import { lintText } from 'fivenets';\nexport const wrong: Promise<number> = lintText(42);\n");
    const wrong = run(process.execPath, [tsc, '-p', 'tsconfig.json'], app, env);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /consumer\.mts.*error TS2345/u);
  });
});
