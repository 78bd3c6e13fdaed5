/**
 * Reliability round 2 (issue 12): nothing lost, nothing hangs, nothing forged. Each `describe`
 * names the attack and the guarantee; docs/reliability.md points at them. Every scenario runs
 * in a scratch folder; main() runs in-process, and the bundled CLI is spawned where the
 * process itself matters (a closed pipe, a timeout).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { cli, type Run } from './run';
import { formatCsv } from '../../server/src/cli/formatters/csv';
import { artifactUri } from '../../server/src/cli/formatters/sarif';
import { formatGithub } from '../../server/src/cli/formatters/github';
import { formatStylish } from '../../server/src/cli/formatters/stylish';
import { FileReadError, readRegularFile } from '../../server/src/engine/read-file';
import type { TaskRow } from '../../server/src/engine';
import { LintCache } from '../../server/src/cli/cache';
import { globProblem } from '../../server/src/engine/config';

// The fs module object the CLI calls into (a test patches it to edit a draft mid-run).

const realFs = require('node:fs') as typeof fs;

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server', 'out', 'cli.js');

/** Two measures without an owner: two missing-owner errors (and nothing else is an error). */
const DRAFT = '## 公共卫生防护网\n\n1. 新增发热门诊30个（完成时限：2030年10月底前）\n2. 建设负压病房100间（完成时限：2030年底前）\n';

/** The bundled CLI in a child process, killed after `timeoutMs` (a hang is a failure, not a stuck suite). */
function spawnCli(argv: string[], cwd: string, timeoutMs = 15_000): { code: number | null; signal: string | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

function scratch(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-rel-')));
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

function assertOneLine(run: { code: number | null; stderr: string }, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
  assert.match(run.stderr, /^fivenets: /u);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error/u, 'no stack trace, no internal error');
}

function errorsIn(stdout: string): number {
  const report = JSON.parse(stdout) as { files: Array<{ diagnostics: Array<{ severity: string }> }> };
  return report.files.reduce((sum, file) => sum + file.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length, 0);
}

describe('reliability round 2', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = scratch();
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('1. --cache-location never replaces a link, device, FIFO or folder', () => {
    it('a link (to /dev/null or a file outside) and a folder: one warning, nothing written, the lint still right', async () => {
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      fs.writeFileSync(path.join(dir, 'outside.txt'), 'keep me\n');
      fs.symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'to-file'));
      fs.symlinkSync('/dev/null', path.join(dir, 'to-null'));
      fs.mkdirSync(path.join(dir, 'folder'));
      for (const location of ['to-file', 'to-null', 'folder']) {
        const run = await cli(['lint', 'd.md', '--cache', '--cache-location', location, '--format', 'json'], dir);
        assert.equal(run.code, 1, run.stderr);
        assert.equal(errorsIn(run.stdout), 2);
        assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
        assert.match(run.stderr, /^fivenets: warning: --cache-location .* is not a regular file/u);
      }
      assert.ok(fs.lstatSync(path.join(dir, 'to-file')).isSymbolicLink(), 'the link is still a link');
      assert.ok(fs.lstatSync(path.join(dir, 'to-null')).isSymbolicLink());
      assert.equal(fs.readFileSync(path.join(dir, 'outside.txt'), 'utf8'), 'keep me\n');
      assert.ok(fs.statSync(path.join(dir, 'folder')).isDirectory());
      assert.deepEqual(
        fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
        [],
        'no temporary file left',
      );
    });

    it('a FIFO as the cache: no hang, not replaced', function () {
      const fifo = path.join(dir, 'cache.fifo');
      if (!mkfifo(fifo)) this.skip();
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      const run = spawnCli(['lint', 'd.md', '--cache', '--cache-location', 'cache.fifo'], dir);
      assert.equal(run.signal, null, 'finished');
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /not a regular file/u);
      assert.ok(fs.lstatSync(fifo).isFIFO());
    });

    it('a link planted under the old predictable temporary name is not written through', async () => {
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      fs.writeFileSync(path.join(dir, 'victim.txt'), 'keep me\n');
      fs.symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, `cache.${process.pid}.tmp`));
      const run = await cli(['lint', 'd.md', '--cache', '--cache-location', 'cache'], dir);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'victim.txt'), 'utf8'), 'keep me\n');
      assert.ok(fs.lstatSync(path.join(dir, 'cache')).isFile(), 'the cache is written');
    });
  });

  describe('2. --fix never overwrites an edit made while it runs', () => {
    it('a line appended between the lint and the write is kept; the file is reported as on disk', async () => {
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, DRAFT);
      const appended = '<!-- 编辑中 -->\n';
      // The drafter saves an edit the moment the draft has been read for linting.
      const { openSync, closeSync } = realFs;
      let readerFd: number | null = null;
      let edited = false;
      realFs.openSync = (file: fs.PathLike, ...rest: unknown[]) => {
        const fd = (openSync as (...args: unknown[]) => number)(file, ...rest);
        if (file === draft && readerFd === null) readerFd = fd;
        return fd;
      };
      realFs.closeSync = (fd: number) => {
        closeSync(fd);
        if (fd === readerFd && !edited) {
          edited = true;
          fs.appendFileSync(draft, appended);
        }
      };
      let run: Run;
      try {
        run = await cli(['lint', 'd.md', '--fix', '--format', 'json'], dir);
      } finally {
        realFs.openSync = openSync;
        realFs.closeSync = closeSync;
      }
      assert.ok(edited);
      assert.equal(fs.readFileSync(draft, 'utf8'), DRAFT + appended, 'the edit is kept, no fix written');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^fivenets: d\.md: changed while being linted: not fixed/mu);
      assert.equal(errorsIn(run.stdout), 2, 'the report is the file on disk');
    });

    it('writes through a temporary file, keeping the mode, the CRLF line breaks and the BOM', async () => {
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, `\ufeff${DRAFT.replace(/\n/gu, '\r\n')}`);
      fs.chmodSync(draft, 0o640);
      const inode = fs.statSync(draft).ino;
      const run = await cli(['lint', 'd.md', '--fix', '--format', 'json'], dir);
      // Exit 1, not 2: the inserted 【待填写】 is still a missing field, and nothing went wrong.
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.stderr, '');
      const fixed = fs.readFileSync(draft, 'utf8');
      assert.match(fixed, /牵头单位/u, 'fixed');
      assert.ok(fixed.startsWith('\ufeff'));
      assert.doesNotMatch(fixed.replace(/\r\n/gu, ''), /\n/u, 'CRLF kept');
      assert.equal(fs.statSync(draft).mode & 0o777, 0o640);
      assert.notEqual(fs.statSync(draft).ino, inode, 'replaced by rename, not rewritten in place');
      assert.deepEqual(
        fs.readdirSync(dir).filter((name) => name !== 'd.md'),
        [],
        'no temporary file left',
      );
    });
  });

  describe('3. --fix never writes through a symlink out of the folder', () => {
    it('a link under the folder is not followed; a link named explicitly is linted, not written', async () => {
      const repo = path.join(dir, 'repo');
      fs.mkdirSync(path.join(repo, 'policies'), { recursive: true });
      const elsewhere = path.join(dir, 'elsewhere.md');
      fs.writeFileSync(elsewhere, DRAFT);
      fs.symlinkSync('../../elsewhere.md', path.join(repo, 'policies', 'x.md'));
      fs.writeFileSync(path.join(repo, 'policies', 'own.md'), DRAFT);

      const folder = await cli(['lint', 'policies', '--fix', '--format', 'json'], repo);
      assert.equal(folder.code, 1, folder.stderr); // the placeholders inserted are still missing fields
      assert.equal(folder.stderr, '');
      assert.deepEqual(
        JSON.parse(folder.stdout).files.map((file: { path: string }) => file.path),
        ['policies/own.md'],
        'the link out is not listed',
      );
      assert.equal(fs.readFileSync(elsewhere, 'utf8'), DRAFT);
      assert.match(fs.readFileSync(path.join(repo, 'policies', 'own.md'), 'utf8'), /牵头单位/u, 'the file inside is fixed');

      const named = await cli(['lint', 'policies/x.md', '--fix', '--format', 'json'], repo);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /^fivenets: policies\/x\.md: not fixed: it is a link to .*elsewhere\.md, outside the folder being linted$/mu);
      assert.equal(errorsIn(named.stdout), 2, 'reported as on disk');
      assert.equal(fs.readFileSync(elsewhere, 'utf8'), DRAFT, 'the file outside is untouched');
    });

    it('a link inside the folder to a file inside it is fixed once, in the real file', async () => {
      fs.writeFileSync(path.join(dir, 'real.md'), DRAFT);
      fs.symlinkSync('real.md', path.join(dir, 'alias.md'));
      const run = await cli(['lint', 'alias.md', '--fix'], dir);
      assert.equal(run.code, 1, run.stderr); // the placeholders inserted are still missing fields
      assert.equal(run.stderr, '');
      assert.ok(fs.lstatSync(path.join(dir, 'alias.md')).isSymbolicLink(), 'the link stays a link');
      assert.match(fs.readFileSync(path.join(dir, 'real.md'), 'utf8'), /牵头单位/u);
    });
  });

  describe('4. a report never replaces one of its inputs', () => {
    it('lint -o, export -o and report --out naming an input (or a link to it): exit 2, the draft intact', async () => {
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      // Every Markdown file here is a draft (`lint .` takes only drafts).
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'include: ["*.md"]\n');
      fs.symlinkSync('d.md', path.join(dir, 'link.md'));
      for (const argv of [
        ['lint', 'd.md', '-o', 'd.md'],
        ['lint', '.', '--format', 'json', '-o', 'link.md'],
        ['lint', 'd.md', '--cache', '-o', 'd.md'],
        ['export', 'd.md', '-o', 'd.md'],
        ['report', 'd.md', '--out', 'd.md'],
      ]) {
        const run = await cli(argv, dir);
        assertOneLine(run, /the output .* is also an input/u);
        assert.equal(fs.readFileSync(path.join(dir, 'd.md'), 'utf8'), DRAFT, argv.join(' '));
      }
      assert.equal((await cli(['lint', 'd.md', '-o', 'report.txt'], dir)).code, 1, 'another file is fine');
    });
  });

  describe('11. a forged cache cannot pass CI', () => {
    /** Write a cache at `location` that says `draft` (as it is now) has no problems. */
    async function forge(location: string, draft: string, payload = '[]', counts = { errors: 0, warnings: 0, infos: 0 }): Promise<void> {
      await cli(['lint', path.basename(draft), '--cache', '--cache-location', location], path.dirname(draft));
      const cache = new LintCache(path.resolve(path.dirname(draft), location));
      const keys = cache.keysOf(draft);
      assert.ok(keys, 'cached');
      cache.set(draft, keys.contentHash, keys.optionsHash, payload, counts);
      assert.equal(cache.save([]), null);
      cache.close();
    }

    it('the default cache lives under node_modules/.cache, not in the repository: a committed .fivenetscache is not read', async () => {
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, DRAFT);
      await forge('.fivenetscache', draft);
      const run = await cli(['lint', 'd.md', '--cache', '--format', 'json'], dir);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(errorsIn(run.stdout), 2);
      assert.ok(fs.statSync(path.join(dir, 'node_modules/.cache/fivenets/lintcache')).isFile());
    });

    it('a cache file tracked by git is ignored with a warning', async function () {
      if (spawnSync('git', ['--version']).status !== 0) this.skip();
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, DRAFT);
      await forge('node_modules/.cache/fivenets/lintcache', draft);
      assert.equal((await cli(['lint', 'd.md', '--cache'], dir)).code, 0, 'the forged cache answers while it is not tracked');
      assert.equal(spawnSync('git', ['init', '-q'], { cwd: dir }).status, 0);
      assert.equal(spawnSync('git', ['add', '-f', 'd.md', 'node_modules/.cache/fivenets/lintcache'], { cwd: dir }).status, 0);
      const run = await cli(['lint', 'd.md', '--cache', '--format', 'json'], dir);
      assert.equal(run.code, 1);
      assert.equal(errorsIn(run.stdout), 2);
      assert.match(run.stderr, /^fivenets: warning: the cache .*lintcache is tracked by git/u);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1);
    });

    it('an entry whose counts or payload do not hold up is linted again, never an internal error', async () => {
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, DRAFT);
      const lie = JSON.stringify([{ rule: 'missing-owner', severity: 'error', message: 'x', line: 1, column: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fix: null }]);
      for (const [payload, counts] of [
        [lie, { errors: 0, warnings: 0, infos: 0 }],
        ['[{"rule":"x"}]', { errors: 0, warnings: 0, infos: 0 }],
        ['{"not":"an array"}', { errors: 0, warnings: 0, infos: 0 }],
        ['[', { errors: 0, warnings: 0, infos: 0 }],
        ['[]\n\u001b[2J', { errors: 0, warnings: 0, infos: 0 }],
      ] as const) {
        await forge('cache', draft, payload, counts);
        const run = await cli(['lint', 'd.md', '--cache', '--cache-location', 'cache', '--format', 'json'], dir);
        assert.equal(run.code, 1, `${payload}: ${run.stderr}`);
        assert.equal(run.stderr, '');
        assert.equal(errorsIn(run.stdout), 2, payload);
      }
    });

    it('an index entry in the wrong shape makes the whole cache start empty', async () => {
      const draft = path.join(dir, 'd.md');
      fs.writeFileSync(draft, DRAFT);
      await cli(['lint', 'd.md', '--cache', '--cache-location', 'cache'], dir);
      const file = path.join(dir, 'cache');
      const text = fs.readFileSync(file, 'utf8');
      const newline = text.indexOf('\n');
      const index = JSON.parse(text.slice(0, newline));
      index.entries[draft][4] = -1;
      fs.writeFileSync(file, `${JSON.stringify(index)}${text.slice(newline)}`);
      const cache = new LintCache(file);
      assert.equal(cache.keysOf(draft), undefined);
      cache.close();
    });
  });

  describe('12. when --fix writes nothing, the report describes the files on disk', () => {
    it('one unreadable input: no fix lands and the readable draft shows its 2 errors', async () => {
      fs.writeFileSync(path.join(dir, 'a.md'), DRAFT);
      fs.writeFileSync(path.join(dir, 'b.md'), Buffer.from([0, 1, 2, 3]));
      const run = await cli(['lint', 'a.md', 'b.md', '--fix', '--format', 'json'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--fix wrote nothing because 1 file\(s\) could not be read/u);
      assert.equal(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), DRAFT);
      assert.equal(errorsIn(run.stdout), 2);
    });
  });

  describe('5. one bounded reader: devices, FIFOs and links to them never hang a read', () => {
    it('readRegularFile refuses a device, a FIFO and a link to one, and caps the size', () => {
      const expectProblem = (file: string, problem: string) =>
        assert.throws(
          () => readRegularFile(file, 1024),
          (error: unknown) => error instanceof FileReadError && error.problem === problem,
        );
      if (fs.existsSync('/dev/zero')) {
        expectProblem('/dev/zero', 'not-regular');
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
        expectProblem(path.join(dir, 'zero.yaml'), 'not-regular');
      }
      if (mkfifo(path.join(dir, 'pipe.yaml'))) expectProblem(path.join(dir, 'pipe.yaml'), 'not-regular');
      fs.writeFileSync(path.join(dir, 'big.yaml'), 'x'.repeat(2048));
      expectProblem(path.join(dir, 'big.yaml'), 'too-large');
      expectProblem(dir, 'directory');
      expectProblem(path.join(dir, 'missing.yaml'), 'missing');
      assert.equal(readRegularFile(path.join(dir, 'big.yaml'), 4096).length, 2048);
    });

    it('--config /dev/zero, a schema that is a FIFO or a link to /dev/zero, merge-sarif /dev/zero: one line, exit 2, no hang', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      assertOneLine(spawnCli(['lint', 'd.md', '--config', '/dev/zero'], dir), /dev\/zero.*not a regular file/u);
      assertOneLine(spawnCli(['merge-sarif', '/dev/zero'], dir), /\/dev\/zero: not a regular file/u);

      fs.symlinkSync('/dev/zero', path.join(dir, 'schema.yaml'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'schema: ./schema.yaml\n');
      // Refused before it is opened: the link leads out of the repository (item 6).
      assertOneLine(spawnCli(['lint', 'd.md'], dir), /schema path \.\/schema\.yaml is outside the repository/u);

      if (mkfifo(path.join(dir, 'fifo.yaml'))) {
        fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'schema: ./fifo.yaml\n');
        assertOneLine(spawnCli(['lint', 'd.md'], dir), /fifo\.yaml.*not a regular file/u);
        fs.writeFileSync(path.join(dir, 'c.yaml'), 'rules: {}\n');
        assertOneLine(spawnCli(['lint', 'd.md', '--config', 'fifo.yaml'], dir), /fifo\.yaml.*not a regular file/u);
      }
    });
  });

  describe('6. a schema path stays inside the repository that holds the config (CLI too)', () => {
    it('refuses ../ out of the repository, an absolute path and a link out; takes ../ inside it', async () => {
      const schema = fs.readFileSync(path.join(REPO, 'test/fixtures/config/escape/outside-schema.yaml'));
      const repo = path.join(dir, 'repo');
      fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
      fs.mkdirSync(path.join(repo, 'policies'));
      fs.mkdirSync(path.join(repo, 'schemas'));
      fs.writeFileSync(path.join(dir, 'outside.yaml'), schema);
      fs.writeFileSync(path.join(repo, 'schemas', 's.yaml'), schema);
      fs.symlinkSync(path.join(dir, 'outside.yaml'), path.join(repo, 'policies', 'link.yaml'));
      fs.writeFileSync(path.join(repo, 'policies', 'd.md'), DRAFT);
      const config = path.join(repo, 'policies', '.fivenets.yaml');
      for (const [value, message] of [
        ['../../outside.yaml', /schema path \.\.\/\.\.\/outside\.yaml is outside the repository$/mu],
        [path.join(dir, 'outside.yaml'), /is absolute: give a path relative to the config file/u],
        ['./link.yaml', /schema path \.\/link\.yaml is outside the repository$/mu],
      ] as const) {
        fs.writeFileSync(config, `schema: ${JSON.stringify(value)}\n`);
        assertOneLine(await cli(['lint', 'policies/d.md'], repo), message);
      }
      fs.writeFileSync(config, 'schema: ../schemas/s.yaml\n');
      const inside = await cli(['lint', 'policies/d.md'], repo);
      assert.notEqual(inside.code, 2, inside.stderr);
      assert.equal(inside.stderr, '');
      // Outside any repository the config's own folder is the limit.
      fs.rmSync(path.join(repo, '.git'), { recursive: true });
      assertOneLine(await cli(['lint', 'policies/d.md'], repo), /schema path \.\.\/schemas\/s\.yaml is outside the repository$/mu);
    });
  });

  describe('7. a glob from a repository cannot hang the CLI', () => {
    it('ignore: ["*a*a*…*b"] with a 60-character file name: a located config error at once, not a hang', () => {
      fs.writeFileSync(path.join(dir, `${'a'.repeat(60)}.md`), DRAFT);
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'ignore:\n  - "*a*a*a*a*a*a*a*a*a*a*a*a*b"\n');
      const run = spawnCli(['lint', '.'], dir);
      assert.equal(run.signal, null, 'finished');
      assertOneLine(run, /\.fivenets\.yaml:2:5: ignore\[0\] "\*a\*a.*\*b" has 13 wildcards \(\* or \*\*\): at most 3/u);
    });

    it('ordinary globs pass', () => {
      for (const glob of ['**/*.policy.md', 'policies/**/*.md', 'archive/**', '**/drafts/**/*.md', '{a,b}/*.md']) assert.equal(globProblem(glob), null, glob);
      assert.match(String(globProblem('**/a/**/a/**/a/**/b')), /4 wildcards/u);
    });
  });

  describe('9. a folder is crawled without following links: no crawl out, no loop, each real file once', () => {
    it('a link to a folder outside, a link loop and a second name for a draft: one file reported', async () => {
      const repo = path.join(dir, 'repo');
      fs.mkdirSync(path.join(repo, 'sub'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'outside'));
      fs.writeFileSync(path.join(dir, 'outside', 'x.md'), DRAFT);
      fs.writeFileSync(path.join(repo, 'sub', 'own.md'), DRAFT);
      // Every Markdown file in the repository is a draft (`lint .` takes only drafts).
      fs.writeFileSync(path.join(repo, '.fivenets.yaml'), 'include: ["**/*.md"]\n');
      fs.symlinkSync('../outside', path.join(repo, 'ext'));
      fs.symlinkSync('..', path.join(repo, 'sub', 'loop'));
      fs.symlinkSync('own.md', path.join(repo, 'sub', 'alias.md'));
      const run = await cli(['lint', '.', '--format', 'json'], repo);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(
        JSON.parse(run.stdout).files.map((file: { path: string }) => file.path),
        ['sub/own.md'],
      );
      // Named twice (by its name and by a link), a draft is still linted once.
      const twice = await cli(['lint', 'sub/own.md', 'sub/alias.md', '--format', 'json'], repo);
      assert.equal(JSON.parse(twice.stdout).files.length, 1);
    });
  });

  describe('10. merge-sarif joins 200,000 results without a stack overflow', () => {
    it('merges a log of 200,000 results with another', async () => {
      const log = (count: number) => ({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'fivenets' } }, results: Array.from({ length: count }, (_, i) => ({ ruleId: 'missing-owner', message: { text: String(i) } })) }],
      });
      fs.writeFileSync(path.join(dir, 'a.sarif'), JSON.stringify(log(200_000)));
      fs.writeFileSync(path.join(dir, 'b.sarif'), JSON.stringify(log(1)));
      const run = await cli(['merge-sarif', 'a.sarif', 'b.sarif', '-o', 'merged.sarif'], dir);
      assert.equal(run.code, 0, run.stderr);
      const merged = JSON.parse(fs.readFileSync(path.join(dir, 'merged.sarif'), 'utf8'));
      assert.equal(merged.runs.length, 1);
      assert.equal(merged.runs[0].results.length, 200_001);
      assert.equal(merged.runs[0].results[199_999].message.text, '199999');
    });

    it('stylish prints a file with 200,000 problems', () => {
      const diagnostics = Array.from({ length: 200_000 }, (_, line) => ({
        rule: 'missing-owner',
        severity: 'error' as const,
        message: 'm',
        range: { start: { line, character: 0 }, end: { line, character: 1 } },
        fix: null,
      }));
      const out = formatStylish([{ path: 'big.md', diagnostics }], { color: false, locale: 'en', toolVersion: '0', docsBase: '', helpUri: () => '' });
      assert.match(out, /200000 problems \(200000 errors/u);
    });
  });

  describe('13. SARIF uris: each path segment percent-encoded', () => {
    it('encodes # ? % and spaces, and keeps a colon from reading as a scheme', () => {
      assert.equal(artifactUri('we#ird?.md'), 'we%23ird%3F.md');
      assert.equal(artifactUri('a::b.md'), './a%3A%3Ab.md');
      assert.equal(artifactUri('dir/a:b.md'), 'dir/a%3Ab.md');
      assert.equal(artifactUri('政策/100% done.md'), '%E6%94%BF%E7%AD%96/100%25%20done.md');
      assert.equal(artifactUri('/abs/x y.md'), '/abs/x%20y.md');
      for (const name of ['we#ird?.md', 'a::b.md', 'dir/a:b.md']) {
        const url = new URL(artifactUri(name), 'file:///repo/');
        assert.equal(decodeURIComponent(url.pathname), `/repo/${name}`, name);
        assert.equal(url.search + url.hash, '');
      }
    });

    it('a lint run writes the encoded uri', async () => {
      fs.writeFileSync(path.join(dir, 'we#ird?.policy.md'), DRAFT);
      const run = await cli(['lint', '.', '--format', 'sarif'], dir);
      const uris = JSON.parse(run.stdout).runs[0].results.map((result: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => result.locations[0].physicalLocation.artifactLocation.uri);
      assert.ok(uris.length > 0);
      for (const uri of uris) assert.equal(uri, 'we%23ird%3F.policy.md');
    });
  });

  describe('14. a front-matter date that is no real day is reported, as in a config', () => {
    it('reports 2020-13-45 and 9999-99-99 at the date, and dates nothing with it (no bogus past-deadline)', async () => {
      for (const date of ['2020-13-45', '9999-99-99']) {
        fs.writeFileSync(path.join(dir, 'd.md'), `---\ndate: ${date}\n---\n\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年6月底前）\n`);
        const run = await cli(['lint', 'd.md', '--format', 'json', '--locale', 'en'], dir);
        const diagnostics = (JSON.parse(run.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; line: number; column: number; message: string }> }> }).files[0].diagnostics;
        const bad = diagnostics.filter((d) => d.rule === 'invalid-deadline');
        assert.deepEqual(
          bad.map((d) => [d.line, d.column]),
          [[2, 7]],
          date,
        );
        assert.match(bad[0].message, new RegExp(`Document date "${date}" is not a real day`, 'u'));
        assert.ok(!diagnostics.some((d) => d.rule === 'past-deadline'), date);
      }
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'date: 2020-13-45\n');
      const config = await cli(['lint', 'd.md'], dir);
      assert.equal(config.code, 2);
      assert.match(config.stderr, /date 2020-13-45 is not a real calendar date/u);
    });
  });

  describe('15. CSV formula guard covers TAB and CR', () => {
    it('prefixes a quote to cells starting with = + - @ TAB CR', () => {
      const row = (text: string): TaskRow => ({ file: 'd.md', line: 1, net: null, text, owner: null, coOwners: [], metric: null, deadline: null, deadlineNormalized: null, missing: [] }) as unknown as TaskRow;
      const csv = formatCsv(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', 'plain'].map(row), 'en', () => '');
      const cells = csv
        .split('\r\n')
        .slice(1, -1)
        .map((line) => line.split(',')[3]);
      assert.deepEqual(cells, ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=1", `"'\r=1"`, 'plain']);
    });
  });

  describe('16. merge-sarif validates the shape and names the file', () => {
    it('refuses "results": "ABC", a run without a driver and a non-object result, one line each', async () => {
      const write = (name: string, value: unknown) => fs.writeFileSync(path.join(dir, name), JSON.stringify(value));
      const good = { version: '2.1.0', runs: [{ tool: { driver: { name: 'fivenets' } }, results: [] }] };
      write('good.sarif', good);
      write('letters.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'fivenets' } }, results: 'ABC' }] });
      write('nodriver.sarif', { version: '2.1.0', runs: [{ tool: {} }] });
      write('numbers.sarif', { version: '2.1.0', runs: [{ tool: { driver: { name: 'fivenets' } }, results: [1, 2] }] });
      assertOneLine(await cli(['merge-sarif', 'good.sarif', 'letters.sarif'], dir), /^fivenets: letters\.sarif: runs\[0\]\.results is not an array$/mu);
      assertOneLine(await cli(['merge-sarif', 'good.sarif', 'nodriver.sarif'], dir), /^fivenets: nodriver\.sarif: runs\[0\]\.tool\.driver\.name is missing$/mu);
      assertOneLine(await cli(['merge-sarif', 'numbers.sarif'], dir), /^fivenets: numbers\.sarif: runs\[0\]\.results holds something that is not a result object$/mu);
      assert.equal((await cli(['merge-sarif', 'good.sarif', 'good.sarif'], dir)).code, 0);
    });
  });

  describe('17. control characters from drafts and file names never reach the terminal', () => {
    const evil = 'x\u001b]0;owned\u0007\u001b[2J\u009b31m\u007fy';
    const results = [
      {
        path: `${evil}.md`,
        diagnostics: [{ rule: 'missing-owner', severity: 'error' as const, message: `bad ${evil}\tend`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fix: null }],
      },
    ];
    it('stylish and github keep tab and drop the rest', () => {
      const stylish = formatStylish(results, { color: false, locale: 'en', toolVersion: '0', docsBase: '', helpUri: () => '' });
      const github = formatGithub(results);
      for (const out of [stylish, github]) {
        assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u, JSON.stringify(out));
        assert.match(out, /x\]0;owned\[2J31my/u);
        assert.match(out, /\tend/u);
      }
    });

    it('a draft named with an escape sequence is printed without it', async () => {
      fs.writeFileSync(path.join(dir, 'a\u001b[31mred.policy.md'), DRAFT);
      const run = await cli(['lint', '.'], dir);
      assert.equal(run.code, 1);
      assert.ok(!run.stdout.includes('\u001b'), JSON.stringify(run.stdout));
      assert.match(run.stdout, /a\[31mred\.policy\.md/u);
    });
  });

  describe('18. a UTF-16 draft is named as such', () => {
    it('says UTF-16, save as UTF-8 (both byte orders)', async () => {
      const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
      const utf16be = Buffer.from(utf16le);
      utf16be.swap16();
      fs.writeFileSync(path.join(dir, 'le.md'), utf16le);
      fs.writeFileSync(path.join(dir, 'be.md'), utf16be);
      const run = await cli(['lint', 'le.md', 'be.md'], dir);
      assert.equal(run.code, 2);
      assert.deepEqual(run.stderr.trimEnd().split('\n'), ['fivenets: le.md: UTF-16 text: save the draft as UTF-8', 'fivenets: be.md: UTF-16 text: save the draft as UTF-8']);
    });
  });

  describe('20. --shard with numbers past 2^53 is a usage error', () => {
    it('refuses 99999999999999999999/99999999999999999999 and 1/99999999999999999999', async () => {
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT);
      for (const shard of ['99999999999999999999/99999999999999999999', '1/99999999999999999999']) {
        assertOneLine(await cli(['lint', 'd.md', '--shard', shard], dir), /--shard expects i\/n/u);
      }
      assert.equal((await cli(['lint', 'd.md', '--shard', '1/1'], dir)).code, 1);
    });
  });

  describe('21. a closed pipe ends the run quietly', () => {
    it('`fivenets rules | head -1` and `lint … | head -1`: exit 0, nothing on stderr', async () => {
      fs.writeFileSync(path.join(dir, 'd.md'), DRAFT.repeat(2000));
      for (const argv of [['rules'], ['lint', 'd.md']]) {
        const child = spawn(process.execPath, [CLI, ...argv], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        // Close the reading end at once, like `head -1` after its line.
        child.stdout.destroy();
        const code = await new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
        assert.equal(stderr, '', argv.join(' '));
        assert.equal(code, 0, argv.join(' '));
      }
    });
  });

  describe('22. docs/reliability.md says what the code does', () => {
    it('standard input is read bounded: an endless stdin ends with exit 2, and the doc says so', function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'maxFileSize: 1024\n');
      const zero = fs.openSync('/dev/zero', 'r');
      try {
        const run = spawnSync(process.execPath, [CLI, 'lint', '-'], { cwd: dir, stdio: [zero, 'pipe', 'pipe'], encoding: 'utf8', timeout: 15_000, killSignal: 'SIGKILL' });
        assert.equal(run.signal, null, 'finished');
        assertOneLine({ code: run.status, stderr: run.stderr }, /standard input is over the limit of 1024 bytes/u);
      } finally {
        fs.closeSync(zero);
      }
      const doc = fs.readFileSync(path.join(REPO, 'docs/reliability.md'), 'utf8');
      assert.doesNotMatch(doc, /read whole before any size check/u);
      assert.match(doc, /reading stops as soon as it passes\s+the config's `maxFileSize`/u);
    });

    it('every item the threat model cites has its describe in the reliability tests', () => {
      const doc = fs.readFileSync(path.join(REPO, 'docs/reliability.md'), 'utf8');
      const model = doc.slice(doc.indexOf('## Threat model'), doc.indexOf('## Known limits'));
      const cited = new Set([...model.matchAll(/\((\d+)\)|\| (\d+)(?:, (\d+))?(?: \(CLI and server\))? \|/gu)].flatMap((match) => match.slice(1).filter(Boolean).map(Number)));
      const tests = ['test/cli/reliability.test.ts', 'test/lsp/reliability.test.ts'].map((file) => fs.readFileSync(path.join(REPO, file), 'utf8')).join('\n');
      assert.ok(cited.size >= 15, `cited: ${[...cited].join(', ')}`);
      for (const item of cited) assert.match(tests, new RegExp(`describe\\('${item}\\. `, 'u'), `item ${item} has no describe`);
    });
  });
});
