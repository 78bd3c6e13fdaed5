/**
 * CLI scenarios (markdownlint-cli2 style): a folder per scenario under test/cli/, main()
 * run in-process for most cases, and the bundled server/out/cli.js spawned for exit codes
 * and standard input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { main } from '../../server/src/cli/main';
import { describeFsError } from '../../server/src/cli/io';
import { newDraftText } from '../../client/src/templates';

const root = path.resolve(__dirname, '../..');
const sample = 'seeds/wuhan-five-nets.policy.md';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], options: { cwd?: string; stdin?: string | Uint8Array } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? root,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Promise.resolve(typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array())),
  });
  return { code, stdout, stderr };
}

function tmpdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-cli-'));
}

function assertOneLineError(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '', 'nothing written to stdout');
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at /u, 'no stack trace');
}

describe('cli', () => {
  describe('lint', () => {
    it('exits 0 with no problems on a complete draft', async () => {
      const run = await cli(['lint', 'test/cli/clean']);
      assert.equal(run.code, 0, run.stdout);
      assert.equal(run.stdout, '✔ 已检查 1 个文件，没有问题\n');
      assert.equal((await cli(['lint', 'test/cli/clean', '--locale', 'en'])).stdout, '✔ 1 file checked, no problems\n');
    });

    it('exits 1 and reports findings across the sample', async () => {
      const run = await cli(['lint', 'seeds/']);
      assert.equal(run.code, 1);
      for (const rule of ['missing-owner', 'missing-metric', 'missing-deadline', 'vague-owner', 'vague-deadline', 'past-deadline', 'unmeasurable-metric', 'unknown-net', 'unfilled-placeholder']) {
        assert.match(run.stdout, new RegExp(`\\b${rule}\\b`, 'u'), `${rule} shows on the sample`);
      }
      assert.doesNotMatch(run.stdout, /000_8cecb90e2c4c70b0/u, 'a folder means its **/*.md: the .txt seed is not included');
    });

    it('lints a file named explicitly whatever its extension (the seed is a .txt)', async () => {
      const run = await cli(['lint', 'seeds/000_8cecb90e2c4c70b0.txt', '--format', 'json']);
      const report = JSON.parse(run.stdout);
      const rules = new Set(report.files[0].diagnostics.map((d: { rule: string }) => d.rule));
      assert.ok(rules.has('encoding-artifact'));
      assert.equal(run.code, 0, 'the seed has warnings only');
    });

    it('prints the JSON contract', async () => {
      const run = await cli(['lint', sample, '--format', 'json', '--locale', 'en']);
      assert.equal(run.code, 1);
      const report = JSON.parse(run.stdout);
      assert.equal(report.version, 1);
      assert.equal(report.files.length, 1);
      assert.equal(report.files[0].path, sample);
      const diagnostics = report.files[0].diagnostics;
      assert.ok(diagnostics.length > 10);
      for (const d of diagnostics) {
        assert.deepEqual(Object.keys(d).sort(), ['column', 'fix', 'line', 'message', 'range', 'rule', 'severity']);
        assert.equal(d.line, d.range.start.line + 1);
        assert.equal(d.column, d.range.start.character + 1);
        assert.ok(['error', 'warning', 'info'].includes(d.severity));
      }
      const errors = diagnostics.filter((d: { severity: string }) => d.severity === 'error').length;
      const warnings = diagnostics.filter((d: { severity: string }) => d.severity === 'warning').length;
      assert.deepEqual(report.summary, { files: 1, errors, warnings, infos: 0 });
      const owner = diagnostics.find((d: { rule: string; line: number }) => d.rule === 'vague-owner' && d.line === 15);
      assert.equal(owner.message, 'Vague owner "有关部门": name the responsible unit');
      assert.deepEqual(owner.range, { start: { line: 14, character: 33 }, end: { line: 14, character: 37 } });
    });

    it('prints SARIF 2.1.0 with the structure code scanning reads (our own schema, test/cli/sarif-structure.schema.json)', async () => {
      const run = await cli(['lint', sample, '--format', 'sarif']);
      const sarif = JSON.parse(run.stdout);
      const validate = new Ajv({ strict: true, allErrors: true, formats: { uri: (value: string) => URL.canParse(value) } }).compile(
        JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-structure.schema.json'), 'utf8')),
      );
      assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
      // The check can fail: a result without its region is refused.
      const broken = JSON.parse(run.stdout);
      delete broken.runs[0].results[0].locations[0].physicalLocation.region;
      assert.equal(validate(broken), false);
      const driver = sarif.runs[0].tool.driver;
      assert.equal(driver.name, 'fivenets');
      assert.equal(driver.rules.length, 15);
      for (const rule of driver.rules) assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`, 'u'));
      const json = JSON.parse((await cli(['lint', sample, '--format', 'json'])).stdout);
      assert.equal(sarif.runs[0].results.length, json.files[0].diagnostics.length);
      const first = sarif.runs[0].results[0];
      const region = first.locations[0].physicalLocation.region;
      assert.equal(region.startLine, json.files[0].diagnostics[0].line);
      assert.equal(region.startColumn, json.files[0].diagnostics[0].column);
    });

    // The OASIS schema is not ours to commit: it sits beside the clone when it is there. Without
    // it this test is reported as pending, with the reason in its title.
    const oasisSchema = path.resolve(root, '../shared/schemas/sarif-schema-2.1.0.json');
    const withOasisSchema = fs.existsSync(oasisSchema) ? it : it.skip;
    withOasisSchema(`prints SARIF that validates against the OASIS SARIF 2.1.0 schema${fs.existsSync(oasisSchema) ? '' : ' (PENDING: ../shared/schemas/sarif-schema-2.1.0.json is not beside this clone)'}`, async () => {
      const run = await cli(['lint', sample, '--format', 'sarif']);
      const validate = new AjvDraft04({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(oasisSchema, 'utf8')));
      assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors?.slice(0, 3)));
    });

    it('prints GitHub workflow commands', async () => {
      const run = await cli(['lint', sample, '--format', 'github', '--locale', 'en']);
      const lines = run.stdout.trimEnd().split('\n');
      assert.ok(
        lines.every((line) => /^::(error|warning|notice) file=seeds\/wuhan-five-nets\.policy\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::.+$/u.test(line)),
        lines.find((line) => !line.startsWith('::')),
      );
      assert.ok(lines.some((line) => line.startsWith('::error ') && line.includes('title=missing-owner::')));
    });

    it('prints JUnit XML with one failing test case per diagnostic', async () => {
      const run = await cli(['lint', sample, 'test/cli/clean', '--format', 'junit']);
      const json = JSON.parse((await cli(['lint', sample, '--format', 'json'])).stdout);
      const failures = (run.stdout.match(/<failure /gu) ?? []).length;
      assert.equal(failures, json.files[0].diagnostics.length);
      assert.match(run.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="fivenets"/u);
      assert.match(run.stdout, /<testsuite name="test\/cli\/clean\/complete\.policy\.md" tests="1" failures="0"/u);
      assert.equal((run.stdout.match(/<testsuite /gu) ?? []).length, (run.stdout.match(/<\/testsuite>/gu) ?? []).length);
    });

    it('--fix inserts templates in each measure’s style and writes the file', async () => {
      const dir = tmpdir();
      const file = path.join(dir, 'draft.md');
      fs.copyFileSync(path.join(root, 'test/rules/missing-owner/sublist-table.md'), file);
      const run = await cli(['lint', file, '--fix', '--rule', 'missing-metric:off', '--format', 'json']);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.equal(fixed, fs.readFileSync(path.join(root, 'test/rules/missing-owner/sublist-table.fixed.md'), 'utf8'));
      const report = JSON.parse(run.stdout);
      // A template is not an answer: each owner stays missing until a unit is written over 【待填写】.
      const owners = report.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'missing-owner');
      assert.ok(owners.length > 0);
      assert.ok(
        owners.every((d: { message: string }) => d.message.includes('【待填写】')),
        'only unfilled placeholders are reported',
      );
      assert.ok(
        report.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'unfilled-placeholder'),
        'placeholders stay flagged',
      );
    });

    it('an untouched "New Policy Draft" template fails: a placeholder is not an owner', async () => {
      const dir = tmpdir();
      const file = path.join(dir, 'new.policy.md');
      fs.writeFileSync(file, newDraftText('hans', new Date(2021, 4, 10)));
      const run = await cli(['lint', file, '--format', 'json']);
      assert.equal(run.code, 1);
      const rules = JSON.parse(run.stdout).files[0].diagnostics.map((d: { rule: string }) => d.rule);
      for (const rule of ['missing-owner', 'missing-metric', 'missing-deadline']) assert.equal(rules.filter((id: string) => id === rule).length, 5, rule);
      // --fix has nothing to add to a template: it changes nothing and the draft still fails.
      const before = fs.readFileSync(file, 'utf8');
      assert.equal((await cli(['lint', file, '--fix'])).code, 1);
      assert.equal(fs.readFileSync(file, 'utf8'), before);
    });

    it('--fix keeps a UTF-8 BOM and CRLF line ends', async () => {
      const dir = tmpdir();
      const file = path.join(dir, 'draft.md');
      fs.writeFileSync(file, '\ufeff## 公共卫生防护网\r\n\r\n1. 急救站20个（牵头单位：市卫健委）\r\n');
      await cli(['lint', file, '--fix']);
      const fixed = fs.readFileSync(file, 'utf8');
      assert.ok(fixed.startsWith('\ufeff## 公共卫生防护网\r\n'));
      assert.ok(fixed.includes('（牵头单位：市卫健委；完成时限：【待填写】）\r\n'), fixed);
    });

    it('reads standard input with --stdin-filename', async () => {
      const text = fs.readFileSync(path.join(root, sample));
      const run = await cli(['lint', '-', '--stdin-filename', 'piped.md', '--format', 'json'], { stdin: text });
      const fromFile = JSON.parse((await cli(['lint', sample, '--format', 'json'])).stdout);
      const report = JSON.parse(run.stdout);
      assert.equal(report.files[0].path, 'piped.md');
      assert.deepEqual(report.files[0].diagnostics, fromFile.files[0].diagnostics);
    });

    it('--quiet reports errors only; --max-warnings turns warnings into exit 1', async () => {
      const quiet = JSON.parse((await cli(['lint', sample, '--quiet', '--format', 'json'])).stdout);
      assert.ok(quiet.files[0].diagnostics.length > 0);
      assert.ok(quiet.files[0].diagnostics.every((d: { severity: string }) => d.severity === 'error'));
      const seed = 'seeds/000_8cecb90e2c4c70b0.txt';
      assert.equal((await cli(['lint', seed])).code, 0);
      const over = await cli(['lint', seed, '--max-warnings', '3']);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /more than --max-warnings 3/u);
    });

    it('--rule and --locale override severities and language', async () => {
      const run = await cli(['lint', sample, '--rule', 'missing-metric:off', '--rule', 'vague-owner:error', '--locale', 'zh-TW', '--format', 'json']);
      const diagnostics = JSON.parse(run.stdout).files[0].diagnostics;
      assert.ok(!diagnostics.some((d: { rule: string }) => d.rule === 'missing-metric'));
      assert.ok(diagnostics.filter((d: { rule: string }) => d.rule === 'vague-owner').every((d: { severity: string }) => d.severity === 'error'));
      assert.ok(
        diagnostics.some((d: { message: string }) => d.message.includes('責任單位')),
        'zh-TW messages use traditional script',
      );
    });

    it('uses --config instead of discovery, and discovery otherwise', async () => {
      const dir = tmpdir();
      fs.copyFileSync(path.join(root, sample), path.join(dir, 'draft.md'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'locale: en\nrules:\n  missing-metric: off\n');
      const discovered = JSON.parse((await cli(['lint', 'draft.md', '--format', 'json'], { cwd: dir })).stdout);
      assert.ok(!discovered.files[0].diagnostics.some((d: { rule: string }) => d.rule === 'missing-metric'));
      assert.ok(
        discovered.files[0].diagnostics.every((d: { message: string }) => /^[\x20-\x7e]/u.test(d.message)),
        'English from the config',
      );
      fs.writeFileSync(path.join(dir, 'other.yaml'), 'rules:\n  missing-owner: off\n');
      const explicit = JSON.parse((await cli(['lint', 'draft.md', '--config', 'other.yaml', '--format', 'json'], { cwd: dir })).stdout);
      const rules = new Set(explicit.files[0].diagnostics.map((d: { rule: string }) => d.rule));
      assert.ok(rules.has('missing-metric') && !rules.has('missing-owner'));
    });

    it('honours inline disable comments', async () => {
      const dir = tmpdir();
      const file = path.join(dir, 'draft.md');
      fs.writeFileSync(file, '## 公共卫生防护网\n\n<!-- fivenets-disable-next-line missing-deadline -->\n1. 急救站20个（牵头单位：市卫健委）\n2. 方舱5个（牵头单位：市卫健委）\n');
      const diagnostics = JSON.parse((await cli(['lint', file, '--format', 'json'])).stdout).files[0].diagnostics;
      assert.deepEqual(
        diagnostics.filter((d: { rule: string }) => d.rule === 'missing-deadline').map((d: { line: number }) => d.line),
        [5],
      );
    });
  });

  describe('bad input', () => {
    it('a missing path: exit 2, one line, other files still linted', async () => {
      const run = await cli(['lint', 'no/such/draft.md', sample, '--format', 'json']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^fivenets: no\/such\/draft\.md: no such file or directory\n$/u);
      assert.equal(JSON.parse(run.stdout).files[0].path, sample, 'the readable file is still reported');
    });

    it('a binary file, invalid UTF-8 and an empty file: clear messages, exit 2, nothing written', async () => {
      const dir = tmpdir();
      fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
      fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from('## 公共卫生防护网\n\nCaf\xe9\n', 'latin1'));
      fs.writeFileSync(path.join(dir, 'empty.md'), '');
      const good = '## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委）\n';
      fs.writeFileSync(path.join(dir, 'good.md'), good);
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'include: ["*.md"]\n');
      for (const [name, pattern] of [
        ['binary.md', /binary file/u],
        ['latin1.md', /not valid UTF-8/u],
        ['empty.md', /file is empty/u],
      ] as const) {
        assertOneLineError(await cli(['lint', name], { cwd: dir }), pattern);
      }
      const all = await cli(['lint', '.', '--fix'], { cwd: dir });
      assert.equal(all.code, 2);
      assert.equal(fs.readFileSync(path.join(dir, 'good.md'), 'utf8'), good, '--fix wrote nothing');
      assert.match(all.stderr, /--fix wrote nothing/u);
    });

    it('a broken config: exit 2 with file, line and a plain message', async () => {
      assertOneLineError(await cli(['lint', 'test/cli/bad-config/draft.md']), /\.fivenets\.yaml:3:18: rules\.missing-owner must be one of off, info, warning, error/u);
      const dir = tmpdir();
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'rules: [unclosed\n');
      fs.writeFileSync(path.join(dir, 'd.md'), '# x\n');
      assertOneLineError(await cli(['lint', 'd.md'], { cwd: dir }), /\.fivenets\.yaml:\d+:\d+: /u);
    });

    it('usage errors: exit 2, one line', async () => {
      assertOneLineError(await cli(['lint', sample, '--format', 'xml']), /--format must be stylish, json, sarif, github, junit, gitlab, checkstyle or rdjson/u);
      assertOneLineError(await cli(['lint', sample, '--bogus']), /Unknown option '--bogus'/u);
      assertOneLineError(await cli(['lint', sample, '--rule', 'nope:error']), /unknown rule "nope"/u);
      assertOneLineError(await cli(['lint', sample, '--max-warnings', 'many']), /--max-warnings expects a whole number/u);
      assertOneLineError(await cli(['lint']), /no paths given/u);
      assertOneLineError(await cli(['frobnicate']), /unknown command "frobnicate"/u);
      assertOneLineError(await cli(['lint', 'nothing/*.md']), /no files match nothing\/\*\.md/u);
    });

    it('names permission problems plainly', () => {
      const error = Object.assign(new Error('EACCES: permission denied, open x'), { code: 'EACCES' });
      assert.equal(describeFsError(error, 'cannot read'), 'cannot read: permission denied');
    });
  });

  describe('export', () => {
    it('lists every measure with its fields (JSON contract)', async () => {
      const run = await cli(['export', '--format', 'json', 'seeds/']);
      assert.equal(run.code, 0);
      const table = JSON.parse(run.stdout);
      assert.equal(table.version, 1);
      const lint = JSON.parse((await cli(['lint', 'seeds/', '--format', 'json'])).stdout);
      assert.ok(table.measures.length >= 20);
      for (const row of table.measures) {
        assert.deepEqual(Object.keys(row).sort(), ['coOwners', 'deadline', 'deadlineNormalized', 'file', 'hasMetric', 'line', 'metric', 'missing', 'net', 'owner', 'text'].sort());
      }
      const missingOwner = lint.files[0].diagnostics.filter((d: { rule: string }) => d.rule === 'missing-owner').length;
      // missing-owner reports a placeholder owner too, as the table's `missing` does.
      assert.equal(table.measures.filter((row: { missing: string[] }) => row.missing.includes('owner')).length, missingOwner);
      assert.ok(table.measures.filter((row: { owner: string | null }) => row.owner === null).length < missingOwner);
      const first = table.measures[0];
      assert.deepEqual(first, {
        file: 'seeds/wuhan-five-nets.policy.md',
        line: 13,
        net: 'emergency-response',
        text: '建设市级应急物资储备库3个，实现重要应急物资储备满足30天需求',
        owner: '市应急管理局',
        coOwners: ['市发改委', '市商务局'],
        metric: null,
        hasMetric: true,
        deadline: '2020年12月底前',
        deadlineNormalized: { start: '2020-12-01', end: '2020-12-31' },
        missing: [],
      });
      const placeholderOwner = table.measures.find((row: { owner: string | null }) => row.owner === '【待填写】');
      assert.deepEqual(placeholderOwner.missing, ['owner'], 'a placeholder is not an owner');
      assert.ok(table.measures.some((row: { deadlineNormalized: unknown }) => row.deadlineNormalized === 'ongoing'));
      assert.ok(
        table.measures.some((row: { net: string | null }) => row.net === 'fine-management'),
        'traditional-script net',
      );
    });

    it('writes CSV that Excel opens: BOM, CRLF, quoted cells', async () => {
      const run = await cli(['export', 'seeds/wuhan-five-nets.policy.md']);
      assert.ok(run.stdout.startsWith('\ufeff文件,行,所属网,措施,牵头单位,配合单位,指标,完成时限,时限（标准化）,缺失项\r\n'));
      const rows = run.stdout.slice(1).trimEnd().split('\r\n');
      const json = JSON.parse((await cli(['export', '--format', 'json', 'seeds/wuhan-five-nets.policy.md'])).stdout);
      assert.equal(rows.length - 1, json.measures.length);
      assert.ok(rows[1].startsWith('seeds/wuhan-five-nets.policy.md,13,城市应急处置网,'));
      assert.ok(
        rows.some((row) => /,\d{4}-\d\d-\d\d\/\d{4}-\d\d-\d\d,指标$/u.test(row)),
        'missing fields are listed',
      );
    });
  });

  describe('rules and explain', () => {
    it('lists the rules', async () => {
      const run = await cli(['rules', '--format', 'json']);
      const rules = JSON.parse(run.stdout);
      assert.equal(rules.length, 15);
      assert.deepEqual(rules[0], { id: 'missing-owner', severity: 'error', fixable: true, description: 'Every measure names an owner (the lead unit).' });
    });

    it('explains a rule with its doc page', async () => {
      const run = await cli(['explain', 'vague-owner']);
      assert.equal(run.code, 0);
      assert.equal(run.stdout, fs.readFileSync(path.join(root, 'docs/rules/vague-owner.md'), 'utf8'));
      assertOneLineError(await cli(['explain', 'nope']), /unknown rule "nope"/u);
    });
  });

  describe('the bundled command', () => {
    const bin = path.join(root, 'server/out/cli.js');
    before(function () {
      if (!fs.existsSync(bin)) this.skip();
    });

    it('exits with the documented codes', () => {
      assert.equal(spawnSync('node', [bin, 'lint', 'test/cli/clean'], { cwd: root }).status, 0);
      assert.equal(spawnSync('node', [bin, 'lint', sample], { cwd: root }).status, 1);
      const bad = spawnSync('node', [bin, 'lint', 'missing.md'], { cwd: root, encoding: 'utf8' });
      assert.equal(bad.status, 2);
      assert.equal(bad.stderr, 'fivenets: missing.md: no such file or directory\n');
    });

    it('reads standard input', () => {
      const run = spawnSync('node', [bin, 'lint', '-', '--stdin-filename', 'x.md', '--format', 'json'], {
        cwd: root,
        input: '## 公共卫生防护网\n\n1. 急救站20个（牵头单位：市卫健委）\n',
        encoding: 'utf8',
      });
      assert.equal(run.status, 1);
      assert.deepEqual(
        JSON.parse(run.stdout)
          .files[0].diagnostics.map((d: { rule: string }) => d.rule)
          .filter((r: string) => r !== 'missing-net'),
        ['missing-deadline'],
      );
    });

    it('refuses standard input over maxFileSize with exit 2 and stops reading it', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-stdin-'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'maxFileSize: 1000\n');
      const run = spawnSync('node', [bin, 'lint', '-', '--stdin-filename', 'x.md'], { cwd: dir, input: `## 公共卫生防护网\n\n${'1. 急救站20个（牵头单位：市卫健委）\n'.repeat(200)}`, encoding: 'utf8' });
      assert.equal(run.status, 2);
      assert.equal(run.stderr, 'fivenets: x.md: standard input is over the limit of 1000 bytes (maxFileSize)\n');
      assert.equal(run.stdout, '');
      const small = spawnSync('node', [bin, 'lint', '-', '--stdin-filename', 'x.md'], { cwd: dir, input: '## 公共卫生防护网\n', encoding: 'utf8' });
      assert.notEqual(small.status, 2, small.stderr);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('prints its version', () => {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      assert.equal(spawnSync('node', [bin, '--version'], { encoding: 'utf8' }).stdout.trim(), pkg.version);
    });
  });
});
