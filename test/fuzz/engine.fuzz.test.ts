/**
 * The engine fuzzer in the test suite: a short seeded run of the properties in harness.ts
 * (no throw, no rule failure, spans inside the document, ranges that match, same output for
 * the same input, fixes that keep every other character, idempotent fix-all), the same
 * properties on every corpus file as written, and the bugs the fuzzer found, as
 * regression tests. Longer runs: `npm run fuzz` (scripts/fuzz.ts); see docs/reliability.md.
 */
import * as assert from 'node:assert/strict';
import { IncrementalLinter, fixAll, lint, lintDiagnostics } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { MAX_NESTING, limitNesting } from '../../server/src/engine/parse/nesting';
import { parseMarkdown } from '../../server/src/engine/parse/markdown';
import { parseSliced } from '../../server/src/engine/parse/tables';

interface TreeNode {
  type: string;
  value?: unknown;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: TreeNode[];
}
import type { LintDiagnostic } from '../../server/src/engine';
import { Checker, checkText, corpus, runFuzz, type FuzzFailure } from './harness';
import { generateDraft, inputSeed, makeInput, mulberry32 } from './generate';

const SEED = 20200715;
const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };

function report(failures: FuzzFailure[]): string {
  const first = new Map<number, FuzzFailure>();
  for (const failure of failures) if (!first.has(failure.index)) first.set(failure.index, failure);
  return [...first.values()]
    .slice(0, 5)
    .map((failure) => `input ${failure.index} (${failure.origin}): ${failure.kind}: ${failure.detail}\n  replay: npx tsx scripts/fuzz.ts --seed ${failure.seed} --input ${failure.index} --minimize`)
    .join('\n');
}

describe('engine fuzzing', () => {
  it('generates the same inputs for the same seed', () => {
    const entries = corpus();
    for (const index of [0, 1, 17]) {
      const a = makeInput(mulberry32(inputSeed(SEED, index)), entries);
      const b = makeInput(mulberry32(inputSeed(SEED, index)), entries);
      assert.deepEqual(a, b);
    }
    assert.notEqual(generateDraft(mulberry32(1)), generateDraft(mulberry32(2)));
  });

  it('keeps every property on every corpus file as written (seeds, golden fixtures)', function () {
    this.timeout(120_000);
    const failures: string[] = [];
    for (const entry of corpus()) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const result = checkText(entry.text, { locale, documentDate: '2020-07-01' });
        for (const failure of result.failures) failures.push(`${entry.name} (${locale}): ${failure.kind}: ${failure.detail}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  // A fixed number of seeded inputs and no time limit: the same inputs are checked on any
  // machine (about 30 s on two busy cores; the timeout is room, not a claim).
  const RANDOM_DRAFTS = 200;
  it(`keeps every property on ${RANDOM_DRAFTS} random drafts (seed ${SEED})`, function () {
    this.timeout(600_000);
    const summary = runFuzz({ seed: SEED, runs: RANDOM_DRAFTS, timeLimitMs: Number.POSITIVE_INFINITY });
    assert.equal(summary.crashes, 0, report(summary.failures));
    assert.deepEqual(
      summary.failures.map((failure) => `${failure.index}: ${failure.kind}`),
      [],
      report(summary.failures),
    );
    assert.equal(summary.stoppedBy, 'runs');
    assert.equal(summary.inputs, RANDOM_DRAFTS);
    assert.ok(summary.operations > summary.inputs * 5);
  });

  it('catches broken diagnostics and fixes (the checks can fail)', () => {
    const text = '## 公共卫生防护网\n\n1. 建设𠮷站\n';
    const good = lint(text, options).diagnostics.find((diagnostic) => diagnostic.rule === 'missing-owner');
    assert.ok(good?.fix);
    const kinds = (diagnostics: LintDiagnostic[]) => {
      const checker = new Checker(options);
      checker.diagnostics(text, diagnostics);
      for (const diagnostic of diagnostics) if (diagnostic.fix) checker.fixAlone(text, diagnostic, diagnostic.fix, 'fix');
      return checker.failures.map((failure) => failure.kind);
    };
    assert.deepEqual(kinds([good]), []);
    const astral = text.indexOf('𠮷');
    assert.deepEqual(kinds([{ ...good, range: { ...good.range, start: { line: 0, character: 0 } } }]), ['range-mismatch']);
    assert.deepEqual(kinds([{ ...good, span: { start: 0, end: text.length + 1 }, fix: null }]), ['span-out-of-bounds']);
    assert.deepEqual(kinds([{ ...good, fix: { title: 'split', edits: [{ span: { start: astral + 1, end: astral + 1 }, newText: 'x' }] } }]), ['span-splits-surrogate']);
    assert.deepEqual(kinds([{ ...good, fix: { title: 'eat', edits: [{ span: { start: 0, end: 2 }, newText: '' }] } }]), ['fix-deletes-outside-span']);
    assert.deepEqual(
      kinds([
        {
          ...good,
          fix: {
            title: 'twice',
            edits: [
              { span: { start: 3, end: 3 }, newText: 'a' },
              { span: { start: 3, end: 3 }, newText: 'b' },
            ],
          },
        },
      ]),
      ['edits-overlap'],
    );
    assert.deepEqual(kinds([{ ...good, rule: 'internal-error' }]), ['internal-error']);
  });
});

describe('engine bugs found by fuzzing', () => {
  it('a CR-only draft: the missing-field fix inserts one line, not a copy of the draft', () => {
    // The insertion prefix was read back to the previous \n, which a CR-only file does not
    // have: every pass pasted the whole draft again (2^10 copies after fix-all).
    const text = '## 公共卫生防护网\r\r1. 建设急救站20个\r   - 牵头单位：市卫健委\r';
    const deadline = lint(text, options).diagnostics.find((diagnostic) => diagnostic.rule === 'missing-deadline');
    assert.deepEqual(deadline?.fix?.edits, [{ span: { start: 38, end: 38 }, newText: '\r   - 完成时限：【待填写】' }]);
    const fixed = fixAll(text, options).text;
    assert.equal(fixed, '## 公共卫生防护网\r\r1. 建设急救站20个\r   - 牵头单位：市卫健委\r   - 完成时限：【待填写】\r');
    assert.equal(fixAll(fixed, options).text, fixed);
  });

  it('a CR-only draft: field lines are inserted with \\r, not \\n', () => {
    const text = '## 公共卫生防护网\r\r1. 建设急救站20个\r牵头单位：市卫健委\r';
    assert.equal(fixAll(text, options).text, '## 公共卫生防护网\r\r1. 建设急救站20个\r牵头单位：市卫健委\r完成时限：【待填写】\r');
  });

  it('a draft that starts with a BOM: spans point at the right characters', () => {
    // micromark skips a leading U+FEFF and counted offsets from after it: every span of the
    // first section was one character early.
    const text = '\uFEFF## 公共卫生防护网\n\n1. 建设急救站（牵头单位：有关部门；完成时限：2020年底前）\n';
    const result = lint(text, options);
    const net = result.model.nets[0];
    assert.equal(text.slice(net.nameSpan.start, net.nameSpan.end), '公共卫生防护网');
    const vague = result.diagnostics.find((diagnostic) => diagnostic.rule === 'vague-owner');
    assert.equal(vague && text.slice(vague.span.start, vague.span.end), '有关部门');
    const measure = net.measures[0];
    assert.equal(text.slice(measure.textSpan.start, measure.textSpan.end), '建设急救站');
  });

  it('a stray <!-- in a paragraph does not hide the headings after it', () => {
    // The model blanked every <!-- … --> match of the raw text, so a heading between a stray
    // "<!--" (plain text to Markdown) and a later "-->" vanished, and a section-by-section
    // lint disagreed with a whole-document one.
    const text = '法<!--\n\n# 公共卫生防控网\n-->';
    const result = lint(text, options);
    assert.deepEqual(
      result.model.unknownNets.map((heading) => heading.name),
      ['公共卫生防控网'],
    );
    assert.deepEqual(new IncrementalLinter(options, false).update(text).diagnostics, result.diagnostics);
  });

  it('a BOM before front matter: sections split like the parser reads the draft', () => {
    // The splitter did not see "\uFEFF---" as front matter (micromark does), split inside it,
    // and the sections parsed differently from the whole draft.
    const text = '\uFEFF---\n\n# 基层社会治理网\n1. 5.';
    assert.deepEqual(lint(text, options).diagnostics, new IncrementalLinter(options, false).update(text).diagnostics);
  });

  it('a comment in a later section: its rules see the comment where the section text has it', () => {
    // A section's rules run on its own text before its spans are moved (a cold lint); the
    // comment's span was shared with the code spans and had already moved with the section's
    // head, so the encoding-artifact after it was no longer known to be outside code.
    const text = '\n#\n個<!-->(ǎ)';
    const split = lintDiagnostics(text, options).diagnostics;
    assert.ok(split.some((diagnostic) => diagnostic.rule === 'encoding-artifact'));
    assert.deepEqual(split, new IncrementalLinter(options, false).update(text).diagnostics);
  });

  it('an astral character inside an HTML comment does not shift the spans after it', () => {
    // Comments were blanked one space per code point (/u), so the two units of 😀 became one
    // space and every later offset of the section moved one character left.
    const text = '## 公共卫生防护网\n\n1. 建设<!--😀-->急救站（牵头单位：有关部门）\n';
    const result = lint(text, options);
    const measure = result.model.nets[0].measures[0];
    assert.equal(measure.text.length, measure.textSpan.end - measure.textSpan.start);
    const vague = result.diagnostics.find((diagnostic) => diagnostic.rule === 'vague-owner');
    assert.equal(vague && text.slice(vague.span.start, vague.span.end), '有关部门');
  });

  it('a character whose lower case is longer (İ) does not shift net names or vague owners', () => {
    // 'İ'.toLowerCase() is two UTF-16 units: indexes found in the lowered text were offsets
    // into a longer string.
    const text = '## İİ Public Health Protection Net\n\n1. Build 20 stations (Owner: İİ relevant departments; Deadline: 2020-12-31)\n';
    const result = lint(text, options);
    const net = result.model.nets[0];
    assert.equal(text.slice(net.nameSpan.start, net.nameSpan.end), 'Public Health Protection Net');
    const vague = result.diagnostics.find((diagnostic) => diagnostic.rule === 'vague-owner');
    assert.equal(vague && text.slice(vague.span.start, vague.span.end), 'relevant departments');
  });

  it('a front matter YAML warning is not printed on stderr', () => {
    // yaml's parse() reported an ambiguous alias with process.emitWarning: a stray line on the
    // CLI's stderr and in the language server's log for every lint of the draft.
    const result = checkText('---\n*itle: x\n---\n## 公共卫生防护网\n\n1. 建设急救站20个\n', { locale: 'en', documentDate: null });
    assert.deepEqual(result.failures, []);
  });

  it('a draft that opens with an unclosed --- still has its lists (micromark-extension-frontmatter#5)', () => {
    // After a failed front matter attempt the parser recognised no list or block quote in the
    // whole draft: every list measure vanished while front matter was being typed.
    const text = '---\ntitle: 实施方案\n\n## 公共卫生防护网\n\n- 建设急救站20个（完成时限：2020年底前）\n';
    const result = lint(text, options);
    assert.equal(result.model.nets[0]?.measures[0]?.shape, 'list');
    assert.ok(result.diagnostics.some((diagnostic) => diagnostic.rule === 'missing-owner'));
    // `...` does not close YAML front matter for the parser, so the sections must not split there.
    const dots = '---\n...\n\n#\n- Responsible:';
    assert.deepEqual(lint(dots, options).diagnostics, new IncrementalLinter(options, false).update(dots).diagnostics);
  });

  it('150,000 diagnostics in one section do not overflow the stack', function () {
    this.timeout(60_000);
    // pending.push(...items) throws RangeError past ~120,000 items.
    const text = `## 公共卫生防护网\n\n${'XX '.repeat(150_000)}\n`;
    const diagnostics = lint(text, options).diagnostics.filter((diagnostic) => diagnostic.rule === 'unfilled-placeholder');
    assert.equal(diagnostics.length, 150_000);
  });

  it('a long table parsed a slice of rows at a time gives the tree of a whole parse', function () {
    this.timeout(60_000);
    // A 100,000-row table took 3 GB and minutes in one micromark pass; slices of 2,000 rows
    // keep memory flat. Here slices of 2 rows, on tables full of noise, must change nothing.
    const shape = (node: TreeNode): unknown => ({ type: node.type, start: node.position?.start.offset, end: node.position?.end.offset, value: node.value, children: node.children?.map(shape) });
    const random = mulberry32(7);
    const cells = ['市卫健委', '', '`a|b`', 'a \\| b', '**粗**', '<!-- c -->', '𠮷', '2020年底前', '尽快', ' ', '|', '\\'];
    let sliced = 0;
    for (let i = 0; i < 120; i++) {
      const eol = ['\n', '\r\n', '\r'][i % 3];
      const columns = 2 + (i % 4);
      const row = () => `|${Array.from({ length: columns + (random() < 0.1 ? 1 : 0) }, () => ` ${cells[Math.floor(random() * cells.length)]} `).join('|')}|`;
      const table = [`|${' 任务 |'.repeat(columns)}`, `|${' --- |'.repeat(columns)}`, ...Array.from({ length: 5 + Math.floor(random() * 12) }, row)].join(eol);
      const draft = generateDraft(mulberry32(i)).replace(/\r\n?/gu, '\n').split('\n\n');
      draft.splice(Math.floor(random() * (draft.length + 1)), 0, table, random() < 0.5 ? `${row()}${eol}lazy` : '');
      const text = draft.join(`${eol}${eol}`);
      const whole = parseMarkdown(text, Number.MAX_SAFE_INTEGER);
      const parts = parseSliced(limitNesting(text), (part) => parseMarkdown(part, Number.MAX_SAFE_INTEGER), 2);
      if (parts !== null) sliced++;
      assert.deepEqual(shape(parseMarkdown(text, 2)), shape(whole), `draft ${i}`);
    }
    assert.ok(sliced > 40, `only ${sliced} drafts were sliced`);
  });

  it('caps block nesting at MAX_NESTING without moving any offset', () => {
    const deep = `${'> '.repeat(200)}正文\n${'- '.repeat(200)}正文\n${'1. '.repeat(100)}正文\n`;
    const limited = limitNesting(deep);
    assert.equal(limited.length, deep.length);
    const [quotes, bullets, numbers] = limited.split('\n');
    assert.equal((quotes.match(/>/gu) ?? []).length, MAX_NESTING);
    assert.equal((bullets.match(/-/gu) ?? []).length, MAX_NESTING);
    assert.equal((numbers.match(/1\./gu) ?? []).length, MAX_NESTING);
    assert.ok(quotes.endsWith('正文') && bullets.endsWith('正文') && numbers.endsWith('正文'));
    // Real drafts are left alone, thematic breaks are not list markers.
    for (const entry of corpus()) assert.equal(limitNesting(entry.text), entry.text, entry.name);
    const rule = `${'* '.repeat(100)}\n`;
    assert.equal(limitNesting(rule), rule);
  });
});
