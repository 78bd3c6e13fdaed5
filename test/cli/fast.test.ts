/**
 * The cached lint path (server/src/cli/fast.ts): it answers `lint --cache` on unchanged
 * drafts without the engine, and must give exactly what the full lint gives; anything it
 * cannot vouch for goes to the full lint.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/io';
import { lintFromCache } from '../../server/src/cli/fast';
import { LintCache, hashDraftBytes, hashText } from '../../server/src/cli/cache';
import { CONFIG_NAMES, ConfigLocator } from '../../server/src/cli/config-files';
import { FileReport, formatJson } from '../../server/src/cli/formatters/json';
import { FileSlice, SLICE_CHANGED, chunksToText, writeChunks } from '../../server/src/cli/output';
import { summarize, type FileResult } from '../../server/src/cli/formatters/types';
import { CONFIG_NAMES as ENGINE_CONFIG_NAMES, findConfigFile } from '../../server/src/engine/config';
import { decodeDraft } from '../../server/src/cli/io';
import { lint } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';

const root = path.resolve(__dirname, '../..');
const DOCS = 'https://intranet.example/fivenets/rules';
const bin = path.join(root, 'server/out/cli.js');
const sample = fs.readFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), 'utf8');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function io(argv: string[], cwd: string, output: { stdout: string; stderr: string }): CliIO {
  return { argv, cwd, stdout: (text) => (output.stdout += text), stderr: (text) => (output.stderr += text) };
}

async function cli(argv: string[], cwd: string): Promise<Run> {
  const output = { stdout: '', stderr: '' };
  const code = await main(io(argv, cwd, output));
  return { code, ...output };
}

/** The cached path alone: a number when it answered, null when it handed over to the full lint. */
function fromCache(argv: string[], cwd: string): Run | null {
  const output = { stdout: '', stderr: '' };
  const answer = lintFromCache(io(['lint', ...argv], cwd, output), argv);
  if (typeof answer !== 'number') {
    assert.equal(output.stdout + output.stderr, '', 'nothing written when handing over');
    return null;
  }
  return { code: answer, ...output };
}

/** A folder of drafts (*.policy.md, what the include globs take by default): variants of the sample, one in a subfolder with its own config, one with a BOM. */
function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-fast-'));
  for (let i = 0; i < 4; i++) fs.writeFileSync(path.join(dir, `draft-${i}.policy.md`), sample.replace('建设市级应急物资储备库3个', `建设市级应急物资储备库${i + 1}个`));
  fs.writeFileSync(path.join(dir, 'bom.policy.md'), `\ufeff${sample}`);
  fs.mkdirSync(path.join(dir, 'district'));
  fs.writeFileSync(path.join(dir, 'district', 'plan.policy.md'), sample.replace('（牵头单位：市应急管理局）', ''));
  fs.writeFileSync(path.join(dir, 'district', '.fivenets.yaml'), 'rules:\n  missing-net: off\nignore:\n  - "skip-*.md"\n');
  fs.writeFileSync(path.join(dir, 'district', 'skip-me.policy.md'), sample);
  return dir;
}

describe('cli: the cached path', () => {
  it('answers an unchanged run exactly as the full lint does, in every format and with every flag', async () => {
    const dir = project();
    const variants = [
      ['--format', 'json'],
      ['--format', 'stylish'],
      ['--format', 'sarif'],
      ['--format', 'github'],
      ['--format', 'junit'],
      ['--format', 'json', '--quiet'],
      ['--format', 'sarif', '--locale', 'zh-TW'],
      ['--format', 'json', '--locale', 'en', '--rule', 'missing-owner:off', '--rule', 'vague-owner:error'],
      ['--max-warnings', '0', '--rule', 'missing-owner:off', '--rule', 'missing-metric:off', '--rule', 'missing-deadline:off', '--rule', 'unknown-net:off', '--rule', 'unfilled-placeholder:off'],
      ['--format', 'json', '--shard', '2/3'],
      ['--format', 'json', '--config', 'district/.fivenets.yaml'],
      ['--format', 'gitlab'],
      ['--format', 'checkstyle', '--locale', 'en'],
      ['--format', 'rdjson'],
      ['--format', 'sarif', '--docs-url', 'https://intranet.example/rules'],
      ['--color'],
      ['--no-color', '--locale', 'zh-TW'],
    ];
    for (const flags of variants) {
      const argv = ['.', 'district/skip-me.policy.md', ...flags, '--cache', '--cache-location', 'lint.cache'];
      fs.rmSync(path.join(dir, 'lint.cache'), { force: true });
      assert.equal(fromCache(argv, dir), null, `${flags.join(' ')}: nothing cached yet`);
      const full = await cli(['lint', ...argv], dir);
      assert.ok(full.code === 0 || full.code === 1, full.stderr);
      const cached = fromCache(argv, dir);
      assert.ok(cached, `${flags.join(' ')}: answered from the cache`);
      assert.deepEqual(cached, full, flags.join(' '));
      // And the full lint reading the same cache agrees.
      assert.deepEqual(await cli(['lint', ...argv], dir), full, flags.join(' '));
    }
  });

  it('writes the report to --output as the full lint does', async () => {
    const dir = project();
    const argv = ['.', '--format', 'json', '--cache', '-o', 'report.json'];
    const full = await cli(['lint', ...argv], dir);
    const expected = fs.readFileSync(path.join(dir, 'report.json'), 'utf8');
    fs.rmSync(path.join(dir, 'report.json'));
    assert.deepEqual(fromCache(argv, dir), full);
    assert.equal(fs.readFileSync(path.join(dir, 'report.json'), 'utf8'), expected);
  });

  it('hands over to the full lint when a draft, a config or a schema changes, or a config appears', async () => {
    const dir = project();
    const argv = ['.', '--format', 'json', '--cache'];
    const refill = async () => {
      await cli(['lint', ...argv], dir);
      assert.ok(fromCache(argv, dir), 'answered once refilled');
    };
    await refill();
    fs.appendFileSync(path.join(dir, 'draft-1.policy.md'), '\n');
    assert.equal(fromCache(argv, dir), null, 'a draft changed');
    await refill();
    fs.writeFileSync(path.join(dir, 'new.policy.md'), sample);
    assert.equal(fromCache(argv, dir), null, 'a new draft');
    await refill();
    fs.appendFileSync(path.join(dir, 'district', '.fivenets.yaml'), 'owners: [市应急管理局]\n');
    assert.equal(fromCache(argv, dir), null, 'a config changed');
    await refill();
    fs.writeFileSync(path.join(dir, '.fivenets.json'), '{"rules": {"vague-owner": "off"}}');
    assert.equal(fromCache(argv, dir), null, 'a config appeared');
    await refill();
    // A schema file named by a config is part of the effective config.
    const schema = fs.readFileSync(path.join(root, 'server/src/engine/schema/five-nets.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'district', 'schema.yaml'), schema);
    fs.appendFileSync(path.join(dir, 'district', '.fivenets.yaml'), 'schema: ./schema.yaml\n');
    assert.equal(fromCache(argv, dir), null, 'a config names a schema file');
    await refill();
    fs.writeFileSync(path.join(dir, 'district', 'schema.yaml'), schema.replace(/^(\s*id:\s*)five-nets\b/mu, '$1five-nets-custom'));
    assert.equal(fromCache(argv, dir), null, 'the schema file changed');
    await refill();
    assert.equal(fromCache([...argv, '--fix'], dir), null, '--fix always lints');
    assert.equal(fromCache([...argv, '--rule', 'no-such-rule:off'], dir), null, 'a usage error is the full lint’s to report');
    const bad = await cli(['lint', ...argv, '--rule', 'no-such-rule:off'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule "no-such-rule"/u);
  });

  it('a cache hit does not load the engine (the bundled command)', function () {
    if (!fs.existsSync(path.join(root, 'server/out/commands.js'))) this.skip(); // needs the bundle: npm run build
    this.timeout(60_000);
    const dir = project();
    // Lists the modules the command loaded, when it exits.
    const probe = path.join(dir, 'probe.cjs');
    fs.writeFileSync(probe, "process.on('exit', () => process.stderr.write('loaded: ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));\n");
    const run = () => spawnSync(process.execPath, ['-r', probe, bin, 'lint', '.', '--format', 'json', '--cache'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const loaded = (stderr: string) => JSON.parse(/^loaded: (.*)$/mu.exec(stderr)?.[1] ?? '[]') as string[];
    const full = run();
    assert.ok(
      loaded(full.stderr).some((file) => file.endsWith(`${path.sep}commands.js`)),
      'a run that lints loads the commands and the engine',
    );
    const cached = run();
    assert.equal(cached.status, full.status);
    assert.equal(cached.stdout, full.stdout);
    assert.deepEqual(
      loaded(cached.stderr).map((file) => path.basename(file)),
      ['probe.cjs', 'cli.js'],
      'only the light entry is loaded',
    );
  });

  it('ignores a cache in another format or cut short', async () => {
    const dir = project();
    const cacheFile = path.join(dir, 'node_modules/.cache/fivenets/lintcache');
    const argv = ['.', '--format', 'json', '--cache'];
    const expected = await cli(['lint', ...argv], dir);
    for (const broken of ['{"tool":"0.1.0","entries":{}}', fs.readFileSync(cacheFile).subarray(0, fs.statSync(cacheFile).size - 100), '']) {
      fs.writeFileSync(cacheFile, broken);
      assert.equal(fromCache(argv, dir), null);
      assert.deepEqual(await cli(['lint', ...argv], dir), expected);
      assert.ok(fromCache(argv, dir), 'rewritten');
    }
  });

  it('hashes draft bytes as the full lint hashes their text (a BOM is not part of the text)', () => {
    for (const text of [sample, '# 𠮷 emoji 🎉\r\n', 'a']) {
      const bytes = Buffer.from(text, 'utf8');
      assert.equal(hashDraftBytes(bytes), hashText(decodeDraft(bytes).text));
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      assert.equal(hashDraftBytes(withBom), hashText(decodeDraft(withBom).text));
    }
  });

  it('finds configs as the engine does', () => {
    assert.deepEqual([...CONFIG_NAMES], [...ENGINE_CONFIG_NAMES]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-configs-'));
    fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'a/.fivenets.yml')); // a folder is not a config
    fs.writeFileSync(path.join(dir, 'a/.fivenets.json'), '{}');
    fs.writeFileSync(path.join(dir, 'a/b/.fivenets.yml'), '');
    fs.writeFileSync(path.join(dir, 'a/b/.fivenets.yaml'), '');
    const locator = new ConfigLocator();
    for (const folder of ['a/b/c', 'a/b', 'a', '.', 'a/b/c']) {
      const absolute = path.join(dir, folder);
      assert.equal(locator.find(absolute), findConfigFile(absolute), folder);
    }
  });

  it('renders the JSON report as JSON.stringify does', () => {
    const diagnostics = lint(sample, { schema: builtinSchema(), locale: 'en' }).diagnostics;
    const cases: FileResult[][] = [
      [],
      [new FileReport('clean.md', { diagnostics: [] })],
      [new FileReport('seeds/a "quoted" 𠮷.md', { diagnostics }), new FileReport('b\\c.md', { diagnostics: diagnostics.slice(0, 1) }), new FileReport('empty.md', { diagnostics: [] })],
    ];
    for (const results of cases) {
      const files = results.map((result) => ({
        path: result.path,
        diagnostics: result.diagnostics.map((d) => ({
          rule: d.rule,
          severity: d.severity,
          message: d.message,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          range: d.range,
          fix: d.fix ? d.fix.edits.map((edit) => ({ range: { start: edit.span.start, end: edit.span.end }, text: edit.newText })) : null,
        })),
      }));
      const expected = `${JSON.stringify({ version: 1, files, summary: summarize(results), docsUrl: DOCS })}\n`;
      assert.equal(chunksToText(formatJson(results, { docsBase: DOCS })), expected);
      // A report rebuilt from its rendering renders the same.
      const again = results.map((result) => new FileReport(result.path, { json: result.jsonDiagnostics as string, counts: summarize([result]) }));
      assert.equal(
        chunksToText(
          formatJson(
            again.map((result) => new FileReport(result.path, { diagnostics: result.diagnostics })),
            { docsBase: DOCS },
          ),
        ),
        expected,
      );
    }
  });
});

// The cache file is shared by the cached path and the full lint: keep its API honest.
describe('cli: the cache file', () => {
  it('keeps entries it did not touch when it saves', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-cache-'));
    const file = path.join(dir, 'cache');
    // Keys are SHA-256 hex and payloads follow the JSON contract: the cache checks both when it reads.
    const [h1, h2, h3, o1, o2] = ['1', '2', '3', 'a', 'b'].map((digit) => digit.repeat(64));
    const diagnostic = (severity: string) => ({ rule: 'missing-owner', severity, message: 'm', line: 1, column: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fix: null });
    const oneError = JSON.stringify([diagnostic('error')]);
    const twoWarnings = JSON.stringify([diagnostic('warning'), diagnostic('warning')]);
    const first = new LintCache(file);
    first.set('/a.md', h1, o1, '[]', { errors: 0, warnings: 0, infos: 0 });
    first.set('/b.md', h2, o1, oneError, { errors: 1, warnings: 0, infos: 0 });
    assert.equal(first.save(['/b.md']), null);
    first.close();
    const second = new LintCache(file);
    second.set('/c.md', h3, o1, twoWarnings, { errors: 0, warnings: 2, infos: 0 });
    assert.equal(second.save(['/c.md', '/a.md']), null);
    second.close();
    const third = new LintCache(file);
    assert.equal(chunksToText([third.get('/b.md', h2, o1)?.json ?? '']), oneError);
    assert.deepEqual(third.get('/c.md', h3, o1)?.counts, { errors: 0, warnings: 2, infos: 0 });
    assert.equal(third.get('/a.md', h1, o2), null, 'other options miss');
    third.close();
  });

  it('copies a checked payload from the file again, held to the digest of the checked bytes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-cache-'));
    const file = path.join(dir, 'cache');
    const [hash, options] = ['1', 'a'].map((digit) => digit.repeat(64));
    const payload = JSON.stringify([{ rule: 'missing-owner', severity: 'error', message: 'mmmm', line: 1, column: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fix: null }]);
    const writer = new LintCache(file);
    writer.set('/a.md', hash, options, payload, { errors: 1, warnings: 0, infos: 0 });
    assert.equal(writer.save(['/a.md']), null);
    writer.close();

    const cache = new LintCache(file);
    const hit = cache.get('/a.md', hash, options);
    // Not the bytes: a slice of the file, read again when the report is written.
    assert.ok(hit?.json instanceof FileSlice && hit.json.sha256 !== null);
    assert.equal(chunksToText([hit.json]), payload);
    // The same file (inode) written to after the check: the copy refuses the changed bytes.
    const text = fs.readFileSync(file);
    const at = text.lastIndexOf(Buffer.from('mmmm'));
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, Buffer.from('nnnn'), 0, 4, at);
    fs.closeSync(handle);
    assert.throws(() => chunksToText([hit.json]), new RegExp(SLICE_CHANGED, 'u'));
    const written: Uint8Array[] = [];
    assert.throws(() => writeChunks(['{"files":', hit.json, '}'], (bytes) => written.push(Buffer.from(bytes))), new RegExp(SLICE_CHANGED, 'u'));
    assert.ok(!Buffer.concat(written).includes('nnnn'), 'no changed byte is written');
    cache.close();
  });
});
