/**
 * Which files `fivenets lint DIR` lints: the engine's draft classification (include globs,
 * frontmatter schema, config ignore, .gitignore, .fivenetsignore), the ignore flags,
 * --print-config, and the cached path selecting exactly the same drafts.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, type Run } from './run';
import { lintFromCache } from '../../server/src/cli/fast';
import { DRAFTS, REPOSITORY_FILES, makeRepository } from './repository';

const linted = (run: Run): string[] => (JSON.parse(run.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path).sort();

describe('cli: which files are drafts', () => {
  let root: string;
  before(() => {
    root = makeRepository();
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lint DIR lints the drafts only: not README.md, CHANGELOG.md, docs/, ignored or unknown-schema files', async () => {
    const run = await cli(['lint', '.', '--format', 'json'], root);
    assert.equal(run.stderr, '');
    assert.deepEqual(linted(run), DRAFTS);
    for (const name of ['README.md', 'CHANGELOG.md', 'docs/guide.md', 'build/generated.policy.md', 'archive/2019.policy.md', 'policies/scratch.tmp.md']) assert.ok(!DRAFTS.includes(name), name);
  });

  it('a file named explicitly is always linted, ignored or not', async () => {
    const run = await cli(['lint', 'README.md', 'build/generated.policy.md', 'archive/2019.policy.md', '--format', 'json'], root);
    assert.deepEqual(linted(run), ['README.md', 'archive/2019.policy.md', 'build/generated.policy.md']);
  });

  it('--drafts-only judges named files as the walk does (pre-commit and lint-staged name every staged file)', async () => {
    const every = Object.keys(REPOSITORY_FILES);
    const run = await cli(['lint', '--drafts-only', '--format', 'json', ...every], root);
    assert.equal(run.stderr, '');
    assert.deepEqual(linted(run), DRAFTS);
    const argv = ['lint', '--drafts-only', '--format', 'json', '--cache', '--cache-location', path.join(root, '..', `${path.basename(root)}.cache`), ...every];
    const full = await cli(argv, root);
    let stdout = '';
    assert.equal(typeof lintFromCache({ argv, cwd: root, stdout: (text) => (stdout += text), stderr: () => undefined }, argv.slice(1)), 'number');
    assert.equal(stdout, full.stdout, 'the cached path selects the same');
  });

  it('a glob is the user’s include, but ignore files still apply', async () => {
    const run = await cli(['lint', '**/*.md', '--format', 'json'], root);
    const expected = Object.keys(REPOSITORY_FILES)
      .filter((name) => !/^(build\/generated|archive\/|policies\/scratch|node_modules\/)/u.test(name))
      .sort();
    assert.deepEqual(linted(run), expected);
  });

  it('--no-ignore reads no ignore file and no config ignore; --ignore-path replaces .gitignore and .fivenetsignore', async () => {
    const all = linted(await cli(['lint', '.', '--format', 'json', '--no-ignore'], root));
    assert.deepEqual(all, [...DRAFTS, 'archive/2019.policy.md', 'build/generated.policy.md', 'policies/scratch.tmp.md'].sort());
    fs.writeFileSync(path.join(root, 'ci.ignore'), 'policies/bureau/\n');
    const custom = linted(await cli(['lint', '.', '--format', 'json', '--ignore-path', 'ci.ignore'], root));
    assert.deepEqual(custom, [...DRAFTS.filter((name) => name !== 'policies/bureau/sub.md'), 'archive/2019.policy.md', 'build/generated.policy.md', 'policies/scratch.tmp.md'].sort());
    const missing = await cli(['lint', '.', '--ignore-path', 'nope.ignore'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^fivenets: --ignore-path .*nope\.ignore: no such file or directory\n$/u);
    const both = await cli(['lint', '.', '--ignore-path', 'ci.ignore', '--no-ignore'], root);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /cannot be used together/u);
  });

  it('a config include decides, relative to the config; its ignore leaves files out', async () => {
    const dir = makeRepository();
    fs.writeFileSync(path.join(dir, 'docs', '.fivenets.yaml'), 'include: ["**/*.md"]\nignore: ["drafts-old/**"]\n');
    fs.mkdirSync(path.join(dir, 'docs', 'drafts-old'));
    fs.writeFileSync(path.join(dir, 'docs', 'drafts-old', 'x.md'), REPOSITORY_FILES['docs/guide.md'].text);
    assert.deepEqual(linted(await cli(['lint', '.', '--format', 'json'], dir)), [...DRAFTS, 'docs/guide.md'].sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says so when a folder holds Markdown but no draft', async () => {
    const run = await cli(['lint', 'docs', '--format', 'json'], root);
    assert.equal(run.code, 0);
    assert.deepEqual(linted(run), []);
    assert.match(run.stderr, /^fivenets: docs: 1 Markdown file\(s\), none of them a draft \(see --print-config docs\/guide\.md\)\n$/u);
  });

  it('the cached path selects exactly the drafts the full lint selects', async () => {
    const dir = makeRepository();
    const argv = ['lint', '.', '--format', 'json', '--cache'];
    const full = await cli(argv, dir);
    let stdout = '';
    const answer = lintFromCache({ argv, cwd: dir, stdout: (text) => (stdout += text), stderr: () => undefined }, argv.slice(1));
    assert.equal(typeof answer, 'number', 'answered from the cache');
    assert.equal(stdout, full.stdout);
    // A newly ignored draft changes the selection: still what the full lint says.
    fs.appendFileSync(path.join(dir, '.fivenetsignore'), 'policies/bureau/\n');
    stdout = '';
    const again = lintFromCache({ argv, cwd: dir, stdout: (text) => (stdout += text), stderr: () => undefined }, argv.slice(1));
    assert.equal(typeof again, 'number');
    assert.equal(stdout, (await cli(argv, dir)).stdout);
    assert.ok(!linted({ code: 0, stdout, stderr: '' }).includes('policies/bureau/sub.md'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--print-config prints the effective configuration of a file and why it is (not) a draft', async () => {
    const dir = makeRepository();
    fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'locale: en\nrules:\n  missing-metric: warning\n');
    fs.writeFileSync(path.join(dir, 'policies', '.fivenets.yaml'), 'extends: ../.fivenets.yaml\nowners: [市卫健委]\n');
    const run = await cli(['lint', '--print-config', 'policies/plan.md'], dir);
    assert.equal(run.code, 0, run.stderr);
    const config = JSON.parse(run.stdout);
    assert.equal(config.file, 'policies/plan.md');
    assert.equal(config.draft, true);
    assert.equal(config.reason, 'include');
    assert.deepEqual(config.configFiles, ['policies/.fivenets.yaml', '.fivenets.yaml']);
    assert.deepEqual(config.schema, { id: 'five-nets', file: null, from: 'auto' }, 'a heading names a net');
    assert.equal(config.locale, 'en');
    assert.equal(config.rules['missing-metric'], 'warning');
    assert.equal(config.rules['missing-owner'], 'error');
    assert.deepEqual(config.owners, ['市卫健委']);
    assert.deepEqual(config.include, { globs: ['**/*.policy.md', 'policies/**/*.md'], base: '.', from: 'default' });
    assert.deepEqual(config.ignoreFiles, ['.gitignore', '.fivenetsignore', 'policies/.gitignore']);
    const readme = JSON.parse((await cli(['lint', '--print-config', 'README.md'], dir)).stdout);
    assert.equal(readme.draft, false);
    assert.equal(readme.reason, 'not-included');
    const built = JSON.parse((await cli(['lint', '--print-config', 'build/generated.policy.md'], dir)).stdout);
    assert.deepEqual([built.draft, built.reason, built.reasonDetail], [false, 'ignore-file', '.gitignore']);
    const front = JSON.parse((await cli(['lint', '--print-config', 'notes/frontmatter.md'], dir)).stdout);
    assert.deepEqual([front.draft, front.reason, front.frontmatterSchema, front.schema.from], [true, 'frontmatter', 'five-nets', 'frontmatter']);
    fs.writeFileSync(path.join(dir, 'policies', 'tasks.md'), '# 任务分工\n\n1. 建设图书馆3个（牵头单位：市文旅局；完成时限：2027年底前）\n');
    assert.deepEqual(JSON.parse((await cli(['lint', '--print-config', 'policies/tasks.md'], dir)).stdout).schema, { id: 'tasks', file: null, from: 'auto' }, 'no net heading: tasks');
    assert.deepEqual(JSON.parse((await cli(['lint', '--print-config', 'policies/tasks.md', '--schema', 'five-nets'], dir)).stdout).schema, { id: 'five-nets', file: null, from: 'cli' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('cli: ignored folders', () => {
  it('never read the configs of ignored folders: a broken one there does not stop the run', async () => {
    const dir = makeRepository();
    fs.writeFileSync(path.join(dir, 'archive', '.fivenets.yaml'), 'rules: [unclosed\n');
    const run = await cli(['lint', '.', '--format', 'json'], dir);
    assert.equal(run.stderr, '');
    assert.deepEqual(linted(run), DRAFTS);
    // Not ignored, the broken config is an error (exit 2), as before.
    const unignored = await cli(['lint', '.', '--format', 'json', '--no-ignore'], dir);
    assert.equal(unignored.code, 2);
    assert.match(unignored.stderr, /archive\/\.fivenets\.yaml:\d+:\d+: invalid YAML/u);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
