/**
 * The integrations shipped in the repository: the pre-commit hook run the way pre-commit runs
 * it, the GitHub Action's script (scripts/action.sh) with the environment action.yml gives it,
 * action.yml's wiring, and the Dockerfile's references.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { DRAFTS, REPOSITORY_FILES, makeRepository } from '../cli/repository';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'server/out/cli.js');
/** Extensions pre-commit's `identify` tags as markdown. */
const MARKDOWN = /\.(md|markdown|mdown|mkdn)$/u;

describe('integrations', function () {
  this.timeout(60_000);
  let repo: string;
  before(function () {
    if (!fs.existsSync(bin)) this.skip(); // needs the bundle: npm run build
    repo = makeRepository();
  });
  after(() => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    const hook = hooks.find((candidate) => candidate.id === 'fivenets');

    it('declares the fivenets hook: node, `fivenets lint`, Markdown files', () => {
      assert.ok(hook);
      assert.equal(hook.language, 'node');
      assert.deepEqual(hook.types, ['markdown']);
      assert.match(String(hook.entry), /^fivenets lint\b/u);
    });

    /** What pre-commit runs: the entry, split as a shell would, with the staged files matching `types` appended. */
    function runHook(staged: string[]) {
      const [command, ...args] = String(hook?.entry).split(/\s+/u);
      assert.equal(command, 'fivenets');
      const files = staged.filter((file) => MARKDOWN.test(file));
      return spawnSync(process.execPath, [bin, ...args, ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    }

    it('fails a commit that stages a draft with errors, and reports the drafts only', () => {
      const run = runHook([...Object.keys(REPOSITORY_FILES), '.gitignore']);
      assert.equal(run.status, 1, run.stderr);
      const reported = run.stdout.split('\n').filter((line) => MARKDOWN.test(line.trim()));
      assert.deepEqual(reported.map((line) => line.trim()).sort(), DRAFTS);
    });

    it('passes a commit that stages only README.md, CHANGELOG.md and docs', () => {
      const run = runHook(['README.md', 'CHANGELOG.md', 'docs/guide.md']);
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.doesNotMatch(run.stdout, /README|CHANGELOG|guide/u);
    });
  });

  describe('action.yml and scripts/action.sh', () => {
    const action = parseYaml(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: Array<{ id?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, string> }> };
    };

    function runScript(env: Record<string, string>, cwd = repo) {
      const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-action-')), 'output');
      fs.writeFileSync(output, '');
      const run = spawnSync('bash', [path.join(root, 'scripts/action.sh')], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', FIVENETS_BIN: `${process.execPath} ${bin}`, GITHUB_OUTPUT: output, RUNNER_TEMP: path.dirname(output), ...env },
      });
      return { ...run, outputs: fs.readFileSync(output, 'utf8') };
    }

    it('is a composite action whose inputs reach the script', () => {
      assert.equal(action.runs.using, 'composite');
      const step = action.runs.steps.find((candidate) => candidate.id === 'lint');
      assert.ok(step?.run?.includes('scripts/action.sh'));
      const script = fs.readFileSync(path.join(root, 'scripts/action.sh'), 'utf8');
      const used = new Set([...script.matchAll(/\$\{?(FIVENETS_[A-Z]+)/gu)].map((match) => match[1]));
      for (const name of Object.keys(step?.env ?? {})) assert.ok(used.has(name), `the script reads ${name}`);
      for (const name of used) if (name !== 'FIVENETS_BIN') assert.ok(name in (step?.env ?? {}), `action.yml sets ${name}`);
      const referenced = [...JSON.stringify(action).matchAll(/inputs\.([a-z-]+)/gu)].map((match) => match[1]);
      for (const name of referenced) assert.ok(name in action.inputs, `input ${name} is declared`);
      assert.ok(action.runs.steps.some((candidate) => candidate.uses?.startsWith('github/codeql-action/upload-sarif@')));
      assert.equal(action.outputs.sarif.value, '${{ steps.lint.outputs.sarif }}');
    });

    it('annotates the drafts, writes SARIF and names it as an output, and exits 1 on errors', () => {
      const sarif = path.join(repo, 'out.sarif');
      const run = runScript({ FIVENETS_PATHS: '.', FIVENETS_FORMAT: 'github', FIVENETS_SARIF: sarif, FIVENETS_ARGS: '--locale en' });
      assert.equal(run.status, 1, run.stderr);
      const annotated = new Set([...run.stdout.matchAll(/^::(?:error|warning|notice) file=([^,]+),/gmu)].map((match) => match[1]));
      assert.deepEqual([...annotated].sort(), DRAFTS);
      const log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
      assert.equal(log.version, '2.1.0');
      assert.equal(
        new Set(log.runs[0].results.map((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri)).size,
        DRAFTS.length,
      );
      assert.equal(run.outputs, `sarif=${sarif}\n`);
    });

    it('splits paths on spaces and new lines, passes args, and exits 0 when clean', () => {
      const off = ['missing-owner', 'missing-metric', 'missing-deadline', 'missing-net'].map((rule) => `--rule ${rule}:off`).join(' ');
      const run = runScript({ FIVENETS_PATHS: 'policies\nwuhan.policy.md notes', FIVENETS_FORMAT: 'json', FIVENETS_ARGS: off });
      assert.equal(run.status, 0, run.stderr);
      const files = JSON.parse(run.stdout)
        .files.map((file: { path: string }) => file.path)
        .sort();
      assert.deepEqual(
        files,
        DRAFTS.filter((name) => /^(policies\/|wuhan|notes\/)/u.test(name)),
      );
      assert.equal(run.outputs, '', 'no SARIF asked, none named');
    });

    it('passes a usage or config error (exit 2) through, SARIF or not', () => {
      const envs: Array<Record<string, string>> = [{ FIVENETS_ARGS: '--config missing.yaml' }, { FIVENETS_ARGS: '--config missing.yaml', FIVENETS_SARIF: path.join(repo, 'x.sarif') }];
      for (const env of envs) {
        const run = runScript(env);
        assert.equal(run.status, 2);
        assert.match(run.stderr, /missing\.yaml/u);
      }
    });
  });

  describe('Dockerfile', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

    it('copies files that exist, packs with prepack, runs fivenets, on the Node the package needs', () => {
      for (const match of dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gmu)) {
        for (const source of match[1].split(/\s+/u)) assert.ok(fs.existsSync(path.join(root, source)), `COPY ${source}`);
      }
      assert.match(dockerfile, /^RUN npm pack\b/mu);
      assert.match(dockerfile, /^ENTRYPOINT \["fivenets"\]$/mu);
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      const nodeMajor = /node:(\d+)/u.exec(dockerfile)?.[1];
      assert.equal(nodeMajor, /\d+/u.exec(pkg.engines.node)?.[0]);
      assert.ok(pkg.scripts.prepack, 'npm pack builds');
      const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
      for (const heavy of ['node_modules', '.git', 'server/out']) assert.ok(ignored.includes(heavy), `.dockerignore leaves out ${heavy}`);
    });
  });
});
