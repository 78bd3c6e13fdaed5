/**
 * Word import: each fixture (written by the `docx` package, see docx-fixtures.ts) imports to a
 * draft whose measures, owners and deadlines equal its hand-written Markdown twin's; lint,
 * export and report read .docx directly; bad input is one line and exit 2.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { convertDocx, type ImportedDraft } from '../../server/src/import/docx';
import { formatCounter } from '../../server/src/import/docx/number-formats';
import { DOCX_FIXTURES } from './docx-fixtures';
import { cli, type Run } from '../cli/run';

function assertOneLineError(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2, run.stdout + run.stderr);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1, `one line: ${run.stderr}`);
  assert.match(run.stderr, pattern);
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error/u);
}

const twins = path.join(__dirname, 'twins');
let dir: string;
const built = new Map<string, Buffer>();

before(async function () {
  this.timeout(60_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-docx-'));
  for (const fixture of DOCX_FIXTURES) {
    const bytes = await fixture.build();
    built.set(fixture.name, bytes);
    fs.writeFileSync(path.join(dir, `${fixture.name}.docx`), bytes);
    fs.copyFileSync(path.join(twins, `${fixture.name}.policy.md`), path.join(dir, `${fixture.name}.twin.md`));
  }
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The exported measures without where they are (file, line, paragraph differ by design). */
async function measures(file: string): Promise<Array<Record<string, unknown>>> {
  const run = await cli(['export', '-f', 'json', file], dir);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as { measures: Array<Record<string, unknown>> }).measures.map(({ file: _file, line: _line, paragraph: _paragraph, excerpt: _excerpt, ...rest }) => rest);
}

describe('import .docx', () => {
  for (const fixture of DOCX_FIXTURES) {
    describe(fixture.name, () => {
      it('imports to a draft with the same measures, owners and deadlines as its Markdown twin', async () => {
        const run = await cli(['import', `${fixture.name}.docx`], dir);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stderr, new RegExp(`wrote ${fixture.name}\\.policy\\.md`, 'u'));
        const twin = await measures(`${fixture.name}.twin.md`);
        assert.ok(twin.length >= 5, `the twin has measures (${twin.length})`);
        assert.ok(twin.every((row) => row.owner !== null || (row.missing as string[]).includes('owner')));
        assert.deepEqual(await measures(`${fixture.name}.policy.md`), twin);
      });

      it('exports the .docx directly as its import, each row with its Word paragraph', async () => {
        const direct = await measures(`${fixture.name}.docx`);
        assert.deepEqual(direct, await measures(`${fixture.name}.twin.md`));
        const run = await cli(['export', '-f', 'json', `${fixture.name}.docx`], dir);
        const rows = (JSON.parse(run.stdout) as { measures: Array<{ paragraph?: number; excerpt?: string; text: string }> }).measures;
        for (const row of rows) {
          assert.ok(typeof row.paragraph === 'number' && row.paragraph > 0, `paragraph of ${row.text}`);
          assert.ok(typeof row.excerpt === 'string' && row.excerpt.length > 0);
        }
      });

      it('maps every line of text to the Word paragraph it came from', async () => {
        const imported = await convertDocx(built.get(fixture.name) as Buffer);
        checkLineMap(imported);
      });
    });
  }

  it('keeps numbering, headings, tables, both scripts and the notice as Word shows them', async () => {
    const { markdown } = await convertDocx(built.get('notice-five-nets') as Buffer);
    const lines = markdown.split('\n');
    const has = (line: string) => assert.ok(lines.includes(line), `missing line: ${line}\n---\n${markdown}`);
    // Front matter from the document properties, no schema (chosen automatically).
    assert.ok(markdown.startsWith('---\ntitle: "武汉市织牢织密“五张网”实施方案"\ndate: 2020-07-15\n---\n'), markdown.slice(0, 120));
    assert.doesNotMatch(markdown, /^schema:/mu);
    // Red-letter header, 文号, cover letter and signature stay plain paragraphs.
    has('**武汉市人民政府办公厅文件**');
    has('武政办〔2020〕12号');
    has('武汉市人民政府办公厅');
    has('2020年7月15日');
    has('# 市人民政府办公厅关于印发武汉市织牢织密“五张网”实施方案的通知');
    has('# 武汉市织牢织密“五张网”实施方案');
    // Automatic numbering: 一、 headings, 1. measures, （1） sub-items, continuing after them.
    has('## 一、织密城市应急处置网');
    has('## 二、织密公共卫生防护网');
    has('## 四、保障措施');
    has('（1）完成市级平台主体建设');
    has('（2）完成区级平台联调');
    assert.match(markdown, /^3\. 开展综合应急演练20次/mu);
    assert.match(markdown, /## 二、织密公共卫生防护网\n\n1\. 推进市、区院前急救中心建设/u);
    // Merged cells: the owner merged down repeats; the note merged across keeps its first column.
    has('| 2 | 新增发热门诊30个，实现二级以上医院全覆盖 | 市卫健委 | 2020年10月底前 |');
    has('| 3 | 建设发热门诊信息平台<br>接入全部定点医院 | 市卫健委 | 2021年6月底前 |');
    has('| 说明：以上任务按季度调度 | | | |');
    // Traditional script and full-width punctuation, exactly.
    has('## 三、織密城市精細管理網');
    has('1. 盡快編制全市「產業地圖」，明確13個區產業定位（牽頭單位：市發改委；完成時限：2020年12月底前）');
    assert.doesNotMatch(markdown, /[\uFDD0-\uFDEF]/u, 'no marker left');
  });

  it('places Word heading styles under the title and keeps typed numbers and full-width Latin', async () => {
    const { markdown } = await convertDocx(built.get('tasks-heading-styles') as Buffer);
    for (const line of [
      '## 一、提升政务服务效能',
      '### （一）推进“一网通办”',
      '2. 建设Ｗｉ－Ｆｉ全覆盖的政务服务大厅20个（牵头单位：市政务服务局；完成时限：2021年9月底前）',
      '1、压缩企业开办时间至1个工作日（牵头单位：市市场监管局；完成时限：2021年6月底前）',
      '① 开展营商环境评价，评价结果向社会公布（牵头单位：市发改委；完成时限：2021年第四季度）',
      '三、建立督办台账，每季度通报进展情况（牵头单位：市政府督查室；完成时限：长期坚持）',
    ]) {
      assert.ok(markdown.split('\n').includes(line), `missing line: ${line}\n---\n${markdown}`);
    }
  });
});

/** Each line with text holds its paragraph's text (a table row: one of its cells'). */
function checkLineMap(imported: ImportedDraft): void {
  const lines = imported.markdown.split('\n');
  assert.equal(imported.paragraphOfLine.length, lines.length);
  let inFrontmatter = lines[0] === '---';
  lines.forEach((line, index) => {
    const number = imported.paragraphOfLine[index];
    assert.ok(number >= 1 && number <= imported.paragraphs.length, `line ${index + 1} has a paragraph`);
    if (inFrontmatter) {
      if (index > 0 && line === '---') inFrontmatter = false;
      return;
    }
    if (line.trim() === '' || /^\|[\s|:-]+\|$/u.test(line)) return;
    const paragraph = imported.paragraphs[number - 1];
    assert.ok(paragraph.text.length > 0 && line.includes(paragraph.text.slice(0, 8)), `line ${index + 1} "${line}" is from ¶${number} "${paragraph.text}"`);
  });
}

describe('lint .docx', () => {
  it('points each problem at its Word paragraph and first words', async () => {
    const run = await cli(['lint', 'notice-five-nets.docx'], dir);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^notice-five-nets\.docx$/mu);
    assert.match(run.stdout, /^ {2}¶13 “（1）完成市级平台主体建设” +error +措施缺少责任单位/mu);
    const json = await cli(['lint', '-f', 'json', 'notice-five-nets.docx'], dir);
    const diagnostics = (JSON.parse(json.stdout) as { files: Array<{ diagnostics: Array<{ rule: string; paragraph?: number; excerpt?: string; fix: unknown }> }> }).files[0].diagnostics;
    const owner = diagnostics.find((diagnostic) => diagnostic.rule === 'missing-owner');
    assert.equal(owner?.paragraph, 13);
    assert.equal(owner?.excerpt, '（1）完成市级平台主体建设');
    assert.ok(diagnostics.every((diagnostic) => diagnostic.paragraph !== undefined && diagnostic.fix === null));
    const github = await cli(['lint', '-f', 'github', 'notice-five-nets.docx'], dir);
    assert.match(github.stdout, /::¶13 “（1）完成市级平台主体建设”: 措施缺少责任单位/u);
  });

  it('finds the same problems in the .docx as in its import, Markdown drafts beside it unchanged', async () => {
    const json = async (file: string) =>
      (JSON.parse((await cli(['lint', '-f', 'json', file], dir)).stdout) as { files: Array<{ diagnostics: Array<{ rule: string; message: string }> }> }).files[0].diagnostics.map(
        (diagnostic) => `${diagnostic.rule} ${diagnostic.message}`,
      );
    await cli(['import', '--force', 'tasks-heading-styles.docx'], dir);
    assert.deepEqual(await json('tasks-heading-styles.docx'), await json('tasks-heading-styles.policy.md'));
  });

  it('refuses --fix on a Word document with one line, writing nothing', async () => {
    const before = fs.readFileSync(path.join(dir, 'notice-five-nets.docx'));
    assertOneLineError(await cli(['lint', '--fix', 'notice-five-nets.docx'], dir), /--fix cannot change a Word document \(notice-five-nets\.docx\): import it first/u);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'notice-five-nets.docx')), before);
  });

  it('reports a .docx, its problems and measures at their Word paragraphs', async () => {
    const run = await cli(['report', '-f', 'markdown', 'notice-five-nets.docx'], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /\| \[notice-five-nets\.docx:¶13\]\(notice-five-nets\.docx\) \| 错误 \| 措施缺少责任单位/u);
    assert.match(run.stdout, /\| \[notice-five-nets\.docx:¶11\]\(notice-five-nets\.docx\) \| 城市应急处置网 \| 建设市级应急物资储备库3个/u);
    assert.doesNotMatch(run.stdout, /notice-five-nets\.docx#L/u, 'no line anchors into a Word document');
    const json = JSON.parse((await cli(['report', '-f', 'json', 'notice-five-nets.docx'], dir)).stdout) as { tasks: Array<{ text: string; paragraph?: number }> };
    assert.equal(json.tasks.find((task) => task.text.startsWith('建设市级应急物资储备库'))?.paragraph, 11);
  });
});

describe('import: bad input and outputs', () => {
  const write = (name: string, bytes: Uint8Array | string) => {
    fs.writeFileSync(path.join(dir, name), bytes);
    return name;
  };

  /** An OLE compound file header, as Word writes a .doc or an encrypted .docx. */
  const compound = (encrypted: boolean) => {
    const bytes = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
    Buffer.from(encrypted ? 'EncryptionInfo' : 'WordDocument', 'utf16le').copy(bytes, 1024);
    return bytes;
  };

  const zipOf = async (files: Record<string, string>) => {
    const zip = new JSZip();
    for (const [name, text] of Object.entries(files)) zip.file(name, text);
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  };

  const cases: Array<[string, () => Promise<Uint8Array | string> | Uint8Array | string, RegExp]> = [
    ['password-protected', () => compound(true), /password-protected: remove the password/u],
    ['old .doc renamed', () => compound(false), /old Word 97-2003 document \(\.doc\)/u],
    ['a text file renamed', () => '# 草稿\n', /not a Word document \(\.docx files are zip packages\)/u],
    ['empty', () => '', /file is empty/u],
    ['a cut-off zip', () => (built.get('notice-five-nets') as Buffer).subarray(0, 2000), /corrupt Word document/u],
    ['an Excel workbook', () => zipOf({ 'xl/workbook.xml': '<workbook/>', '[Content_Types].xml': '<Types/>' }), /not a Word document: the package has no word\/document\.xml \(an Excel workbook\?\)/u],
    ['malformed XML', () => zipOf({ 'word/document.xml': '<w:document><w:body><w:p>' }), /corrupt Word document \(word\/document\.xml/u],
  ];
  for (const [name, bytes, pattern] of cases) {
    it(`${name}: one line, exit 2, for import and lint`, async () => {
      const file = write(`${name.replace(/\W+/gu, '-')}.docx`, await bytes());
      assertOneLineError(await cli(['import', '-o', '-', file], dir), pattern);
      const lint = await cli(['lint', file], dir);
      assert.equal(lint.code, 2);
      assert.match(lint.stderr, new RegExp(`^fivenets: ${file.replace(/\./gu, '\\.')}: .*${pattern.source}`, 'mu'));
    });
  }

  it('refuses a zip bomb: a part that inflates past the limit', async function () {
    this.timeout(30_000);
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(65 * 1024 * 1024, 0x20));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    assert.ok(bytes.length < 1024 * 1024, 'small on disk');
    assertOneLineError(await cli(['import', '-o', '-', write('bomb.docx', bytes)], dir), /too large once unpacked: word\/document\.xml passes 67108864 bytes/u);
  });

  it('refuses a FIFO and a folder without blocking', async () => {
    const fifo = path.join(dir, 'pipe.docx');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [fifo]);
    assertOneLineError(await cli(['import', 'pipe.docx'], dir), /not a regular file/u);
    fs.mkdirSync(path.join(dir, 'folder.docx'));
    assertOneLineError(await cli(['import', 'folder.docx'], dir), /is a directory/u);
  });

  it('keeps an existing draft unless --force, never writes through a link, and writes to stdout with -o -', async () => {
    const output = path.join(dir, 'kept.policy.md');
    fs.writeFileSync(output, 'my edits\n');
    assertOneLineError(await cli(['import', '-o', 'kept.policy.md', 'notice-five-nets.docx'], dir), /kept\.policy\.md exists: not replaced \(use --force/u);
    assert.equal(fs.readFileSync(output, 'utf8'), 'my edits\n');
    fs.symlinkSync('/etc/hostname', path.join(dir, 'link.policy.md'));
    assertOneLineError(await cli(['import', '--force', '-o', 'link.policy.md', 'notice-five-nets.docx'], dir), /link\.policy\.md is a symbolic link/u);
    const forced = await cli(['import', '--force', '-o', 'kept.policy.md', 'notice-five-nets.docx'], dir);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(fs.readFileSync(output, 'utf8'), /^## 一、织密城市应急处置网$/mu);
    assert.deepEqual(
      fs.readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
    const stdout = await cli(['import', '-o', '-', 'tasks-heading-styles.docx'], dir);
    assert.equal(stdout.code, 0);
    assert.match(stdout.stdout, /^### （一）推进“一网通办”$/mu);
  });

  it('needs exactly one document', async () => {
    assertOneLineError(await cli(['import'], dir), /import needs one Word document/u);
  });
});

describe('Word number formats', () => {
  const cases: Array<[string, number, string]> = [
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 11, '十一'],
    ['chineseCounting', 21, '二十一'],
    ['chineseCountingThousand', 105, '一百〇五'],
    ['chineseLegalSimplified', 3, '叁'],
    ['chineseLegalSimplified', 12, '壹拾贰'],
    ['ideographTraditional', 2, '乙'],
    ['decimalEnclosedCircle', 3, '③'],
    ['decimalFullWidth', 12, '１２'],
    ['upperRoman', 14, 'XIV'],
    ['lowerLetter', 28, 'bb'],
    ['decimal', 204, '204'],
  ];
  for (const [format, value, text] of cases) {
    it(`${format} ${value} is ${text}`, () => assert.equal(formatCounter(value, format), text));
  }
  it('bullets are not numbered', () => assert.equal(formatCounter(1, 'bullet'), null));
});
