/** engine/classify.ts: the order of the verdicts, ignore files as git reads them, and a head read that never blocks. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { IgnoreFileError, IgnoreFiles, classifyDraft, draftScope, readHead, type DraftScope } from '../../server/src/engine/classify';
import { DEFAULT_INCLUDE } from '../../server/src/engine/globs';
import { frontmatterSchema } from '../../server/src/engine/frontmatter';

function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-classify-')));
}

describe('draft classification', () => {
  const root = '/repo';
  const scope: DraftScope = draftScope({ include: undefined, includeDir: root, ignore: ['archive/**'], ignoreDir: root }, root);
  const known = (id: string) => id === 'five-nets';
  const verdict = (file: string, text = '', named = false) => classifyDraft({ file: path.join(root, file), scope, text, knownSchema: known, named });

  it('decides in order: named, config ignore, include, frontmatter, else not a draft', () => {
    assert.deepEqual(scope.include, DEFAULT_INCLUDE);
    assert.deepEqual(verdict('README.md', '', true), { draft: true, reason: 'named' });
    assert.deepEqual(verdict('archive/a.policy.md'), { draft: false, reason: 'config-ignore' });
    assert.deepEqual(verdict('x/a.policy.md'), { draft: true, reason: 'include' });
    assert.deepEqual(verdict('policies/deep/a.md'), { draft: true, reason: 'include' });
    assert.deepEqual(verdict('notes/a.md', '---\nschema: five-nets\n---\n'), { draft: true, reason: 'frontmatter', detail: 'five-nets' });
    assert.deepEqual(verdict('notes/a.md', '---\nschema: other\n---\n'), { draft: false, reason: 'not-included' });
    assert.deepEqual(verdict('README.md', '# Five Nets\n'), { draft: false, reason: 'not-included' });
    assert.deepEqual(verdict('../outside/a.policy.md'), { draft: false, reason: 'not-included' }, 'globs never match outside their folder');
  });

  it('reads the text only when the globs do not decide', () => {
    let reads = 0;
    const text = () => {
      reads++;
      return '';
    };
    classifyDraft({ file: path.join(root, 'a.policy.md'), scope, text, knownSchema: known });
    assert.equal(reads, 0);
    classifyDraft({ file: path.join(root, 'a.md'), scope, text, knownSchema: known });
    assert.equal(reads, 1);
  });

  it('a config include replaces the defaults, relative to the file that wrote it', () => {
    const own = draftScope({ include: ['plans/*.md'], includeDir: '/repo/bureau', ignore: [], ignoreDir: '/repo/bureau' }, root, ['**/*.md']);
    assert.equal(own.includeFrom, 'config');
    assert.equal(classifyDraft({ file: '/repo/bureau/plans/a.md', scope: own, text: '', knownSchema: known }).draft, true);
    assert.equal(classifyDraft({ file: '/repo/bureau/a.policy.md', scope: own, text: '', knownSchema: known }).draft, false);
    const setting = draftScope({ include: undefined, includeDir: root, ignore: [], ignoreDir: root }, root, ['**/*.md']);
    assert.equal(setting.includeFrom, 'setting');
    assert.equal(classifyDraft({ file: '/repo/README.md', scope: setting, text: '', knownSchema: known }).draft, true);
  });

  it('drops include globs that would compile to a catastrophic regular expression', () => {
    const hostile = draftScope({ include: ['(a+)+$', 'ok/*.md'], includeDir: root, ignore: [], ignoreDir: root }, root);
    assert.equal(classifyDraft({ file: '/repo/ok/a.md', scope: hostile, text: '', knownSchema: known }).draft, true);
    assert.equal(classifyDraft({ file: `/repo/${'a'.repeat(40)}!`, scope: hostile, text: '', knownSchema: known }).draft, false);
  });
});

describe('ignore files', () => {
  it('applies .gitignore and .fivenetsignore from the git root down, deeper files re-including with !', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, '.git'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.gitignore'), '*.draft.md\n');
    fs.writeFileSync(path.join(dir, 'a', '.gitignore'), '!keep.draft.md\n');
    fs.writeFileSync(path.join(dir, 'a', 'b', '.fivenetsignore'), 'old/\n');
    const files = new IgnoreFiles(path.join(dir, 'a'));
    assert.equal(files.ignoredBy(path.join(dir, 'x.draft.md')), path.join(dir, '.gitignore'));
    assert.equal(files.ignoredBy(path.join(dir, 'a', 'keep.draft.md')), null, 're-included by a/.gitignore');
    assert.equal(files.ignoredBy(path.join(dir, 'a', 'b', 'other.draft.md')), path.join(dir, '.gitignore'));
    assert.equal(files.ignoredBy(path.join(dir, 'a', 'b', 'old', 'x.md')), path.join(dir, 'a', 'b', '.fivenetsignore'));
    assert.equal(files.ignoredBy(path.join(dir, 'a', 'old', 'x.md')), null, 'a .fivenetsignore applies below its folder only');
    assert.deepEqual(files.filesFor(path.join(dir, 'a', 'b', 'x.md')), [path.join(dir, '.gitignore'), path.join(dir, 'a', '.gitignore'), path.join(dir, 'a', 'b', '.fivenetsignore')]);
  });

  it('outside a git repository, starts at the root folder given', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'work'));
    fs.writeFileSync(path.join(dir, '.gitignore'), '*.md\n');
    const files = new IgnoreFiles(path.join(dir, 'work'));
    assert.equal(files.ignoredBy(path.join(dir, 'work', 'a.md')), null, 'a .gitignore above the root and outside any repository is not read');
  });

  it('--ignore-path files replace discovery; a missing one is an error', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '.gitignore'), '*.md\n');
    fs.writeFileSync(path.join(dir, 'ci.ignore'), 'skip/\n');
    const files = new IgnoreFiles(dir, ['ci.ignore']);
    assert.equal(files.ignoredBy(path.join(dir, 'a.md')), null);
    assert.equal(files.ignoredBy(path.join(dir, 'skip', 'a.md')), path.join(dir, 'ci.ignore'));
    assert.throws(() => new IgnoreFiles(dir, ['missing.ignore']), IgnoreFileError);
  });

  it('never blocks on a named pipe, and reads 4 KB of a head, 64 KiB when a frontmatter is still open', function () {
    const dir = tmp();
    const fifo = path.join(dir, 'pipe.md');
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip();
    assert.equal(readHead(fifo), null);
    fs.writeFileSync(path.join(dir, 'big.md'), 'x'.repeat(200_000));
    assert.equal(readHead(path.join(dir, 'big.md'))?.length, 4096, 'no frontmatter: the first 4 KB');
    fs.writeFileSync(path.join(dir, 'long-frontmatter.md'), `---\nnotes: ${'y'.repeat(10_000)}\nschema: five-nets\n---\n${'x'.repeat(200_000)}`);
    const long = readHead(path.join(dir, 'long-frontmatter.md'));
    assert.equal(long?.length, 64 * 1024, 'an open frontmatter: up to 64 KiB');
    assert.equal(frontmatterSchema(long ?? ''), 'five-nets');
    const gitignoreFifo = path.join(dir, '.gitignore');
    spawnSync('mkfifo', [gitignoreFifo]);
    assert.equal(new IgnoreFiles(dir).ignoredBy(path.join(dir, 'a.md')), null, 'a .gitignore that is a pipe is not read');
  });
});
