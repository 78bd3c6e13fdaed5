/**
 * The incremental linter (sections cached by text and context) must give exactly what a
 * whole-document parse gives, after every edit of a random edit sequence.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter, LineIndex } from '../../server/src/engine';
import type { LintResult } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { diffTexts, resplitSections, splitSections } from '../../server/src/engine/parse/sections';
import { prng } from '../../bench/generate';
import { PieceText, type Replacement } from '../../server/src/engine/text-source';

const root = path.resolve(__dirname, '../..');
const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };

const PIECES = [
  '\n',
  '\n\n',
  '# ',
  '## ',
  '### ',
  '\n## 公共卫生防护网\n',
  '\n## 城市應急處置網\n\n',
  '- ',
  '1. ',
  '204.',
  '（一）',
  '一是',
  '责任单位：',
  '牵头单位：',
  '完成时限：',
  '2021年底前',
  '尽快',
  '有关部门',
  '（',
  '）',
  '(',
  ')',
  '；',
  '：',
  '|',
  '\n| 任务 | 牵头单位 |\n| --- | --- |\n| 建设 | 市卫健委 |\n',
  '```\n',
  '~~~',
  '<!--',
  '-->',
  '<!-- fivenets-disable-next-line missing-owner -->\n',
  '---\n',
  '𠮷',
  '😀',
  '\r\n',
  '>',
  '   - ',
  '【待填写】',
  '会(huì)',
  '95%',
  'x',
];

function comparable(result: LintResult) {
  const model = result.model;
  return {
    diagnostics: result.diagnostics,
    nets: model.nets.map((net) => ({ ...net })),
    orphans: model.orphanMeasures,
    unknownNets: model.unknownNets,
    meta: model.meta,
    script: model.script,
  };
}

/** A random replacement of `text`: a cut of up to 12 characters, or one of PIECES inserted (or put in place of a cut). */
function replacement(text: string, random: () => number): Replacement {
  const at = Math.floor(random() * (text.length + 1));
  const cut = random() < 0.35 && text.length > 0 ? 1 + Math.floor(random() * 12) : 0;
  const insert = cut === 0 || random() < 0.3 ? PIECES[Math.floor(random() * PIECES.length)] : '';
  return { start: at, end: Math.min(text.length, at + cut), text: insert };
}

function applied(text: string, { start, end, text: insert }: Replacement): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function edit(text: string, random: () => number): string {
  return applied(text, replacement(text, random));
}

describe('incremental linting', () => {
  const drafts = [
    path.join(root, 'seeds/wuhan-five-nets.policy.md'),
    path.join(root, 'test/cli/english/plan.md'),
    path.join(root, 'test/rules/missing-owner/sublist-table.md'),
    path.join(root, 'test/rules/missing-deadline/crlf.md'),
  ];

  it('splits the sample into sections at top-level headings', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const starts = splitSections(text);
    assert.ok(starts.length >= 8, `sections: ${starts.length}`);
    for (const start of starts.slice(1)) assert.match(text.slice(start, start + 3), /^#/u);
  });

  it('does not split inside front matter, code fences or HTML comments', () => {
    const text = '---\n# not a heading\n---\n\n```\n\n# in code\n```\n\n<!--\n\n# in a comment\n-->\n\n# real\n';
    const starts = splitSections(text);
    assert.deepEqual(
      starts.map((start) => text.slice(start, start + 6)),
      ['---\n# ', '# real'],
    );
  });

  drafts.forEach((file, fileIndex) => {
    it(`equals a full re-lint after every edit of a random sequence (${path.basename(file)})`, function () {
      this.timeout(120_000);
      const seed = 1000 + fileIndex;
      const random = prng(seed);
      let text = fs.readFileSync(file, 'utf8');
      const incremental = new IncrementalLinter(options);
      let starts = splitSections(text);
      let lines = new LineIndex(text);
      for (let step = 0; step < 150; step++) {
        const before = text;
        text = edit(text, random);
        const result = incremental.update(text);
        const reference = new IncrementalLinter(options, false).update(text);
        const where = `seed ${seed}, step ${step}, text:\n${JSON.stringify(text)}`;
        // Sections are moved into place when the model is read: read it only after some
        // edits (as the language server does), so sections moved by several edits are checked too.
        if (step % 5 === 4 || step === 149) assert.deepEqual(comparable(result), comparable(reference), where);
        else assert.deepEqual(result.diagnostics, reference.diagnostics, where);
        // The groups are the diagnostics, in order (their spans relative to the group's start).
        assert.deepEqual(
          result.groups.flatMap((group) => group.items.map((item) => [item.rule, item.span.start + group.start, item.span.end + group.start])),
          result.diagnostics.map((d) => [d.rule, d.span.start, d.span.end]),
          where,
        );
        // The split and the line index, patched from the previous version, equal fresh ones.
        const change = diffTexts(before, text);
        starts = resplitSections(text, starts, change);
        assert.deepEqual(starts, splitSections(text), where);
        lines = LineIndex.edited(lines, text, change);
        const fresh = new LineIndex(text);
        assert.equal(lines.lineCount, fresh.lineCount, where);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.lineStart(line), fresh.lineStart(line), where);
      }
    });
  });

  drafts.forEach((file, fileIndex) => {
    it(`lints edits given as replacements (no whole text) as a full re-lint of the text (${path.basename(file)})`, function () {
      this.timeout(120_000);
      const seed = 2000 + fileIndex;
      const random = prng(seed);
      let text = fs.readFileSync(file, 'utf8');
      const incremental = new IncrementalLinter(options);
      incremental.update(text);
      for (let step = 0; step < 150; step++) {
        // One to three replacements per version, each in the offsets of the text before it
        // (as an editor sends them); now and then a whole text instead, as a client without
        // the edit log (or a full sync) gives.
        const edits: Replacement[] = [];
        const count = random() < 0.1 ? 0 : 1 + Math.floor(random() * 3);
        for (let index = 0; index < count; index++) {
          const next = replacement(text, random);
          edits.push(next);
          text = applied(text, next);
        }
        const whole = random() < 0.1;
        const result = whole ? incremental.update(text) : incremental.edit(edits);
        const reference = new IncrementalLinter(options, false).update(text);
        const where = `seed ${seed}, step ${step}, text:\n${JSON.stringify(text)}`;
        assert.equal(String(result.text), text, where);
        assert.equal(result.text instanceof PieceText, !whole, where);
        if (step % 5 === 4 || step === 149) assert.deepEqual(comparable(result), comparable(reference), where);
        else assert.deepEqual(result.diagnostics, reference.diagnostics, where);
        const fresh = new LineIndex(text);
        assert.equal(result.lines.lineCount, fresh.lineCount, where);
        for (let line = 0; line < fresh.lineCount; line++) assert.equal(result.lines.lineStart(line), fresh.lineStart(line), where);
      }
    });
  });

  it('edits need a version to edit; offsets past the text are clamped to it', () => {
    assert.throws(() => new IncrementalLinter(options).edit([{ start: 0, end: 0, text: 'x' }]), /update first/u);
    const incremental = new IncrementalLinter(options);
    incremental.update('# a\n');
    const result = incremental.edit([{ start: 99, end: 120, text: '\n## 公共卫生防护网\n' }]);
    assert.equal(String(result.text), '# a\n\n## 公共卫生防护网\n');
    assert.deepEqual(comparable(result), comparable(new IncrementalLinter(options, false).update('# a\n\n## 公共卫生防护网\n')));
  });

  it('finds the changed region and patches splits and lines at the edges (CR, LF, CRLF, start and end of text)', () => {
    const texts = ['', 'a', '\r', '\n', '\r\n', '# a\n\n# b\r\n\r\n## c\r# d', '\n\n# x\n\n```\n# y\n```\n\n# z'];
    const random = prng(99);
    for (const start of texts) {
      let text = start;
      let starts = splitSections(text);
      let lines = new LineIndex(text);
      for (let step = 0; step < 300; step++) {
        const before = text;
        const at = Math.floor(random() * (text.length + 1));
        const cut = Math.min(text.length - at, Math.floor(random() * 3));
        const piece = ['', '\r', '\n', '\r\n', '#', '# ', '```', 'x'][Math.floor(random() * 8)];
        text = text.slice(0, at) + piece + text.slice(at + cut);
        const change = diffTexts(before, text);
        assert.equal(before.slice(0, change.start) + text.slice(change.start, change.newEnd) + before.slice(change.oldEnd), text);
        starts = resplitSections(text, starts, change);
        assert.deepEqual(starts, splitSections(text), JSON.stringify(text));
        lines = LineIndex.edited(lines, text, change);
        const fresh = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(lines.positionAt(offset), fresh.positionAt(offset), JSON.stringify(text));
        assert.equal(lines.lineCount, fresh.lineCount);
      }
    }
  });

  it('does not reuse the first section (which reads the front matter) at another place', () => {
    const undated = { schema: options.schema, locale: 'en' as const };
    const incremental = new IncrementalLinter(undated);
    const text = '---\ntitle: x\n---\n\n## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委）\n';
    incremental.update(text);
    for (const next of [`# 前言\n\n${text}`, text, `\n\n${text}`]) {
      assert.deepEqual(comparable(incremental.update(next)), comparable(new IncrementalLinter(undated, false).update(next)), JSON.stringify(next));
    }
  });

  it('reuses unchanged sections (an edit costs its own section)', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const incremental = new IncrementalLinter(options);
    const before = incremental.update(text);
    const beforeHealth = before.model.nets.find((net) => net.netId === 'public-health')?.measures[0];
    const beforeStart = beforeHealth?.span.start ?? -1;
    const at = text.indexOf('推进应急避难场所建设');
    const after = incremental.update(`${text.slice(0, at)}X${text.slice(at)}`);
    // The public-health net comes after the edit: its measures are the cached objects, moved by one.
    const afterHealth = after.model.nets.find((net) => net.netId === 'public-health')?.measures[0];
    assert.equal(afterHealth, beforeHealth, 'the same object, not a rebuilt one');
    assert.equal(afterHealth?.span.start, beforeStart + 1);
  });

  it('builds diagnostics on first read from a getter shared by every result, not one per version', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const incremental = new IncrementalLinter(options);
    const first = incremental.update(text);
    const second = incremental.update(`${text}\n`);
    // An accessor of each result's own is allocated in V8's old generation: a dead result then
    // kept its text alive through young collections (docs/performance.md, the 1 M per-edit path).
    assert.equal(Object.getOwnPropertyDescriptor(first, 'diagnostics'), undefined);
    assert.equal(Object.getPrototypeOf(first), Object.getPrototypeOf(second));
    assert.equal(second.diagnostics, second.diagnostics, 'built once');
    assert.deepEqual(comparable(second), comparable(new IncrementalLinter(options, false).update(`${text}\n`)));
  });

  it('the model and outline keep their lazy lists behind accessors shared by every version', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const incremental = new IncrementalLinter(options);
    const first = incremental.update(text).model;
    const second = incremental.update(`${text}\n`).model;
    // The same reason as the result's getter: an accessor that closed over one version's model
    // kept its fragments and measures alive through young collections after the next edit.
    for (const key of ['nets', 'orphanMeasures', 'codeSpans', 'textSpans']) {
      const [a, b] = [first, second].map((model) => Object.getOwnPropertyDescriptor(model, key));
      const getter = (descriptor: PropertyDescriptor | undefined): unknown => (descriptor ? Reflect.get(descriptor, 'get') : undefined);
      assert.ok(a?.enumerable && typeof getter(a) === 'function', key);
      assert.equal(getter(a), getter(b), `${key}: one getter for every model`);
    }
    // Still plain data to deep comparisons and JSON: the lists are there, the bookkeeping is not.
    assert.deepEqual(Object.keys(second), ['meta', 'nets', 'orphanMeasures', 'unknownNets', 'script', 'comments', 'codeSpans', 'textSpans']);
    assert.deepEqual(JSON.parse(JSON.stringify(second)).nets.length, second.nets.length);
    assert.deepEqual(comparable(incremental.update(`${text}\n\n`)), comparable(new IncrementalLinter(options, false).update(`${text}\n\n`)));
  });
});
