/**
 * The CLI speaks the conventions CI tools share: colour flags and environment, --fix-dry-run
 * with ESLint's `output`, a summary line in the messages' language, GitLab Code Quality,
 * Checkstyle and reviewdog (rdjson) reports with their contracts, and --docs-url / docsUrl.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as sax from 'sax';
import { main } from '../../server/src/cli/main';
import { useColor } from '../../server/src/cli/args';
import { formatCheckstyle } from '../../server/src/cli/formatters/checkstyle';
import type { FileResult, ReportedDiagnostic } from '../../server/src/cli/formatters/types';
import { DOCS_BASE } from '../../server/src/version';
import { cli, type Run } from './run';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'server/out/cli.js');
const sample = 'seeds/wuhan-five-nets.policy.md';
const ANSI = /\u001b\[[0-9;]*m/u;

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-conventions-'));
}

interface JsonReport {
  files: Array<{
    path: string;
    diagnostics: Array<{ rule: string; severity: string; message: string; line: number; column: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fix: unknown }>;
    output?: string;
  }>;
  summary: { files: number; errors: number; warnings: number; infos: number };
  docsUrl: string;
}

const json = (run: Run) => JSON.parse(run.stdout) as JsonReport;

describe('cli conventions', () => {
  describe('colour', () => {
    it('decides as ESLint does: flag, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
      assert.equal(useColor(undefined, {}, true), true);
      assert.equal(useColor(undefined, {}, false), false);
      assert.equal(useColor(undefined, { NO_COLOR: '1' }, true), false);
      assert.equal(useColor(undefined, { NO_COLOR: '' }, true), true, 'an empty NO_COLOR is unset (no-color.org)');
      assert.equal(useColor(undefined, { FORCE_COLOR: '1' }, false), true);
      assert.equal(useColor(undefined, { FORCE_COLOR: '0' }, true), false);
      assert.equal(useColor(undefined, { FORCE_COLOR: 'false' }, true), false);
      assert.equal(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false), true, 'FORCE_COLOR wins');
      assert.equal(useColor(false, { FORCE_COLOR: '1' }, true), false, '--no-color wins');
      assert.equal(useColor(true, { NO_COLOR: '1' }, false), true, '--color wins');
    });

    it('colours the bundled command’s stylish output only when asked or on a terminal', function () {
      if (!fs.existsSync(bin)) this.skip();
      const env = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined };
      const run = (args: string[], extra: Record<string, string> = {}) => spawnSync(process.execPath, [bin, 'lint', sample, ...args], { cwd: root, encoding: 'utf8', env: { ...env, ...extra } }).stdout;
      assert.doesNotMatch(run([]), ANSI, 'a pipe gets no colour');
      assert.match(run(['--color']), ANSI);
      assert.match(run([], { FORCE_COLOR: '1' }), ANSI);
      assert.doesNotMatch(run(['--no-color'], { FORCE_COLOR: '1' }), ANSI);
      assert.doesNotMatch(run([], { FORCE_COLOR: '0' }), ANSI);
      const both = spawnSync(process.execPath, [bin, 'lint', sample, '--color', '--no-color'], { cwd: root, encoding: 'utf8' });
      assert.equal(both.status, 2);
      assert.equal(both.stderr, 'fivenets: --color and --no-color cannot be used together\n');
    });
  });

  describe('--fix-dry-run', () => {
    it('writes nothing, reports what --fix would leave, and carries the fixed text as `output`', async () => {
      const dir = tmpdir();
      const file = path.join(dir, 'draft.md');
      const fixable = path.join(root, 'test/rules/missing-owner/sublist-table.md');
      fs.copyFileSync(fixable, file);
      fs.writeFileSync(path.join(dir, 'clean.md'), fs.readFileSync(path.join(root, 'test/cli/clean/complete.policy.md')));
      const before = fs.readFileSync(file, 'utf8');
      const dry = await cli(['lint', 'draft.md', 'clean.md', '--fix-dry-run', '--format', 'json'], dir);
      assert.equal(fs.readFileSync(file, 'utf8'), before, 'the file is untouched');
      const report = json(dry);
      assert.equal(report.files[1].output, undefined, 'no output when nothing changes (ESLint)');
      const real = await cli(['lint', 'draft.md', 'clean.md', '--fix', '--format', 'json'], dir);
      assert.equal(report.files[0].output, fs.readFileSync(file, 'utf8'), 'output is what --fix writes');
      assert.notEqual(report.files[0].output, before);
      assert.deepEqual(
        report.files.map((entry) => entry.diagnostics),
        json(real).files.map((entry) => entry.diagnostics),
      );
      assert.equal(dry.code, real.code);
    });

    it('works on standard input and refuses --fix with it', async () => {
      const text = fs.readFileSync(path.join(root, 'test/rules/missing-owner/sublist-table.md'), 'utf8');
      let stdout = '';
      const code = await main({ argv: ['lint', '-', '--fix-dry-run', '--format', 'json'], cwd: root, stdout: (chunk) => (stdout += chunk), stderr: () => undefined, readStdin: () => Promise.resolve(Buffer.from(text)) });
      assert.ok(code === 0 || code === 1);
      assert.ok(JSON.parse(stdout).files[0].output.length > text.length);
      const both = await cli(['lint', sample, '--fix', '--fix-dry-run'], root);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /--fix and --fix-dry-run cannot be used together/u);
    });
  });

  describe('the stylish summary line', () => {
    it('follows --locale like the messages', async () => {
      const last = async (locale: string) => (await cli(['lint', sample, '--locale', locale], root)).stdout.trimEnd().split('\n').slice(-2);
      const counts = json(await cli(['lint', sample, '--format', 'json'], root)).summary;
      const total = counts.errors + counts.warnings + counts.infos;
      const [zh, zhFix] = await last('zh-CN');
      assert.equal(zh, `✖ 1 个文件中有 ${total} 个问题（${counts.errors} 个错误，${counts.warnings} 个警告，0 个提示）`);
      assert.match(zhFix, /^ {2}其中 \d+ 个可用 --fix 自动修复$/u);
      const [tw] = await last('zh-TW');
      assert.equal(tw, `✖ 1 個檔案中有 ${total} 個問題（${counts.errors} 個錯誤，${counts.warnings} 個警告，0 個提示）`);
      const [en, enFix] = await last('en');
      assert.equal(en, `✖ ${total} problems (${counts.errors} errors, ${counts.warnings} warnings, 0 info) in 1 file`);
      assert.match(enFix, /^ {2}\d+ can be fixed with --fix$/u);
    });

    it('follows the config’s locale when no flag is given', async () => {
      const dir = tmpdir();
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'locale: en\n');
      fs.copyFileSync(path.join(root, 'test/cli/clean/complete.policy.md'), path.join(dir, 'a.policy.md'));
      assert.equal((await cli(['lint', '.'], dir)).stdout, '✔ 1 file checked, no problems\n');
    });
  });

  describe('gitlab (Code Quality)', () => {
    it('has the fields GitLab reads, one issue per diagnostic, and fingerprints that survive moved lines', async () => {
      const dir = tmpdir();
      const text = fs.readFileSync(path.join(root, sample), 'utf8');
      fs.writeFileSync(path.join(dir, 'a.policy.md'), text);
      const issues = JSON.parse((await cli(['lint', 'a.policy.md', '--format', 'gitlab'], dir)).stdout) as Array<Record<string, unknown> & { location: { path: string; lines: { begin: number } }; fingerprint: string }>;
      const report = json(await cli(['lint', 'a.policy.md', '--format', 'json'], dir));
      assert.equal(issues.length, report.files[0].diagnostics.length);
      issues.forEach((issue, index) => {
        const diagnostic = report.files[0].diagnostics[index];
        assert.equal(issue.description, diagnostic.message);
        assert.equal(issue.check_name, diagnostic.rule);
        assert.equal(issue.severity, { error: 'major', warning: 'minor', info: 'info' }[diagnostic.severity]);
        assert.equal(issue.location.path, 'a.policy.md');
        assert.equal(issue.location.lines.begin, diagnostic.line);
        assert.match(issue.fingerprint, /^[0-9a-f]{64}$/u);
      });
      assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
      // Three lines inserted above: the same findings keep their fingerprints.
      fs.writeFileSync(path.join(dir, 'a.policy.md'), text.replace(/^(---[\s\S]*?---\n)/u, '$1\n\n\n'));
      const moved = JSON.parse((await cli(['lint', 'a.policy.md', '--format', 'gitlab'], dir)).stdout) as typeof issues;
      assert.deepEqual(
        moved.map((issue) => issue.fingerprint),
        issues.map((issue) => issue.fingerprint),
      );
      assert.deepEqual(
        moved.map((issue) => issue.location.lines.begin),
        issues.map((issue) => issue.location.lines.begin + 3),
      );
      assert.equal((await cli(['lint', 'test/cli/clean', '--format', 'gitlab'], root)).stdout, '[]\n');
    });
  });

  describe('checkstyle', () => {
    /** Parse with a strict XML parser; returns the attributes of every element by name. */
    function parseXml(xml: string): Array<{ name: string; attributes: Record<string, string> }> {
      const parser = sax.parser(true, {});
      const elements: Array<{ name: string; attributes: Record<string, string> }> = [];
      parser.onerror = (error) => {
        throw error;
      };
      parser.onopentag = (tag) => elements.push({ name: tag.name, attributes: tag.attributes as Record<string, string> });
      parser.write(xml).close();
      return elements;
    }

    it('is <checkstyle><file name><error line column severity message source>', async () => {
      const run = await cli(['lint', sample, 'test/cli/clean', '--format', 'checkstyle', '--locale', 'en'], root);
      const elements = parseXml(run.stdout);
      const report = json(await cli(['lint', sample, 'test/cli/clean', '--format', 'json', '--locale', 'en'], root));
      assert.equal(elements[0].name, 'checkstyle');
      assert.deepEqual(
        elements.filter((element) => element.name === 'file').map((element) => element.attributes.name),
        report.files.map((file) => file.path),
      );
      const errors = elements.filter((element) => element.name === 'error');
      const diagnostics = report.files.flatMap((file) => file.diagnostics);
      assert.equal(errors.length, diagnostics.length);
      errors.forEach((error, index) => {
        assert.deepEqual(error.attributes, {
          line: String(diagnostics[index].line),
          column: String(diagnostics[index].column),
          severity: diagnostics[index].severity,
          message: diagnostics[index].message,
          source: `fivenets.${diagnostics[index].rule}`,
        });
      });
    });

    it('stays well-formed for any text in paths and messages', () => {
      const alphabet = ['<', '>', '&', '"', "'", '\u0000', '\u0008', '\u000b', '\u001f', '\ud842', '\udfb7', '𠮷', '\ufffe', '\uffff', ']]>', '&amp;', '\r', '\n', '\t', 'a', '中'];
      let seed = 13;
      const random = () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed / 2 ** 31;
      };
      const text = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (let round = 0; round < 300; round++) {
        const diagnostic: ReportedDiagnostic = { rule: 'missing-owner', severity: 'error', message: text(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fix: null };
        const results: FileResult[] = [{ path: text(), diagnostics: [diagnostic] }];
        const elements = parseXml(formatCheckstyle(results));
        const error = elements.find((element) => element.name === 'error');
        assert.ok(error);
        // What the parser reads back is the text, with characters XML cannot hold replaced by U+FFFD.
        const expected = diagnostic.message.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '\ufffd');
        assert.equal(error.attributes.message, expected);
        assert.equal(error.attributes.message.length, diagnostic.message.length, 'tab, CR and LF are kept (as character references)');
      }
    });
  });

  describe('rdjson (reviewdog)', () => {
    it('has reviewdog’s fields, UTF-8 byte columns and fixes as suggestions', async () => {
      const dir = tmpdir();
      const text = '## 公共卫生防护网\n\n1. 𠮷新增发热门诊30个（牵头单位：有关部门）\n';
      fs.writeFileSync(path.join(dir, 'a.policy.md'), text);
      const rdjson = JSON.parse((await cli(['lint', 'a.policy.md', '--format', 'rdjson', '--locale', 'en'], dir)).stdout);
      const report = json(await cli(['lint', 'a.policy.md', '--format', 'json', '--locale', 'en'], dir));
      assert.deepEqual(rdjson.source, { name: 'fivenets', url: DOCS_BASE });
      assert.equal(rdjson.diagnostics.length, report.files[0].diagnostics.length);
      const lines = text.split('\n');
      rdjson.diagnostics.forEach(
        (
          diagnostic: { message: string; severity: string; code: { value: string; url: string }; location: { path: string; range: { start: { line: number; column: number } } }; suggestions?: unknown[] },
          index: number,
        ) => {
          const expected = report.files[0].diagnostics[index];
          assert.equal(diagnostic.message, expected.message);
          assert.equal(diagnostic.severity, expected.severity.toUpperCase());
          assert.deepEqual(diagnostic.code, { value: expected.rule, url: `${DOCS_BASE}/${expected.rule}.md` });
          assert.equal(diagnostic.location.path, 'a.policy.md');
          assert.equal(diagnostic.location.range.start.line, expected.line);
          const bytes = Buffer.byteLength(lines[expected.line - 1].slice(0, expected.column - 1), 'utf8') + 1;
          assert.equal(diagnostic.location.range.start.column, bytes);
        },
      );
      const vague = rdjson.diagnostics.find((diagnostic: { code: { value: string } }) => diagnostic.code.value === 'vague-owner');
      // "1. 𠮷新增发热门诊30个（牵头单位：" before 有关部门: 3 + 4 (𠮷) + 2 (30) + 13 CJK characters of 3 bytes.
      assert.equal(vague.location.range.start.column, 3 + 4 + 2 + 3 * 13 + 1);
      // Each suggestion, applied by bytes, makes the same text as the JSON fix applied by UTF-16 offsets.
      let checked = 0;
      rdjson.diagnostics.forEach((diagnostic: { suggestions?: Suggestion[] }, index: number) => {
        const fix = report.files[0].diagnostics[index].fix as Array<{ range: { start: number; end: number }; text: string }> | null;
        assert.equal(diagnostic.suggestions !== undefined, fix !== null);
        if (!diagnostic.suggestions || !fix) return;
        let expected = text;
        for (const edit of [...fix].sort((a, b) => b.range.start - a.range.start)) expected = expected.slice(0, edit.range.start) + edit.text + expected.slice(edit.range.end);
        assert.equal(applySuggestions(text, diagnostic.suggestions), expected);
        checked++;
      });
      assert.ok(checked > 0, 'fixable diagnostics carry suggestions');
    });
  });

  describe('docsUrl and --docs-url', () => {
    it('set the base of rule links in SARIF, JSON and rdjson; the flag wins; a bad URL is a usage error', async () => {
      const dir = tmpdir();
      fs.copyFileSync(path.join(root, sample), path.join(dir, 'a.policy.md'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'docsUrl: https://intranet.example/fivenets/rules/\n');
      const base = 'https://intranet.example/fivenets/rules';
      const sarif = JSON.parse((await cli(['lint', '.', '--format', 'sarif'], dir)).stdout);
      assert.ok(sarif.runs[0].tool.driver.rules.every((rule: { id: string; helpUri: string }) => rule.helpUri === `${base}/${rule.id}.md`));
      assert.equal(sarif.runs[0].tool.driver.informationUri, base);
      assert.equal(json(await cli(['lint', '.', '--format', 'json'], dir)).docsUrl, base);
      assert.equal(JSON.parse((await cli(['lint', '.', '--format', 'rdjson'], dir)).stdout).diagnostics[0].code.url.startsWith(`${base}/`), true);
      const flag = JSON.parse((await cli(['lint', '.', '--format', 'sarif', '--docs-url', 'http://mirror.local/r/'], dir)).stdout);
      assert.equal(flag.runs[0].tool.driver.rules[0].helpUri, `http://mirror.local/r/${flag.runs[0].tool.driver.rules[0].id}.md`);
      assert.equal(json(await cli(['lint', sample, '--format', 'json'], root)).docsUrl, DOCS_BASE);
      const bad = await cli(['lint', '.', '--docs-url', 'javascript:alert(1)'], dir);
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, 'fivenets: --docs-url expects an http(s) URL, got "javascript:alert(1)"\n');
    });
  });
});

interface Suggestion {
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  text: string;
}

/** Apply rdjson suggestions (1-based lines, 1-based UTF-8 byte columns), last first. */
function applySuggestions(text: string, suggestions: Suggestion[]): string {
  const lines = text.split('\n').map((line) => Buffer.from(line, 'utf8'));
  const offset = (position: { line: number; column: number }) => lines.slice(0, position.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + position.column - 1;
  let bytes = Buffer.from(text, 'utf8');
  for (const suggestion of [...suggestions].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    bytes = Buffer.concat([bytes.subarray(0, offset(suggestion.range.start)), Buffer.from(suggestion.text, 'utf8'), bytes.subarray(offset(suggestion.range.end))]);
  }
  return bytes.toString('utf8');
}
