/**
 * Neovim's built-in LSP client (Debian's 0.7) runs the server over stdio, headless
 * (test/e2e/nvim/check.lua writes what it saw as JSON). Neovim counts buffer columns in
 * bytes and speaks UTF-16 to the server, so a draft with astral characters (𠮷, 😀) before
 * the flagged text proves the positions: every diagnostic's byte column must hold the
 * text the CLI reports at its UTF-16 range, the hover must find the word under the
 * cursor, and the quick fix must insert its template where the CLI's fix does.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyCliFix, glossaryDefinition, lintJson } from './expected';
import { start, stop, waitForExit } from './processes';
import { ARTIFACTS, REPO, SEED, copyFixture, tempDir, type CliDiagnostic, type LspRange } from './workbench';

const NVIM = process.env.FIVENETS_E2E_NVIM ?? 'nvim';
const CHECK = path.join(__dirname, 'nvim', 'check.lua');

interface NvimResult {
  nvim: string;
  error?: string;
  offsetEncoding?: string;
  diagnostics?: Array<{ code: string; lnum: number; col: number; end_lnum: number; end_col: number; text: string; message: string }>;
  hoverPosition?: { line: number; character: number };
  hover?: string | null;
  codeActions?: string[];
  appliedFix?: string;
  fixedLine?: number;
  fixedText?: string;
}

/** Runs check.lua in a headless nvim on a copy of `draft`. */
async function runNvim(name: string, draft: string, hover: string, fix: string): Promise<{ text: string; report: CliDiagnostic[]; result: NvimResult }> {
  const dir = tempDir(`nvim-${name}`);
  const file = copyFixture(draft, dir);
  const resultFile = path.join(dir, 'result.json');
  const child = start(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${CHECK}`], {
    cwd: dir,
    env: {
      ...process.env,
      FIVENETS_E2E_NODE: process.execPath,
      FIVENETS_E2E_SERVER: path.join(REPO, 'server', 'out', 'server.js'),
      FIVENETS_E2E_DRAFT: file,
      FIVENETS_E2E_HOVER: hover,
      FIVENETS_E2E_FIX: fix,
      FIVENETS_E2E_RESULT: resultFile,
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  try {
    await waitForExit(child, 'nvim', 90_000);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    if (!fs.existsSync(resultFile)) throw new Error(`nvim wrote no result; its output:\n${output}`);
    fs.copyFileSync(resultFile, path.join(ARTIFACTS, `nvim-${name}.json`));
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NvimResult;
    assert.equal(result.error, undefined, `check.lua failed: ${result.error}`);
    // The copy nvim opened, as the CLI sees it (nvim does not write it: the fix stays in the buffer).
    return { text: fs.readFileSync(file, 'utf8'), report: lintJson(file).files[0].diagnostics, result };
  } finally {
    await stop(child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text the CLI's UTF-16 range covers (on its first line). */
function cliText(lines: string[], range: LspRange): string {
  const line = lines[range.start.line] ?? '';
  return range.end.line === range.start.line ? line.slice(range.start.character, range.end.character) : line.slice(range.start.character);
}

describe('Neovim 0.7 built-in LSP client (stdio)', function () {
  this.timeout(120_000);

  before(function () {
    try {
      const version = execFileSync(NVIM, ['--version'], { encoding: 'utf8' }).split('\n')[0];
      if (!/^NVIM v0\.(7|8|9|1\d)/.test(version)) throw new Error(`unexpected ${version}`);
    } catch (error) {
      throw new Error(`Neovim not usable (${String(error)}): run scripts/e2e-setup.sh first`);
    }
    assert.ok(fs.existsSync(path.join(REPO, 'server', 'out', 'server.js')), 'server/out/server.js: run npm run build');
  });

  for (const sample of [
    { name: 'astral', draft: path.join(__dirname, 'fixtures', 'astral.policy.md'), hover: '双报到' },
    { name: 'sample', draft: SEED, hover: '公共卫生总师' },
  ]) {
    it(`${sample.name}: diagnostics at the right columns, a hover and a quick fix`, async () => {
      const { text, report, result } = await runNvim(sample.name, sample.draft, sample.hover, '完成时限');
      const lines = text.split('\n');
      assert.equal(result.offsetEncoding, 'utf-16');

      // Diagnostics: the same set as the CLI, each at a byte column holding the CLI's text.
      const seen = (result.diagnostics ?? []).map((diagnostic) => ({ rule: diagnostic.code, line: diagnostic.lnum, text: diagnostic.text })).sort(compare);
      const expected = report.map((diagnostic) => ({ rule: diagnostic.rule, line: diagnostic.line - 1, text: cliText(lines, diagnostic.range) })).sort(compare);
      assert.deepEqual(seen, expected);
      if (sample.name === 'astral') {
        const vague = result.diagnostics?.find((diagnostic) => diagnostic.code === 'vague-owner');
        assert.equal(vague?.text, '有关部门', 'the byte column after 𠮷😀 points at the vague owner');
        assert.ok(lines[vague.lnum].includes('𠮷😀'));
      }

      // Hover on the glossary word under the cursor.
      assert.ok(result.hover, `no hover at ${JSON.stringify(result.hoverPosition)}`);
      assert.ok(result.hover.includes(glossaryDefinition(sample.hover, 'zh-Hans')), result.hover);

      // The quick fix inserts the CLI's template at the CLI's place.
      const target = report.find((diagnostic) => diagnostic.rule === 'missing-deadline' && diagnostic.fix);
      assert.ok(target?.fix);
      assert.ok(result.appliedFix?.includes('完成时限'), `applied ${result.appliedFix}; offered ${JSON.stringify(result.codeActions)}`);
      assert.equal(result.fixedLine, target.line - 1);
      assert.equal(result.fixedText, applyCliFix(text, target.fix).split('\n')[target.line - 1]);
      assert.ok(result.fixedText?.includes('完成时限：【待填写】'));
    });
  }
});

function compare(a: { rule: string; line: number; text: string }, b: { rule: string; line: number; text: string }): number {
  return a.line - b.line || a.rule.localeCompare(b.rule) || a.text.localeCompare(b.text);
}
